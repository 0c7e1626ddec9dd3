//! Who wants what: a party × issue table whose cells lead to the passages behind them.
//!
//! Written twice, parties down and issues across, and turned (issues down, parties across);
//! the stylesheet shows the one that fits the reader's column (container queries on the
//! number of issue columns, `cr-cols-N`), so seven issues in a 550 px column are read down
//! rather than cut off. What does not fit even turned scrolls in its own box, with shadows at
//! the edges that have more.

use std::rc::Rc;

use yew::prelude::*;

use super::context::use_reader;
use super::issue_class;
use super::stance_cell::StanceCell;
use crate::view_state::Cell;

#[derive(Properties, PartialEq)]
pub struct StanceTableProps {
    /// Cells linked to what is shown: those of the open claims, and the hovered one.
    pub linked: Rc<[Cell]>,
}

#[function_component]
pub fn StanceTable(props: &StanceTableProps) -> Html {
    let Some(context) = use_reader() else { return Html::default() };
    let doc = &context.reader.doc;
    let cell = |p: usize, i: usize| html! { <StanceCell party={p} issue={i} linked={props.linked.contains(&(p, i))} /> };
    let caption = html! {
        <caption>
            { "Who wants what" }
            <span class="cr-caption-note">
                { "Each party's stance on each issue, as this article reports it. Select a cell to see its passage." }
            </span>
        </caption>
    };
    let issue_heading = |i: usize, scope: &'static str| {
        let issue = &doc.issues[i];
        html! {
            <th {scope} data-issue={issue.id.clone()} class={issue_class(i)}>
                <Swatch /><span class="cr-issue-label">{ &issue.label }</span>
            </th>
        }
    };
    let party_heading = |p: usize, scope: &'static str| {
        let party = &doc.parties[p];
        html! { <th {scope} data-party={party.id.clone()}>{ &party.name }</th> }
    };
    // Turning helps only when there are more issues than parties.
    let turns = doc.issues.len() > doc.parties.len();
    let columns = if turns { format!("cr-cols-{}", doc.issues.len().min(13)) } else { String::new() };
    html! {
        <div class={classes!("cr-table-wrap", columns)} tabindex="0" role="region" aria-label="Stance table, scrolls sideways">
            <table class="cr-stance-table cr-wide">
                { caption.clone() }
                <thead>
                    <tr>
                        <th scope="col" class="cr-corner">{ "Party" }</th>
                        { for (0..doc.issues.len()).map(|i| issue_heading(i, "col")) }
                    </tr>
                </thead>
                <tbody>
                    { for (0..doc.parties.len()).map(|p| html! {
                        <tr key={p}>
                            { party_heading(p, "row") }
                            { for (0..doc.issues.len()).map(|i| cell(p, i)) }
                        </tr>
                    }) }
                </tbody>
            </table>
            if turns {
            <table class="cr-stance-table cr-turned">
                { caption }
                <thead>
                    <tr>
                        <th scope="col" class="cr-corner">{ "Issue" }</th>
                        { for (0..doc.parties.len()).map(|p| party_heading(p, "col")) }
                    </tr>
                </thead>
                <tbody>
                    { for (0..doc.issues.len()).map(|i| html! {
                        <tr key={i}>
                            { issue_heading(i, "row") }
                            { for (0..doc.parties.len()).map(|p| cell(p, i)) }
                        </tr>
                    }) }
                </tbody>
            </table>
            }
        </div>
    }
}

/// The colour swatch before an issue's name: a small highlight in the issue's colour and line.
#[function_component]
pub fn Swatch() -> Html {
    html! { <span class="cr-swatch" aria-hidden="true"></span> }
}
