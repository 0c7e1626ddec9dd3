//! One paragraph: its text runs, each claimed run a [`Passage`].

use std::rc::Rc;

use yew::prelude::*;

use super::context::use_reader;
use super::passage::Passage;
use crate::reader::Reader;

#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    pub index: usize,
    /// The segment whose details are open, when it is in this paragraph.
    pub open: Option<usize>,
    /// The segments of the hovered table cell in this paragraph.
    pub linked: Vec<usize>,
    pub muted: Rc<Vec<bool>>,
}

#[function_component]
pub fn Paragraph(props: &ParagraphProps) -> Html {
    let Some(context) = use_reader() else { return Html::default() };
    let reader = &context.reader;
    let p = props.index;
    let Some(segments) = reader.paragraphs.get(p) else { return Html::default() };
    html! {
        <p class="cr-paragraph">
            { for segments.iter().enumerate().map(|(s, segment)| {
                let text = reader.segment_text(p, segment);
                if segment.claims.is_empty() {
                    Html::from(text)
                } else {
                    html! {
                        <Passage
                            paragraph={p}
                            segment={s}
                            open={props.open == Some(s)}
                            linked={props.linked.contains(&s)}
                            muted={props.muted.clone()}
                        />
                    }
                }
            }) }
        </p>
    }
}

/// The claims over a segment that the legend has not switched off.
pub fn shown_claims(reader: &Reader, claims: &[usize], muted: &[bool]) -> Vec<usize> {
    claims.iter().copied().filter(|&c| !muted.get(reader.cells[c].1).copied().unwrap_or(false)).collect()
}

/// "Claim: United States demands, on Ukraine's military. " — what a screen reader announces.
pub fn claim_label(reader: &Reader, c: usize) -> String {
    let claim = &reader.doc.claims[c];
    let (party, issue) = reader.cells[c];
    let party = reader.doc.parties.get(party).map_or(claim.party.as_str(), |p| p.name.as_str());
    let issue = reader.doc.issues.get(issue).map_or(claim.issue.as_str(), |i| i.label.as_str());
    format!("Claim: {party} {}, on {issue}. ", claim.stance.word())
}
