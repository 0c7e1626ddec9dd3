//! The details of the claims over a passage: a WAI-ARIA tooltip that is also a tap target.

use yew::prelude::*;

use super::{issue_class, ReaderRef};
use crate::model::Claim;
use crate::view_state::OpenDetails;

/// The details of the open passage's claims; hidden when none is open. `back` offers the way
/// back to the table cell the passage was reached from. Placed by `dom::place_details`; its
/// buttons and pointer leaving are handled by `events.rs`.
pub fn details(reader: &ReaderRef, open: Option<&OpenDetails>, back: bool, id: &AttrValue, node: &NodeRef) -> Html {
    let claims: &[usize] = open.map(|o| o.claims.as_slice()).unwrap_or_default();
    html! {
        <div class="cr-details" role="tooltip" id={id.clone()} ref={node.clone()} hidden={open.is_none()}>
            <div class="cr-details-card">
                <button type="button" class="cr-details-close" aria-label="Close details">
                    <span aria-hidden="true">{ "×" }</span>
                </button>
                { for claims.iter().map(|&c| claim_details(reader, c)) }
                if back {
                    <button type="button" class="cr-details-back">{ "Back to the table (Esc)" }</button>
                }
            </div>
        </div>
    }
}

fn claim_details(reader: &ReaderRef, c: usize) -> Html {
    let claim = &reader.doc.claims[c];
    let (p, i) = reader.cells[c];
    let party = &reader.doc.parties[p];
    let issue = &reader.doc.issues[i];
    let direction = claim.stance.direction();
    html! {
        <section class="cr-claim" data-claim={claim.id.clone()}>
            <p class="cr-details-head">
                <span class="cr-details-party">{ &party.name }</span>
                { " " }
                <span class={format!("cr-details-stance is-{}", direction.word())}>
                    <span aria-hidden="true">{ direction.icon() }{ " " }</span>{ claim.stance.word() }
                </span>
            </p>
            <p class={format!("cr-details-issue {}", issue_class(i))}>
                <span class="cr-swatch" aria-hidden="true"></span>
                <span class="cr-details-issue-label">{ &issue.label }</span>
                <span class="cr-details-issue-description">{ &issue.description }</span>
            </p>
            <p class="cr-details-summary">{ &claim.summary }</p>
            <p class="cr-details-certainty">{ certainty_line(claim) }</p>
            <p class="cr-details-attribution">{ attribution_line(claim) }</p>
        </section>
    }
}

/// "Reported, not confirmed: “reportedly”".
pub fn certainty_line(claim: &Claim) -> String {
    match &claim.hedge {
        Some(h) if !h.trim().is_empty() => format!("{}: “{}”", claim.certainty.describe(), h.trim()),
        _ => claim.certainty.describe().to_string(),
    }
}

/// "Reported by Bloomberg, citing sources familiar with the matter; via Anadolu Agency".
pub fn attribution_line(claim: &Claim) -> String {
    let a = &claim.attribution;
    let mut line = format!("Reported by {}", a.reported_by);
    if let Some(basis) = a.basis.as_deref().filter(|b| !b.trim().is_empty()) {
        line.push_str(", citing ");
        line.push_str(basis);
    }
    if let Some(via) = a.via.as_deref().filter(|v| !v.trim().is_empty()) {
        line.push_str("; via ");
        line.push_str(via);
    }
    line
}
