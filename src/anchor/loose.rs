//! The loose key: folded text with the differences that an editor's copy often has but that are
//! not mere typography taken away as well, so a quote still finds its passage, but never
//! silently (the anchor says what differed, and the file is warned about):
//!
//! * **diacritics**: Arabic tashkeel (U+064B–U+065F, U+0670) and tatweel (U+0640), Hebrew points
//!   and cantillation (U+0591–U+05C7 but the punctuation). Most news text is written without
//!   them and quotes from vocalised text are not, or the reverse; but they tell words apart
//!   (كَتَبَ "he wrote", كُتُب "books"), so a match that ignores them must be checked.
//! * **width**: full-width ASCII (U+FF01–U+FF5E) and half-width katakana and CJK punctuation
//!   (U+FF61–U+FF9F), as NFKC maps them. Not folded silently like quotes and dashes: they look
//!   different on the page, and NFKC's other mappings (ligatures, superscripts, Arabic
//!   presentation forms) change what the text says, so compatibility forms stay a reported
//!   difference, these as a kind of their own and the rest as edits.
//! * **case**: lower case, with dotted and dotless i one letter (İ, I, ı and i all fold to i, as
//!   no language is known: Turkish "İstanbul" and "ISTANBUL" meet) and final sigma the same as σ.
//!   İ is the one character whose lower case is two (i and a combining dot), so it is made i
//!   first; then lower case keeps the count of characters and each keeps its original bytes.
//!   Natively `str::to_lowercase`, in the browser `String.prototype.toLowerCase` (no case tables
//!   in the bundle).
//!
//! A dropped mark belongs to the character before it, so a highlight over that character covers
//! its marks.

use std::ops::Range;

use super::fold::Folded;
use super::fuzzy;
use super::Differences;

/// Which folds a key applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Folds {
    pub diacritics: bool,
    pub width: bool,
    pub case: bool,
}

impl Folds {
    pub const ALL: Folds = Folds { diacritics: true, width: true, case: true };
}

/// Whether `c` is a vowel mark or tatweel the diacritics fold drops.
fn is_vowel_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C4}' | '\u{05C5}' | '\u{05C7}')
}

/// Half-width katakana and CJK punctuation, U+FF61 onwards: the low 16 bits of their full-width
/// forms (U+3000 block; the last two are the combining voiced marks).
const HALF_WIDTH: [u16; 63] = [
    0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5,
    0x30E7, 0x30C3, 0x30FC, 0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3,
    0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF, 0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC,
    0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF, 0x30E0, 0x30E1, 0x30E2, 0x30E4,
    0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, 0x3099, 0x309A,
];

/// The normal-width form of `c`, if it has another.
fn normal_width(c: char) -> Option<char> {
    match c as u32 {
        u @ 0xFF01..=0xFF5E => char::from_u32(u - 0xFEE0),
        u @ 0xFF61..=0xFF9F => HALF_WIDTH.get((u - 0xFF61) as usize).and_then(|&w| char::from_u32(w.into())),
        _ => None,
    }
}

/// Full-width katakana `k` with a half-width voiced mark (U+FF9E, U+FF9F) after it, as one
/// character where Unicode has one (カ + ﾞ is ガ, ハ + ﾟ is パ), as NFKC composes them.
fn voiced(k: char, mark: char) -> Option<char> {
    let k = k as u32;
    let ha = matches!(k, 0x30CF | 0x30D2 | 0x30D5 | 0x30D8 | 0x30DB);
    let to = match mark {
        '\u{FF9F}' if ha => k + 2,
        '\u{FF9E}' if ha || ((0x30AB..=0x30C1).contains(&k) && k % 2 == 1) || matches!(k, 0x30C4 | 0x30C6 | 0x30C8) => k + 1,
        '\u{FF9E}' if k == 0x30A6 => 0x30F4,
        '\u{FF9E}' if (0x30EF..=0x30F2).contains(&k) => k + 8,
        _ => return None,
    };
    char::from_u32(to)
}

/// The key of `folded` under `folds`, each byte with the original bytes it came from.
pub fn loosen(folded: &Folded, folds: Folds) -> Folded {
    // Characters with their original bytes: diacritics, width and the dots of i first.
    let mut units: Vec<(char, Range<usize>)> = Vec::with_capacity(folded.text.len());
    for (i, c) in folded.text.char_indices() {
        let from = folded.original(i..i + c.len_utf8());
        let goes = folds.diacritics && is_vowel_mark(c);
        if let Some((k, r)) = units.last_mut() {
            // A mark that goes, or a voiced mark that joins its letter: the letter takes its bytes.
            let dot = folds.case && c == '\u{0307}' && matches!(k, 'i' | 'I');
            let joined = if folds.width { voiced(*k, c) } else { None };
            if goes || dot || joined.is_some() {
                *k = joined.unwrap_or(*k);
                r.end = from.end;
                continue;
            }
        } else if goes {
            continue;
        }
        let c = if folds.case && c == 'İ' { 'i' } else { c };
        units.push((if folds.width { normal_width(c).unwrap_or(c) } else { c }, from));
    }
    if folds.case {
        // Lower case keeps the count of characters once İ is i.
        let text: String = units.iter().map(|(c, _)| c).collect();
        let lower = lowercase(&text);
        if lower.chars().count() == units.len() {
            for ((c, _), l) in units.iter_mut().zip(lower.chars()) {
                *c = match l {
                    'ı' => 'i',
                    'ς' => 'σ',
                    l => l,
                };
            }
        }
    }
    let mut out = Folded::default();
    for (c, from) in units {
        out.push(c, from);
    }
    out
}

/// The lower case of `s`.
#[cfg(not(target_arch = "wasm32"))]
fn lowercase(s: &str) -> String {
    s.to_lowercase()
}

