//! One cell of the stance table: the party's stance on the issue, and a button to its passages.

use wasm_bindgen::JsCast;
use web_sys::Node;
use yew::prelude::*;

use super::context::{use_reader, ReaderContext};
use super::{class_list, count_of, dom};
use crate::embed::host_events;
use crate::embed::objects::CellChosen;
use crate::model::Direction;
use crate::stance::CellStance;
use crate::view_state::Action;

#[derive(Properties, PartialEq)]
pub struct StanceCellProps {
    pub party: usize,
    pub issue: usize,
    /// Linked to what is shown.
    pub linked: bool,
}

#[function_component]
pub fn StanceCell(props: &StanceCellProps) -> Html {
    let Some(context) = use_reader() else { return Html::default() };
    let reader = &context.reader;
    let (p, i) = (props.party, props.issue);
    let cell = reader.table.cell(p, i);
    let (party, issue) = (&reader.doc.parties[p], &reader.doc.issues[i]);
    let stance = match &cell.stance {
        CellStance::NotStated => html! { <span class="cr-not-stated" lang="en" dir="ltr">{ "not stated" }</span> },
        CellStance::One(s) => stance_word(s.direction(), s.word()),
        CellStance::Mixed(list) => list
            .iter()
            .enumerate()
            .map(|(k, s)| html! { <>
                if k > 0 { <span class="cr-sep">{ " / " }</span> }
                { stance_word(s.direction(), s.word()) }
            </> })
            .collect::<Html>(),
    };
    let td_class = class_list([Some("cr-cell-td"), props.linked.then_some("is-linked")]);
    let count = cell.claims.len();
    if count == 0 {
        return html! {
            <td class={td_class} data-party={party.id.clone()} data-issue={issue.id.clone()} data-stance={cell.stance.word()}>
                { stance }
            </td>
        };
    }
    let label = html! {
        <>
            // The control's name is its visible text, with who and what before it for screen
            // readers (WCAG 2.5.3: the name contains the visible label).
            <span class="cr-sr">{ format!("{}, {}: ", party.name, issue.label) }</span>
            { stance }
            <span class="cr-count" lang="en" dir="ltr">{ count_of(count, "passage", "passages") }</span>
        </>
    };
    let direction = match &cell.stance {
        CellStance::NotStated => "is-none",
        CellStance::One(s) => direction_class(s.direction()),
        CellStance::Mixed(_) => "is-mixed",
    };
    fn hover<E: AsRef<Event>>(context: &ReaderContext, cell: Option<(usize, usize)>) -> Callback<E> {
        let dispatch = context.dispatch.clone();
        Callback::from(move |e: E| {
            // Moving between the button's own parts is no enter or leave.
            if !moved_within(e.as_ref()) {
                dispatch.dispatch(Action::HoverCell(cell));
            }
        })
    }
    if context.is_static() {
        // Rendered ahead: a link to the first passage's note marker (or, for a claim not found
        // in the text, its note).
        let placed = cell.claims.iter().copied().find(|&c| reader.anchors[c].is_some());
        let target = match placed {
            Some(c) => context.note_ref_id(c),
            None => context.note_id(cell.claims[0]),
        };
        return html! {
            <td class={td_class} data-party={party.id.clone()} data-issue={issue.id.clone()} data-stance={cell.stance.word()}>
                <a class={class_list([Some("cr-cell"), Some(direction)])} href={format!("#{target}")}>{ label }</a>
            </td>
        };
    }
    let onclick = {
        let context = context.clone();
        Callback::from(move |_: MouseEvent| go_from_cell(&context, (p, i)))
    };
    html! {
        <td class={td_class} data-party={party.id.clone()} data-issue={issue.id.clone()} data-stance={cell.stance.word()}>
            <button
                type="button"
                class={class_list([Some("cr-cell"), Some(direction)])}
                onmouseover={hover::<MouseEvent>(&context, Some((p, i)))}
                onmouseout={hover::<MouseEvent>(&context, None)}
                onfocusin={hover::<FocusEvent>(&context, Some((p, i)))}
                onfocusout={hover::<FocusEvent>(&context, None)}
                {onclick}
            >
                { label }
            </button>
        </td>
    }
}

fn stance_word(direction: Direction, word: &'static str) -> Html {
    html! {
        <span class={class_list([Some("cr-stance"), Some(direction_class(direction))])} lang="en" dir="ltr">
            <span class="cr-icon" aria-hidden="true">{ direction.icon() }</span>{ word }
        </span>
    }
}

fn direction_class(direction: Direction) -> &'static str {
    match direction {
        Direction::For => "is-for",
        Direction::Against => "is-against",
        Direction::Neither => "is-neither",
    }
}

/// True when a pointer or focus event moved between parts of one cell's button. (Yew handles
/// events on its root, so the button is found from where the event happened.)
fn moved_within(e: &Event) -> bool {
    let related = e
        .dyn_ref::<web_sys::MouseEvent>()
        .and_then(|m| m.related_target())
        .or_else(|| e.dyn_ref::<web_sys::FocusEvent>().and_then(|f| f.related_target()));
    match (dom::closest(e, "button.cr-cell"), related.and_then(|r| r.dyn_into::<Node>().ok())) {
        (Some(button), Some(related)) => button.contains(Some(&related)),
        _ => false,
    }
}

/// Activating a cell tells the host page, and moves focus to its first passage, which opens its
/// details; a cell whose claims were not found in the text scrolls to them in the list of
/// unplaced claims.
fn go_from_cell(context: &ReaderContext, (p, i): (usize, usize)) {
    let reader = &context.reader;
    let claims = &reader.table.cell(p, i).claims;
    let placed = claims.iter().copied().find(|&c| reader.anchors[c].is_some());
    if let (Some(root), Some(party), Some(issue)) =
        (context.root.cast::<web_sys::Element>(), reader.doc.parties.get(p), reader.doc.issues.get(i))
    {
        let chosen = CellChosen {
            party: &party.id,
            issue: &issue.id,
            stance: reader.table.cell(p, i).stance.word(),
            claims: claims.iter().map(|&c| reader.doc.claims[c].id.as_str()).collect(),
        };
        host_events::emit(&root, host_events::CELL_CHOSEN, &chosen);
    }
    let Some(target) = placed.or(claims.first().copied()) else { return };
    if placed.is_some() {
        context.dispatch.dispatch(Action::GoFromCell((p, i)));
        if let Some(&seg) = reader.segments_of[target].first() {
            dom::focus_passage(&context.root, seg);
        }
    } else {
        dom::reveal_unplaced(context, target);
    }
}
