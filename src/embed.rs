//! The boundary with the host page: reading data, mounting, and telling the console.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::{ClaimReader, ErrorPanel, ReaderRef};
use crate::model::Diagnostic;
use crate::reader::Reader;

#[derive(Properties, PartialEq)]
pub struct LoadProps {
    /// The claims file, as JSON text.
    pub json: AttrValue,
}

/// Loads a claims file and shows the reader, or the error panel when it cannot be shown.
#[function_component]
pub fn Load(props: &LoadProps) -> Html {
    let result = use_memo(props.json.clone(), |json| {
        let result = Reader::from_json(json).map(Rc::new);
        match &result {
            Ok(r) => log(&r.warnings),
            Err(d) => log(d),
        }
        result
    });
    match &*result {
        Ok(reader) => html! { <ClaimReader reader={ReaderRef(reader.clone())} /> },
        Err(diagnostics) => html! { <ErrorPanel diagnostics={diagnostics.clone()} /> },
    }
}

/// Every diagnostic also goes to the browser console, for the developer embedding the reader.
fn log(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        let text = format!("claim-reader: {d}");
        if d.is_error() {
            web_sys::console::error_1(&text.into());
        } else {
            web_sys::console::warn_1(&text.into());
        }
    }
}

/// Mounts the reader with the built-in seed article into `#claim-reader`, or the body.
pub fn mount_seed() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let host = document.get_element_by_id("claim-reader").or_else(|| document.body().map(Into::into));
    if let Some(host) = host {
        yew::Renderer::<Load>::with_root_and_props(host, LoadProps { json: AttrValue::Static(crate::SEED_JSON) })
            .render();
    }
}
