//! The issues, their colours and line styles; each entry switches its highlights off and on.

use std::rc::Rc;

use yew::prelude::*;

use super::context::use_reader;
use super::{class_list, issue_class};
use super::stance_table::swatch;
use crate::model::suggest::push_list;
use crate::embed::host_events;
use crate::embed::objects::IssueToggled;
use crate::view_state::Action;

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Per issue: switched off.
    pub muted: Rc<Vec<bool>>,
}

#[function_component]
pub fn Legend(props: &LegendProps) -> Html {
    let Some(context) = use_reader() else { return Html::default() };
    let reader = &context.reader;
    let issues = &reader.doc.issues;
    let is_muted = |i: usize| props.muted.get(i).copied().unwrap_or(false);
    let hidden: Vec<&str> = issues.iter().enumerate().filter(|(i, _)| is_muted(*i)).map(|(_, x)| x.label.as_str()).collect();
    // A live region announces every change of its text: it changes only with the legend.
    let status = if hidden.is_empty() {
        String::new()
    } else {
        let mut status = format!("Showing {} of {} issues. Hidden: ", issues.len() - hidden.len(), issues.len());
        push_list(&mut status, &hidden);
        status.push('.');
        status
    };
    html! {
        <section class="cr-legend-box" aria-label="Issues">
            <h2 class="cr-legend-title" lang="en" dir="ltr">{ "Issues" }</h2>
            // Rendered ahead, its place is kept but nothing shows (the stylesheet hides it): the
            // live reader that takes over in place shows it without moving the legend.
            <p class="cr-legend-help" lang="en" dir="ltr">{ "Switch an issue's highlights off or on." }</p>
            <ul class="cr-legend">
                { for issues.iter().enumerate().map(|(i, issue)| {
                    let count = reader.cells.iter().filter(|&&(_, of)| of == i).count();
                    // Tells the host page too: shown again when it was switched off.
                    let (dispatch, root, shown) = (context.dispatch.clone(), context.root.clone(), is_muted(i));
                    let (id, label) = (issue.id.clone(), issue.label.clone());
                    let onclick = Callback::from(move |_: MouseEvent| {
                        dispatch.dispatch(Action::ToggleIssue(i));
                        if let Some(root) = root.cast::<web_sys::Element>() {
                            let toggled = IssueToggled { issue: &id, label: &label, shown };
                            host_events::emit(&root, host_events::ISSUE_TOGGLED, &toggled);
                        }
                    });
                    if context.is_static() {
                        // Rendered ahead there is nothing to switch: a key to the colours.
                        return html! {
                            <li key={i}>
                                <span class={class_list([Some("cr-legend-item"), Some(issue_class(i))])} data-issue={issue.id.clone()}>
                                    { swatch() }
                                    <span class="cr-legend-label" dir="auto">{ &issue.label }</span>
                                    <span class="cr-legend-count">{ count }</span>
                                </span>
                            </li>
                        };
                    }
                    html! {
                        <li key={i}>
                            <button
                                type="button"
                                class={class_list([Some("cr-legend-item"), Some(issue_class(i))])}
                                data-issue={issue.id.clone()}
                                aria-pressed={if is_muted(i) { "false" } else { "true" }}
                                {onclick}
                            >
                                { swatch() }
                                <span class="cr-legend-label" dir="auto">{ &issue.label }</span>
                                <span class="cr-legend-count">{ count }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <p class="cr-sr" aria-live="polite" lang="en">{ status }</p>
        </section>
    }
}
