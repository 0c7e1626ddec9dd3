//! What hover and focus emphasise in the text: the passage whose details are open (`is-open`,
//! `aria-describedby`) and the passages of the hovered table cell (`is-linked`).
//!
//! Applied straight to the marks instead of re-rendering the article, so a hover costs the same
//! in a 900-paragraph article as in a short one. The paragraphs are rendered without these, and
//! re-rendered only when the legend changes, after which this runs again.

use wasm_bindgen::JsCast;
use web_sys::Element;

use super::paragraph::PER_CHUNK;
use crate::reader::Reader;

/// Emphasises the passage `open` (and points it at the details `tooltip_id`) and the passages
/// of the claims `linked`, after undoing what `emphasised` holds, which it then replaces.
/// Returns the open passage's mark.
pub fn apply_emphasis(
    paragraphs: &Element,
    reader: &Reader,
    open: Option<(usize, usize)>,
    linked: &[usize],
    tooltip_id: &str,
    emphasised: &mut Vec<Element>,
) -> Option<Element> {
    for mark in emphasised.drain(..) {
        let _ = mark.class_list().remove_2("is-open", "is-linked");
        let _ = mark.remove_attribute("aria-describedby");
    }
    let open = open.and_then(|seg| mark_at(paragraphs, seg));
    if let Some(mark) = &open {
        let _ = mark.class_list().add_1("is-open");
        let _ = mark.set_attribute("aria-describedby", tooltip_id);
        emphasised.push(mark.clone());
    }
    for &c in linked {
        for mark in reader.segments_of.get(c).into_iter().flatten().filter_map(|&seg| mark_at(paragraphs, seg)) {
            let _ = mark.class_list().add_1("is-linked");
            emphasised.push(mark);
        }
    }
    open
}

/// The mark of segment `s` of paragraph `p`, if that segment is a passage.
fn mark_at(paragraphs: &Element, (p, s): (usize, usize)) -> Option<Element> {
    let chunk = paragraphs.children().item((p / PER_CHUNK) as u32)?;
    let paragraph = chunk.children().item((p % PER_CHUNK) as u32)?;
    paragraph.child_nodes().item(s as u32)?.dyn_into::<Element>().ok()
}
