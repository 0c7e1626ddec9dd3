//! What the pointer, focus and clicks on passages mean. One set of listeners on the reader's
//! root serves every passage (events bubble up to it), so a long article adds no listeners;
//! each event finds its passage from the mark's `data-seg`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, FocusEvent, MouseEvent, Node};
use yew::prelude::*;

use super::paragraph::shown_claims;
use super::{dom, ReaderContext, Seg};
use crate::view_state::{Action, Cell, OpenDetails, Opener};

/// Everything the listeners need, taken afresh at each render.
#[derive(Clone)]
pub struct PassageEvents {
    pub context: ReaderContext,
    pub muted: Rc<Vec<bool>>,
    /// The table cell the shown passage was reached from, offered as the way back.
    pub back_to: Option<Cell>,
}

/// True when `other` is `element` or inside it: a move within one element is no enter or leave.
fn inside(element: &Element, other: Option<EventTarget>) -> bool {
    other.and_then(|o| o.dyn_into::<Node>().ok()).is_some_and(|o| element.contains(Some(&o)))
}

/// The element the pointer or focus came from (mouseover, focusin) or went to.
fn related(event: &Event) -> Option<EventTarget> {
    match event.dyn_ref::<MouseEvent>() {
        Some(m) => m.related_target(),
        None => event.dyn_ref::<FocusEvent>().and_then(|f| f.related_target()),
    }
}

impl PassageEvents {
    pub fn listener<E: AsRef<Event> + 'static>(&self) -> Callback<E> {
        let this = self.clone();
        Callback::from(move |e: E| this.handle(e.as_ref()))
    }

    fn handle(&self, event: &Event) {
        let Some(mark) = dom::closest(event, "mark[data-seg]").or_else(|| marked_passage(event)) else { return };
        let kind = event.type_();
        let opener = match kind.as_str() {
            "mouseover" | "mouseout" => Opener::Hover,
            "focusin" | "focusout" => Opener::Focus,
            "click" => Opener::Tap,
            _ => return,
        };
        if kind == "mouseout" || kind == "focusout" {
            // Moving within the passage, or onto the details, keeps them open (WCAG 1.4.13).
            let to = related(event);
            if !inside(&mark, to.clone()) && !dom::is_within(to, &self.context.root, ".cr-details") {
                self.context.dispatch.dispatch(Action::Leave(opener));
            }
            return;
        }
        if kind == "mouseover" && inside(&mark, related(event)) {
            return;
        }
        let Some(trigger) = segment_of(&mark) else { return };
        let reader = &self.context.reader;
        let Some(segment) = reader.paragraphs.get(trigger.0).and_then(|p| p.get(trigger.1)) else { return };
        let claims = shown_claims(reader, &segment.claims, &self.muted);
        let pointer = event.dyn_ref::<MouseEvent>().filter(|_| kind == "mouseover").map(|m| (m.client_x(), m.client_y()));
        self.context.dispatch.dispatch(Action::Open(OpenDetails { trigger, claims, opener, pointer }));
    }

    /// Escape on a passage reached from the table goes back to that cell.
    pub fn on_keydown(&self) -> Callback<KeyboardEvent> {
        let this = self.clone();
        Callback::from(move |e: KeyboardEvent| {
            if let (true, Some(cell)) = (e.key() == "Escape", this.back_to) {
                dom::focus_cell(&this.context, cell);
            }
        })
    }
}

/// The passage a clicked note marker follows. A reader that took over one rendered ahead keeps
/// the markers after the passages (see `passage.rs`); a click on one is a click on its passage.
fn marked_passage(event: &Event) -> Option<Element> {
    if event.type_() != "click" {
        return None;
    }
    let mut at = dom::closest(event, "a.cr-note-ref")?.previous_element_sibling();
    while let Some(element) = at {
        if element.matches("mark[data-seg]").unwrap_or(false) {
            return Some(element);
        }
        if !element.matches("a.cr-note-ref").unwrap_or(false) {
            return None;
        }
        at = element.previous_element_sibling();
    }
    None
}

/// (paragraph, segment) of a passage, from its `data-seg`.
fn segment_of(mark: &Element) -> Option<Seg> {
    let seg = mark.get_attribute("data-seg")?;
    let (p, s) = seg.split_once('-')?;
    Some((p.parse().ok()?, s.parse().ok()?))
}
