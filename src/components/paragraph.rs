//! The article's paragraphs: their segments, with every claimed segment a focusable `<mark>`.
//!
//! Built straight into the DOM, once per data and legend state, and never on hover. A long
//! article is thousands of marks that never change between those states; a virtual DOM for
//! them would cost time on every load and bytes in the bundle for nothing. Marks carry no
//! listeners (the article listens once for all of them and finds the passage from `data-seg`),
//! and what hover and focus emphasise is applied by `emphasis.rs`. Only text is ever set from
//! the data, never markup.

use web_sys::{Document, Element, Node};

use super::issue_class;
use crate::reader::Reader;

/// Creates `<tag class=…>` at the end of `parent`.
pub fn append_element(doc: &Document, parent: &Node, tag: &str, class: &str) -> Option<Element> {
    let element = doc.create_element(tag).ok()?;
    if !class.is_empty() {
        element.set_class_name(class);
    }
    parent.append_child(&element).ok()?;
    Some(element)
}

/// Appends `text` to `parent` as one text node (even when empty, so node counts stay fixed).
pub fn append_text(doc: &Document, parent: &Node, text: &str) {
    let _ = parent.append_child(&doc.create_text_node(text));
}

/// Replaces the children of `container` with the article's paragraphs. Paragraph p becomes
/// child p of `container`, and segment s child node s of its paragraph: `emphasis.rs` finds a
/// passage's mark from (p, s) without searching.
pub fn render_paragraphs(container: &Element, reader: &Reader, muted: &[bool]) {
    let Some(doc) = container.owner_document() else { return };
    container.set_text_content(None);
    let fragment = doc.create_document_fragment();
    for (p, segments) in reader.paragraphs.iter().enumerate() {
        let Some(paragraph) = append_element(&doc, &fragment, "p", "cr-paragraph") else { return };
        for (s, segment) in segments.iter().enumerate() {
            let text = reader.segment_text(p, segment);
            if segment.claims.is_empty() {
                append_text(&doc, &paragraph, text);
            } else {
                passage(&doc, &paragraph, reader, muted, (p, s), text);
            }
        }
    }
    let _ = container.append_child(&fragment);
}

/// The claims over a segment that the legend has not switched off.
pub fn shown_claims(reader: &Reader, claims: &[usize], muted: &[bool]) -> Vec<usize> {
    claims.iter().copied().filter(|&c| !muted.get(reader.cells[c].1).copied().unwrap_or(false)).collect()
}

fn passage(doc: &Document, paragraph: &Element, reader: &Reader, muted: &[bool], (p, s): (usize, usize), text: &str) {
    let segment = &reader.paragraphs[p][s];
    let claims = &segment.claims;
    let shown = shown_claims(reader, claims, muted);
    let is_muted = shown.is_empty();
    let lead = shown.first().or(claims.first()).copied().unwrap_or_default();
    // Thousands of marks: strings are pushed, not formatted.
    let mut class = String::from("cr-passage ");
    class.push_str(issue_class(reader.cells[lead].1));
    for (on, name) in [(claims.len() > 1, " is-multi"), (is_muted, " is-muted")] {
        if on {
            class.push_str(name);
        }
    }
    let Some(mark) = append_element(doc, paragraph, "mark", &class) else { return };
    let mut claim_ids = String::new();
    let mut issue_ids = String::new();
    let mut last_issue = None;
    for &c in claims {
        let claim = &reader.doc.claims[c];
        push_word(&mut claim_ids, &claim.id);
        if last_issue != Some(claim.issue.as_str()) {
            push_word(&mut issue_ids, &claim.issue);
            last_issue = Some(claim.issue.as_str());
        }
    }
    let _ = mark.set_attribute("data-claim", &claim_ids);
    let _ = mark.set_attribute("data-issue", &issue_ids);
    let placed = |c: usize| reader.anchors[c].as_ref();
    // In print, each passage is followed by the numbers of the claims that end there.
    let mut notes = String::new();
    for &c in claims.iter().filter(|&&c| placed(c).is_some_and(|a| a.range.end == segment.range.end)) {
        if !notes.is_empty() {
            notes.push(',');
        }
        push_number(&mut notes, c + 1);
    }
    if !notes.is_empty() {
        let _ = mark.set_attribute("data-note", &notes);
    }
    if !is_muted {
        let mut seg = String::new();
        push_number(&mut seg, p);
        seg.push('-');
        push_number(&mut seg, s);
        let _ = mark.set_attribute("data-seg", &seg);
        let _ = mark.set_attribute("tabindex", "0");
    }
    // Screen readers hear who holds the position where each claim begins, without opening anything.
    for &c in claims.iter().filter(|&&c| placed(c).is_some_and(|a| a.range.start == segment.range.start)) {
        if let Some(sr) = append_element(doc, &mark, "span", "cr-sr") {
            sr.set_text_content(Some(&claim_label(reader, c)));
        }
    }
    append_text(doc, &mark, text);
}

/// Appends `word` to a space-separated list.
fn push_word(list: &mut String, word: &str) {
    if !list.is_empty() {
        list.push(' ');
    }
    list.push_str(word);
}

/// Appends `n` in decimal.
pub fn push_number(out: &mut String, n: usize) {
    if n >= 10 {
        push_number(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// "Claim: United States demands, on Ukraine's military." — what a screen reader announces.
pub fn claim_label(reader: &Reader, c: usize) -> String {
    let claim = &reader.doc.claims[c];
    let (party, issue) = reader.cells[c];
    let party = reader.doc.parties.get(party).map_or(claim.party.as_str(), |p| p.name.as_str());
    let issue = reader.doc.issues.get(issue).map_or(claim.issue.as_str(), |i| i.label.as_str());
    let mut label = String::from("Claim: ");
    for part in [party, " ", claim.stance.word(), ", on ", issue, ". "] {
        label.push_str(part);
    }
    label
}
