//! The few places the view touches the DOM itself: finding, measuring, placing and focusing.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlElement};
use yew::NodeRef;

use super::{ReaderContext, Seg};
use crate::view_state::Cell;

/// The first element in the reader at `root` matching `selector`.
pub fn find(root: &NodeRef, selector: &str) -> Option<Element> {
    root.cast::<Element>()?.query_selector(selector).ok()?
}

/// The mark of a passage.
pub fn passage(root: &NodeRef, (p, s): Seg) -> Option<Element> {
    find(root, &format!("mark[data-seg=\"{p}-{s}\"]"))
}

/// The innermost element an event happened on, looking through open shadow roots.
pub fn event_origin(e: &Event) -> Option<EventTarget> {
    let path = e.composed_path();
    if path.length() > 0 {
        path.get(0).dyn_into::<EventTarget>().ok()
    } else {
        e.target()
    }
}

/// The nearest element around the event's origin matching `selector`.
pub fn closest(event: &Event, selector: &str) -> Option<Element> {
    event_origin(event)?.dyn_into::<Element>().ok()?.closest(selector).ok()?
}

/// True when `target` is an element inside `root` matching `selector` (or inside such an element).
pub fn is_within(target: Option<EventTarget>, root: &NodeRef, selector: &str) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
    let Some(root) = root.cast::<Element>() else { return false };
    root.contains(Some(&element)) && matches!(element.closest(selector), Ok(Some(_)))
}

/// Scrolls a passage into view and focuses it, which opens its details. The jump is instant:
/// the details are placed from where the passage ends up, which a smooth scroll would only
/// reach later.
pub fn focus_passage(root: &NodeRef, seg: Seg) -> bool {
    let Some(mark) = passage(root, seg) else { return false };
    reveal_passage(&mark);
    mark.dyn_into::<HtmlElement>().is_ok_and(|m| m.focus().is_ok())
}

/// Scrolls a claim not found in the text into view in the list of unplaced claims.
pub fn reveal_unplaced(context: &ReaderContext, claim: usize) {
    let Some(claim) = context.reader.doc.claims.get(claim) else { return };
    if let Some(item) = find(&context.root, &format!("[id=\"{}-unplaced-{}\"]", context.prefix, claim.id)) {
        item.scroll_into_view();
    }
}

/// Scrolls a passage to the middle of the screen at once (the details are then placed from
/// where it ends up).
pub fn reveal_passage(mark: &Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Takes focus off the open passage, as a dialog's close would.
pub fn blur_open_passage(root: &NodeRef) {
    if let Some(mark) = find(root, ".cr-passage.is-open").and_then(|m| m.dyn_into::<HtmlElement>().ok()) {
        let _ = mark.blur();
    }
}

/// Moves focus to a stance-table cell's button, in the table that is shown.
pub fn focus_cell(context: &ReaderContext, (p, i): Cell) -> bool {
    let doc = &context.reader.doc;
    let (Some(party), Some(issue)) = (doc.parties.get(p), doc.issues.get(i)) else { return false };
    let Some(root) = context.root.cast::<Element>() else { return false };
    let selector = format!("td[data-party=\"{}\"][data-issue=\"{}\"] button", party.id, issue.id);
    let Ok(buttons) = root.query_selector_all(&selector) else { return false };
    // Both orientations of the table are in the page; the one not shown has no layout box.
    (0..buttons.length())
        .filter_map(|k| buttons.item(k)?.dyn_into::<HtmlElement>().ok())
        .find(|b| b.offset_parent().is_some())
        .is_some_and(|b| b.focus().is_ok())
}

/// Places the details below the passage `mark` (above when there is no room below), inside the
/// reader's width and the viewport. Uses the CSSOM, which a strict style-src allows.
pub fn place_details(details: &HtmlElement, mark: &Element, root: &NodeRef) {
    let Some(root) = root.cast::<Element>() else { return };
    let style = details.style();
    // Measure at full height: an earlier placement may have shortened it. Changed before any
    // measuring, so that all of it takes one layout.
    let _ = style.remove_property("--cr-room");
    let root_box = root.get_bounding_client_rect();
    // The passage's box relative to the reader's own box.
    let m = mark.get_bounding_client_rect();
    let (anchor_left, anchor_top, anchor_height) = (m.left() - root_box.left(), m.top() - root_box.top(), m.height());
    let window = web_sys::window();
    let viewport = |f: fn(&web_sys::Window) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>| {
        window.as_ref().and_then(|w| f(w).ok()).and_then(|v| v.as_f64()).unwrap_or(f64::MAX)
    };
    let (viewport_width, viewport_height) = (viewport(web_sys::Window::inner_width), viewport(web_sys::Window::inner_height));
    let width = details.offset_width() as f64;
    let height = details.offset_height() as f64;
    const MARGIN: f64 = 8.0;
    // The part of the root that is on screen, in root coordinates.
    let visible_from = (-root_box.left()).max(0.0) + MARGIN;
    let visible_to = root_box.width().min(viewport_width - root_box.left()) - MARGIN;
    // Aligned with the passage's start: its left edge, or in right-to-left text its right edge.
    let rtl = mark.matches(":dir(rtl)").unwrap_or(false);
    let start = if rtl { m.right() - root_box.left() - width } else { anchor_left };
    let left = start.min(visible_to - width).max(visible_from);
    let below = anchor_top + anchor_height;
    let fits_below = root_box.top() + below + height <= viewport_height;
    let fits_above = root_box.top() + anchor_top - height >= 0.0;
    // Below when it fits; else above when that fits; else on the side with more room, made
    // short enough to fit there (its card scrolls).
    let room_below = viewport_height - (root_box.top() + below) - MARGIN;
    let room_above = root_box.top() + anchor_top - MARGIN;
    let goes_below = fits_below || (!fits_above && room_below >= room_above);
    let room = if fits_below || fits_above { height } else { room_below.max(room_above).max(120.0) };
    if room < height {
        // The card's own height: the room less the bridge padding around it.
        let _ = style.set_property("--cr-room", &format!("{}px", (room - 12.0) as i32));
    }
    let shown_height = height.min(room);
    let top = if goes_below { below } else { anchor_top - shown_height };
    let _ = style.set_property("left", &format!("{}px", left.round() as i32));
    let _ = style.set_property("top", &format!("{}px", top.round() as i32));
    let _ = details.set_attribute("data-placement", if top < anchor_top { "above" } else { "below" });
}
