//! What the reader's pointer, focus and clicks mean. One set of listeners on the reader's root
//! serves every passage, table cell, legend entry and the details (events bubble up to it), so
//! a long article adds no listeners, and each event is read here from where it happened.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, FocusEvent, MouseEvent, Node};
use yew::prelude::*;

use super::paragraph::shown_claims;
use super::{dom, ReaderRef};
use crate::view_state::{Action, Cell, OpenDetails, Opener};

/// How an event came to the root: it decides what opening or leaving means.
#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    /// mouseover
    Over,
    /// mouseout
    Out,
    /// focusin
    FocusIn,
    /// focusout
    FocusOut,
    Click,
}

/// Everything the listeners need, taken afresh at each render.
#[derive(Clone)]
pub struct Events {
    pub reader: ReaderRef,
    pub muted: std::rc::Rc<Vec<bool>>,
    pub on_action: Callback<Action>,
    pub root: NodeRef,
    /// The table cell the shown passage was reached from, offered as the way back.
    pub back_to: Option<Cell>,
    pub id_prefix: AttrValue,
}

/// The nearest element around the event's origin (looking into open shadow roots) matching
/// `selector`.
fn closest(event: &Event, selector: &str) -> Option<Element> {
    dom::event_origin(event)?.dyn_into::<Element>().ok()?.closest(selector).ok()?
}

/// True when `other` is `element` or inside it: a move within one element is no enter or leave.
fn inside(element: &Element, other: Option<EventTarget>) -> bool {
    other.and_then(|o| o.dyn_into::<Node>().ok()).is_some_and(|o| element.contains(Some(&o)))
}

/// The element the pointer or focus came from (for `Over`, `FocusIn`) or went to.
fn related(event: &Event) -> Option<EventTarget> {
    match event.dyn_ref::<MouseEvent>() {
        Some(m) => m.related_target(),
        None => event.dyn_ref::<FocusEvent>().and_then(|f| f.related_target()),
    }
}

