//! What the reader tells the host page: `CustomEvent`s dispatched on the reader's root, bubbling
//! and composed, so they leave the shadow root and reach the element it was mounted into and the
//! document. Each `detail` is one of [`super::objects`]' plain objects.
//!
//! - `claim-reader:claim-opened`: details were opened on a passage (by hover, focus, tap or link);
//! - `claim-reader:cell-chosen`: a stance-table cell was activated;
//! - `claim-reader:issue-toggled`: an issue's highlights were switched off or on in the legend.

use serde::Serialize;
use web_sys::{CustomEvent, CustomEventInit, Element};

use super::objects::to_js;

pub const CLAIM_OPENED: &str = "claim-reader:claim-opened";
pub const CELL_CHOSEN: &str = "claim-reader:cell-chosen";
pub const ISSUE_TOGGLED: &str = "claim-reader:issue-toggled";

/// Dispatches `name` with `detail` from `at` (the reader's root element).
pub fn emit<T: Serialize>(at: &Element, name: &str, detail: &T) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    if let Some(detail) = to_js(detail) {
        init.set_detail(&detail);
    }
    if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = at.dispatch_event(&event);
    }
}

