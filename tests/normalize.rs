//! Quotes placed across Unicode normalisation forms, natively (`unicode-normalization`); the
//! same cases run in the browser, on the platform's normaliser, in tests/web_normalize.rs.
#![cfg(not(target_arch = "wasm32"))]

mod normalize_cases;

use normalize_cases as case;

#[test]
fn nfd_vietnamese_quote_anchors_on_nfc_text() {
    case::nfd_vietnamese_quote_anchors_on_nfc_text();
}

#[test]
fn nfc_vietnamese_quote_anchors_on_nfd_text() {
    case::nfc_vietnamese_quote_anchors_on_nfd_text();
}

#[test]
fn nfd_korean_quote_anchors_on_nfc_text() {
    case::nfd_korean_quote_anchors_on_nfc_text();
}

#[test]
fn nfc_korean_quote_anchors_on_nfd_text() {
    case::nfc_korean_quote_anchors_on_nfd_text();
}

#[test]
fn typography_folds_with_normalisation() {
    case::typography_folds_with_normalisation();
}

#[test]
fn every_composable_pair_anchors_both_ways() {
    let checked = case::every_composable_pair_anchors_both_ways(|_, _| true);
    // 11,172 Hangul syllables and the other primary composites.
    assert!(checked > 11_172 + 900, "{checked}");
}
