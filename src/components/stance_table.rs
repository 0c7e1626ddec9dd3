//! Who wants what: parties down, issues across, each cell linked to the passages behind it.

use std::rc::Rc;

use yew::prelude::*;

use super::{dom, issue_class, ReaderRef};
use crate::model::Direction;
use crate::stance::CellStance;
use crate::view_state::Action;

#[derive(Properties, PartialEq)]
pub struct StanceTableProps {
    pub reader: ReaderRef,
    /// Cells of the claims whose details are shown.
    pub linked: Rc<Vec<(usize, usize)>>,
    pub hovered: Option<(usize, usize)>,
    pub on_action: Callback<Action>,
    pub root: NodeRef,
    pub id_prefix: AttrValue,
}

#[function_component]
pub fn StanceTable(props: &StanceTableProps) -> Html {
    let reader = &props.reader;
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
                            { for (0..doc.issues.len()).map(|i| cell(props, p, i)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

fn cell(props: &StanceTableProps, p: usize, i: usize) -> Html {
    let reader = &props.reader;
    let doc = &reader.doc;
    let cell = reader.table.cell(p, i);
    let party = &doc.parties[p];
    let issue = &doc.issues[i];
    let is_linked = props.linked.contains(&(p, i)) || props.hovered == Some((p, i));
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
    if cell.claims.is_empty() {
        return html! {
            <td class={class} data-party={party.id.clone()} data-issue={issue.id.clone()} data-stance={stance.word()}>
                { word_html }
            </td>
        };
    }
    let placed = cell.claims.iter().copied().find(|&c| reader.anchors[c].is_some());
    let target = placed.or(cell.claims.first().copied()).map(|c| doc.claims[c].id.clone()).unwrap_or_default();
    let count = cell.claims.len();
    let passages = if count == 1 { "1 passage".to_string() } else { format!("{count} passages") };
    let onclick = {
        let root = props.root.clone();
        let on_action = props.on_action.clone();
        let unplaced_id = format!("{}-unplaced-{target}", props.id_prefix);
        Callback::from(move |_: MouseEvent| {
            if placed.is_some() {
                on_action.emit(Action::GoFromCell((p, i)));
                dom::focus_passage(&root, &target);
            } else if let Some(el) = root
                .cast::<web_sys::Element>()
                .and_then(|r| r.query_selector(&format!("[id=\"{unplaced_id}\"]")).ok().flatten())
            {
                // Inside a shadow root the document cannot find it by id; the root can.
                el.scroll_into_view();
            }
        })
    };
    html! {
        <td class={class} data-party={party.id.clone()} data-issue={issue.id.clone()} data-stance={stance.word()}>
            <button
                type="button"
                class={format!("cr-cell {direction_class}")}
                onmouseenter={hover(&props.on_action, Some((p, i)))}
                onmouseleave={hover(&props.on_action, None)}
                onfocus={hover(&props.on_action, Some((p, i)))}
                onblur={hover(&props.on_action, None)}
                {onclick}
            >
                // The button's name is its visible text, with who and what before it for
                // screen readers (WCAG 2.5.3: the name contains the visible label).
                <span class="cr-sr">{ format!("{}, {}: ", party.name, issue.label) }</span>
                { word_html }
                <span class="cr-count">{ passages }</span>
            </button>
        </td>
    }
}

/// Tells the reader which cell the pointer or focus is on (`None`: none).
fn hover<E: 'static>(on_action: &Callback<Action>, cell: Option<(usize, usize)>) -> Callback<E> {
    let on_action = on_action.clone();
    Callback::from(move |_: E| on_action.emit(Action::HoverCell(cell)))
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
