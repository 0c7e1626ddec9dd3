//! One paragraph: its segments, with every claimed segment a focusable `<mark>`.

use std::rc::Rc;

use yew::prelude::*;

use super::{dom, issue_class, ReaderRef};
use crate::view_state::{Action, OpenDetails, Opener};

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
    pub on_action: Callback<Action>,
    pub root: NodeRef,
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

fn passage(props: &ParagraphProps, s: usize, claims: &[usize], range: std::ops::Range<usize>, text: &str) -> Html {
    let start = range.start;
    let reader = &props.reader;
    let doc = &reader.doc;
    let trigger = (props.index, s);
    let issue_of = |c: usize| reader.cells[c].1;
    let shown: Vec<usize> = claims.iter().copied().filter(|&c| !props.muted.get(issue_of(c)).copied().unwrap_or(false)).collect();
    let is_muted = shown.is_empty();
    let lead = shown.first().or(claims.first()).copied().unwrap_or_default();
    let is_open = props.open_segment == Some(s);
    let is_linked = props.linked.as_ref().is_some_and(|l| claims.iter().any(|c| l.contains(c)));
    let class = classes!(
        "cr-passage",
        issue_class(issue_of(lead)),
        (claims.len() > 1).then_some("is-multi"),
        is_muted.then_some("is-muted"),
        is_linked.then_some("is-linked"),
        is_open.then_some("is-open"),
    );
    let ids = claims.iter().map(|&c| doc.claims[c].id.as_str()).collect::<Vec<_>>().join(" ");
    let mut issue_ids: Vec<&str> = claims.iter().map(|&c| doc.claims[c].issue.as_str()).collect();
    issue_ids.dedup();
    // Screen readers hear who holds the position where each claim begins, without opening anything.
    let announcements: Vec<String> = claims
        .iter()
        .filter(|&&c| reader.anchors[c].as_ref().is_some_and(|a| a.range.start == start))
        .map(|&c| claim_label(reader, c))
        .collect();

    // In print, each passage is followed by the numbers of the claims that end there.
    let notes: Vec<String> = claims
        .iter()
        .filter(|&&c| reader.anchors[c].as_ref().is_some_and(|a| a.range.end == range.end))
        .map(|&c| (c + 1).to_string())
        .collect();
    let notes = (!notes.is_empty()).then(|| notes.join(","));
    let open = |opener: Opener| {
        let on_action = props.on_action.clone();
        let root = props.root.clone();
        let claims = shown.clone();
        move |e: &Event, pointer: Option<(i32, i32)>| {
            if let Some(target) = dom::event_element(e, "mark.cr-passage") {
                let rect = dom::rect_within(&target, &root);
                on_action.emit(Action::Open(OpenDetails { trigger, claims: claims.clone(), rect, opener, pointer }));
            }
        }
    };
    let (on_hover, on_focus, on_tap) = (open(Opener::Hover), open(Opener::Focus), open(Opener::Tap));
    let onmouseenter = Callback::from(move |e: MouseEvent| on_hover(&e, Some((e.client_x(), e.client_y()))));
    let onfocus = Callback::from(move |e: FocusEvent| on_focus(&e, None));
    let onclick = Callback::from(move |e: MouseEvent| on_tap(&e, None));
    let onmouseleave = {
        let on_action = props.on_action.clone();
        let root = props.root.clone();
        Callback::from(move |e: MouseEvent| {
            // Moving onto the details keeps them open (WCAG 1.4.13: hoverable).
            if !dom::is_within(e.related_target(), &root, ".cr-details") {
                on_action.emit(Action::Leave(Opener::Hover));
            }
        })
    };
    let onblur = {
        let on_action = props.on_action.clone();
        let root = props.root.clone();
        Callback::from(move |e: FocusEvent| {
            if !dom::is_within(e.related_target(), &root, ".cr-details") {
                on_action.emit(Action::Leave(Opener::Focus));
            }
        })
    };
    if is_muted {
        return html! {
            <mark class={class} data-claim={ids} data-issue={issue_ids.join(" ")} data-note={notes}>{ text }</mark>
        };
    }
    html! {
        <mark
            class={class}
            data-claim={ids}
            data-issue={issue_ids.join(" ")}
            data-note={notes}
            tabindex="0"
            aria-describedby={is_open.then(|| props.tooltip_id.clone())}
            {onmouseenter}
            {onmouseleave}
            {onfocus}
            {onblur}
            {onclick}
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
