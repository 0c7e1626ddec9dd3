//! The reader: article, legend, stance table and details around one shared [`ViewState`].
//!
//! One component: the parts are functions of the model and the view state, which keeps the
//! bundle small, and a hover re-renders only the small parts (table, legend, details), since
//! the paragraphs and print notes are built apart (see `paragraph.rs`) and placed as they are.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::details::details;
use super::emphasis::apply_emphasis;
use super::events::{Events, Kind};
use super::layout::{build_layout, Layout};
use super::legend::show_muted;
use super::paragraph::render_paragraphs;
use super::print_notes::render_print_notes;
use super::stance_table::link_cells;
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
fn next_instance_prefix() -> AttrValue {
    NEXT_INSTANCE.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        AttrValue::from(format!("claim-reader-{id}"))
    })
}

/// The parts that never change on hover, built apart from the virtual DOM (see `layout.rs`
/// and `paragraph.rs`) into detached elements that the view then places.
struct Built {
    layout: Option<Layout>,
    /// The article's paragraphs, inside the layout; re-filled when the legend changes.
    paragraphs: Option<Element>,
    print_notes: Option<Element>,
}

impl Built {
    fn new(reader: &ReaderRef, id_prefix: &str) -> Built {
        let document = web_sys::window().and_then(|w| w.document());
        let make = |tag: &str, class: &str| {
            let element = document.as_ref()?.create_element(tag).ok()?;
            element.set_class_name(class);
            Some(element)
        };
        let paragraphs = make("div", "cr-paragraphs");
        let layout = document.as_ref().zip(paragraphs.as_ref()).map(|(d, p)| build_layout(d, reader, id_prefix, p));
        // Filled when the page is printed (see `use_print_notes`).
        let print_notes = make("ol", "");
        Built { layout, paragraphs, print_notes }
    }
}

impl PartialEq for Built {
    fn eq(&self, other: &Self) -> bool {
        self.paragraphs == other.paragraphs
    }
}

/// An element built apart, as a node of the view.
fn placed(element: &Option<Element>) -> Html {
    element.clone().map(|e| Html::VRef(e.into())).unwrap_or_default()
}

#[function_component]
pub fn ClaimReader(props: &ClaimReaderProps) -> Html {
    let reader = &props.reader;
    let state = use_reducer(|| State(ViewState::new(reader.doc.issues.len())));
    let prefix = use_memo((), |_| next_instance_prefix());
    let root = use_node_ref();
    let details_node = use_node_ref();
    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |a: Action| dispatcher.dispatch(a))
    };
    let view = &state.0;
    let muted = use_memo(view.muted.clone(), |m| m.clone());
    let tooltip_id = AttrValue::from(format!("{prefix}-details"));
    // Built during the render, once per data (the paragraphs once per legend state too), so the
    // article is whole when the render ends, whatever the scheduler does next.
    let built = use_memo(reader.clone(), |reader| Built::new(reader, &prefix));
    use_memo((built.clone(), muted.clone()), |(built, muted)| {
        if let Some(container) = &built.paragraphs {
            render_paragraphs(container, reader, muted);
        }
    });
    // Ready when this first render pass has put everything in the page (a task queued now runs
    // once the pass ends).
    use_memo((), |_| {
        yew::platform::spawn_local(async {
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                let _ = performance.mark("claim-reader:ready");
            }
        })
    });
    // After every change of what is shown: emphasis in the text, and where the details stand.
    let emphasised = use_mut_ref(Vec::<Element>::new);
    let linked_cells = use_mut_ref(Vec::<Element>::new);
    let placing = (root.clone(), details_node.clone(), tooltip_id.clone());
    use_effect_with((state.clone(), reader.clone(), built.clone(), placing), move |(state, reader, built, placing)| {
        let (root, details_node, id) = placing;
        let view = &state.0;
        let (Some(paragraphs), Some(layout)) = (&built.paragraphs, &built.layout) else { return };
        // Cells to emphasise in the table: those of the claims whose details are shown, and
        // the one under the pointer or focus.
        let cells: Vec<_> =
            view.open.iter().flat_map(|o| o.claims.iter().map(|&c| reader.cells[c])).chain(view.hovered_cell).collect();
        if let Some(body) = &layout.table_body {
            link_cells(body, &cells, &mut linked_cells.borrow_mut());
        }
        if let Some(legend) = &layout.legend {
            show_muted(legend, reader, &view.muted);
        }
        let linked: &[usize] = view.hovered_cell.map(|(p, i)| reader.table.cell(p, i).claims.as_slice()).unwrap_or_default();
        let open = view.open.as_ref().map(|o| o.trigger);
        let mark = apply_emphasis(paragraphs, reader, open, linked, id, &mut emphasised.borrow_mut());
        // Measured here, once everything shown has changed: one layout per change.
        if let (Some(mark), Some(el)) = (mark, details_node.cast::<web_sys::HtmlElement>()) {
            dom::place_details(&el, &mark, root);
        }
    });
    use_dismiss_listeners(root.clone(), on_action.clone());
    use_print_notes(reader.clone(), built.clone());

    let events = Events {
        reader: reader.clone(),
        muted: muted.clone(),
        on_action,
        root: root.clone(),
        back_to: view.return_cell(),
        id_prefix: (*prefix).clone(),
    };

    html! {
        <div
            class="claim-reader"
            ref={root}
            data-ready="true"
            data-theme={props.theme.clone()}
            id={(*prefix).clone()}
            onmouseover={events.listener::<MouseEvent>(Kind::Over)}
            onmouseout={events.listener::<MouseEvent>(Kind::Out)}
            onfocusin={events.listener::<FocusEvent>(Kind::FocusIn)}
            onfocusout={events.listener::<FocusEvent>(Kind::FocusOut)}
            onclick={events.listener::<MouseEvent>(Kind::Click)}
            onkeydown={events.on_keydown()}
        >
            { placed(&built.layout.as_ref().map(|l| l.root.clone())) }
            <section class="cr-print-notes" aria-hidden="true">
                <h2>{ "Claims in this article" }</h2>
                { placed(&built.print_notes) }
            </section>
            { details(reader, view.open.as_ref(), events.back_to.is_some(), &tooltip_id, &details_node) }
        </div>
    }
}

/// The list of every claim that print shows, filled when printing is about to start
/// (`beforeprint`, or the print media query starting to match), not on load: on screen nobody
/// sees it, and a long article has thousands of claims.
#[hook]
fn use_print_notes(reader: ReaderRef, built: Rc<Built>) {
    use_effect_with((reader, built), |(reader, built)| {
        let window = web_sys::window();
        let print = window.as_ref().and_then(|w| w.match_media("print").ok().flatten());
        let fill = {
            let (reader, built) = (reader.clone(), built.clone());
            let filled = Cell::new(false);
            Closure::<dyn Fn()>::new(move || {
                if let (false, Some(ol)) = (filled.replace(true), &built.print_notes) {
                    render_print_notes(ol, &reader);
                }
            })
        };
        let targets: Vec<web_sys::EventTarget> =
            window.into_iter().map(Into::into).chain(print.into_iter().map(Into::into)).collect();
        let kinds = ["beforeprint", "change"];
        for (target, kind) in targets.iter().zip(kinds) {
            let _ = target.add_event_listener_with_callback(kind, fill.as_ref().unchecked_ref());
        }
        move || {
            for (target, kind) in targets.iter().zip(kinds) {
                let _ = target.remove_event_listener_with_callback(kind, fill.as_ref().unchecked_ref());
            }
        }
    });
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
