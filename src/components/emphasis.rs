//! What hover and focus emphasise in the text: the passage whose details are open (`is-open`,
//! `aria-describedby`) and the passages of the hovered table cell (`is-linked`).
//!
//! Applied straight to the marks instead of re-rendering the article, so a hover costs the same
//! in a 900-paragraph article as in a short one. The paragraphs are rendered without these, and
//! re-rendered only when the legend changes, after which this runs again.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::ReaderRef;

#[hook]
pub fn use_passage_emphasis(
    body: NodeRef,
    reader: ReaderRef,
    open: Option<(usize, usize)>,
    linked: Rc<Vec<usize>>,
    tooltip_id: AttrValue,
    muted: Rc<Vec<bool>>,
) {
    use_effect_with((open, linked, tooltip_id, muted, reader), move |(open, linked, tooltip_id, _, reader)| {
        let Some(body) = body.cast::<Element>() else { return };
        for mark in select(&body, ".cr-passage.is-open, .cr-passage.is-linked") {
            let _ = mark.class_list().remove_2("is-open", "is-linked");
            let _ = mark.remove_attribute("aria-describedby");
        }
        if let Some((p, s)) = open {
            for mark in select(&body, &format!("mark[data-seg=\"{p}-{s}\"]")) {
                let _ = mark.class_list().add_1("is-open");
                let _ = mark.set_attribute("aria-describedby", tooltip_id);
            }
        }
        for claim in linked.iter().filter_map(|&c| reader.doc.claims.get(c)) {
            for mark in select(&body, &format!("mark[data-claim~=\"{}\"]", claim.id)) {
                let _ = mark.class_list().add_1("is-linked");
            }
        }
    });
}

fn select(root: &Element, selector: &str) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into::<Element>().ok()).collect()
}
