//! One problem, worded and placed as `claim-reader check` words and places it — level and
//! message, `--> claims file:line:column (JSON path)`, the hint — and, when it names something
//! the editor shows, a button that takes the editor there.

use yew::prelude::*;

use super::dom;
use super::target::Target;
use crate::model::{Diagnostic, Severity};

#[derive(Properties, PartialEq)]
pub struct DiagnosticItemProps {
    pub diagnostic: Diagnostic,
    /// Whether the file it is about is the one in the editor, so its path can be followed.
    #[prop_or_default]
    pub followable: bool,
}

#[function_component]
pub fn DiagnosticItem(props: &DiagnosticItemProps) -> Html {
    let d = &props.diagnostic;
    let (level, class) = match d.severity {
        Severity::Error => ("error", "ed-diagnostic is-error"),
        Severity::Warning => ("warning", "ed-diagnostic is-warning"),
    };
    let mut at = "--> claims file".to_string();
    if let Some((line, column)) = d.line_col {
        at.push_str(&format!(":{line}:{}", column.max(1)));
    }
    if !d.path.is_empty() {
        at.push_str(&format!(" ({})", d.path));
    }
    let text = html! {
        <>
            <span class="ed-diagnostic-message">{ format!("{level}: {}", d.message) }</span>
            <span class="ed-diagnostic-at">{ at }</span>
            if let Some(hint) = &d.hint {
                <span class="ed-diagnostic-hint">{ format!("= help: {hint}") }</span>
            }
        </>
    };
    let target = props.followable.then(|| Target::of_path(&d.path)).flatten();
    let Some(target) = target else {
        return html! { <li class={class} data-path={d.path.clone()}>{ text }</li> };
    };
    let go = format!("Go to {}", target.describe());
    let onclick = Callback::from(move |_: MouseEvent| {
        // Every target falls back to a list or heading the started editor always shows.
        if !dom::locate(&target.selectors()) {
            web_sys::console::warn_1(&format!("claim-reader editor: nothing on the page shows {}", target.path()).into());
        }
    });
    html! {
        <li class={class} data-path={d.path.clone()}>
            <button type="button" class="ed-diagnostic-go" {onclick}>
                { text }
                <span class="ed-diagnostic-where">{ go }</span>
            </button>
        </li>
    }
}
