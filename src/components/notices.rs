//! What readers are told about the data beside the table: claims whose passage could not be
//! found (kept and shown, never dropped), and warnings, folded away.

use yew::prelude::*;

use super::context::use_reader;
use super::error_panel::diagnostic_list;
use super::paragraph::claim_label;

#[function_component]
pub fn Notices() -> Html {
    let Some(context) = use_reader() else { return Html::default() };
    let reader = &context.reader;
    let unplaced: Vec<usize> = reader.unplaced().collect();
    let warnings = &reader.warnings;
    let n = warnings.len();
    html! { <>
        if !unplaced.is_empty() {
            <section class="cr-unplaced" aria-label="Claims not found in the text">
                <h2 lang="en" dir="ltr">{ "Claims not found in the text" }</h2>
                <ul>
                    { for unplaced.iter().map(|&c| {
                        let claim = &reader.doc.claims[c];
                        html! {
                            <li key={c} id={format!("{}-unplaced-{}", context.prefix, claim.id)} data-claim={claim.id.clone()} tabindex="-1">
                                <p class="cr-unplaced-label" lang="en" dir="ltr">{ claim_label(reader, c) }</p>
                                <blockquote>{ &claim.quote.exact }</blockquote>
                                <p>{ &claim.summary }</p>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        }
        if n > 0 {
            <details class="cr-notice" lang="en" dir="ltr">
                <summary>{ format!("{n} note{} on this article's claims data", if n == 1 { "" } else { "s" }) }</summary>
                { diagnostic_list(warnings) }
            </details>
        }
    </> }
}
