//! The reader: article, legend, stance table and details around one shared [`ViewState`].
//!
//! What only changes with the data (article, table, legend, notices, paragraphs, print notes)
//! is built apart from the virtual DOM (see `layout.rs` and `paragraph.rs`) and placed as it
//! is; a hover re-renders only the details, and sets what it emphasises on the built elements.
//!
//! Not a Yew component of its own but the state and view of the one component that loads the
//! data and shows it (`embed::Load`): a second component type would bring a second copy of
//! Yew's component lifecycle code into the bundle, and a function component the hooks
//! machinery as well.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget};
use yew::prelude::*;

use super::details::fill_details;
use super::emphasis::apply_emphasis;
use super::events::{Events, Kind};
use super::layout::{build_layout, Layout};
use super::legend::show_muted;
use super::paragraph::render_paragraphs;
use super::print_notes::render_print_notes;
use super::stance_table::link_cells;
use super::{dom, ReaderRef};
use crate::view_state::{Action, ViewState};

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

/// Listeners on the page around the reader (document, window, print media query), removed
/// when dropped: when the reader goes, or when what they serve is built anew.
#[derive(Default)]
struct PageListeners {
    added: Vec<(EventTarget, &'static str, js_sys::Function)>,
    /// The Rust side of the listeners, kept alive while they are added.
    closures: Vec<Closure<dyn Fn(Event)>>,
}

impl PageListeners {
    /// Adds `listener` for each (target, event kind) of `on`.
    fn listen(&mut self, on: Vec<(EventTarget, &'static str)>, listener: impl Fn(Event) + 'static) {
        let closure = Closure::<dyn Fn(Event)>::new(listener);
        let function: &js_sys::Function = closure.as_ref().unchecked_ref();
        for (target, kind) in on {
            let _ = target.add_event_listener_with_callback(kind, function);
            self.added.push((target, kind, function.clone()));
        }
        self.closures.push(closure);
    }
}

impl Drop for PageListeners {
    fn drop(&mut self) {
        for (target, kind, function) in &self.added {
            let _ = target.remove_event_listener_with_callback(kind, function);
        }
    }
}

/// The parts that never change on hover, built apart from the virtual DOM (see `layout.rs`
/// and `paragraph.rs`) into detached elements that the view then places.
struct Built {
    layout: Option<Layout>,
    /// The article's paragraphs, inside the layout; filled again when the legend changes.
    paragraphs: Option<Element>,
    print_notes: Option<Element>,
    /// Fill `print_notes` when printing starts.
    _printing: PageListeners,
}

impl Built {
    /// Built when the reader is shown and again when the data changes, before the render, so
    /// the article is whole when the render that shows it ends.
    fn new(reader: &ReaderRef, muted: &[bool], id_prefix: &str) -> Built {
        let document = web_sys::window().and_then(|w| w.document());
        let make = |tag: &str, class: &str| {
            let element = document.as_ref()?.create_element(tag).ok()?;
            element.set_class_name(class);
            Some(element)
        };
        let paragraphs = make("div", "cr-paragraphs");
        if let Some(container) = &paragraphs {
            render_paragraphs(container, reader, muted);
        }
        let layout = document.as_ref().zip(paragraphs.as_ref()).map(|(d, p)| build_layout(d, reader, id_prefix, p));
        let print_notes = make("ol", "");
        let printing = print_notes.clone().map(|ol| fill_when_printing(ol, reader.clone())).unwrap_or_default();
        Built { layout, paragraphs, print_notes, _printing: printing }
    }
}

/// An element built apart, as a node of the view.
fn placed(element: &Option<Element>) -> Html {
    element.clone().map(|e| Html::VRef(e.into())).unwrap_or_default()
}

/// The reader showing one [`ReaderRef`]; the user's [`Action`]s change what it shows.
pub struct ClaimReader {
    reader: ReaderRef,
    view: ViewState,
    /// Prefixes the ids of this reader's elements.
    prefix: AttrValue,
    details_id: AttrValue,
    root: NodeRef,
    details_node: NodeRef,
    on_action: Callback<Action>,
    /// The issues switched off in the legend, shared with the event listeners.
    muted: Rc<Vec<bool>>,
    built: Built,
    /// The marks the last layout emphasised, for the next to undo.
    emphasised: Vec<Element>,
    /// The table cells the last layout linked, likewise.
    linked_cells: Vec<Element>,
    /// The claims and the way back the details were last filled with.
    details_shown: Option<(Vec<usize>, bool)>,
    /// What is shown changed since the emphasis and the details were last placed.
    needs_layout: bool,
    /// The legend does not show the issues switched off now: set when they change, or when
    /// new data builds the legend anew.
    legend_stale: bool,
    /// Not yet viewed: the first render pass marks the reader ready.
    first_view: Cell<bool>,
    /// Escape and taps outside close the details, for as long as the reader is shown.
    _dismiss: PageListeners,
}

impl ClaimReader {
    /// A reader just shown; `on_action` takes the user's actions to [`ClaimReader::apply`].
    pub fn new(reader: ReaderRef, on_action: Callback<Action>) -> ClaimReader {
        let view = ViewState::new(reader.doc.issues.len());
        let muted = Rc::new(view.muted.clone());
        let prefix = next_instance_prefix();
        let root = NodeRef::default();
        ClaimReader {
            built: Built::new(&reader, &muted, &prefix),
            details_id: AttrValue::from(format!("{prefix}-details")),
            _dismiss: dismiss_listeners(root.clone(), on_action.clone()),
            reader,
            view,
            prefix,
            root,
            details_node: NodeRef::default(),
            details_shown: None,
            on_action,
            muted,
            emphasised: Vec::new(),
            linked_cells: Vec::new(),
            needs_layout: true,
            legend_stale: false,
            first_view: Cell::new(true),
        }
    }

