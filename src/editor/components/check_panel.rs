//! The live check: the file as it would be exported, read by the same validator as the page and
//! `claim-reader check`, its problems worded and placed as the command words and places them.
//! Each problem that names something the editor shows leads there when chosen.

use yew::prelude::*;

use super::diagnostic_item::DiagnosticItem;
use crate::editor::draft::Check;
use crate::editor::target::Target;

#[derive(Properties, PartialEq)]
pub struct CheckPanelProps {
    pub check: Check,
    /// Takes the editor to what a diagnostic names.
    pub on_follow: Callback<Target>,
}

#[function_component]
pub fn CheckPanel(props: &CheckPanelProps) -> Html {
    let check = &props.check;
    let items = check.diagnostics.iter().map(|d| html! { <DiagnosticItem diagnostic={d.clone()} on_follow={props.on_follow.clone()} /> });
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
