//! The editor's few direct calls to the page: where the selection is, saving a file, fetching
//! one. Each returns what it found or why not; none panics on what the page holds.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, Node};

/// Words selected in the article: paragraph, then start and end in UTF-16 units.
pub struct Selected {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// The selection inside `pane`'s paragraphs (`[data-paragraph]`): `None` when nothing is
/// selected there (a caret, or a selection elsewhere on the page, such as in a form field);
/// `Some(Err)` when it runs out of one paragraph.
pub fn selection_in(pane: &Element) -> Option<Result<Selected, String>> {
    let window = web_sys::window()?;
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let (start_node, end_node) = (range.start_container().ok()?, range.end_container().ok()?);
    let (first, last) = (paragraph_of(pane, &start_node), paragraph_of(pane, &end_node));
    let paragraph = match (first, last) {
        (None, None) => return None,
        (Some(a), Some(b)) if a == b => a,
        _ => return Some(Err("Select words within one paragraph: a quote cannot run across paragraphs.".into())),
    };
    let index = paragraph.get_attribute("data-paragraph")?.parse().ok()?;
    let document = window.document()?;
    // UTF-16 units from the paragraph's start to a point, as the DOM counts them.
    let units_to = |node: &Node, offset: u32| -> Option<usize> {
        let before = document.create_range().ok()?;
        before.select_node_contents(&paragraph).ok()?;
        before.set_end(node, offset).ok()?;
        Some(before.unchecked_ref::<js_sys::Object>().to_string().length() as usize)
    };
    let start = units_to(&start_node, range.start_offset().ok()?)?;
    let end = units_to(&end_node, range.end_offset().ok()?)?;
    Some(Ok(Selected { paragraph: index, start, end }))
}

/// The article paragraph of `pane` that holds `node`.
fn paragraph_of(pane: &Element, node: &Node) -> Option<Element> {
    let mut at = Some(node.clone());
    while let Some(node) = at {
        if let Some(element) = node.dyn_ref::<Element>() {
            if element.has_attribute("data-paragraph") && element.class_list().contains("ed-paragraph") {
                return pane.contains(Some(element)).then(|| element.clone());
            }
        }
        at = node.parent_node();
    }
    None
}

/// Offers `text` as a file named `name` to save (a Blob URL on a link, clicked).
pub fn download(name: &str, text: &str) -> Result<(), String> {
    let failed = |what: &str| format!("The file could not be saved: {what}.");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| failed("no Blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed("no object URL"))?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| failed("no document"))?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(|_| failed("no link"))?.dyn_into().map_err(|_| failed("no link"))?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The download has its own copy once started; the URL can go after this task.
    gloo_timers::callback::Timeout::new(1_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The text at `url` (relative to the page), or why it could not be had.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let failed = |why: String| format!("{url} could not be fetched: {why}");
    let window = web_sys::window().ok_or_else(|| failed("no window".into()))?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|e| failed(describe(&e)))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("no response".into()))?;
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    let text = response.text().map_err(|e| failed(describe(&e)))?;
    let text = JsFuture::from(text).await.map_err(|e| failed(describe(&e)))?;
    text.as_string().ok_or_else(|| failed("not text".into()))
}

fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// Moves the focus to the element `selector` names once the render under way is in the page.
pub fn focus_soon(selector: impl Into<String>) {
    let selector = selector.into();
    gloo_timers::callback::Timeout::new(0, move || {
        let element = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten());
        if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    })
    .forget();
}
