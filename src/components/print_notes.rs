//! On paper there is no hover: every claim's details, numbered like footnotes. Hidden on
//! screen by the stylesheet; the numbers also follow each passage in print. Built once per
//! article, like the paragraphs, since nothing in it ever changes.

use web_sys::Element;

use super::details::{attribution_line, certainty_line};
use super::static_dom::build_notes;
use crate::model::json::push_string;
use crate::reader::Reader;

/// Replaces the items of the list `ol` with one per claim, in claim order.
pub fn render_print_notes(ol: &Element, reader: &Reader) {
    let mut json = String::from("[");
    for (c, claim) in reader.doc.claims.iter().enumerate() {
        let (p, i) = reader.cells[c];
        if c > 0 {
            json.push(',');
        }
        json.push('[');
        push_string(&mut json, &format!("{} {}", reader.doc.parties[p].name, claim.stance.word()));
        json.push(',');
        let line = format!(
            " — {}. {} {}. {}.",
            reader.doc.issues[i].label,
            claim.summary,
            certainty_line(claim),
            attribution_line(claim)
        );
        push_string(&mut json, &line);
        json.push(']');
    }
    json.push(']');
    build_notes(ol, &json);
}
