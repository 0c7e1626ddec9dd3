//! The boundary with the host page: the JavaScript API, mounting into a shadow root, reading
//! data handed over by the page, and telling the console. Everything page-facing is here.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{DocumentFragment, Element, ShadowRootInit, ShadowRootMode};
use yew::html::Scope;
use yew::prelude::*;

use crate::components::{error_panel, ClaimReader, ReaderRef};
use crate::model::Diagnostic;
use crate::reader::Reader;
use crate::view_state::Action;

/// What a reader has to show: data still on its way, data, or why there is none.
#[derive(Clone, PartialEq)]
pub enum Source {
    Loading,
    /// A claims file, as JSON text.
    Json(AttrValue),
    Failed(AttrValue),
}

#[derive(Properties, PartialEq)]
pub struct LoadProps {
    pub source: Source,
    /// "light" or "dark" to override the reader's `prefers-color-scheme`.
    #[prop_or_default]
    pub theme: Option<AttrValue>,
}

/// What a [`Source`] shows.
enum Shown {
    Loading,
    Reader(Box<ClaimReader>),
    Failed(Vec<Diagnostic>),
}

/// Reads the source and says what to show; a reader already shown takes new data as it is.
fn load(source: &Source, shown: Option<Shown>, link: &Scope<Load>) -> Shown {
    let result = match source {
        Source::Loading => return Shown::Loading,
        Source::Json(json) => Reader::from_json(json).map(|r| ReaderRef(Rc::new(r))),
        Source::Failed(why) => Err(vec![Diagnostic::error("", why.to_string())]),
    };
    match result {
        Ok(reader) => {
            log(&reader.warnings);
            match shown {
                Some(Shown::Reader(mut shown)) => {
                    shown.show(reader);
                    Shown::Reader(shown)
                }
                _ => Shown::Reader(Box::new(ClaimReader::new(reader, link.callback(|action| action)))),
            }
        }
        Err(diagnostics) => {
            log(&diagnostics);
            Shown::Failed(diagnostics)
        }
    }
}

/// Loads a claims file and shows the reader, or the error panel when it cannot be shown.
///
/// The only component: the reader it shows is part of it (see `components/app.rs`), which
/// keeps a second copy of Yew's component lifecycle code out of the bundle.
pub struct Load {
    shown: Shown,
}

impl Component for Load {
    type Message = Action;
    type Properties = LoadProps;

    fn create(ctx: &Context<Self>) -> Self {
        Load { shown: load(&ctx.props().source, None, ctx.link()) }
    }

    /// Loads again only when the source changed, not when the same data is handed over again.
    fn changed(&mut self, ctx: &Context<Self>, old: &LoadProps) -> bool {
        if ctx.props().source != old.source {
            let shown = std::mem::replace(&mut self.shown, Shown::Loading);
            self.shown = load(&ctx.props().source, Some(shown), ctx.link());
        }
        true
    }

    fn update(&mut self, _: &Context<Self>, action: Action) -> bool {
        match &mut self.shown {
            Shown::Reader(reader) => reader.apply(action),
            _ => false,
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let theme = ctx.props().theme.clone();
        match &self.shown {
            Shown::Reader(reader) => reader.view(theme),
            Shown::Failed(diagnostics) => error_panel(diagnostics, theme),
            Shown::Loading => html! {
                <div class="claim-reader cr-loading" data-theme={theme} role="status">
                    <p>{ "Loading the article's claims…" }</p>
                </div>
            },
        }
    }

    fn rendered(&mut self, _: &Context<Self>, _: bool) {
        if let Shown::Reader(reader) = &mut self.shown {
            reader.rendered();
        }
    }
}

/// Every diagnostic also goes to the browser console, for the developer embedding the reader.
fn log(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let at = d.line_col.map(|(line, column)| format!(" (line {line}, column {column})")).unwrap_or_default();
        let text = JsValue::from(format!("claim-reader: {d}{at}"));
        if d.is_error() {
            web_sys::console::error_1(&text);
        } else {
            web_sys::console::warn_1(&text);
        }
    }
}

/// A mounted reader, as the JavaScript API hands it out.
#[wasm_bindgen]
pub struct ReaderHandle {
    host: Element,
    container: Element,
    /// The host's own children, kept aside while the reader shows and put back by `destroy`.
    saved: DocumentFragment,
    app: Option<yew::AppHandle<Load>>,
    theme: Option<AttrValue>,
}

#[wasm_bindgen]
impl ReaderHandle {
    /// Shows other data: a claims object or JSON text; `null` shows the loading state.
    pub fn update(&mut self, data: JsValue) {
        let source = source_of(&data);
        if let Some(app) = &mut self.app {
            app.update(LoadProps { source, theme: self.theme.clone() });
        }
    }

    /// Shows the error panel with `message`, e.g. when the data could not be fetched.
    pub fn fail(&mut self, message: String) {
        if let Some(app) = &mut self.app {
            app.update(LoadProps { source: Source::Failed(message.into()), theme: self.theme.clone() });
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

fn option_string(options: &JsValue, key: &str) -> Option<String> {
    if !options.is_object() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok().and_then(|v| v.as_string())
}

/// Mounts a reader into `host`, inside a shadow root so the page's styles and the reader's do
/// not meet. `data` is a claims object, JSON text, or null to show the loading state.
/// `options.stylesheet` is the URL of claim-reader.css; `options.theme` is "light" or "dark".
#[wasm_bindgen]
pub fn mount(host: Element, data: JsValue, options: JsValue) -> Result<ReaderHandle, JsError> {
    let document = host.owner_document().ok_or_else(|| JsError::new("the element is not in a document"))?;
    let theme = option_string(&options, "theme")
        .or_else(|| host.get_attribute("data-theme"))
        .filter(|t| t == "light" || t == "dark")
        .map(AttrValue::from);

    let saved = document.create_document_fragment();
    while let Some(child) = host.first_child() {
        saved.append_child(&child).map_err(|_| JsError::new("the element's children could not be set aside"))?;
    }
    let container = document.create_element("div").map_err(|_| JsError::new("could not create an element"))?;
    container.set_class_name("claim-reader-host");
    host.append_child(&container).map_err(|_| JsError::new("could not add to the element"))?;
    let shadow = container
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| JsError::new("could not attach a shadow root"))?;
    if let Some(href) = option_string(&options, "stylesheet") {
        let link = document.create_element("link").map_err(|_| JsError::new("could not create a link"))?;
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", &href);
        let _ = shadow.append_child(&link);
    }
    let root = document.create_element("div").map_err(|_| JsError::new("could not create an element"))?;
    shadow.append_child(&root).map_err(|_| JsError::new("could not fill the shadow root"))?;
    let props = LoadProps { source: source_of(&data), theme: theme.clone() };
    let app = yew::Renderer::<Load>::with_root_and_props(root, props).render();
    Ok(ReaderHandle { host, container, saved, app: Some(app), theme })
}

/// The built-in seed article, for hosts that name no data (the demo page).
#[wasm_bindgen(js_name = seedJson)]
pub fn seed_json() -> String {
    crate::SEED_JSON.to_string()
}

/// The seed page: mounts the built-in seed article into the element marked
/// `data-claim-reader-seed`, without a shadow root (the page's own stylesheet styles it).
/// Pages that embed the reader have no such element, so this does nothing there.
pub fn mount_seed_page() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(Some(host)) = document.query_selector("[data-claim-reader-seed]") {
        let props = LoadProps { source: Source::Json(AttrValue::Static(crate::SEED_JSON)), theme: None };
        yew::Renderer::<Load>::with_root_and_props(host, props).render();
    }
}
