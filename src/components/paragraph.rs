//! The article's paragraphs: their segments, with every claimed segment a focusable `<mark>`.
//!
//! Built once per data and legend state, and never on hover: a long article is thousands of
//! marks that never change between those states, so they skip the virtual DOM. The wasm side
//! writes them as one JSON text and `static_dom.js` makes the elements in one call (see there
//! for why). Marks carry no listeners (the article listens once for all of them and finds the
//! passage from `data-seg`), and what hover and focus emphasise is applied by `emphasis.rs`.

use web_sys::Element;

use super::issue_class;
use super::static_dom::build_paragraphs;
use crate::model::json::push_string;
use crate::reader::Reader;

/// Paragraphs per chunk: a long article's paragraphs are grouped, so that hit testing and
/// `content-visibility` deal with tens of chunks rather than hundreds of paragraphs.
pub const PER_CHUNK: usize = 32;

/// Replaces the children of `container` with the article's paragraphs. Paragraph p becomes
/// child p % [`PER_CHUNK`] of chunk p / [`PER_CHUNK`], and segment s child node s of its
/// paragraph: `emphasis.rs` finds a passage's mark from (p, s) without searching.
pub fn render_paragraphs(container: &Element, reader: &Reader, muted: &[bool]) {
    let mut json = String::with_capacity(reader.doc.article.paragraphs.iter().map(|p| p.len() + 64).sum());
    json.push('[');
    for (p, segments) in reader.paragraphs.iter().enumerate() {
        if p > 0 {
            json.push(',');
        }
        json.push('[');
        for (s, segment) in segments.iter().enumerate() {
            if s > 0 {
                json.push(',');
            }
            let text = reader.segment_text(p, segment);
            if segment.claims.is_empty() {
                push_string(&mut json, text);
            } else {
                passage(&mut json, reader, muted, (p, s), text);
            }
        }
        json.push(']');
    }
    json.push(']');
    build_paragraphs(container, &json, PER_CHUNK as u32);
}

/// The claims over a segment that the legend has not switched off.
pub fn shown_claims(reader: &Reader, claims: &[usize], muted: &[bool]) -> Vec<usize> {
    claims.iter().copied().filter(|&c| !muted.get(reader.cells[c].1).copied().unwrap_or(false)).collect()
}

/// `[text, class, claimIds, issueIds, note, seg, ...labels]`, as `static_dom.js` reads it.
fn passage(json: &mut String, reader: &Reader, muted: &[bool], (p, s): (usize, usize), text: &str) {
    let segment = &reader.paragraphs[p][s];
    let claims = &segment.claims;
    let shown = shown_claims(reader, claims, muted);
    let is_muted = shown.is_empty();
    let lead = shown.first().or(claims.first()).copied().unwrap_or_default();
    let mut class = String::from("cr-passage ");
    class.push_str(issue_class(reader.cells[lead].1));
    for (on, name) in [(claims.len() > 1, " is-multi"), (is_muted, " is-muted")] {
        if on {
            class.push_str(name);
        }
    }
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
    let placed = |c: usize| reader.anchors[c].as_ref();
    // In print, each passage is followed by the numbers of the claims that end there.
    let mut notes = String::new();
    for &c in claims.iter().filter(|&&c| placed(c).is_some_and(|a| a.range.end == segment.range.end)) {
        if !notes.is_empty() {
            notes.push(',');
        }
        push_number(&mut notes, c + 1);
    }
    // Muted passages are no stop for focus and open nothing.
    let mut seg = String::new();
    if !is_muted {
        push_number(&mut seg, p);
        seg.push('-');
        push_number(&mut seg, s);
    }
    json.push('[');
    for (k, field) in [text, &class, &claim_ids, &issue_ids, &notes, &seg].into_iter().enumerate() {
        if k > 0 {
            json.push(',');
        }
        push_string(json, field);
    }
    // Screen readers hear who holds the position where each claim begins, without opening anything.
    for &c in claims.iter().filter(|&&c| placed(c).is_some_and(|a| a.range.start == segment.range.start)) {
        json.push(',');
        push_string(json, &claim_label(reader, c));
    }
    json.push(']');
}

/// Appends `word` to a space-separated list.
fn push_word(list: &mut String, word: &str) {
    if !list.is_empty() {
        list.push(' ');
    }
    list.push_str(word);
}

/// Appends `n` in decimal.
fn push_number(out: &mut String, n: usize) {
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
