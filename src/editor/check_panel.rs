//! The live check: the file as it would be exported, read by the same validator as the page and
//! `claim-reader check`, its problems worded and placed as the command words and places them.

use yew::prelude::*;

use super::draft::Check;
use crate::model::Severity;

#[derive(Properties, PartialEq)]
pub struct CheckPanelProps {
    pub check: Check,
}

#[function_component]
pub fn CheckPanel(props: &CheckPanelProps) -> Html {
    let check = &props.check;
    let items = check.diagnostics.iter().map(|d| {
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
        html! {
            <li class={class} data-path={d.path.clone()}>
                <span class="ed-diagnostic-message">{ format!("{level}: {}", d.message) }</span>
                <span class="ed-diagnostic-at">{ at }</span>
                if let Some(hint) = &d.hint {
                    <span class="ed-diagnostic-hint">{ format!("= help: {hint}") }</span>
                }
            </li>
        }
    });
    let state = if check.errors > 0 { "has-errors" } else if check.diagnostics.is_empty() { "is-ok" } else { "has-warnings" };
    html! {
        <section class={format!("ed-check {state}")} aria-labelledby="ed-check-title">
            <h2 id="ed-check-title">{ "Check" }</h2>
            <p class="ed-check-summary" role="status">{ check.summary.clone() }</p>
            if !check.diagnostics.is_empty() {
                <ul class="ed-diagnostics">{ for items }</ul>
            }
        </section>
    }
}
