//! One view of a claim for serde, its fields in the order `docs/data-format.md` documents: the
//! claims file writes it ([`super::write`]), and the reader hands it to the page
//! (`handle.claims()`, `embed/objects.rs`). Plain Rust, in both bundles.

use serde::Serialize;

use super::types::Claim;

/// Whether an absent optional field is left out (`NULLS = false`: the claims file) or written,
/// as `null` by a serializer that writes `None` so (`NULLS = true`: `handle.claims()`, whose
/// type in `claim-reader.d.ts` names every field). One view of a claim serves both.
fn left_out<const NULLS: bool, T>(value: &Option<T>) -> bool {
    !NULLS && value.is_none()
}

/// A claim with its fields in the documented order.
#[derive(Serialize)]
pub struct ClaimOut<'a, const NULLS: bool = false> {
    id: &'a str,
    party: &'a str,
    issue: &'a str,
    stance: &'static str,
    quote: QuoteOut<'a, NULLS>,
    summary: &'a str,
    attribution: AttributionOut<'a, NULLS>,
    certainty: &'static str,
    #[serde(skip_serializing_if = "left_out::<NULLS, _>")]
    hedge: Option<&'a str>,
}
#[derive(Serialize)]
pub struct QuoteOut<'a, const NULLS: bool> {
    exact: &'a str,
    #[serde(skip_serializing_if = "left_out::<NULLS, _>")]
    prefix: Option<&'a str>,
    #[serde(skip_serializing_if = "left_out::<NULLS, _>")]
    suffix: Option<&'a str>,
    #[serde(skip_serializing_if = "left_out::<NULLS, _>")]
    paragraph: Option<usize>,
    #[serde(skip_serializing_if = "left_out::<NULLS, _>")]
    start: Option<usize>,
}
#[derive(Serialize)]
pub struct AttributionOut<'a, const NULLS: bool> {
    reported_by: &'a str,
    #[serde(skip_serializing_if = "left_out::<NULLS, _>")]
    basis: Option<&'a str>,
    #[serde(skip_serializing_if = "left_out::<NULLS, _>")]
    via: Option<&'a str>,
}

impl<'a, const NULLS: bool> From<&'a Claim> for ClaimOut<'a, NULLS> {
    fn from(c: &'a Claim) -> Self {
        ClaimOut {
            id: &c.id,
            party: &c.party,
            issue: &c.issue,
            stance: c.stance.word(),
            quote: QuoteOut {
                exact: &c.quote.exact,
                prefix: c.quote.prefix.as_deref(),
                suffix: c.quote.suffix.as_deref(),
                paragraph: c.quote.paragraph,
                start: c.quote.start,
            },
            summary: &c.summary,
            attribution: AttributionOut {
                reported_by: &c.attribution.reported_by,
                basis: c.attribution.basis.as_deref(),
                via: c.attribution.via.as_deref(),
            },
            certainty: c.certainty.word(),
            hedge: c.hedge.as_deref(),
        }
    }
}
