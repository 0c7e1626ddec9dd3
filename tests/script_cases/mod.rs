//! Quotes placed in every script a newsroom publishes in, shared by tests/anchoring_scripts.rs
//! (natively: `unicode-normalization`, `unicode-segmentation`, Rust's lower case) and
//! tests/web_normalize.rs (in the browser: `String.prototype.normalize`, `Intl.Segmenter`,
//! `toLowerCase`). Each case panics with what went wrong.
//!
//! What is folded silently (typography, Unicode NFC) is placed as exact; what is only alike
//! (diacritics, width, case, compatibility forms, a few characters) is placed and said; a
//! highlight never splits a grapheme cluster.

use claim_reader::anchor::{anchor_quote, Anchor, AnchorError, Differences};
use claim_reader::model::Quote;
use claim_reader::reader::Reader;

fn quote(exact: &str) -> Quote {
    Quote { exact: exact.into(), ..Quote::default() }
}

/// `exact` placed in `paragraph` (no position given): the text highlighted and the anchor.
fn placed(paragraph: &str, exact: &str) -> (String, Anchor) {
    at(paragraph, quote(exact))
}

fn at(paragraph: &str, q: Quote) -> (String, Anchor) {
    let text = [paragraph.to_string()];
    match anchor_quote(&text, &q) {
        Ok(a) => (text[0].get(a.range.clone()).unwrap_or_default().to_string(), a),
        Err(e) => panic!("{:?} in {paragraph:?}: {e:?}", q.exact),
    }
}

const DIACRITICS: Differences = Differences { diacritics: true, width: false, case: false, widened: false };
const WIDTH: Differences = Differences { diacritics: false, width: true, case: false, widened: false };
const CASE: Differences = Differences { diacritics: false, width: false, case: true, widened: false };
const WIDENED: Differences = Differences { diacritics: false, width: false, case: false, widened: true };

/// The warnings a one-paragraph claims file with this quote loads with.
fn warnings(paragraph: &str, exact: &str) -> Vec<String> {
    let doc = serde_json::json!({
        "article": { "headline": "Test", "paragraphs": [paragraph] },
        "parties": [{ "id": "p", "name": "P" }],
        "issues": [{ "id": "i", "label": "I", "description": "D" }],
        "claims": [{
            "id": "c", "party": "p", "issue": "i", "stance": "supports", "quote": { "exact": exact },
            "summary": "S", "attribution": { "reported_by": "R" }, "certainty": "certain"
        }]
    });
    match Reader::from_json(&doc.to_string()) {
        Ok(r) => r.warnings.iter().map(|w| w.message.clone()).collect(),
        Err(d) => panic!("{d:?}"),
    }
}

// 1. Normalisation forms (the Vietnamese and Korean cases are in tests/normalize_cases).

/// Compatibility forms NFKC would equate (ligatures, superscripts, circled and Roman numerals,
/// fractions, Arabic presentation forms, squared units) are different text: a short quote is
/// not found, a long one is placed approximately and said, never as exact.
pub fn nfkc_only_differences_are_never_silently_equal() {
    for (written, compatible) in [
        ("officials", "o\u{FB03}cials"),
        ("km2", "km²"),
        ("1", "①"),
        ("XII", "Ⅻ"),
        ("1/2", "½"),
        ("لا", "\u{FEFB}"),
        ("kg", "㎏"),
    ] {
        for (q, t) in [(written, compatible), (compatible, written)] {
            let text = format!("The report by {t} was published on Monday.");
            assert_eq!(anchor_quote(std::slice::from_ref(&text), &quote(q)), Err(AnchorError::NotFound), "{q:?} in {text:?}");
            let long = format!("The report by {q} was published on Monday.");
            let (_, a) = placed(&text, &long);
            assert!(!a.is_exact() && a.edits > 0, "{long:?} in {text:?}: {a:?}");
        }
    }
}

/// NFD and NFC are one text: placed silently, over the letters as the article writes them.
pub fn canonical_forms_match_silently_in_latin_greek_and_cyrillic() {
    for (nfc, nfd) in [("Zürich", "Zu\u{0308}rich"), ("Αθήνα", "Αθη\u{0301}να"), ("Йошкар-Ола", "И\u{0306}ошкар-Ола")] {
        let (got, a) = placed(&format!("in {nfd} today"), nfc);
        assert_eq!((got.as_str(), a.is_exact()), (nfd, true), "{nfc}");
        let (got, a) = placed(&format!("in {nfc} today"), nfd);
        assert_eq!((got.as_str(), a.is_exact()), (nfc, true), "{nfd}");
    }
}

