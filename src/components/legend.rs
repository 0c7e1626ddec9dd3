//! The issues, their colours and marks; each entry switches its highlights on and off.

use web_sys::Element;

use super::issue_class;
use super::stance_table::swatch;
use crate::model::suggest::push_list;
use crate::reader::Reader;
use crate::view_tree::Tree;

/// The legend, every issue shown. Its buttons are handled by `events.rs`, and which issues are
/// switched off is set by [`show_muted`].
pub fn legend(t: &mut Tree, reader: &Reader) {
    t.open("section", &[("class", "cr-legend-box"), ("aria-label", "Issues")]);
    t.leaf("h2", &[("class", "cr-legend-title")], "Issues");
    t.leaf("p", &[("class", "cr-legend-help")], "Switch an issue's highlights off or on.");
    t.open("ul", &[("class", "cr-legend")]);
    for (i, issue) in reader.doc.issues.iter().enumerate() {
        let count = reader.cells.iter().filter(|&&(_, of)| of == i).count();
        t.open("li", &[]).open(
            "button",
            &[
                ("type", "button"),
                ("class", &format!("cr-legend-item {}", issue_class(i))),
                ("data-issue", &issue.id),
                ("aria-pressed", "true"),
            ],
        );
        swatch(t).leaf("span", &[("class", "cr-legend-label")], &issue.label);
        t.leaf("span", &[("class", "cr-legend-count")], &count.to_string()).close().close();
    }
    t.close().leaf("p", &[("class", "cr-sr"), ("aria-live", "polite")], "").close();
}

/// Sets the legend `box` to show the issues `muted` switched off: each button's `aria-pressed`,
/// and the status line that screen readers announce.
pub fn show_muted(legend_box: &Element, reader: &Reader, muted: &[bool]) {
    let is_muted = |i: usize| muted.get(i).copied().unwrap_or(false);
    let buttons = legend_box.query_selector_all("button").ok();
    for i in 0..reader.doc.issues.len() {
        let button = buttons.as_ref().and_then(|b| b.item(i as u32)).and_then(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok());
        let pressed = if is_muted(i) { "false" } else { "true" };
        if let Some(button) = button.filter(|b| b.get_attribute("aria-pressed").as_deref() != Some(pressed)) {
            let _ = button.set_attribute("aria-pressed", pressed);
        }
    }
    let hidden: Vec<&str> =
        reader.doc.issues.iter().enumerate().filter(|(i, _)| is_muted(*i)).map(|(_, x)| x.label.as_str()).collect();
    let status = if hidden.is_empty() {
        String::new()
    } else {
        let mut status = format!("Showing {} of {} issues. Hidden: ", reader.doc.issues.len() - hidden.len(), reader.doc.issues.len());
        push_list(&mut status, &hidden);
        status.push('.');
        status
    };
    // Written only when it changes: a live region announces every write.
    if let Some(line) = legend_box.query_selector("p[aria-live]").ok().flatten().filter(|l| l.text_content().unwrap_or_default() != status) {
        line.set_text_content(Some(&status));
    }
}