/// The lower case of `s`, by the browser.
#[cfg(target_arch = "wasm32")]
fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        js_sys::JsString::from(s).to_lower_case().into()
    }
}

/// How the text placed (`text`, folded) differs from the quote (folded) beyond the edits the
/// loose key counts: a fold makes a difference when the keys without it are further apart.
pub fn differences(quote: &Folded, text: &Folded) -> Differences {
    let key = |f: &Folded, folds: Folds| -> Vec<char> { loosen(f, folds).text.chars().collect() };
    let all = fuzzy::distance(&key(quote, Folds::ALL), &key(text, Folds::ALL));
    let differs = |folds: Folds| {
        let (q, t) = (key(quote, folds), key(text, folds));
        if all == 0 { q != t } else { fuzzy::distance(&q, &t) > all }
    };
    Differences {
        diacritics: differs(Folds { diacritics: false, ..Folds::ALL }),
        width: differs(Folds { width: false, ..Folds::ALL }),
        case: differs(Folds { case: false, ..Folds::ALL }),
        ..Differences::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn key(s: &str) -> String {
        loosen(&Folded::new(s), Folds::ALL).text
    }

    #[test]
    fn width_forms_fold_as_nfkc_maps_them() {
        for u in (0xFF01..=0xFF5E).chain(0xFF61..=0xFF9F) {
            let Some(c) = char::from_u32(u) else { continue };
            let nfkc: String = c.to_string().nfkc().collect();
            assert_eq!(loosen(&Folded::new(&c.to_string()), Folds { case: false, ..Folds::ALL }).text, nfkc, "U+{u:04X}");
        }
    }

    #[test]
    fn half_width_voiced_marks_compose_as_nfkc_composes_them() {
        for u in 0xFF61..=0xFF9D {
            for mark in ['\u{FF9E}', '\u{FF9F}'] {
                let Some(c) = char::from_u32(u) else { continue };
                let pair: String = [c, mark].into_iter().collect();
                let nfkc: String = pair.nfkc().collect();
                let folds = Folds { case: false, ..Folds::ALL };
                assert_eq!(loosen(&Folded::new(&pair), folds).text, nfkc, "{pair:?}");
                // The full-width form (NFC composes it) has the same key.
                assert_eq!(loosen(&Folded::new(&nfkc), folds).text, nfkc, "{pair:?}");
            }
        }
    }

    #[test]
    fn vowel_marks_go_with_the_letter_before_them() {
        let text = "كَتَبَ الطالبُ";
        let f = loosen(&Folded::new(text), Folds::ALL);
        assert_eq!(f.text, "كتب الطالب");
        assert_eq!(&text[f.original(0..f.text.find(' ').unwrap_or(0))], "كَتَبَ");
        assert_eq!(&text[f.original(0..f.text.len())], text);
    }

    #[test]
    fn dotted_and_dotless_i_are_one_letter() {
        for s in ["İstanbul", "ISTANBUL", "istanbul", "ıstanbul", "I\u{0307}stanbul", "i\u{0307}stanbul"] {
            assert_eq!(key(s), "istanbul", "{s:?}");
        }
        let f = loosen(&Folded::new("İSTANBUL"), Folds::ALL);
        assert_eq!(f.original(0..1), 0..2);
        assert_eq!(key("ΟΔΟΣ"), key("οδος"));
    }

    #[test]
    fn each_difference_is_named() {
        let d = |q: &str, t: &str| differences(&Folded::new(q), &Folded::new(t));
        assert_eq!(d("كتب", "كَتَبَ"), Differences { diacritics: true, ..Differences::default() });
        assert_eq!(d("ＡＢＣ", "ABC"), Differences { width: true, ..Differences::default() });
        assert_eq!(d("ＡＢＣ", "abc"), Differences { width: true, case: true, ..Differences::default() });
        assert_eq!(d("istanbul", "İstanbul"), Differences { case: true, ..Differences::default() });
        assert_eq!(d("kitap okudu", "kitab okudu"), Differences::default());
        assert_eq!(d("Kitap okudu", "kitab okudu"), Differences { case: true, ..Differences::default() });
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    include!("../../tests/support/proptest_config.rs");

    fn text() -> impl Strategy<Value = String> {
        let pick = prop::sample::select(vec![
            "a", "I", "İ", "ı", "i\u{0307}", "Σ", "ς", " ", "ك", "\u{064E}", "\u{0651}", "\u{0640}", "ש", "\u{05B8}",
            "Ａ", "ｶ", "ﾊ", "ﾞ", "ﾟ", "ガ", "e\u{0301}", "ß", "\u{0307}",
        ]);
        prop::collection::vec(prop_oneof![pick.prop_map(str::to_owned), any::<char>().prop_map(String::from)], 0..32)
            .prop_map(|parts| parts.concat())
    }

    proptest! {
        // 4,000 cases in `cargo test`; `PROPTEST_CASES` raises it (see `./scripts/soak`).
        #![proptest_config(ProptestConfig { failure_persistence: None, ..proptest_config(4_000) })]

        #[test]
        fn every_key_maps_back_in_order_on_character_boundaries(original in text(), d: bool, w: bool, c: bool) {
            let key = loosen(&Folded::new(&original), Folds { diacritics: d, width: w, case: c });
            let mut last = 0..0;
            for i in 0..key.text.len() {
                let r = key.original(i..i + 1);
                prop_assert!(original.is_char_boundary(r.start) && original.is_char_boundary(r.end));
                prop_assert!(r.start < r.end && r.end <= original.len());
                prop_assert!(last.start <= r.start && last.end <= r.end, "{:?} after {:?}", r, last);
                last = r;
            }
        }
    }
}
