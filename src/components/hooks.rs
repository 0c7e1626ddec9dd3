//! Listeners on the page around a reader (document, window, the print media query), added while
//! the reader is shown and removed with it. gloo's `EventListener` removes itself when dropped.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::paragraph::shown_claims;
use super::{dom, ReaderContext, Seg};
use crate::claim_link::ClaimLink;
use crate::embed::host_events;
use crate::embed::objects::{ClaimOpened, ClaimSummary};
use crate::embed::page_link;
use crate::view_state::{Action, OpenDetails, Opener, ViewState};

/// Escape anywhere closes the details (WCAG 1.4.13: dismissible without moving the pointer),
/// and a tap or click outside the passages, the details and the table closes them too. Escape
/// also notes where the pointer rests, so that a passage uncovered under it does not open by
/// itself.
#[hook]
pub fn use_dismiss_listeners(root: NodeRef, dispatch: UseReducerDispatcher<ViewState>) {
    use_effect_with((), move |_| {
        let document = web_sys::window().and_then(|w| w.document());
        let listeners: Vec<EventListener> = document
            .map(|document| {
                let pointer: Rc<Cell<Option<(i32, i32)>>> = Rc::default();
                let at = pointer.clone();
                let on_escape = dispatch.clone();
                vec![
                    EventListener::new(&document, "mousemove", move |e| {
                        if let Some(e) = e.dyn_ref::<web_sys::MouseEvent>() {
                            at.set(Some((e.client_x(), e.client_y())));
                        }
                    }),
                    EventListener::new(&document, "keydown", move |e| {
                        if e.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Escape") {
                            on_escape.dispatch(match pointer.get() {
                                Some(pointer) => Action::Dismiss { pointer },
                                None => Action::Close,
                            });
                        }
                    }),
                    EventListener::new(&document, "pointerdown", move |e| {
                        if !dom::is_within(dom::event_origin(e), &root, ".cr-passage, .cr-details, .cr-cell") {
                            dispatch.dispatch(Action::Close);
                        }
                    }),
                ]
            })
            .unwrap_or_default();
        move || drop(listeners)
    });
}

/// True from the moment printing is about to start (`beforeprint`, or the print media query
/// starting to match): the print notes are built then, not on load, since on screen nobody sees
/// them and a long article has thousands of claims.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state_eq(|| false);
    {
        let printing = printing.setter();
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let print = window.as_ref().and_then(|w| w.match_media("print").ok().flatten());
            let mut listeners = Vec::new();
            if let Some(window) = &window {
                let printing = printing.clone();
                listeners.push(EventListener::new(window, "beforeprint", move |_| printing.set(true)));
            }
            if let Some(print) = &print {
                listeners.push(EventListener::new(print, "change", move |_| printing.set(true)));
            }
            move || drop(listeners)
        });
    }
    *printing
}

/// Marks `claim-reader:ready` in the page's performance timeline when the reader is first
/// rendered, for those who measure the page.
#[hook]
pub fn use_ready_mark() {
    use_effect_with((), |_| {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("claim-reader:ready");
        }
    });
}

/// Work waiting for the browser to be idle; dropping it cancels the work.
/// (The closure and the timeout are held for their lifetimes: dropping them cancels.)
pub enum WhenIdle {
    /// Waiting for `requestIdleCallback`, with the callback kept alive until then.
    Idle(u32, #[allow(dead_code)] Closure<dyn FnMut()>),
    /// Browsers without idle callbacks: after the current task.
    Soon(#[allow(dead_code)] Timeout),
}

impl Drop for WhenIdle {
    fn drop(&mut self) {
        if let (WhenIdle::Idle(handle, _), Some(window)) = (&*self, web_sys::window()) {
            window.cancel_idle_callback(*handle);
        }
    }
}

/// Runs `work` once the browser is idle: after what is queued (a frame to paint, input to handle),
/// so that building the rest of a long article never delays them.
pub fn when_idle(work: impl FnOnce() + 'static) -> Option<WhenIdle> {
    let window = web_sys::window()?;
    let work = Rc::new(Cell::new(Some(work)));
    let run = move || {
        if let Some(work) = work.take() {
            work();
        }
    };
    let idle = Closure::<dyn FnMut()>::new(run.clone());
    match window.request_idle_callback(idle.as_ref().unchecked_ref()) {
        Ok(handle) => Some(WhenIdle::Idle(handle, idle)),
        Err(_) => Some(WhenIdle::Soon(Timeout::new(0, run))),
    }
}

/// Opens the claim the page's URL links to (`#claim=…`, see [`crate::claim_link`]) when the
/// reader is shown and whenever the fragment changes. A claim not found in the text scrolls its
/// entry in the list of unplaced claims into view instead.
#[hook]
pub fn use_claim_link(context: ReaderContext) {
    use_effect_with(context, |context| {
        let open = {
            let context = context.clone();
            move || {
                let Some(fragment) = page_link::fragment() else { return };
                let Some(link) = ClaimLink::parse(&fragment).filter(|l| l.is_for(context.name.as_deref())) else { return };
                let reader = &context.reader;
                let Some(claim) = reader.doc.claims.iter().position(|c| c.id == link.claim) else { return };
                match reader.segments_of.get(claim).and_then(|s| s.first()) {
                    Some(&trigger) => context.dispatch.dispatch(Action::Open(OpenDetails {
                        trigger,
                        claims: vec![claim],
                        opener: Opener::Link,
                        pointer: None,
                    })),
                    None => dom::reveal_unplaced(&context, claim),
                }
            }
        };
        open();
        let listener = web_sys::window().map(|w| EventListener::new(&w, "hashchange", move |_| open()));
        move || drop(listener)
    });
}

/// Tells the host page when details open on another passage (see
/// [`crate::embed::host_events`]), once they are rendered.
#[hook]
pub fn use_claim_opened_event(context: ReaderContext, open: Option<(Seg, Opener)>, muted: Rc<Vec<bool>>) {
    let trigger = open.map(|(t, _)| t);
    use_effect_with(trigger, move |trigger| {
        let (Some(trigger), Some((_, opener)), Some(root)) = (trigger, open, context.root.cast::<Element>()) else {
            return;
        };
        let reader = &context.reader;
        let Some(segment) = reader.paragraphs.get(trigger.0).and_then(|p| p.get(trigger.1)) else { return };
        let claims = shown_claims(reader, &segment.claims, &muted);
        let claims = claims.into_iter().filter_map(|c| ClaimSummary::of(reader, c)).collect();
        host_events::emit(&root, host_events::CLAIM_OPENED, &ClaimOpened { claims, opener: opener.word() });
    });
}

/// The state after `apply`, for a [`Reducible::reduce`]: `state` itself when the action changed
/// nothing, since `use_reducer` re-renders only for a new `Rc` — so nothing re-renders for an
/// action that changes nothing.
pub(crate) fn next_state<S: Clone + PartialEq>(state: Rc<S>, apply: impl FnOnce(&mut S)) -> Rc<S> {
    let mut next = (*state).clone();
    apply(&mut next);
    if next == *state {
        state
    } else {
        Rc::new(next)
    }
}
