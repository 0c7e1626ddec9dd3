//! The plain objects the reader hands the host page, as serde types converted by
//! `serde-wasm-bindgen`: the claims of `handle.claims()` and the `detail` of each event.
//! `claim-reader.d.ts` types them for the page; their fields are named as in the claims file.

use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::model::claim_out::ClaimOut;
use crate::reader::Reader;

/// A claim as the events name it: ids as in the claims file, with the names a page shows.
#[derive(Serialize)]
pub struct ClaimSummary<'a> {
    pub id: &'a str,
    pub party: &'a str,
    pub party_name: &'a str,
    pub issue: &'a str,
    pub issue_label: &'a str,
    pub stance: &'static str,
    pub certainty: &'static str,
}

impl<'a> ClaimSummary<'a> {
    pub fn of(reader: &'a Reader, claim: usize) -> Option<ClaimSummary<'a>> {
        let c = reader.doc.claims.get(claim)?;
        let &(p, i) = reader.cells.get(claim)?;
        let (party, issue) = (reader.doc.parties.get(p)?, reader.doc.issues.get(i)?);
        Some(ClaimSummary {
            id: &c.id,
            party: &party.id,
            party_name: &party.name,
            issue: &issue.id,
            issue_label: &issue.label,
            stance: c.stance.word(),
            certainty: c.certainty.word(),
        })
    }
}

/// `claim-reader:claim-opened`: every claim the opened details show.
#[derive(Serialize)]
pub struct ClaimOpened<'a> {
    pub claims: Vec<ClaimSummary<'a>>,
    /// "hover", "focus", "tap" or "link".
    pub opener: &'static str,
}

/// `claim-reader:cell-chosen`.
#[derive(Serialize)]
pub struct CellChosen<'a> {
    pub party: &'a str,
    pub issue: &'a str,
    /// A stance word, "mixed" or "not-stated" (the cell's `data-stance`).
    pub stance: &'static str,
    /// The ids of the claims behind the cell.
    pub claims: Vec<&'a str>,
}

/// `claim-reader:issue-toggled`.
#[derive(Serialize)]
pub struct IssueToggled<'a> {
    pub issue: &'a str,
    pub label: &'a str,
    /// True when its highlights were switched back on.
    pub shown: bool,
}

/// A claim as `handle.claims()` returns it: the claims file's own view of a claim, every
/// optional field present (`null` when absent).
pub type ClaimObject<'a> = ClaimOut<'a, true>;

/// Every claim of `reader` as plain objects (an empty array when nothing is loaded).
pub fn claims_of(reader: Option<&Reader>) -> JsValue {
    let claims: Vec<ClaimObject> = reader.map(|r| r.doc.claims.iter().map(ClaimObject::from).collect()).unwrap_or_default();
    to_js(&claims).unwrap_or_else(|| js_sys::Array::new().into())
}

/// Converts through serde with absent values as `null`, the way the claims file writes them.
pub fn to_js<T: Serialize>(value: &T) -> Option<JsValue> {
    value.serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true)).ok()
}

