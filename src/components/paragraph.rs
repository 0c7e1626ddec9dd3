//! One paragraph: its segments, with every claimed segment a focusable `<mark>`.
//!
//! Marks carry no listeners of their own: the article listens once for all of them (see
//! `article.rs`) and finds the passage from its `data-seg` attribute. That keeps rendering a
//! long article cheap and the bundle small.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use super::{issue_class, ReaderRef};

#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    pub reader: ReaderRef,
    pub index: usize,
    /// Claims to emphasise, given only when one of them stands in this paragraph.
    pub linked: Option<Rc<Vec<usize>>>,
    /// The segment whose details are open, if it is in this paragraph.
    pub open_segment: Option<usize>,
    pub tooltip_id: AttrValue,
    pub muted: Rc<Vec<bool>>,
}

#[function_component]
pub fn Paragraph(props: &ParagraphProps) -> Html {
    let reader = &props.reader;
    let p = props.index;
    let segments = reader.paragraphs.get(p).map(Vec::as_slice).unwrap_or_default();
    html! {
        <p class="cr-paragraph">
            { for segments.iter().enumerate().map(|(s, segment)| {
                let text = reader.segment_text(p, segment);
                if segment.claims.is_empty() {
                    html! { { text } }
                } else {
                    passage(props, s, &segment.claims, segment.range.clone(), text)
                }
            }) }
        </p>
    }
}

/// The claims over a segment that the legend has not switched off.
pub fn shown_claims(reader: &crate::reader::Reader, claims: &[usize], muted: &[bool]) -> Vec<usize> {
    claims.iter().copied().filter(|&c| !muted.get(reader.cells[c].1).copied().unwrap_or(false)).collect()
}

fn passage(props: &ParagraphProps, s: usize, claims: &[usize], range: Range<usize>, text: &str) -> Html {
    let reader = &props.reader;
    let doc = &reader.doc;
    let shown = shown_claims(reader, claims, &props.muted);
    let is_muted = shown.is_empty();
    let lead = shown.first().or(claims.first()).copied().unwrap_or_default();
    let is_open = props.open_segment == Some(s);
    let is_linked = props.linked.as_ref().is_some_and(|l| claims.iter().any(|c| l.contains(c)));
    let mut class = format!("cr-passage {}", issue_class(reader.cells[lead].1));
    for (on, name) in [(claims.len() > 1, " is-multi"), (is_muted, " is-muted"), (is_linked, " is-linked"), (is_open, " is-open")] {
        if on {
            class.push_str(name);
        }
    }
    let ids = claims.iter().map(|&c| doc.claims[c].id.as_str()).collect::<Vec<_>>().join(" ");
    let mut issue_ids: Vec<&str> = claims.iter().map(|&c| doc.claims[c].issue.as_str()).collect();
    issue_ids.dedup();
    let placed = |c: usize| reader.anchors[c].as_ref();
    // Screen readers hear who holds the position where each claim begins, without opening anything.
    let announcements: Vec<String> = claims
        .iter()
        .filter(|&&c| placed(c).is_some_and(|a| a.range.start == range.start))
        .map(|&c| claim_label(reader, c))
        .collect();
    // In print, each passage is followed by the numbers of the claims that end there.
    let notes: Vec<String> = claims
        .iter()
        .filter(|&&c| placed(c).is_some_and(|a| a.range.end == range.end))
        .map(|&c| (c + 1).to_string())
        .collect();
    let notes = (!notes.is_empty()).then(|| notes.join(","));
    html! {
        <mark
            class={class}
            data-claim={ids}
            data-issue={issue_ids.join(" ")}
            data-note={notes}
            data-seg={(!is_muted).then(|| format!("{}-{s}", props.index))}
            tabindex={(!is_muted).then_some("0")}
            aria-describedby={is_open.then(|| props.tooltip_id.clone())}
        >
            { for announcements.into_iter().map(|a| html! { <span class="cr-sr">{ a }</span> }) }
            { text }
        </mark>
    }
}

/// "Claim: United States demands, on Ukraine's military." — what a screen reader announces.
pub fn claim_label(reader: &crate::reader::Reader, c: usize) -> String {
    let claim = &reader.doc.claims[c];
    let (party, issue) = reader.cells[c];
    let party = reader.doc.parties.get(party).map_or(claim.party.as_str(), |p| p.name.as_str());
    let issue = reader.doc.issues.get(issue).map_or(claim.issue.as_str(), |i| i.label.as_str());
    format!("Claim: {party} {}, on {issue}. ", claim.stance.word())
}
