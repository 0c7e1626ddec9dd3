//! Quotes placed in every script, natively: the cases of tests/script_cases, which
//! tests/web_normalize.rs runs in the browser on the platform's normaliser, segmenter and lower
//! case.
#![cfg(not(target_arch = "wasm32"))]

mod script_cases;

use script_cases as case;

#[test]
fn nfkc_only_differences_are_never_silently_equal() {
    case::nfkc_only_differences_are_never_silently_equal();
}

#[test]
fn canonical_forms_match_silently_in_latin_greek_and_cyrillic() {
    case::canonical_forms_match_silently_in_latin_greek_and_cyrillic();
}

#[test]
fn arabic_quote_without_tashkeel_finds_vocalised_text() {
    case::arabic_quote_without_tashkeel_finds_vocalised_text();
}

#[test]
fn arabic_vocalised_quote_finds_plain_text() {
    case::arabic_vocalised_quote_finds_plain_text();
}

#[test]
fn arabic_tatweel_folds_with_the_diacritics() {
    case::arabic_tatweel_folds_with_the_diacritics();
}

#[test]
fn arabic_diacritics_and_a_changed_letter_are_both_said() {
    case::arabic_diacritics_and_a_changed_letter_are_both_said();
}

#[test]
fn hebrew_points_fold_like_tashkeel() {
    case::hebrew_points_fold_like_tashkeel();
}

#[test]
fn full_width_latin_and_digits_match_ascii() {
    case::full_width_latin_and_digits_match_ascii();
}

#[test]
fn half_width_katakana_match_full_width() {
    case::half_width_katakana_match_full_width();
}

#[test]
fn turkish_dotted_capital_i_finds_lower_and_upper_case() {
    case::turkish_dotted_capital_i_finds_lower_and_upper_case();
}

#[test]
fn turkish_dotless_i_matches_capital_i() {
    case::turkish_dotless_i_matches_capital_i();
}

#[test]
fn turkish_dotted_capital_i_keeps_byte_ranges_exact() {
    case::turkish_dotted_capital_i_keeps_byte_ranges_exact();
}

#[test]
fn a_case_only_difference_is_found_and_said() {
    case::a_case_only_difference_is_found_and_said();
}

#[test]
fn japanese_quote_with_a_character_changed_or_missing() {
    case::japanese_quote_with_a_character_changed_or_missing();
}

#[test]
fn chinese_quote_with_a_character_changed() {
    case::chinese_quote_with_a_character_changed();
}

#[test]
fn thai_quote_with_a_tone_mark_missing() {
    case::thai_quote_with_a_tone_mark_missing();
}

#[test]
fn emoji_with_a_skin_tone_is_never_split() {
    case::emoji_with_a_skin_tone_is_never_split();
}

#[test]
fn zwj_sequence_is_never_split() {
    case::zwj_sequence_is_never_split();
}

#[test]
fn flags_are_never_split() {
    case::flags_are_never_split();
}

#[test]
fn devanagari_conjuncts_are_never_split() {
    case::devanagari_conjuncts_are_never_split();
}

#[test]
fn hangul_jamo_syllable_is_never_split() {
    case::hangul_jamo_syllable_is_never_split();
}

#[test]
fn combining_mark_is_never_split() {
    case::combining_mark_is_never_split();
}

#[test]
fn whole_clusters_win_and_widening_is_said() {
    case::whole_clusters_win_and_widening_is_said();
}
