//! A highlighted run of text: a focusable `<mark>` carrying the claims over it.
//!
//! Marks carry no listeners of their own: a long article has thousands, so the reader listens
//! once on its root (`events.rs`) and finds the passage from `data-seg`.

use std::rc::Rc;

use yew::prelude::*;

use super::context::use_reader;
use super::{class_list, issue_class};
use super::paragraph::{claim_label, shown_claims};

#[derive(Properties, PartialEq)]
pub struct PassageProps {
    pub paragraph: usize,
    pub segment: usize,
    /// Its details are open.
    pub open: bool,
    /// It belongs to the hovered table cell.
    pub linked: bool,
    pub muted: Rc<Vec<bool>>,
}

#[function_component]
pub fn Passage(props: &PassageProps) -> Html {
    let Some(context) = use_reader() else { return Html::default() };
    let reader = &context.reader;
    let (p, s) = (props.paragraph, props.segment);
    let Some(segment) = reader.paragraphs.get(p).and_then(|segments| segments.get(s)) else { return Html::default() };
    let claims = &segment.claims;
    let shown = shown_claims(reader, claims, &props.muted);
    // Passages whose issues are all switched off are no stop for focus and open nothing.
    let is_muted = shown.is_empty();
    let lead = shown.first().or(claims.first()).copied().unwrap_or_default();
    let class = class_list([
        Some("cr-passage"),
        Some(issue_class(reader.cells[lead].1)),
        (claims.len() > 1).then_some("is-multi"),
        is_muted.then_some("is-muted"),
        props.open.then_some("is-open"),
        props.linked.then_some("is-linked"),
    ]);
    let ids: Vec<&str> = claims.iter().map(|&c| reader.doc.claims[c].id.as_str()).collect();
    let mut issues: Vec<&str> = claims.iter().map(|&c| reader.doc.claims[c].issue.as_str()).collect();
    issues.dedup();
    let placed = |c: usize| reader.anchors[c].as_ref();
    // In print, each passage is followed by the numbers of the claims that end there.
    let notes: Vec<String> = claims
        .iter()
        .filter(|&&c| placed(c).is_some_and(|a| a.range.end == segment.range.end))
        .map(|c| (c + 1).to_string())
        .collect();
    let seg = (!is_muted).then(|| format!("{p}-{s}"));
    let live = !context.is_static();
    // Rendered ahead, each claim ending here links to its note, and the note back here. A
    // reader that took over one rendered ahead keeps the markers where they were, so no line
    // of the article moves; there the notes are gone, and a marker opens its passage's details
    // as the passage does (`events.rs`), for the pointer only: the passage is the stop for
    // focus and what screen readers read.
    let note_refs = (context.is_static() || context.hydrated).then(|| {
        let ending = claims.iter().copied().filter(|&c| placed(c).is_some_and(|a| a.range.end == segment.range.end));
        ending
            .map(|c| match context.is_static() {
                true => html! {
                    <a class="cr-note-ref" href={format!("#{}", context.note_id(c))} id={context.note_ref_id(c)}
                        aria-label={format!("Note {}", c + 1)} lang="en" dir="ltr">{ format!("[{}]", c + 1) }</a>
                },
                false => html! {
                    <a class="cr-note-ref" aria-hidden="true" lang="en" dir="ltr">{ format!("[{}]", c + 1) }</a>
                },
            })
            .collect::<Html>()
    });
    html! {
        <>
        <mark
            {class}
            data-claim={ids.join(" ")}
            data-issue={issues.join(" ")}
            data-note={(!notes.is_empty()).then(|| notes.join(","))}
            data-seg={seg}
            tabindex={(live && !is_muted).then_some("0")}
            aria-describedby={props.open.then(|| context.details_id())}
        >
            // Screen readers hear who holds the position where each claim begins, without
            // opening anything.
            { for claims.iter().filter(|&&c| placed(c).is_some_and(|a| a.range.start == segment.range.start)).map(|&c| html! {
                <span class="cr-sr" lang="en">{ claim_label(reader, c) }</span>
            }) }
            { reader.segment_text(p, segment) }
        </mark>
        { note_refs }
        </>
    }
}
