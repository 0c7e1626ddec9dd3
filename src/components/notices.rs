//! What the editor and the reader are told about problems: errors, warnings, unplaced claims.

use yew::prelude::*;

use super::paragraph::claim_label;
use super::static_dom::build;
use crate::model::Diagnostic;
use crate::reader::Reader;
use crate::view_tree::Tree;

/// Shown instead of the article when the claims file cannot be shown at all.
pub fn error_panel(diagnostics: &[Diagnostic], theme: Option<AttrValue>) -> Html {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let mut t = Tree::default();
    let theme = theme.as_deref().unwrap_or_default();
    t.open("div", &[("class", "claim-reader cr-error-panel"), ("role", "alert"), ("data-ready", "error"), ("data-theme", theme)]);
    t.leaf("h2", &[], "This article's claims could not be shown");
    t.leaf("p", &[], &format!("The claims file has {errors} error{}:", if errors == 1 { "" } else { "s" }));
    diagnostic_list(&mut t, diagnostics);
    t.close();
    let document = web_sys::window().and_then(|w| w.document());
    document.map(|d| Html::VRef(build(&t, &d, &[]).into())).unwrap_or_default()
}

fn diagnostic_list(t: &mut Tree, diagnostics: &[Diagnostic]) {
    t.open("ul", &[("class", "cr-diagnostics")]);
    for d in diagnostics {
        t.open("li", &[("class", if d.is_error() { "is-error" } else { "is-warning" })]);
        if !d.path.is_empty() {
            t.leaf("code", &[("class", "cr-path")], &d.path).text(": ");
        }
        if let Some((line, column)) = d.line_col {
            t.leaf("span", &[("class", "cr-at")], &format!("line {line}, column {column}: "));
        }
        t.text(&d.message);
        if let Some(hint) = &d.hint {
            t.open("span", &[("class", "cr-hint")]).text(" — ").text(hint).close();
        }
        t.close();
    }
    t.close();
}

/// Non-fatal problems, folded away so readers are not distracted.
pub fn warnings(t: &mut Tree, warnings: &[Diagnostic]) {
    if warnings.is_empty() {
        return;
    }
    let n = warnings.len();
    t.open("details", &[("class", "cr-notice")]);
    t.leaf("summary", &[], &format!("{n} note{} on this article's claims data", if n == 1 { "" } else { "s" }));
    diagnostic_list(t, warnings);
    t.close();
}

/// Claims whose passage could not be found: kept and shown, never dropped.
pub fn unplaced(t: &mut Tree, reader: &Reader, id_prefix: &str) {
    let mut unplaced = reader.unplaced().peekable();
    if unplaced.peek().is_none() {
        return;
    }
    t.open("section", &[("class", "cr-unplaced"), ("aria-label", "Claims not found in the text")]);
    t.leaf("h2", &[], "Claims not found in the text").open("ul", &[]);
    for c in unplaced {
        let claim = &reader.doc.claims[c];
        let id = format!("{id_prefix}-unplaced-{}", claim.id);
        t.open("li", &[("id", &id), ("data-claim", &claim.id), ("tabindex", "-1")]);
        t.leaf("p", &[("class", "cr-unplaced-label")], &claim_label(reader, c));
        t.leaf("blockquote", &[], &claim.quote.exact).leaf("p", &[], &claim.summary).close();
    }
    t.close().close();
}
