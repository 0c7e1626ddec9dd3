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
        <caption lang="en" dir="ltr">
            { "Who wants what" }
            <span class="cr-caption-note">
                { "Each party's stance on each issue, as this article reports it. Select a cell to see its passage." }
            </span>
        </caption>
    };
    // A heading for row or column `k`: an issue's (with its swatch) or a party's.
    let heading = |issue: bool, k: usize, scope: &'static str| {
        if issue {
            let item = &doc.issues[k];
            html! {
                <th {scope} data-issue={item.id.clone()} class={issue_class(k)}>
                    { swatch() }<span class="cr-issue-label" dir="auto">{ &item.label }</span>
                </th>
            }
        } else {
            html! { <th {scope} data-party={doc.parties[k].id.clone()}><span dir="auto">{ &doc.parties[k].name }</span></th> }
        }
    };
    // Parties down and issues across, or (`turned`) issues down and parties across.
    let table = |turned: bool| {
        let (down, across) = if turned { (doc.issues.len(), doc.parties.len()) } else { (doc.parties.len(), doc.issues.len()) };
        html! {
            <table class={if turned { "cr-stance-table cr-turned" } else { "cr-stance-table cr-wide" }}>
                { caption.clone() }
                <thead>
                    <tr>
                        <th scope="col" class="cr-corner" lang="en" dir="ltr">{ if turned { "Issue" } else { "Party" } }</th>
                        { for (0..across).map(|a| heading(!turned, a, "col")) }
                    </tr>
                </thead>
                <tbody>
                    { for (0..down).map(|d| html! {
                        <tr key={d}>
                            { heading(turned, d, "row") }
                            { for (0..across).map(|a| if turned { cell(a, d) } else { cell(d, a) }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        }
    };
    // Turning helps only when there are more issues than parties.
    let turns = doc.issues.len() > doc.parties.len();
    let wrap_class = if turns { format!("cr-table-wrap cr-cols-{}", doc.issues.len().min(13)) } else { "cr-table-wrap".to_owned() };
    html! {
        <div class={wrap_class} tabindex="0" role="region" aria-label="Stance table">
            { table(false) }
            if turns { { table(true) } }
        </div>
    }
}

/// The colour swatch before an issue's name: a small highlight in the issue's colour and line.
pub fn swatch() -> Html {
    html! { <span class="cr-swatch" aria-hidden="true"></span> }
}
