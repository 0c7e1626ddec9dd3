//! The issues, their colours and marks; each entry switches its highlights on and off.

use yew::prelude::*;

use super::{issue_class, ReaderRef};

/// The legend; `muted` says which issues are switched off. Its buttons are handled by
/// `events.rs`.
pub fn legend(reader: &ReaderRef, muted: &[bool]) -> Html {
    let doc = &reader.doc;
    let is_muted = |i: usize| muted.get(i).copied().unwrap_or(false);
    let hidden: Vec<&str> = doc.issues.iter().enumerate().filter(|(i, _)| is_muted(*i)).map(|(_, x)| x.label.as_str()).collect();
    let status = if hidden.is_empty() {
        String::new()
    } else {
        format!(
            "Showing {} of {} issues. Hidden: {}.",
            doc.issues.len() - hidden.len(),
            doc.issues.len(),
            hidden.join(", ")
        )
    };
    html! {
        <section class="cr-legend-box" aria-label="Issues">
            <h2 class="cr-legend-title">{ "Issues" }</h2>
            <p class="cr-legend-help">{ "Switch an issue's highlights off or on." }</p>
            <ul class="cr-legend">
                { for doc.issues.iter().enumerate().map(|(i, issue)| {
                    let count = reader.cells.iter().filter(|&&(_, of)| of == i).count();
                    html! {
                        <li>
                            <button
                                type="button"
                                class={format!("cr-legend-item {}", issue_class(i))}
                                data-issue={issue.id.clone()}
                                aria-pressed={if is_muted(i) { "false" } else { "true" }}
                            >
                                <span class="cr-swatch" aria-hidden="true"></span>
                                <span class="cr-legend-label">{ &issue.label }</span>
                                <span class="cr-legend-count">{ count }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            <p class="cr-sr" aria-live="polite">{ status }</p>
        </section>
    }
}
