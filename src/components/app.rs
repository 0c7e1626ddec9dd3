//! The reader: article, legend and stance table around one shared [`ViewState`].

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::article::Article;
use super::details::Details;
use super::legend::Legend;
use super::notices::{unplaced, warnings};
use super::print_notes::render_print_notes;
use super::stance_table::StanceTable;
use super::{dom, ReaderRef};
use crate::view_state::{Action, ViewState};

#[derive(Properties, PartialEq)]
pub struct ClaimReaderProps {
    pub reader: ReaderRef,
    /// "light" or "dark" overrides `prefers-color-scheme`.
    #[prop_or_default]
    pub theme: Option<AttrValue>,
}

/// [`ViewState`] as a Yew reducer.
#[derive(Clone, PartialEq)]
struct State(ViewState);

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

thread_local! {
    static NEXT_INSTANCE: Cell<u32> = const { Cell::new(0) };
}

/// A page-unique prefix for element ids, so several readers can share a page.
fn next_instance_prefix() -> String {
    NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        format!("claim-reader-{id}")
    })
}

#[function_component]
pub fn ClaimReader(props: &ClaimReaderProps) -> Html {
    let reader = &props.reader;
    let issues = reader.doc.issues.len();
    let state = use_reducer(|| State(ViewState::new(issues)));
    let prefix = use_memo((), |_| next_instance_prefix());
    let root = use_node_ref();
    // One callback for the reader's life, so children's props stay equal between renders.
    let on_action = {
        let dispatcher = state.dispatcher();
        use_callback((), move |a: Action, _| dispatcher.dispatch(a))
    };
    use_dismiss_listeners(root.clone(), on_action.clone());
    let print_notes = use_node_ref();
    {
        let print_notes = print_notes.clone();
        use_effect_with(reader.clone(), move |reader| {
            if let Some(ol) = print_notes.cast::<web_sys::Element>() {
                render_print_notes(&ol, reader);
            }
        });
    }
    use_effect_with((), |_| {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("claim-reader:ready");
        }
    });

    let view = &state.0;
    let muted = use_memo(view.muted.clone(), |m| m.clone());
    // Claims to emphasise in the text: those of the cell under the pointer or focus.
    let linked_claims = use_memo(view.hovered_cell, |cell| {
        cell.map(|(p, i)| reader.table.cell(p, i).claims.clone()).unwrap_or_default()
    });
    // Cells to emphasise in the table: those of the claims whose details are shown.
    let open_claims = view.open.as_ref().map(|o| o.claims.clone()).unwrap_or_default();
    let linked_cells = use_memo(open_claims, |claims| claims.iter().map(|&c| reader.cells[c]).collect::<Vec<_>>());
    let tooltip_id = AttrValue::from(format!("{prefix}-details"));
    // Escape on a passage reached from the table goes back to that cell.
    let onkeydown = {
        let root = root.clone();
        let back = view.return_cell().map(|(p, i)| (reader.doc.parties[p].id.clone(), reader.doc.issues[i].id.clone()));
        Callback::from(move |e: KeyboardEvent| {
            if let (true, Some((party, issue))) = (e.key() == "Escape", &back) {
                dom::focus_cell(&root, party, issue);
            }
        })
    };
    let open_trigger = view.open.as_ref().map(|o| o.trigger);

    html! {
        <div class="claim-reader" ref={root.clone()} data-ready="true" data-theme={props.theme.clone()} id={(*prefix).clone()} {onkeydown}>
            <div class="cr-layout">
                <Article
                    reader={reader.clone()}
                    linked={linked_claims}
                    {open_trigger}
                    tooltip_id={tooltip_id.clone()}
                    muted={muted.clone()}
                    on_action={on_action.clone()}
                    root={root.clone()}
                />
                <aside class="cr-aside" aria-label="Who wants what">
                    <StanceTable
                        reader={reader.clone()}
                        linked={linked_cells}
                        hovered={view.hovered_cell}
                        on_action={on_action.clone()}
                        root={root.clone()}
                        id_prefix={(*prefix).clone()}
                    />
                    <Legend reader={reader.clone()} muted={muted.clone()} on_action={on_action.clone()} />
                    { unplaced(reader, &prefix) }
                    { warnings(&reader.warnings) }
                </aside>
            </div>
            <section class="cr-print-notes" aria-hidden="true">
                <h2>{ "Claims in this article" }</h2>
                <ol ref={print_notes}></ol>
            </section>
            <Details
                reader={reader.clone()}
                open={view.open.clone()}
                back_to={view.return_cell()}
                id={tooltip_id}
                on_action={on_action}
                root={root}
            />
        </div>
    }
}

/// Escape anywhere closes the details (WCAG 1.4.13: dismissible without moving the pointer),
/// and a tap or click outside the passages and the details closes them too. Escape also
/// notes where the pointer rests, so that a passage uncovered under it does not open by itself.
#[hook]
fn use_dismiss_listeners(root: NodeRef, on_action: Callback<Action>) {
    use_effect_with(root, move |root| {
        let document = web_sys::window().and_then(|w| w.document());
        let pointer: Rc<Cell<Option<(i32, i32)>>> = Rc::default();
        let on_move = {
            let pointer = pointer.clone();
            Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |e: web_sys::MouseEvent| {
                pointer.set(Some((e.client_x(), e.client_y())));
            })
        };
        let on_key = {
            let on_action = on_action.clone();
            Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |e: web_sys::KeyboardEvent| {
                if e.key() == "Escape" {
                    on_action.emit(match pointer.get() {
                        Some(pointer) => Action::Dismiss { pointer },
                        None => Action::Close,
                    });
                }
            })
        };
        let on_pointer = {
            let root = root.clone();
            Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
                let origin = dom::event_origin(&e);
                if !dom::is_within(origin, &root, ".cr-passage, .cr-details, .cr-cell") {
                    on_action.emit(Action::Close);
                }
            })
        };
        // The same three listeners are added now and removed on unmount.
        let each = move |add: bool| {
            let Some(d) = &document else { return };
            let listeners: [(&str, &js_sys::Function); 3] = [
                ("mousemove", on_move.as_ref().unchecked_ref()),
                ("keydown", on_key.as_ref().unchecked_ref()),
                ("pointerdown", on_pointer.as_ref().unchecked_ref()),
            ];
            for (kind, f) in listeners {
                let _ = if add {
                    d.add_event_listener_with_callback(kind, f)
                } else {
                    d.remove_event_listener_with_callback(kind, f)
                };
            }
        };
        each(true);
        move || each(false)
    });
}
