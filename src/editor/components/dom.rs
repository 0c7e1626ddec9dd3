//! The editor's few direct calls to the page: where the selection is, saving a file, fetching
//! one, reading one the editor gives, taking the editor to an element. Each returns what it
//! found or why not; none panics on what the page holds.

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

/// Offers `text` as a file named `name`, of media type `mime` (UTF-8), to save (a Blob URL on a
/// link, clicked).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let failed = |what: &str| format!("The file could not be saved: {what}.");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
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

/// The text of a file the editor was given (picked or dropped), or why it cannot be read. A file
/// past the format's size limit is refused before it is read.
pub async fn read_file(file: &web_sys::File) -> Result<String, String> {
    let name = file.name();
    let size = file.size();
    if size > crate::model::MAX_BYTES as f64 {
        return Err(format!(
            "\"{name}\" could not be opened: it is {size} bytes, more than the limit of {} for a claims file.",
            crate::model::MAX_BYTES
        ));
    }
    let text = JsFuture::from(file.text()).await.map_err(|e| format!("\"{name}\" could not be read: {}", describe(&e)))?;
    text.as_string().ok_or_else(|| format!("\"{name}\" could not be read as text."))
}

/// Takes the editor to the first element the page has of `selectors`: scrolls it to the middle
/// of the screen, marks it (`data-located`, which the style sheet highlights; the last one
/// marked is unmarked) and moves the focus to it, making it focusable if it is not. False when
/// the page has none of them.
pub fn locate(selectors: &[String]) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let found = selectors.iter().find_map(|s| document.query_selector(s).ok().flatten());
    let Some(element) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    if let Ok(marked) = document.query_selector_all("[data-located]") {
        for i in 0..marked.length() {
            if let Some(old) = marked.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = old.remove_attribute("data-located");
            }
        }
    }
    let _ = element.set_attribute("data-located", "");
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = element.focus();
    let focused = |e: &web_sys::HtmlElement| document.active_element().is_some_and(|a| a == **e);
    if !focused(&element) {
        // Not focusable by itself (a list item): focusable from script, out of the Tab order.
        let _ = element.set_attribute("tabindex", "-1");
        let _ = element.focus();
    }
    true
}
