//! The few places the view touches the DOM directly: measuring, placing, focusing.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};
use yew::NodeRef;


/// True when `target` is an element inside `root` matching `selector` (or inside such an element).
pub fn is_within(target: Option<web_sys::EventTarget>, root: &NodeRef, selector: &str) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
    let Some(root) = root.cast::<Element>() else { return false };
    root.contains(Some(&element)) && matches!(element.closest(selector), Ok(Some(_)))
}

/// The innermost element an event happened on, looking through open shadow roots.
pub fn event_origin(e: &Event) -> Option<web_sys::EventTarget> {
    let path = e.composed_path();
    if path.length() > 0 {
        path.get(0).dyn_into::<web_sys::EventTarget>().ok()
    } else {
        e.target()
    }
}

/// Scrolls the first passage of `claim_id` into view and focuses it, which opens its details.
/// The jump is instant: the details are placed from where the passage ends up, which a smooth
/// scroll would only reach later.
pub fn focus_passage(root: &NodeRef, claim_id: &str) -> bool {
    let Some(root) = root.cast::<Element>() else { return false };
    let selector = format!("mark[data-claim~=\"{claim_id}\"]");
    let Ok(Some(mark)) = root.query_selector(&selector) else { return false };
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    mark.scroll_into_view_with_scroll_into_view_options(&options);
    mark.dyn_into::<HtmlElement>().is_ok_and(|m| m.focus().is_ok())
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
    let anchor = Anchor { left: m.left() - root_box.left(), top: m.top() - root_box.top(), height: m.height() };
    let viewport_height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::MAX);
    let viewport_width = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|w| w.as_f64())
        .unwrap_or(f64::MAX);
    let width = details.offset_width() as f64;
    let height = details.offset_height() as f64;
    const MARGIN: f64 = 8.0;
    // The part of the root that is on screen, in root coordinates.
    let visible_from = (-root_box.left()).max(0.0) + MARGIN;
    let visible_to = root_box.width().min(viewport_width - root_box.left()) - MARGIN;
    let left = anchor.left.min(visible_to - width).max(visible_from);
    let below = anchor.top + anchor.height;
    let fits_below = root_box.top() + below + height <= viewport_height;
    let fits_above = root_box.top() + anchor.top - height >= 0.0;
    // Below when it fits; else above when that fits; else on the side with more room, made
    // short enough to fit there (its card scrolls).
    let room_below = viewport_height - (root_box.top() + below) - MARGIN;
    let room_above = root_box.top() + anchor.top - MARGIN;
    let goes_below = fits_below || (!fits_above && room_below >= room_above);
    let room = if fits_below || fits_above { height } else { room_below.max(room_above).max(120.0) };
    if room < height {
        // The card's own height: the room less the bridge padding around it.
        let _ = style.set_property("--cr-room", &format!("{}px", (room - 12.0) as i32));
    }
    let shown_height = height.min(room);
    let top = if goes_below { below } else { anchor.top - shown_height };
    // Whole pixels: formatting integers keeps float formatting out of the bundle.
    let _ = style.set_property("left", &format!("{}px", left.round() as i32));
    let _ = style.set_property("top", &format!("{}px", top.round() as i32));
    let _ = details.set_attribute("data-placement", if top < anchor.top { "above" } else { "below" });
}

/// Moves focus back to a stance-table cell's button.
pub fn focus_cell(root: &NodeRef, party_id: &str, issue_id: &str) -> bool {
    let Some(root) = root.cast::<Element>() else { return false };
    let selector = format!("td[data-party=\"{party_id}\"][data-issue=\"{issue_id}\"] button");
    let Ok(Some(button)) = root.query_selector(&selector) else { return false };
    button.dyn_into::<HtmlElement>().is_ok_and(|b| b.focus().is_ok())
}

/// A passage's box relative to the reader's, in CSS pixels.
struct Anchor {
    left: f64,
    top: f64,
    height: f64,
}
