//! The details of the claims over a passage: a WAI-ARIA tooltip that is also a tap target.
//! Written as a tree (see `view_tree.rs`) when what they show changes.

use web_sys::Element;

use super::issue_class;
use super::stance_table::swatch;
use super::static_dom::build;
use crate::model::Claim;
use crate::reader::Reader;
use crate::view_tree::Tree;

/// Fills the details element with the cards of `claims` (those of the open passage); `back`
/// offers the way back to the table cell the passage was reached from. Placed by
/// `dom::place_details`; its buttons and pointer leaving are handled by `events.rs`.
pub fn fill_details(details: &Element, reader: &Reader, claims: &[usize], back: bool) {
    let mut t = Tree::default();
    t.open("div", &[("class", "cr-details-card")]);
    t.open("button", &[("type", "button"), ("class", "cr-details-close"), ("aria-label", "Close details")]);
    t.leaf("span", &[("aria-hidden", "true")], "×").close();
    for &c in claims {
        claim_details(&mut t, reader, c);
    }
    if back {
        t.leaf("button", &[("type", "button"), ("class", "cr-details-back")], "Back to the table (Esc)");
    }
    t.close();
    if let Some(document) = details.owner_document() {
        let card = build(&t, &document, &[]);
        details.replace_children_with_node_1(&card);
    }
}

fn claim_details(t: &mut Tree, reader: &Reader, c: usize) {
    let claim = &reader.doc.claims[c];
    let (p, i) = reader.cells[c];
    let party = &reader.doc.parties[p];
    let issue = &reader.doc.issues[i];
    let direction = claim.stance.direction();
    t.open("section", &[("class", "cr-claim"), ("data-claim", &claim.id)]);
    t.open("p", &[("class", "cr-details-head")]).leaf("span", &[("class", "cr-details-party")], &party.name).text(" ");
    t.open("span", &[("class", &format!("cr-details-stance is-{}", direction.word()))]);
    t.open("span", &[("aria-hidden", "true")]).text(direction.icon()).text(" ").close();
    t.text(claim.stance.word()).close().close();
    t.open("p", &[("class", &format!("cr-details-issue {}", issue_class(i)))]);
    swatch(t).leaf("span", &[("class", "cr-details-issue-label")], &issue.label);
    t.leaf("span", &[("class", "cr-details-issue-description")], &issue.description).close();
    t.leaf("p", &[("class", "cr-details-summary")], &claim.summary);
    t.leaf("p", &[("class", "cr-details-certainty")], &certainty_line(claim));
    t.leaf("p", &[("class", "cr-details-attribution")], &attribution_line(claim)).close();
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
