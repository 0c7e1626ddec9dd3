//! What the editor and the reader are told about problems: errors, warnings, unplaced claims.

use yew::prelude::*;

use super::ReaderRef;
use crate::model::Diagnostic;

/// Shown instead of the article when the claims file cannot be shown at all.
pub fn error_panel(diagnostics: &[Diagnostic], theme: Option<AttrValue>) -> Html {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    html! {
        <div class="claim-reader cr-error-panel" role="alert" data-ready="error" data-theme={theme}>
            <h2>{ "This article's claims could not be shown" }</h2>
            <p>{ format!("The claims file has {errors} error{}:", if errors == 1 { "" } else { "s" }) }</p>
            <ul class="cr-diagnostics">{ for diagnostics.iter().map(diagnostic_item) }</ul>
        </div>
    }
}

fn diagnostic_item(d: &Diagnostic) -> Html {
    html! {
        <li class={if d.is_error() { "is-error" } else { "is-warning" }}>
            if !d.path.is_empty() { <code class="cr-path">{ &d.path }</code>{ ": " } }
            if let Some((line, column)) = d.line_col { <span class="cr-at">{ format!("line {line}, column {column}: ") }</span> }
            { &d.message }
            if let Some(hint) = &d.hint { <span class="cr-hint">{ " — " }{ hint }</span> }
        </li>
    }
}

/// Non-fatal problems, folded away so readers are not distracted.
pub fn warnings(warnings: &[Diagnostic]) -> Html {
    if warnings.is_empty() {
        return html! {};
    }
    let n = warnings.len();
    html! {
        <details class="cr-notice">
            <summary>{ format!("{n} note{} on this article's claims data", if n == 1 { "" } else { "s" }) }</summary>
            <ul class="cr-diagnostics">{ for warnings.iter().map(diagnostic_item) }</ul>
        </details>
    }
}

/// Claims whose passage could not be found: kept and shown, never dropped.
pub fn unplaced(reader: &ReaderRef, id_prefix: &str) -> Html {
    let unplaced: Vec<usize> = reader.unplaced().collect();
    if unplaced.is_empty() {
        return html! {};
    }
    html! {
        <section class="cr-unplaced" aria-label="Claims not found in the text">
            <h2>{ "Claims not found in the text" }</h2>
            <ul>
                { for unplaced.iter().map(|&c| {
                    let claim = &reader.doc.claims[c];
                    let label = super::paragraph::claim_label(reader, c);
                    html! {
                        <li id={format!("{id_prefix}-unplaced-{}", claim.id)} data-claim={claim.id.clone()} tabindex="-1">
                            <p class="cr-unplaced-label">{ label }</p>
                            <blockquote>{ &claim.quote.exact }</blockquote>
                            <p>{ &claim.summary }</p>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
