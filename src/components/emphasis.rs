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
    paragraphs: NodeRef,
    reader: ReaderRef,
    open: Option<(usize, usize)>,
    linked: Rc<Vec<usize>>,
    tooltip_id: AttrValue,
    muted: Rc<Vec<bool>>,
) {
    // The marks emphasised last time, to undo without searching the article.
    let emphasised = use_mut_ref(Vec::<Element>::new);
    use_effect_with((open, linked, tooltip_id, muted, reader), move |(open, linked, tooltip_id, _, reader)| {
        for mark in emphasised.borrow_mut().drain(..) {
            let _ = mark.class_list().remove_2("is-open", "is-linked");
            let _ = mark.remove_attribute("aria-describedby");
        }
        let Some(paragraphs) = paragraphs.cast::<Element>() else { return };
        let mut now = Vec::new();
        if let Some(mark) = open.and_then(|seg| mark_at(&paragraphs, seg)) {
            let _ = mark.class_list().add_1("is-open");
            let _ = mark.set_attribute("aria-describedby", tooltip_id);
            now.push(mark);
        }
        for &c in linked.iter() {
            for mark in reader.segments_of.get(c).into_iter().flatten().filter_map(|&seg| mark_at(&paragraphs, seg)) {
                let _ = mark.class_list().add_1("is-linked");
                now.push(mark);
            }
        }
        *emphasised.borrow_mut() = now;
    });
}

/// The mark of segment `s` of paragraph `p`, if that segment is a passage.
fn mark_at(paragraphs: &Element, (p, s): (usize, usize)) -> Option<Element> {
    let paragraph = paragraphs.children().item(p as u32)?;
    paragraph.child_nodes().item(s as u32)?.dyn_into::<Element>().ok()
}