impl Events {
    pub fn listener<E: AsRef<Event> + 'static>(&self, kind: Kind) -> Callback<E> {
        let this = self.clone();
        Callback::from(move |e: E| this.handle(e.as_ref(), kind))
    }

    fn handle(&self, event: &Event, kind: Kind) {
        if let Some(mark) = closest(event, "mark[data-seg]") {
            self.passage(event, kind, &mark);
        } else if let Some(button) = closest(event, "button.cr-cell") {
            self.cell(event, kind, &button);
        } else if let Some(details) = closest(event, ".cr-details") {
            self.details(event, kind, &details);
        } else if let (Kind::Click, Some(button)) = (kind, closest(event, ".cr-legend button[data-issue]")) {
            let id = button.get_attribute("data-issue").unwrap_or_default();
            if let Some(i) = self.reader.doc.issues.iter().position(|x| x.id == id) {
                self.on_action.emit(Action::ToggleIssue(i));
            }
        }
    }

    fn passage(&self, event: &Event, kind: Kind, mark: &Element) {
        let opener = match kind {
            Kind::Over | Kind::Out => Opener::Hover,
            Kind::FocusIn | Kind::FocusOut => Opener::Focus,
            Kind::Click => Opener::Tap,
        };
        if matches!(kind, Kind::Out | Kind::FocusOut) {
            // Moving within the passage, or onto the details, keeps them open (WCAG 1.4.13).
            let to = related(event);
            if !inside(mark, to.clone()) && !dom::is_within(to, &self.root, ".cr-details") {
                self.on_action.emit(Action::Leave(opener));
            }
            return;
        }
        let mouse = event.dyn_ref::<MouseEvent>();
        if kind == Kind::Over && inside(mark, related(event)) {
            return;
        }
        let Some(trigger) = segment_of(mark) else { return };
        let Some(segment) = self.reader.paragraphs.get(trigger.0).and_then(|p| p.get(trigger.1)) else { return };
        let claims = shown_claims(&self.reader, &segment.claims, &self.muted);
        let pointer = mouse.filter(|_| kind == Kind::Over).map(|m| (m.client_x(), m.client_y()));
        self.on_action.emit(Action::Open(OpenDetails { trigger, claims, opener, pointer }));
    }

    fn cell(&self, event: &Event, kind: Kind, button: &Element) {
        let Some(cell) = self.cell_of(button) else { return };
        match kind {
            Kind::Over | Kind::Out if inside(button, related(event)) => {}
            Kind::Over | Kind::FocusIn => self.on_action.emit(Action::HoverCell(Some(cell))),
            Kind::Out | Kind::FocusOut => self.on_action.emit(Action::HoverCell(None)),
            Kind::Click => self.go_from_cell(cell),
        }
    }

    /// (party, issue) of a table cell's button, from its cell's `data-party` and `data-issue`.
    fn cell_of(&self, button: &Element) -> Option<Cell> {
        let td = button.closest("td").ok()??;
        let (party, issue) = (td.get_attribute("data-party")?, td.get_attribute("data-issue")?);
        let doc = &self.reader.doc;
        Some((doc.parties.iter().position(|p| p.id == party)?, doc.issues.iter().position(|i| i.id == issue)?))
    }

    /// Activating a cell moves focus to its first passage, which opens its details; a cell
    /// whose claims were not found in the text scrolls to them in the list of unplaced claims.
    fn go_from_cell(&self, (p, i): Cell) {
        let reader = &self.reader;
        let claims = &reader.table.cell(p, i).claims;
        let placed = claims.iter().copied().find(|&c| reader.anchors[c].is_some());
        let Some(target) = placed.or(claims.first().copied()).map(|c| &reader.doc.claims[c].id) else { return };
        if placed.is_some() {
            self.on_action.emit(Action::GoFromCell((p, i)));
            dom::focus_passage(&self.root, target);
        } else if let Some(el) = self.root.cast::<Element>().and_then(|r| {
            // Inside a shadow root the document cannot find it by id; the root can.
            r.query_selector(&format!("[id=\"{}-unplaced-{target}\"]", self.id_prefix)).ok().flatten()
        }) {
            el.scroll_into_view();
        }
    }

    fn details(&self, event: &Event, kind: Kind, details: &Element) {
        match kind {
            // Back onto the passage keeps them open; anywhere else closes hover-opened details.
            Kind::Out => {
                let to = related(event);
                if !inside(details, to.clone()) && !dom::is_within(to, &self.root, ".cr-passage.is-open") {
                    self.on_action.emit(Action::Leave(Opener::Hover));
                }
            }
            Kind::Click if closest(event, ".cr-details-close").is_some() => {
                let pointer = event.dyn_ref::<MouseEvent>().map_or((0, 0), |m| (m.client_x(), m.client_y()));
                self.on_action.emit(Action::Dismiss { pointer });
                // Focus leaves the passage, as a dialog's close would.
                if let Some(mark) = self
                    .root
                    .cast::<Element>()
                    .and_then(|r| r.query_selector(".cr-passage.is-open").ok().flatten())
                    .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = mark.blur();
                }
            }
            Kind::Click if closest(event, ".cr-details-back").is_some() => self.back_to_table(),
            _ => {}
        }
    }

    /// Escape on a passage reached from the table goes back to that cell.
    pub fn on_keydown(&self) -> Callback<KeyboardEvent> {
        let this = self.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                this.back_to_table();
            }
        })
    }

    fn back_to_table(&self) {
        if let Some((p, i)) = self.back_to {
            let doc = &self.reader.doc;
            dom::focus_cell(&self.root, &doc.parties[p].id, &doc.issues[i].id);
        }
    }
}

/// (paragraph, segment) of a passage, from its `data-seg`.
fn segment_of(mark: &Element) -> Option<(usize, usize)> {
    let seg = mark.get_attribute("data-seg")?;
    let (p, s) = seg.split_once('-')?;
    Some((p.parse().ok()?, s.parse().ok()?))
}
