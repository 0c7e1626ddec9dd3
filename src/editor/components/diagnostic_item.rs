//! One problem, worded and placed as `claim-reader check` words and places it — level and
//! message, `--> claims file:line:column (JSON path)`, the hint — and, when it names something
//! the editor shows, a button that takes the editor there.

use yew::prelude::*;

use crate::editor::target::Target;
use crate::model::{Diagnostic, Severity};

#[derive(Properties, PartialEq)]
pub struct DiagnosticItemProps {
    pub diagnostic: Diagnostic,
    /// Follows the diagnostic's path to what it names; `None` when the file it is about is not
    /// the one in the editor (a file that did not open).
    #[prop_or_default]
    pub on_follow: Option<Callback<Target>>,
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
    let followed = props.on_follow.clone().zip(Target::of_path(&d.path));
    let Some((on_follow, target)) = followed else {
        return html! { <li class={class} data-path={d.path.clone()}>{ text }</li> };
    };
    let go = format!("Go to {}", target.describe());
    let onclick = Callback::from(move |_: MouseEvent| on_follow.emit(target.clone()));
    html! {
        <li class={class} data-path={d.path.clone()}>
            <button type="button" class="ed-diagnostic-go" {onclick}>
                { text }
                <span class="ed-diagnostic-where">{ go }</span>
            </button>
        </li>
    }
}
