//! The root of every mounted reader: reads its source and shows the reader, the loading state
//! or the error panel.

use std::rc::Rc;

use yew::prelude::*;

use super::claim_reader::ClaimReader;
use super::error_panel::ErrorPanel;
use super::loading::Loading;
use super::ReaderRef;
use crate::model::Diagnostic;
use crate::reader::Reader;

/// What a reader has to show: data still on its way, data, or why there is none.
#[derive(Clone, PartialEq)]
pub enum Source {
    Loading,
    /// A claims file, as JSON text.
    Json(AttrValue),
    Failed(AttrValue),
}

#[derive(Properties, PartialEq)]
pub struct ReaderRootProps {
    pub source: Source,
    /// "light" or "dark" to override the reader's `prefers-color-scheme`.
    #[prop_or_default]
    pub theme: Option<AttrValue>,
    /// The reader's name in links to its claims (`#claim=<name>/<claim id>`).
    #[prop_or_default]
    pub name: Option<AttrValue>,
    /// Told what the reader shows whenever that changes: the loaded data, or `None`.
    #[prop_or_default]
    pub on_load: Callback<Option<ReaderRef>>,
    /// Rendered ahead as HTML that works with no script (see [`super::ReaderContext::is_static`]).
    #[prop_or_default]
    pub prerender: bool,
    /// Hydrates a reader rendered ahead from the same data (`prerender` on the server): the
    /// first render is that one, node for node, and the live reader follows in place.
    #[prop_or_default]
    pub hydrate: bool,
}

/// The fingerprint of a claims file's text, as a reader rendered ahead carries it
/// (`data-source`): the browser hydrates that reader only with data of the same fingerprint, as
/// yew stops on markup it would not render itself. Taken over the text with the escapes a JSON
/// island may add undone (`\u003c` and `<\/` for `<` and `</`), so the file a reader was
/// rendered from and the island written from it agree. The standard library's hasher: the
/// command and the browser's build of one tree, one toolchain, hash alike.
pub fn source_print(json: &str) -> String {
    use std::hash::Hasher;
    let text = json.trim().replace("\\u003c", "<").replace("<\\/", "</");
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    hasher.write(text.as_bytes());
    format!("{:016x}", hasher.finish())
}

/// The pipeline's result for a source: `None` while loading.
type Loaded = Option<Result<ReaderRef, Rc<Vec<Diagnostic>>>>;

fn load(source: &Source) -> Loaded {
    Some(match source {
        Source::Loading => return None,
        Source::Json(json) => Reader::from_json(json).map(|r| ReaderRef(Rc::new(r))).map_err(Rc::new),
        Source::Failed(why) => Err(Rc::new(vec![Diagnostic::error("", why.to_string())])),
    })
}

/// Loads again only when the source changes, not when the same data is handed over again.
#[function_component]
pub fn ReaderRoot(props: &ReaderRootProps) -> Html {
    let loaded = use_memo(props.source.clone(), load);
    use_effect_with((loaded.clone(), props.on_load.clone()), |(loaded, on_load)| {
        match &**loaded {
            Some(Ok(reader)) => log(&reader.warnings),
            Some(Err(diagnostics)) => log(diagnostics),
            None => {}
        }
        on_load.emit(match &**loaded {
            Some(Ok(reader)) => Some(reader.clone()),
            _ => None,
        });
    });
    let (theme, name) = (props.theme.clone(), props.name.clone());
    let print = match &props.source {
        Source::Json(json) if props.prerender || props.hydrate => Some(AttrValue::from(source_print(json))),
        _ => None,
    };
    match &*loaded {
        None => html! { <Loading {theme} /> },
        Some(Ok(reader)) => html! {
            <ClaimReader reader={reader.clone()} {theme} {name} prerender={props.prerender} hydrate={props.hydrate} source_print={print} />
        },
        Some(Err(diagnostics)) => html! { <ErrorPanel diagnostics={diagnostics.clone()} {theme} /> },
    }
}

/// Every diagnostic also goes to the browser console, for the developer embedding the reader.
fn log(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let at = d.line_col.map(|(line, column)| format!(" (line {line}, column {column})")).unwrap_or_default();
        let text = wasm_bindgen::JsValue::from(format!("claim-reader: {d}{at}"));
        if d.is_error() {
            web_sys::console::error_1(&text);
        } else {
            web_sys::console::warn_1(&text);
        }
    }
}
