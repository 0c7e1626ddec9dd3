//! The article's paragraphs: their segments, with every claimed segment a focusable `<mark>`.
//!
//! Rendered once per data and legend state, never on hover: marks carry no listeners (the
//! article listens once for all of them and finds the passage from `data-seg`), and what hover
//! and focus emphasise is applied by `emphasis.rs`. A long article stays cheap to show and to use.

use std::ops::Range;
use std::rc::Rc;

use yew::prelude::*;

use super::{issue_class, ReaderRef};

#[derive(Properties, PartialEq)]
pub struct ParagraphsProps {
    pub reader: ReaderRef,
    pub muted: Rc<Vec<bool>>,
    /// Refers to the element holding the paragraphs.
    pub node: NodeRef,
}

#[function_component]
pub fn Paragraphs(props: &ParagraphsProps) -> Html {
    let reader = &props.reader;
    // Paragraph p is child p of this element, and segment s is child node s of its paragraph:
    // `emphasis.rs` finds a passage's mark from (p, s) without searching.
    html! {
        <div class="cr-paragraphs" ref={props.node.clone()}>
        { for reader.paragraphs.iter().enumerate().map(|(p, segments)| html! {
            <p class="cr-paragraph">
                { for segments.iter().enumerate().map(|(s, segment)| {
                    let text = reader.segment_text(p, segment);
                    if segment.claims.is_empty() {
                        html! { { text } }
                    } else {
                        passage(props, (p, s), &segment.claims, segment.range.clone(), text)
                    }
                }) }
            </p>
        }) }
        </div>
    }
}

/// The claims over a segment that the legend has not switched off.
pub fn shown_claims(reader: &crate::reader::Reader, claims: &[usize], muted: &[bool]) -> Vec<usize> {
    claims.iter().copied().filter(|&c| !muted.get(reader.cells[c].1).copied().unwrap_or(false)).collect()
}

fn passage(props: &ParagraphsProps, (p, s): (usize, usize), claims: &[usize], range: Range<usize>, text: &str) -> Html {
    let reader = &props.reader;
    let doc = &reader.doc;
    let shown = shown_claims(reader, claims, &props.muted);
    let is_muted = shown.is_empty();
    let lead = shown.first().or(claims.first()).copied().unwrap_or_default();
    let mut class = format!("cr-passage {}", issue_class(reader.cells[lead].1));
    for (on, name) in [(claims.len() > 1, " is-multi"), (is_muted, " is-muted")] {
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
            data-seg={(!is_muted).then(|| format!("{p}-{s}"))}
            tabindex={(!is_muted).then_some("0")}
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