    /// Other data in the same reader: what the user has done with it stays.
    pub fn show(&mut self, reader: ReaderRef) {
        self.built = Built::new(&reader, &self.muted, &self.prefix);
        self.reader = reader;
        self.details_shown = None;
        self.legend_stale = true;
        self.needs_layout = true;
    }

    /// Applies a user's action; true when what is shown changed.
    pub fn apply(&mut self, action: Action) -> bool {
        let before = self.view.clone();
        self.view.apply(action);
        if self.view == before {
            return false;
        }
        if self.view.muted != before.muted {
            self.muted = Rc::new(self.view.muted.clone());
            if let Some(container) = &self.built.paragraphs {
                render_paragraphs(container, &self.reader, &self.muted);
            }
            self.legend_stale = true;
        }
        self.needs_layout = true;
        true
    }

    pub fn view(&self, theme: Option<AttrValue>) -> Html {
        if self.first_view.replace(false) {
            // Ready when this first render pass has put everything in the page: a task queued
            // now runs once the pass ends, before the browser lays out and paints it (Yew runs
            // `rendered` only after giving the browser that turn).
            yew::platform::spawn_local(async {
                if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                    let _ = performance.mark("claim-reader:ready");
                }
            });
        }
        let reader = &self.reader;
        let view = &self.view;
        let events = Events {
            reader: reader.clone(),
            muted: self.muted.clone(),
            on_action: self.on_action.clone(),
            root: self.root.clone(),
            back_to: view.return_cell(),
            id_prefix: self.prefix.clone(),
        };

        html! {
            <div
                class="claim-reader"
                ref={self.root.clone()}
                data-ready="true"
                data-theme={theme}
                id={self.prefix.clone()}
                onmouseover={events.listener::<MouseEvent>(Kind::Over)}
                onmouseout={events.listener::<MouseEvent>(Kind::Out)}
                onfocusin={events.listener::<FocusEvent>(Kind::FocusIn)}
                onfocusout={events.listener::<FocusEvent>(Kind::FocusOut)}
                onclick={events.listener::<MouseEvent>(Kind::Click)}
                onkeydown={events.on_keydown()}
            >
                { placed(&self.built.layout.as_ref().map(|l| l.root.clone())) }
                <section class="cr-print-notes" aria-hidden="true">
                    <h2>{ "Claims in this article" }</h2>
                    { placed(&self.built.print_notes) }
                </section>
                // Filled when rendered: see `fill_details`.
                <div class="cr-details" role="tooltip" id={self.details_id.clone()} ref={self.details_node.clone()} hidden={view.open.is_none()}></div>
            </div>
        }
    }

