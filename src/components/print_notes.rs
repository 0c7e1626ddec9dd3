//! On paper there is no hover: every claim's details, numbered like footnotes. Hidden on
//! screen by the stylesheet; the numbers also follow each passage in print. Built straight into
//! the DOM once per article, like the paragraphs, since nothing in it ever changes.

use web_sys::Element;

use super::details::{attribution_line, certainty_line};
use super::paragraph::{append_element, append_text};
use crate::reader::Reader;

/// Replaces the items of the list `ol` with one per claim, in claim order.
pub fn render_print_notes(ol: &Element, reader: &Reader) {
    let Some(doc) = ol.owner_document() else { return };
    ol.set_text_content(None);
    let fragment = doc.create_document_fragment();
    for (c, claim) in reader.doc.claims.iter().enumerate() {
        let (p, i) = reader.cells[c];
        let Some(li) = append_element(&doc, &fragment, "li", "") else { return };
        if let Some(strong) = append_element(&doc, &li, "strong", "") {
            strong.set_text_content(Some(&format!("{} {}", reader.doc.parties[p].name, claim.stance.word())));
        }
        let line = format!(
            " — {}. {} {}. {}.",
            reader.doc.issues[i].label,
            claim.summary,
            certainty_line(claim),
            attribution_line(claim)
        );
        append_text(&doc, &li, &line);
    }
    let _ = ol.append_child(&fragment);
}
