//! The boundary with the host page: the JavaScript API, mounting into a shadow root, and reading
//! data handed over by the page. Everything page-facing is here; what crosses it is a serde
//! type converted with `serde-wasm-bindgen`, so a wrong type is reported, never ignored.

use serde::{Deserialize, Deserializer};
use wasm_bindgen::prelude::*;
use web_sys::{DocumentFragment, Element, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

use crate::components::{ReaderRoot, ReaderRootProps, Source};

/// The palette a host can fix instead of following `prefers-color-scheme`.
#[derive(Deserialize, Clone, Copy, PartialEq, Debug)]
#[serde(rename_all = "lowercase", expecting = "\"light\" or \"dark\"")]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    fn attr(self) -> AttrValue {
        AttrValue::Static(match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        })
    }
}

/// The options of `mount`. Unknown fields are refused, so a misspelt option is reported.
#[derive(Deserialize, Default, Debug, PartialEq)]
pub struct MountOptions {
    #[serde(default, deserialize_with = "theme")]
    pub theme: Option<Theme>,
    /// The URL of claim-reader.css, linked inside the shadow root.
    #[serde(default, deserialize_with = "stylesheet")]
    pub stylesheet: Option<String>,
}

/// Deserialises a field, naming it in the error.
fn field<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D, name: &str) -> Result<T, D::Error> {
    T::deserialize(d).map_err(|e| serde::de::Error::custom(format_args!("{name}: {e}")))
}

fn theme<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Theme>, D::Error> {
    field(d, "theme")
}

fn stylesheet<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    field(d, "stylesheet")
}

impl MountOptions {
    const FIELDS: [&'static str; 2] = ["theme", "stylesheet"];

    /// Reads the options a page passed: `undefined` and `null` are no options.
    pub fn from_js(options: JsValue) -> Result<MountOptions, JsError> {
        if options.is_undefined() || options.is_null() {
            return Ok(MountOptions::default());
        }
        let wrong = |e: &dyn std::fmt::Display| JsError::new(&format!("claim-reader: mount options: {e}"));
        // serde-wasm-bindgen reads only the fields a struct names, so a misspelt one is found here.
        if let Some(options) = options.dyn_ref::<js_sys::Object>() {
            for key in js_sys::Object::keys(options).iter().filter_map(|k| k.as_string()) {
                if !Self::FIELDS.contains(&key.as_str()) {
                    return Err(wrong(&format_args!("unknown field \"{key}\", expected \"theme\" or \"stylesheet\"")));
                }
            }
        }
        serde_wasm_bindgen::from_value(options).map_err(|e| wrong(&e))
    }
}

/// A mounted reader, as the JavaScript API hands it out.
#[wasm_bindgen]
pub struct ReaderHandle {
    host: Element,
    container: Element,
    /// The host's own children, kept aside while the reader shows and put back by `destroy`.
    saved: DocumentFragment,
    app: Option<yew::AppHandle<ReaderRoot>>,
    theme: Option<AttrValue>,
}

#[wasm_bindgen]
impl ReaderHandle {
    /// Shows other data: a claims object or JSON text; `null` shows the loading state.
    pub fn update(&mut self, data: JsValue) {
        let source = source_of(&data);
        if let Some(app) = &mut self.app {
            app.update(ReaderRootProps { source, theme: self.theme.clone() });
        }
    }

    /// Shows the error panel with `message`, e.g. when the data could not be fetched.
    pub fn fail(&mut self, message: String) {
        if let Some(app) = &mut self.app {
            app.update(ReaderRootProps { source: Source::Failed(message.into()), theme: self.theme.clone() });
        }
    }

    /// Removes the reader and its listeners, and puts the host element back as it was.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            self.container.remove();
            let _ = self.host.append_child(&self.saved);
        }
    }

    #[wasm_bindgen(getter)]
    pub fn destroyed(&self) -> bool {
        self.app.is_none()
    }
}

/// Reads what the page handed over: JSON text, a claims object, or null/undefined (loading).
/// An object is read as JSON text, so that it gets the same diagnostics as a file.
fn source_of(data: &JsValue) -> Source {
    if data.is_null() || data.is_undefined() {
        return Source::Loading;
    }
    if let Some(text) = data.as_string() {
        return Source::Json(text.into());
    }
    match js_sys::JSON::stringify(data) {
        Ok(text) => Source::Json(String::from(text).into()),
        Err(_) => Source::Failed("the claims data could not be read as JSON (does it refer to itself?)".into()),
    }
}

/// Mounts a reader into `host`, inside a shadow root so the page's styles and the reader's do
/// not meet. `data` is a claims object, JSON text, or null to show the loading state.
/// `options` is a [`MountOptions`]: `{ theme?: "light" | "dark", stylesheet?: string }`.
#[wasm_bindgen]
pub fn mount(host: Element, data: JsValue, options: JsValue) -> Result<ReaderHandle, JsError> {
    let options = MountOptions::from_js(options)?;
    let document = host.owner_document().ok_or_else(|| JsError::new("claim-reader: the element is not in a document"))?;
    let theme = match options.theme {
        Some(theme) => Some(theme.attr()),
        None => host.get_attribute("data-theme").filter(|t| t == "light" || t == "dark").map(AttrValue::from),
    };
    let failed = |what: &str| JsError::new(&format!("claim-reader: could not {what}"));

    let saved = document.create_document_fragment();
    while let Some(child) = host.first_child() {
        saved.append_child(&child).map_err(|_| failed("set the element's children aside"))?;
    }
    let container = document.create_element("div").map_err(|_| failed("create an element"))?;
    container.set_class_name("claim-reader-host");
    host.append_child(&container).map_err(|_| failed("add to the element"))?;
    let shadow =
        container.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)).map_err(|_| failed("attach a shadow root"))?;
    if let Some(href) = &options.stylesheet {
        let link = document.create_element("link").map_err(|_| failed("create a link"))?;
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", href);
        let _ = shadow.append_child(&link);
    }
    let root = document.create_element("div").map_err(|_| failed("create an element"))?;
    shadow.append_child(&root).map_err(|_| failed("fill the shadow root"))?;
    let props = ReaderRootProps { source: source_of(&data), theme: theme.clone() };
    let app = yew::Renderer::<ReaderRoot>::with_root_and_props(root, props).render();
    Ok(ReaderHandle { host, container, saved, app: Some(app), theme })
}

/// The seed page: mounts the article whose claims the page carries in the JSON island named by
/// the `data-claims` of the element marked `data-claim-reader-seed`, without a shadow root
/// (the page's own stylesheet styles it). Pages that embed the reader have no such element.
pub fn mount_seed_page() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(Some(host)) = document.query_selector("[data-claim-reader-seed]") else { return };
    let island = host.get_attribute("data-claims").unwrap_or_default();
    let source = match document.get_element_by_id(&island) {
        Some(script) if script.tag_name() == "SCRIPT" => Source::Json(script.text_content().unwrap_or_default().into()),
        _ => Source::Failed(format!("no <script type=\"application/json\" id=\"{island}\"> on the page (named by data-claims)").into()),
    };
    yew::Renderer::<ReaderRoot>::with_root_and_props(host, ReaderRootProps { source, theme: None }).render();
}