    /// Called once the view is in the page.
    pub fn rendered(&mut self) {
        // After every change of what is shown, and only then: emphasis in the text, and
        // where the details stand, measured once everything shown has changed (one layout).
        if std::mem::take(&mut self.needs_layout) {
            let (reader, view) = (&self.reader, &self.view);
            let (Some(paragraphs), Some(layout)) = (&self.built.paragraphs, &self.built.layout) else { return };
            // Cells to emphasise in the table: those of the claims whose details are shown,
            // and the one under the pointer or focus.
            let cells: Vec<_> =
                view.open.iter().flat_map(|o| o.claims.iter().map(|&c| reader.cells[c])).chain(view.hovered_cell).collect();
            if let Some(body) = &layout.table_body {
                link_cells(body, &cells, &mut self.linked_cells);
            }
            if let (Some(legend), true) = (&layout.legend, std::mem::take(&mut self.legend_stale)) {
                show_muted(legend, reader, &view.muted);
            }
            let linked: &[usize] =
                view.hovered_cell.map(|(p, i)| reader.table.cell(p, i).claims.as_slice()).unwrap_or_default();
            let open = view.open.as_ref().map(|o| o.trigger);
            let mark = apply_emphasis(paragraphs, reader, open, linked, &self.details_id, &mut self.emphasised);
            let details = self.details_node.cast::<web_sys::HtmlElement>();
            // Filled again only when what they show changes, so focus on their buttons stays.
            let shown = view.open.as_ref().map(|o| (o.claims.clone(), view.return_cell().is_some()));
            if let (Some(el), Some((claims, back)), true) = (&details, &shown, shown != self.details_shown) {
                fill_details(el, reader, claims, *back);
            }
            self.details_shown = shown;
            if let (Some(mark), Some(el)) = (mark, details) {
                dom::place_details(&el, &mark, &self.root);
            }
        }
    }
}

/// Fills the print list `ol`, once, when printing is about to start (`beforeprint`, or the
/// print media query starting to match), not on load: on screen nobody sees it, and a long
/// article has thousands of claims.
fn fill_when_printing(ol: Element, reader: ReaderRef) -> PageListeners {
    let window = web_sys::window();
    let print = window.as_ref().and_then(|w| w.match_media("print").ok().flatten());
    let on: Vec<(EventTarget, &'static str)> = window
        .map(|w| (w.into(), "beforeprint"))
        .into_iter()
        .chain(print.map(|p| (p.into(), "change")))
        .collect();
    let filled = Cell::new(false);
    let mut listeners = PageListeners::default();
    listeners.listen(on, move |_| {
        if !filled.replace(true) {
            render_print_notes(&ol, &reader);
        }
    });
    listeners
}

/// Escape anywhere closes the details (WCAG 1.4.13: dismissible without moving the pointer),
/// and a tap or click outside the passages and the details closes them too. Escape also
/// notes where the pointer rests, so that a passage uncovered under it does not open by itself.
fn dismiss_listeners(root: NodeRef, on_action: Callback<Action>) -> PageListeners {
    let mut listeners = PageListeners::default();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return listeners };
    let document: EventTarget = document.into();
    let pointer: Rc<Cell<Option<(i32, i32)>>> = Rc::default();
    let at = pointer.clone();
    listeners.listen(vec![(document.clone(), "mousemove")], move |e| {
        let e: &web_sys::MouseEvent = e.unchecked_ref();
        at.set(Some((e.client_x(), e.client_y())));
    });
    let on_escape = on_action.clone();
    listeners.listen(vec![(document.clone(), "keydown")], move |e| {
        if e.unchecked_ref::<web_sys::KeyboardEvent>().key() == "Escape" {
            on_escape.emit(match pointer.get() {
                Some(pointer) => Action::Dismiss { pointer },
                None => Action::Close,
            });
        }
    });
    listeners.listen(vec![(document, "pointerdown")], move |e| {
        if !dom::is_within(dom::event_origin(&e), &root, ".cr-passage, .cr-details, .cr-cell") {
            on_action.emit(Action::Close);
        }
    });
    listeners
}
