//! Who wants what: parties down, issues across, each cell linked to the passages behind it.

use yew::prelude::*;

use super::{issue_class, ReaderRef};
use crate::model::Direction;
use crate::stance::CellStance;
use crate::view_state::Cell;

/// The table; `linked` are the cells of the claims whose details are shown, and `hovered` the
/// cell under the pointer or focus. Its buttons are handled by `events.rs`.
pub fn stance_table(reader: &ReaderRef, linked: &[Cell], hovered: Option<Cell>) -> Html {
    let doc = &reader.doc;
    html! {
        <div class="cr-table-wrap" tabindex="0" role="region" aria-label="Stance table, scrolls sideways">
            <table class="cr-stance-table">
                <caption>{ "Who wants what" }<span class="cr-caption-note">{ "Each party's stance on each issue, as this article reports it. Select a cell to see its passage." }</span></caption>
                <thead>
                    <tr>
                        <th scope="col" class="cr-corner">{ "Party" }</th>
                        { for doc.issues.iter().enumerate().map(|(i, issue)| html! {
                            <th scope="col" data-issue={issue.id.clone()} class={issue_class(i)}>
                                <span class="cr-swatch" aria-hidden="true"></span>{ &issue.label }
                            </th>
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for doc.parties.iter().enumerate().map(|(p, party)| html! {
                        <tr>
                            <th scope="row" data-party={party.id.clone()}>{ &party.name }</th>
                            { for (0..doc.issues.len()).map(|i| cell(reader, p, i, linked.contains(&(p, i)) || hovered == Some((p, i)))) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn cell(reader: &ReaderRef, p: usize, i: usize, is_linked: bool) -> Html {
    let doc = &reader.doc;
    let cell = reader.table.cell(p, i);
    let party = &doc.parties[p];
    let issue = &doc.issues[i];
    let class = if is_linked { "cr-cell-td is-linked" } else { "cr-cell-td" };
    let stance = &cell.stance;
    let (word_html, direction_class) = match stance {
        CellStance::NotStated => (html! { <span class="cr-not-stated">{ "not stated" }</span> }, "is-none"),
        CellStance::One(s) => (stance_word(s.direction(), s.word()), direction_word(s.direction())),
        CellStance::Mixed(list) => (
            html! { <>{ for list.iter().enumerate().map(|(k, s)| html! {
                <>
                    if k > 0 { <span class="cr-sep">{ " / " }</span> }
                    { stance_word(s.direction(), s.word()) }
                </>
            }) }</> },
            "is-mixed",
        ),
    };
    let count = cell.claims.len();
    html! {
        <td class={class} data-party={party.id.clone()} data-issue={issue.id.clone()} data-stance={stance.word()}>
            if count == 0 {
                { word_html }
            } else {
                <button type="button" class={format!("cr-cell {direction_class}")}>
                    // The button's name is its visible text, with who and what before it for
                    // screen readers (WCAG 2.5.3: the name contains the visible label).
                    <span class="cr-sr">{ format!("{}, {}: ", party.name, issue.label) }</span>
                    { word_html }
                    <span class="cr-count">{ if count == 1 { "1 passage".to_string() } else { format!("{count} passages") } }</span>
                </button>
            }
        </td>
    }
}

fn stance_word(direction: Direction, word: &str) -> Html {
    html! {
        <span class={format!("cr-stance {}", direction_word(direction))}>
            <span class="cr-icon" aria-hidden="true">{ direction.icon() }</span>{ word }
        </span>
    }
}

fn direction_word(direction: Direction) -> &'static str {
    match direction {
        Direction::For => "is-for",
        Direction::Against => "is-against",
        Direction::Neither => "is-neither",
    }
}