// 2. Arabic (and Hebrew) with and without vowel marks.

const VOCALISED: &str = "قالَ الوزيرُ إنَّ الحكومةَ سَتَبْنِي مَدارِسَ جديدةً في المدينةِ";
const PLAIN: &str = "قال الوزير إن الحكومة ستبني مدارس جديدة في المدينة";

/// A quote without tashkeel finds vocalised text, placed approximately with the diacritics
/// named; the highlight covers whole letters with their marks, the last one's too.
pub fn arabic_quote_without_tashkeel_finds_vocalised_text() {
    let (got, a) = placed(VOCALISED, "الحكومة ستبني مدارس");
    assert_eq!((got.as_str(), a.edits, a.differences), ("الحكومةَ سَتَبْنِي مَدارِسَ", 0, DIACRITICS));
    let (got, _) = placed(VOCALISED, PLAIN);
    assert_eq!(got, VOCALISED);
}

/// A vocalised quote finds text written without marks, said the same way.
pub fn arabic_vocalised_quote_finds_plain_text() {
    let (got, a) = placed(PLAIN, "الحكومةَ سَتَبْنِي مَدارِسَ");
    assert_eq!((got.as_str(), a.edits, a.differences), ("الحكومة ستبني مدارس", 0, DIACRITICS));
}

/// Tatweel (kashida, U+0640) stretches a word for layout: it folds with the marks.
pub fn arabic_tatweel_folds_with_the_diacritics() {
    let text = "قال الوزيـــر إن الحكومة ستبني";
    let (got, a) = placed(text, "قال الوزير إن");
    assert_eq!(got, "قال الوزيـــر إن");
    assert_eq!(a.differences, DIACRITICS);
}

/// Missing marks and a changed letter are both said, and the warning names the diacritics.
pub fn arabic_diacritics_and_a_changed_letter_are_both_said() {
    let (got, a) = placed(VOCALISED, "إن الحكومة ستبنى مدارس جديدة");
    assert_eq!(got, "إنَّ الحكومةَ سَتَبْنِي مَدارِسَ جديدةً");
    assert_eq!((a.edits, a.differences), (1, DIACRITICS));
    let said = warnings(VOCALISED, "الحكومة ستبني مدارس");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("the diacritics differ") && said[0].contains("not in the text word for word"), "{said:?}");
}

/// Hebrew points (niqqud) fold as tashkeel does.
pub fn hebrew_points_fold_like_tashkeel() {
    let (got, a) = placed("אָמַר הַשָּׂר כִּי הַמֶּמְשָׁלָה תִּבְנֶה", "השר כי הממשלה");
    assert_eq!(got, "הַשָּׂר כִּי הַמֶּמְשָׁלָה");
    assert_eq!(a.differences, DIACRITICS);
}

// 3. Full-width and half-width forms.

/// `part` of `text` found by `other`, and `other` in the text with it in place of `part` found
/// by `part`, each with no edits and `said`.
fn both_ways(text: &str, part: &str, other: &str, said: Differences) {
    let other_text = text.replacen(part, other, 1);
    for (t, q, expected) in [(text, other, part), (other_text.as_str(), part, other)] {
        let (got, a) = placed(t, q);
        assert_eq!((got.as_str(), a.edits, a.differences), (expected, 0, said), "{q:?} in {t:?}");
    }
}

/// Full-width Latin letters and digits, as Japanese and Chinese text sets them, match ASCII
/// both ways; said as a difference of width.
pub fn full_width_latin_and_digits_match_ascii() {
    both_ways("首相はＧ７サミットで２０２５年の目標を発表した。", "Ｇ７サミットで２０２５年", "G7サミットで2025年", WIDTH);
    // Full-width capitals against lower case: two differences.
    let (_, a) = placed("the ｎａｔｏ summit", "NATO summit");
    assert_eq!(a.differences, Differences { width: true, case: true, ..Differences::default() });
}

