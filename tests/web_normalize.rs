//! Quotes placed across Unicode normalisation forms in the browser, where anchoring normalises
//! with the platform's `String.prototype.normalize`: the cases tests/normalize.rs runs natively,
//! with `unicode-normalization` (a test-only dependency here) as the oracle. Then the cases of
//! tests/anchoring_scripts.rs (Arabic diacritics, width, Turkish case, scripts without spaces,
//! grapheme clusters), on the browser's `toLowerCase` and `Intl.Segmenter`.
//!
//! Run with `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_normalize`.
#![cfg(target_arch = "wasm32")]

mod normalize_cases;
mod script_cases;

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

#[wasm_bindgen_test]
fn nfkc_only_differences_are_never_silently_equal() {
    script_cases::nfkc_only_differences_are_never_silently_equal();
}

#[wasm_bindgen_test]
fn canonical_forms_match_silently_in_latin_greek_and_cyrillic() {
    script_cases::canonical_forms_match_silently_in_latin_greek_and_cyrillic();
}

#[wasm_bindgen_test]
fn arabic_quote_without_tashkeel_finds_vocalised_text() {
    script_cases::arabic_quote_without_tashkeel_finds_vocalised_text();
}

#[wasm_bindgen_test]
fn arabic_vocalised_quote_finds_plain_text() {
    script_cases::arabic_vocalised_quote_finds_plain_text();
}

#[wasm_bindgen_test]
fn arabic_tatweel_folds_with_the_diacritics() {
    script_cases::arabic_tatweel_folds_with_the_diacritics();
}

#[wasm_bindgen_test]
fn arabic_diacritics_and_a_changed_letter_are_both_said() {
    script_cases::arabic_diacritics_and_a_changed_letter_are_both_said();
}

#[wasm_bindgen_test]
fn hebrew_points_fold_like_tashkeel() {
    script_cases::hebrew_points_fold_like_tashkeel();
}

#[wasm_bindgen_test]
fn full_width_latin_and_digits_match_ascii() {
    script_cases::full_width_latin_and_digits_match_ascii();
}

#[wasm_bindgen_test]
fn half_width_katakana_match_full_width() {
    script_cases::half_width_katakana_match_full_width();
}

#[wasm_bindgen_test]
fn turkish_dotted_capital_i_finds_lower_and_upper_case() {
    script_cases::turkish_dotted_capital_i_finds_lower_and_upper_case();
}

#[wasm_bindgen_test]
fn turkish_dotless_i_matches_capital_i() {
    script_cases::turkish_dotless_i_matches_capital_i();
}

#[wasm_bindgen_test]
fn turkish_dotted_capital_i_keeps_byte_ranges_exact() {
    script_cases::turkish_dotted_capital_i_keeps_byte_ranges_exact();
}

#[wasm_bindgen_test]
fn a_case_only_difference_is_found_and_said() {
    script_cases::a_case_only_difference_is_found_and_said();
}

#[wasm_bindgen_test]
fn japanese_quote_with_a_character_changed_or_missing() {
    script_cases::japanese_quote_with_a_character_changed_or_missing();
}

#[wasm_bindgen_test]
fn chinese_quote_with_a_character_changed() {
    script_cases::chinese_quote_with_a_character_changed();
}

#[wasm_bindgen_test]
fn thai_quote_with_a_tone_mark_missing() {
    script_cases::thai_quote_with_a_tone_mark_missing();
}

#[wasm_bindgen_test]
fn emoji_with_a_skin_tone_is_never_split() {
    script_cases::emoji_with_a_skin_tone_is_never_split();
}

#[wasm_bindgen_test]
fn zwj_sequence_is_never_split() {
    script_cases::zwj_sequence_is_never_split();
}

#[wasm_bindgen_test]
fn flags_are_never_split() {
    script_cases::flags_are_never_split();
}

#[wasm_bindgen_test]
fn devanagari_conjuncts_are_never_split() {
    script_cases::devanagari_conjuncts_are_never_split();
}

#[wasm_bindgen_test]
fn hangul_jamo_syllable_is_never_split() {
    script_cases::hangul_jamo_syllable_is_never_split();
}

#[wasm_bindgen_test]
fn combining_mark_is_never_split() {
    script_cases::combining_mark_is_never_split();
}

#[wasm_bindgen_test]
fn whole_clusters_win_and_widening_is_said() {
    script_cases::whole_clusters_win_and_widening_is_said();
}
