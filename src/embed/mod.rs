//! The boundary with the host page: the JavaScript API, mounting into a shadow root, reading
//! data handed over by the page, the events the page can listen to ([`host_events`]) and links
//! to a claim in the page's URL ([`page_link`]). Everything page-facing is here; what crosses it
//! is a serde type converted with `serde-wasm-bindgen` ([`objects`]), so a wrong type is
//! reported, never ignored.

pub mod host_events;
pub mod objects;
pub mod page_link;

use std::cell::RefCell;
use std::rc::Rc;

use serde::{Deserialize, Deserializer};
use wasm_bindgen::prelude::*;
use web_sys::{DocumentFragment, Element, Node, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

use crate::components::{source_print, ReaderRef, ReaderRoot, ReaderRootProps, Source};

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

/// Where a mounted reader is, and what `destroy` puts back.
enum Placement {
    /// In a shadow root of its own, in `container`; the host's own children are kept aside in
    /// `saved` while the reader shows.
    Own { container: Element, saved: DocumentFragment },
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    /// Hydrated in place in `wrapper`, inside the host's declarative shadow root (a reader
    /// rendered ahead, see [`rendered_ahead`]); `copy` is that reader as it was found.
    Hydrated { wrapper: Element, copy: Node },
}

/// A mounted reader, as the JavaScript API hands it out.
#[wasm_bindgen]
pub struct ReaderHandle {
    host: Element,
    placement: Placement,
    app: Option<yew::AppHandle<ReaderRoot>>,
    theme: Option<AttrValue>,
    /// The host element's id, which links to this reader's claims name.
    name: Option<AttrValue>,
    /// What the reader shows, as it reports it.
    loaded: Rc<RefCell<Option<ReaderRef>>>,
    on_load: Callback<Option<ReaderRef>>,
}

impl ReaderHandle {
    fn props(&self, source: Source) -> ReaderRootProps {
        ReaderRootProps {
            source,
            theme: self.theme.clone(),
            name: self.name.clone(),
            on_load: self.on_load.clone(),
            prerender: false,
            hydrate: false,
        }
    }
}

#[wasm_bindgen]
impl ReaderHandle {
    /// Shows other data: a claims object or JSON text; `null` shows the loading state.
    pub fn update(&mut self, data: JsValue) {
        let props = self.props(source_of(&data));
        if let Some(app) = &mut self.app {
            app.update(props);
        }
    }

    /// Shows the error panel with `message`, e.g. when the data could not be fetched.
    pub fn fail(&mut self, message: String) {
        let props = self.props(Source::Failed(message.into()));
        if let Some(app) = &mut self.app {
            app.update(props);
        }
    }

    /// Removes the reader and its listeners, and puts the host element back as it was: its own
    /// children for a reader mounted into it, the reader rendered ahead for one that hydrated it
    /// (as it was rendered, readable without script again).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            self.loaded.replace(None);
            match &self.placement {
                Placement::Own { container, saved } => {
                    container.remove();
                    let _ = self.host.append_child(saved);
                }
                Placement::Hydrated { wrapper, copy } => {
                    while let Some(child) = wrapper.first_child() {
                        let _ = wrapper.remove_child(&child);
                    }
                    while let Some(child) = copy.first_child() {
                        let _ = wrapper.append_child(&child);
                    }
                }
            }
        }
    }

    /// The claims of the data shown, as plain objects shaped as in the claims file; an empty
    /// array while loading, after a failure, or once destroyed.
    pub fn claims(&self) -> JsValue {
        objects::claims_of(self.loaded.borrow().as_deref())
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

/// The element holding a reader rendered ahead in `host`'s declarative shadow root
/// (`claim-reader render --as embed`: the root's `<div>` around the reader), when there is one.
#[cfg(feature = "hydrate")]
fn rendered_ahead(host: &Element, data: &str) -> Option<Element> {
    let container = host.first_element_child().filter(|c| c.class_name() == "claim-reader-host")?;
    let shadow = container.shadow_root()?;
    shadow.query_selector(&rendered_by_this_build(".claim-reader", data)).ok()??.parent_element()
}

/// The selector of a reader rendered ahead by this build from `data`, so with the markup it
/// renders: a reader from another build (an older `claim-reader render`, a newer loader) or from
/// other data (an island edited since) would make yew stop with a panic if hydrated, and is
/// rendered afresh instead.
fn rendered_by_this_build(reader: &str, data: &str) -> String {
    format!("{reader}[data-static][data-build=\"{}\"][data-source=\"{}\"]", crate::MARKUP_BUILD, source_print(data))
}

/// The text of the JSON island `host` names (`data-claims`), when the page has it. A reader
/// rendered ahead is hydrated only with this data: `claim-reader render --as embed` writes it
/// with the reader, from the same file, and hydrating needs the data the reader was rendered
/// from, node for node; other data (a page calling `mount` with its own) is rendered afresh.
fn island_text(host: &Element, document: &web_sys::Document) -> Option<String> {
    let script = document.get_element_by_id(&host.get_attribute("data-claims")?)?;
    (script.tag_name() == "SCRIPT").then(|| script.text_content().unwrap_or_default())
}

/// True when `wrapper` holds the seed page's reader rendered ahead (`scripts/post-build`) by this
/// build.
fn holds_rendered_ahead(wrapper: &Element, data: &str) -> bool {
    wrapper.query_selector(&rendered_by_this_build(":scope > .claim-reader", data)).ok().flatten().is_some()
}

/// Mounts a reader into `host`, inside a shadow root so the page's styles and the reader's do
/// not meet. `data` is a claims object, JSON text, or null to show the loading state.
/// `options` is a [`MountOptions`]: `{ theme?: "light" | "dark", stylesheet?: string }`.
///
/// A host holding a reader rendered ahead (a declarative shadow root, see [`rendered_ahead`])
/// is hydrated instead when `data` is the text of the JSON island the host names
/// ([`island_text`]): the reader's nodes stay where they are, and the live reader takes them
/// over, with the stylesheet that shadow root already links.
#[wasm_bindgen]
pub fn mount(host: Element, data: JsValue, options: JsValue) -> Result<ReaderHandle, JsError> {
    let options = MountOptions::from_js(options)?;
    let document = host.owner_document().ok_or_else(|| JsError::new("claim-reader: the element is not in a document"))?;
    let theme = match options.theme {
        Some(theme) => Some(theme.attr()),
        None => host.get_attribute("data-theme").filter(|t| t == "light" || t == "dark").map(AttrValue::from),
    };
    let failed = |what: &str| JsError::new(&format!("claim-reader: could not {what}"));
    let name = Some(host.id()).filter(|id| !id.is_empty()).map(AttrValue::from);
    let loaded: Rc<RefCell<Option<ReaderRef>>> = Rc::default();
    let on_load = {
        let loaded = loaded.clone();
        Callback::from(move |reader| {
            loaded.replace(reader);
        })
    };
    let source = source_of(&data);

    // A build without the `hydrate` feature renders every reader afresh: the loader gives a page
    // with a reader rendered ahead the build that has it.
    #[cfg(feature = "hydrate")]
    let hydrate = match &source {
        Source::Json(json) => rendered_ahead(&host, json).filter(|_| island_text(&host, &document).as_deref() == Some(&**json)),
        _ => None,
    };
    #[cfg(feature = "hydrate")]
    if let Some(wrapper) = hydrate {
        // A copy of the reader as rendered, for `destroy` to put back.
        let copy = wrapper.clone_node_with_deep(true).map_err(|_| failed("copy the reader rendered ahead"))?;
        let placement = Placement::Hydrated { wrapper: wrapper.clone(), copy };
        let mut handle = ReaderHandle { host, placement, app: None, theme, name, loaded, on_load };
        let props = ReaderRootProps { hydrate: true, ..handle.props(source) };
        handle.app = Some(yew::Renderer::<ReaderRoot>::with_root_and_props(wrapper, props).hydrate());
        return Ok(handle);
    }

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
    let placement = Placement::Own { container, saved };
    let mut handle = ReaderHandle { host, placement, app: None, theme, name, loaded, on_load };
    let props = handle.props(source);
    handle.app = Some(yew::Renderer::<ReaderRoot>::with_root_and_props(root, props).render());
    Ok(handle)
}

/// The seed page: mounts the article whose claims the page carries in the JSON island named by
/// the `data-claims` of the element marked `data-claim-reader-seed`, without a shadow root
/// (the page's own stylesheet styles it). Pages that embed the reader have no such element.
/// The reader rendered ahead into the page (`scripts/post-build`) is hydrated in place.
pub fn mount_seed_page() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(Some(host)) = document.query_selector("[data-claim-reader-seed]") else { return };
    let source = match island_text(&host, &document) {
        Some(text) => Source::Json(text.into()),
        None => {
            let island = host.get_attribute("data-claims").unwrap_or_default();
            Source::Failed(format!("no <script type=\"application/json\" id=\"{island}\"> on the page (named by data-claims)").into())
        }
    };
    let hydrate = cfg!(feature = "hydrate") && matches!(&source, Source::Json(json) if holds_rendered_ahead(&host, json));
    // The page's only reader: its claim links need no name.
    let props = ReaderRootProps { source, theme: None, name: None, on_load: Callback::noop(), prerender: false, hydrate };
    let renderer = yew::Renderer::<ReaderRoot>::with_root_and_props(host, props);
    #[cfg(feature = "hydrate")]
    if hydrate {
        renderer.hydrate();
        return;
    }
    // `trunk serve`'s page has nothing rendered ahead; yew's render clears the element.
    renderer.render();
}