/// Half-width katakana match full-width both ways, voiced marks (ｶﾞ, ﾊﾟ) with their letter;
/// the highlight covers the half-width letters with their marks.
pub fn half_width_katakana_match_full_width() {
    let half = "新しいｶﾞｲﾄﾞﾗｲﾝとﾊﾟﾝﾌﾚｯﾄを配布";
    both_ways(half, "ｶﾞｲﾄﾞﾗｲﾝとﾊﾟﾝﾌﾚｯﾄ", "ガイドラインとパンフレット", WIDTH);
    // A quote ending on ｶ does not take the ガ of ｶﾞ apart: the highlight takes the mark too.
    let (got, _) = at(half, Quote { exact: "新しいｶ".into(), paragraph: Some(0), start: Some(0), ..Quote::default() });
    assert_eq!(got, "新しいｶﾞ");
}

// 4. Turkish dotted and dotless i under case folding.

/// "İstanbul" finds "istanbul" and "ISTANBUL": a case difference, said.
pub fn turkish_dotted_capital_i_finds_lower_and_upper_case() {
    for text in ["Toplantı istanbul'da yapıldı.", "TOPLANTI ISTANBUL'DA YAPILDI."] {
        let (got, a) = placed(text, "İstanbul'da");
        assert_eq!(got.to_lowercase().replace('ı', "i"), "istanbul'da", "{text}");
        assert_eq!((a.edits, a.differences), (0, CASE), "{text}");
    }
}

/// Dotless ı and capital I are one letter under the fold ("ılık" is "ILIK").
pub fn turkish_dotless_i_matches_capital_i() {
    let (got, a) = placed("Hava ILIK ve güneşli olacak.", "ılık ve güneşli");
    assert_eq!(got, "ILIK ve güneşli");
    assert_eq!(a.differences, CASE);
    let (got, _) = placed("Hava ılık ve güneşli olacak.", "ILIK VE GÜNEŞLİ");
    assert_eq!(got, "ılık ve güneşli");
}

/// İ lower-cases to two characters (i and a combining dot): the byte ranges around it still
/// map exactly, before it, over it and after it.
pub fn turkish_dotted_capital_i_keeps_byte_ranges_exact() {
    let text = "İzmir, İSTANBUL ve İnebolu";
    let (got, a) = placed(text, "istanbul ve inebolu");
    assert_eq!(got, "İSTANBUL ve İnebolu");
    assert_eq!(a.range, text.find("İSTANBUL").unwrap_or(0)..text.len());
    let (got, _) = placed(text, "izmir,");
    assert_eq!(got, "İzmir,");
}

/// Quotes are the editor's exact words: a case-only difference is found but said, even in a
/// short quote; the same case is exact.
pub fn a_case_only_difference_is_found_and_said() {
    let text = "The Greens want the tram line built.";
    let (got, a) = placed(text, "the greens want");
    assert_eq!((got.as_str(), a.differences), ("The Greens want", CASE));
    assert!(placed(text, "The Greens want").1.is_exact());
    let said = warnings(text, "the greens want");
    assert!(said.len() == 1 && said[0].contains("letter case differs"), "{said:?}");
}

// 5. Scripts without spaces: the approximate search counts characters, not words.

/// Japanese with one character changed (政策 written 政作) or one missing.
pub fn japanese_quote_with_a_character_changed_or_missing() {
    let text = "首相は記者会見で、政府は来年度から新しい経済政策を実施すると発表した。";
    let (got, a) = placed(text, "政府は来年度から新しい経済政作を実施すると");
    assert_eq!((got.as_str(), a.edits), ("政府は来年度から新しい経済政策を実施すると", 1));
    let (got, a) = placed(text, "政府は来年度から新しい経済策を実施すると発表した");
    assert_eq!((got.as_str(), a.edits), ("政府は来年度から新しい経済政策を実施すると発表した", 1));
}

/// Chinese with one character changed.
pub fn chinese_quote_with_a_character_changed() {
    let text = "据报道，美国官员在巴黎的会议上提出了一项和平计划，其中包括承认克里米亚。";
    let (got, a) = placed(text, "美国官员在巴黎的会议上提出了一项和评计划");
    assert_eq!((got.as_str(), a.edits), ("美国官员在巴黎的会议上提出了一项和平计划", 1));
}

/// Thai, no spaces between words, with a tone mark missing: found, and the highlight ends on
/// whole characters.
pub fn thai_quote_with_a_tone_mark_missing() {
    let text = "รัฐบาลประกาศว่าจะเริ่มใช้นโยบายเศรษฐกิจใหม่ในปีหน้า";
    let (got, a) = placed(text, "ประกาศว่าจะเริมใช้นโยบายเศรษฐกิจใหม่");
    assert_eq!((got.as_str(), a.edits), ("ประกาศว่าจะเริ่มใช้นโยบายเศรษฐกิจใหม่", 1));
    // The quote lacks the last tone mark: the highlight still takes it.
    let (got, a) = placed(text, "ประกาศว่าจะเริ่มใช้นโยบายเศรษฐกิจใหม");
    assert_eq!(got, "ประกาศว่าจะเริ่มใช้นโยบายเศรษฐกิจใหม่");
    assert!(!a.is_exact());
}

