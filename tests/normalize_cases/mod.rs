//! Quotes and articles in different Unicode normalisation forms (NFC, NFD), shared by
//! tests/normalize.rs (natively, where anchoring normalises with `unicode-normalization`) and
//! tests/web_normalize.rs (in the browser, where it uses the platform's normaliser). Each case
//! panics with what went wrong; the expected forms come from `unicode-normalization`.

use std::ops::Range;

use claim_reader::anchor::{anchor_quote, Differences};
use claim_reader::model::Quote;
use unicode_normalization::UnicodeNormalization;

mod pairs;
pub use pairs::composable_pairs;

const VIETNAMESE: &str = "Người dân tại Hậu Giang nói rằng chính quyền đã hứa sẽ sửa đường trước mùa mưa.";
const KOREAN: &str = "한국어 기사는 서울에서 열린 회의에서 정부가 새로운 정책을 발표했다고 전했다.";

pub fn nfd(s: &str) -> String {
    s.nfd().collect()
}

/// Where `exact` (no position given) is placed in `paragraph`, asserting it is placed with no
/// edits.
fn placed(paragraph: &str, exact: &str) -> Range<usize> {
    let quote = Quote { exact: exact.into(), ..Quote::default() };
    match anchor_quote(&[paragraph.to_string()], &quote) {
        Ok(a) if a.is_exact() => a.range,
        other => panic!("{exact:?} in {paragraph:?}: {other:?}"),
    }
}

/// The byte range of the only occurrence of `part` in `text`.
fn range_of(text: &str, part: &str) -> Range<usize> {
    assert_eq!(text.matches(part).count(), 1, "{part:?} in {text:?}");
    let at = text.find(part).unwrap_or(0);
    at..at + part.len()
}

/// "Ha\u{0302}\u{0323}u Giang" with the marks in either order, and other words, found in text
/// written in NFC, highlighted over exactly the words.
pub fn nfd_vietnamese_quote_anchors_on_nfc_text() {
    for (quote, words) in [
        ("Ha\u{0302}\u{0323}u Giang", "Hậu Giang"),
        ("Ha\u{0323}\u{0302}u Giang", "Hậu Giang"),
        ("ta\u{0323}i Ha\u{0302}\u{0323}u", "tại Hậu"),
        ("chi\u{0301}nh quye\u{0302}\u{0300}n \u{0111}a\u{0303}", "chính quyền đã"),
        ("\u{0111}u\u{031B}o\u{031B}\u{0300}ng", "đường"),
        ("Ngu\u{031B}o\u{031B}\u{0300}i da\u{0302}n", "Người dân"),
    ] {
        assert_eq!(placed(VIETNAMESE, quote), range_of(VIETNAMESE, words), "{quote:?}");
    }
}

/// "Hậu Giang" in NFC found in text written in NFD, with the marks in either order, highlighted
/// over exactly the decomposed words.
pub fn nfc_vietnamese_quote_anchors_on_nfd_text() {
    let nfd_text = nfd(VIETNAMESE);
    assert!(nfd_text.contains("Ha\u{0323}\u{0302}u Giang"));
    let other_order = nfd_text.replace("Ha\u{0323}\u{0302}u", "Ha\u{0302}\u{0323}u");
    for text in [&nfd_text, &other_order] {
        let words = if text == &nfd_text { "Ha\u{0323}\u{0302}u Giang" } else { "Ha\u{0302}\u{0323}u Giang" };
        assert_eq!(placed(text, "Hậu Giang"), range_of(text, words), "{text:?}");
        // "tại Hậu" ends inside the words: after the "u" of "Hậu", whatever the marks' order.
        let hau = range_of(text, words).start + "Ha\u{0323}\u{0302}u".len();
        assert_eq!(placed(text, "tại Hậu"), range_of(text, "ta\u{0323}i ").start..hau, "{text:?}");
        assert_eq!(placed(text, "chính quyền đã"), range_of(text, &nfd("chính quyền đã")), "{text:?}");
        assert_eq!(placed(text, "đường"), range_of(text, &nfd("đường")), "{text:?}");
    }
}

/// Korean typed as conjoining jamo (NFD) found in text written in syllables (NFC), whole words
/// and parts of words, highlighted over exactly those syllables.
pub fn nfd_korean_quote_anchors_on_nfc_text() {
    for words in ["서울에서 열린", "한국어", "국어 기사", "정부가", "발표했다고 전했다."] {
        let quote = nfd(words);
        assert_ne!(quote, words);
        assert_eq!(placed(KOREAN, &quote), range_of(KOREAN, words), "{words}");
    }
}

/// Korean in syllables (NFC) found in text written in jamo (NFD), highlighted over exactly the
/// jamo of those syllables.
pub fn nfc_korean_quote_anchors_on_nfd_text() {
    let text = nfd(KOREAN);
    for words in ["서울에서 열린", "한국어", "국어 기사", "정부가", "발표했다고 전했다."] {
        assert_eq!(placed(&text, words), range_of(&text, &nfd(words)), "{words}");
    }
}

/// Quotes, dashes and spaces still fold around normalised letters.
pub fn typography_folds_with_normalisation() {
    let text = "Dân “Hậu Giang” — nói:\u{00A0}\u{00A0}người’s";
    let quote = "\"Ha\u{0302}\u{0323}u Giang\" - no\u{0301}i: ngu\u{031B}o\u{031B}\u{0300}i's";
    assert_eq!(placed(text, quote), range_of(text, "“Hậu Giang” — nói:\u{00A0}\u{00A0}người’s"));
}

/// For every composable pair (a, b) → c that `include` accepts (given the full decomposition and
/// c): each of its forms (a b, the full NFD, c) as the quote is found in each other form as the
/// text, highlighted over exactly that form; a form that starts with a dependent vowel sign
/// (Bengali ো, Tamil ொ) joins the space before it in one grapheme cluster, so its highlight
/// takes that space too and says it was widened. Returns how many pairs were checked.
pub fn every_composable_pair_anchors_both_ways(include: impl Fn(&str, char) -> bool) -> usize {
    let mut checked = 0;
    let mut failures = Vec::new();
    for (a, b, c) in composable_pairs() {
        let pair: String = [a, b].into_iter().collect();
        let full = nfd(&pair);
        if !include(&full, c) {
            continue;
        }
        checked += 1;
        let mut forms = vec![pair, full, c.to_string()];
        forms.dedup();
        for quote in &forms {
            for text in forms.iter().filter(|t| *t != quote) {
                let paragraph = format!("x {text} y");
                let q = Quote { exact: quote.clone(), ..Quote::default() };
                match anchor_quote(&[paragraph], &q) {
                    Ok(found) if found.range == (2..2 + text.len()) && found.is_exact() => {}
                    Ok(found)
                        if found.range == (1..2 + text.len())
                            && found.edits == 0
                            && found.differences == Differences { widened: true, ..Differences::default() } => {}
                    other => failures.push(format!("{quote:?} in {text:?} (U+{:04X}): {other:?}", c as u32)),
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures, first: {:#?}", failures.len(), &failures[..failures.len().min(10)]);
    checked
}
