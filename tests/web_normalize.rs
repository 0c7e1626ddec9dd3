//! Quotes placed across Unicode normalisation forms in the browser, where anchoring normalises
//! with the platform's `String.prototype.normalize`: the cases tests/normalize.rs runs natively,
//! with `unicode-normalization` (a test-only dependency here) as the oracle.
//!
//! Run with `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_normalize`.
#![cfg(target_arch = "wasm32")]

mod normalize_cases;

use normalize_cases as case;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn nfd_vietnamese_quote_anchors_on_nfc_text() {
    case::nfd_vietnamese_quote_anchors_on_nfc_text();
}

#[wasm_bindgen_test]
fn nfc_vietnamese_quote_anchors_on_nfd_text() {
    case::nfc_vietnamese_quote_anchors_on_nfd_text();
}

#[wasm_bindgen_test]
fn nfd_korean_quote_anchors_on_nfc_text() {
    case::nfd_korean_quote_anchors_on_nfc_text();
}

#[wasm_bindgen_test]
fn nfc_korean_quote_anchors_on_nfd_text() {
    case::nfc_korean_quote_anchors_on_nfd_text();
}

#[wasm_bindgen_test]
fn typography_folds_with_normalisation() {
    case::typography_folds_with_normalisation();
}

#[wasm_bindgen_test]
fn every_composable_pair_anchors_both_ways() {
    // A pair the browser's Unicode data does not compose yet (one newer than its version) is
    // left out: that is the platform's answer, not the fold's. Only a few may be.
    let platform = |decomposed: &str, composed: char| {
        js_sys::JsString::from(decomposed).normalize("NFC") == composed.to_string()
    };
    let all = case::composable_pairs().len();
    let checked = case::every_composable_pair_anchors_both_ways(platform);
    assert!(checked > 11_172 + 900, "{checked} of {all}");
    assert!(all - checked <= 20, "the platform composes only {checked} of {all} pairs");
}