// 6. A highlight never splits a grapheme cluster: it widens to whole clusters, and says so.

/// A quote ending before a skin-tone modifier takes the modifier.
pub fn emoji_with_a_skin_tone_is_never_split() {
    let text = "Fans answered 👍🏽 at once.";
    let (got, a) = placed(text, "answered 👍");
    assert_eq!((got.as_str(), a.edits, a.differences), ("answered 👍🏽", 0, WIDENED));
}

/// A quote starting or ending inside a family (a ZWJ sequence) takes the whole family.
pub fn zwj_sequence_is_never_split() {
    let family = "👩\u{200D}👩\u{200D}👧";
    let text = format!("The {family} family arrived.");
    let (got, a) = placed(&text, "👧 family");
    assert_eq!((got, a.differences), (format!("{family} family"), WIDENED));
    let (got, _) = placed(&text, "The 👩");
    assert_eq!(got, format!("The {family}"));
    let (got, a) = placed(&text, &format!("The {family}"));
    assert_eq!((got, a.is_exact()), (format!("The {family}"), true));
}

/// Flags are pairs of regional indicators: a quote across two flags' halves takes both.
pub fn flags_are_never_split() {
    let text = "Delegations 🇺🇦🇫🇷 met.";
    let (got, a) = placed(text, "\u{1F1E6}\u{1F1EB}");
    assert_eq!((got.as_str(), a.differences), ("🇺🇦🇫🇷", WIDENED));
}

/// Devanagari conjuncts (क्ष in परीक्षा, स्त्र in स्त्री) are one cluster each.
pub fn devanagari_conjuncts_are_never_split() {
    let text = "छात्रों ने परीक्षा दी और स्त्री शिक्षा पर बात की";
    let (got, a) = placed(text, "ने परीक");
    assert_eq!((got.as_str(), a.differences), ("ने परीक्षा", WIDENED));
    let start = text[..text.find("स्त्री").unwrap_or(0)].chars().count();
    let (got, a) = at(text, Quote { exact: "स्".into(), paragraph: Some(0), start: Some(start), ..Quote::default() });
    assert_eq!((got.as_str(), a.differences), ("स्त्री", WIDENED));
    // A mark after a conjunct stays with it and does not join it to the next one.
    let text = "क्ष\u{301}क्ष";
    let (got, _) = at(text, Quote { exact: "\u{94D}ष".into(), paragraph: Some(0), start: Some(5), ..Quote::default() });
    assert_eq!(got, "क्ष");
}

/// Hangul written as conjoining jamo: a quote of the first two jamo of a three-jamo syllable
/// takes the syllable.
pub fn hangul_jamo_syllable_is_never_split() {
    let text = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8} 기사";
    let (got, a) = at(text, Quote { exact: "\u{1112}\u{1161}".into(), paragraph: Some(0), start: Some(0), ..Quote::default() });
    assert_eq!((got.as_str(), a.differences), ("\u{1112}\u{1161}\u{11AB}", WIDENED));
}

/// A letter with a combining mark: a quote stopping before the mark takes it.
pub fn combining_mark_is_never_split() {
    let text = "At the cafe\u{0301} they met.";
    let q = Quote { exact: "At the cafe".into(), paragraph: Some(0), start: Some(0), ..Quote::default() };
    let (got, a) = at(text, q);
    assert_eq!((got.as_str(), a.differences), ("At the cafe\u{0301}", WIDENED));
}

/// Where the words stand both inside a cluster and on whole ones, the whole ones win; a
/// widened quote's warning says why the highlight is longer.
pub fn whole_clusters_win_and_widening_is_said() {
    let text = "परीक्षा और परीक के बाद";
    let (got, a) = placed(text, "परीक");
    assert_eq!((got.as_str(), a.is_exact()), ("परीक", true));
    let said = warnings("Fans answered 👍🏽 at once.", "answered 👍");
    assert!(said.len() == 1 && said[0].contains("inside a character"), "{said:?}");
}
