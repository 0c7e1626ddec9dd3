//! Typography folding: the text an editor pasted and the text the article holds often differ in
//! quotes, dashes, spaces and Unicode composition while saying the same thing.
//!
//! Folding runs in two steps, each keeping for every folded byte the original bytes it came
//! from, so a match in the folded text is highlighted exactly where it stands in the article:
//!
//! 1. typography, character by character (quotes, dashes, white space, invisible characters);
//! 2. Unicode NFC, so "Ha\u{0302}\u{0323}u" (NFD, marks in any order) and "Hậu" (NFC) or Hangul
//!    jamo and syllables read the same. The normaliser is [`nfc`]: natively the
//!    `unicode-normalization` crate, in the browser the platform's `String.prototype.normalize`,
//!    so no Unicode tables go into the bundle.
//!
//! NFC composes and reorders across several characters, so one output character may stand for
//! several input ones. To keep the way back precise, the text is normalised in pieces that
//! normalise apart to what the whole does:
//!
//! * Characters below U+0300 ([`is_inert`]) never combine with or reorder across what precedes
//!   them, so the text is cut before each; a piece is one such character with the run of other
//!   characters after it (a letter and its marks, a Cyrillic or Hangul word). Text made only of
//!   them (English, most Latin-script text) never reaches the normaliser.
//! * All pieces of a text go to the normaliser in one call, joined by line breaks (with which
//!   nothing combines; folded text has none). A piece NFC leaves as it is maps byte for byte.
//! * A piece NFC changes is cut finer where a local test says the parts normalise apart
//!   (NFC(left) + NFC(right) = NFC(left + right) over a few characters either side: between
//!   Hangul syllables, around a compatibility ideograph), again in one call for all of them; the
//!   cuts are kept only if the parts' NFC, put together, is the piece's. Each part maps to its
//!   own original bytes.
//!
//! So a text costs at most three calls to the normaliser, whatever its length, and the work is
//! linear in it.

use std::ops::Range;

/// A text with typography folded away, and the way back to the original bytes.
#[derive(Default)]
pub struct Folded {
    pub text: String,
    /// For each byte of `text`, the original byte range of the character(s) it came from.
    origin: Vec<Range<usize>>,
}

/// The canonical composition (NFC) of `s`.
#[cfg(not(target_arch = "wasm32"))]
fn nfc(s: &str) -> String {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => s.to_owned(),
        _ => s.nfc().collect(),
    }
}

/// The canonical composition (NFC) of `s`, by the browser.
#[cfg(target_arch = "wasm32")]
fn nfc(s: &str) -> String {
    js_sys::JsString::from(s).normalize("NFC").into()
}

/// What a character folds to.
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => "",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        _ => return None,
    })
}

/// Whether `c` is below U+0300 (ASCII, Latin-1, Latin Extended, IPA, spacing modifiers). Such a
/// character is its own NFC, a starter whose decomposition starts with a starter, and the second
/// of no composition: NFC never joins it with what precedes it nor moves a mark across it, so
/// NFC(x + c + y) = NFC(x) + NFC(c + y). A test checks this against the Unicode data.
fn is_inert(c: char) -> bool {
    c < '\u{0300}'
}

/// Characters before and after a cut that the local test for it looks at: enough for a letter
/// with two or three stacked marks or a Hangul syllable (three jamo). A cut the test misjudges
/// is caught when the parts are put together.
const LEFT: usize = 3;
const RIGHT: usize = 2;

impl Folded {
    pub fn new(original: &str) -> Self {
        let (folded, inert) = Self::typography(original);
        if inert {
            folded
        } else {
            folded.composed()
        }
    }

    /// Step 1: quotes, dashes, white space and invisible characters; and whether the result
    /// holds only inert characters (then it is its own NFC).
    fn typography(original: &str) -> (Self, bool) {
        let mut text = String::with_capacity(original.len());
        let mut origin: Vec<Range<usize>> = Vec::with_capacity(original.len());
        let mut last_was_space = false;
        let mut inert = true;
        for (i, c) in original.char_indices() {
            let from = i..i + c.len_utf8();
            if c.is_whitespace() {
                if last_was_space {
                    // One space stands for the whole run.
                    if let Some(r) = origin.last_mut() {
                        r.end = from.end;
                    }
                } else {
                    text.push(' ');
                    origin.push(from);
                    last_was_space = true;
                }
                continue;
            }
            match fold_char(c) {
                Some(folded) => {
                    if folded.is_empty() {
                        continue;
                    }
                    text.push_str(folded);
                    origin.extend(std::iter::repeat_n(from, folded.len()));
                }
                None => {
                    inert &= is_inert(c);
                    text.push(c);
                    origin.extend(std::iter::repeat_n(from, c.len_utf8()));
                }
            }
            last_was_space = false;
        }
        (Folded { text, origin }, inert)
    }

    /// Step 2: NFC, piece by piece (see the module doc).
    fn composed(self) -> Self {
        let text = &self.text;
        let pieces = pieces(text);
        let normal = Batch::nfc(text, &pieces);
        let mut changed = Vec::new();
        for (k, r) in pieces.iter().enumerate() {
            if normal.get(k).is_some_and(|n| n != &text[r.clone()]) {
                changed.push(k);
            }
        }
        if changed.is_empty() {
            return self;
        }

        // The places a changed piece may be cut: before each character but its first, tested
        // on the few characters either side as (left, right, both).
        let mut tests: Vec<Range<usize>> = Vec::new();
        for &k in &changed {
            let r = &pieces[k];
            let mut starts = Vec::new();
            for (i, _) in text[r.clone()].char_indices() {
                starts.push(r.start + i);
            }
            for i in 1..starts.len() {
                let (from, at) = (starts[i.saturating_sub(LEFT)], starts[i]);
                let to = starts.get(i + RIGHT).map_or(r.end, |&to| to);
                tests.push(from..at);
                tests.push(at..to);
                tests.push(from..to);
            }
        }
        let tested = Batch::nfc(text, &tests);
        // Each changed piece in parts, cut where the parts normalise apart.
        let mut parts: Vec<Range<usize>> = Vec::new();
        let mut first_part = Vec::with_capacity(changed.len() + 1);
        let mut t = 0;
        for &k in &changed {
            first_part.push(parts.len());
            let mut start = pieces[k].start;
            while let Some(cut) = tests.get(3 * t + 1).filter(|r| r.start < pieces[k].end) {
                // Apart when NFC(both) = NFC(left) + NFC(right).
                let [left, right, both] = [0, 1, 2].map(|j| tested.get(3 * t + j));
                if both.zip(left).and_then(|(both, left)| both.strip_prefix(left)).is_some_and(|r| Some(r) == right) {
                    parts.push(start..cut.start);
                    start = cut.start;
                }
                t += 1;
            }
            parts.push(start..pieces[k].end);
        }
        first_part.push(parts.len());
        let part_normal = Batch::nfc(text, &parts);

        let mut out = Folded { text: String::with_capacity(text.len()), origin: Vec::with_capacity(text.len()) };
        let mut at = 0;
        // Copies the text up to `r` byte for byte, then `r` as `n`, every byte of which comes
        // from all of `r` (byte for byte again if `n` is `r` as it is).
        let mut put = |out: &mut Folded, r: Range<usize>, n: &str| {
            let to = if n == &text[r.clone()] { r.end } else { r.start };
            out.text.push_str(&text[at..to]);
            out.origin.extend_from_slice(&self.origin[at..to]);
            if to < r.end {
                out.text.push_str(n);
                out.origin.extend(std::iter::repeat_n(self.origin[r.start].start..self.origin[r.end - 1].end, n.len()));
            }
            at = r.end;
        };
        for (i, &k) in changed.iter().enumerate() {
            // The parts' NFC, if put together it is the piece's; else the piece's as one.
            let whole = normal.get(k).unwrap_or_default();
            let own = first_part[i]..first_part[i + 1];
            let mut rest = Some(whole);
            for j in own.clone() {
                rest = rest.zip(part_normal.get(j)).and_then(|(rest, n)| rest.strip_prefix(n));
            }
            if rest == Some("") {
                for j in own {
                    put(&mut out, parts[j].clone(), part_normal.get(j).unwrap_or_default());
                }
            } else {
                put(&mut out, pieces[k].clone(), whole);
            }
        }
        put(&mut out, text.len()..text.len(), "");
        out
    }

    /// Appends `c`, which came from the original bytes `from`.
    pub fn push(&mut self, c: char, from: Range<usize>) {
        self.text.push(c);
        self.origin.extend(std::iter::repeat_n(from, c.len_utf8()));
    }

    /// The original byte range behind a range of folded bytes.
    pub fn original(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.origin.get(folded.start).map_or(0, |r| r.start);
        let end = folded.end.checked_sub(1).and_then(|i| self.origin.get(i)).map_or(start, |r| r.end);
        start..end
    }
}

/// The byte ranges of `text` NFC might change: each an inert character (or the start of the
/// text) with the run of other characters after it, where that run is not empty.
fn pieces(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut other = false;
    for (i, c) in text.char_indices() {
        if is_inert(c) {
            if other {
                out.push(start..i);
            }
            start = i;
            other = false;
        } else {
            other = true;
        }
    }
    if other {
        out.push(start..text.len());
    }
    out
}

/// The NFC of several ranges of a text, from one call to the normaliser: each followed by a
/// line break, which composes with nothing and across which nothing reorders, they normalise
/// apart. None of them may hold a line break (folded text has none).
struct Batch {
    text: String,
    /// Where each range's NFC ends in `text`.
    ends: Vec<usize>,
}

impl Batch {
    fn nfc(text: &str, ranges: &[Range<usize>]) -> Batch {
        let mut joined = String::new();
        for r in ranges {
            joined.push_str(&text[r.clone()]);
            joined.push('\n');
        }
        let text = if ranges.is_empty() { joined } else { nfc(&joined) };
        let mut ends = Vec::new();
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                ends.push(i);
            }
        }
        Batch { text, ends }
    }

    /// The NFC of the `k`th range (`None` only if the ranges held line breaks after all).
    fn get(&self, k: usize) -> Option<&str> {
        let start = match k.checked_sub(1) {
            Some(j) => self.ends.get(j)? + 1,
            None => 0,
        };
        self.text.get(start..*self.ends.get(k)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
    use unicode_normalization::UnicodeNormalization;

    mod pairs {
        include!("../../tests/normalize_cases/pairs.rs");
    }
    use pairs::composable_pairs;

    /// The folding of `text`: NFC of its typography fold, by the Unicode data.
    fn oracle(text: &str) -> String {
        Folded::typography(text).0.text.nfc().collect()
    }

    #[test]
    fn composable_pairs_cover_latin_greek_cyrillic_vietnamese_and_hangul() {
        let pairs = composable_pairs();
        for expected in [('e', '\u{0301}', 'é'), ('ạ', '\u{0302}', 'ậ'), ('ϊ', '\u{0301}', 'ΐ'), ('и', '\u{0306}', 'й')] {
            assert!(pairs.contains(&expected), "{expected:?}");
        }
        // Hangul: 399 LV syllables from two jamo, 10,773 LVT from an LV syllable and a jamo.
        assert!(pairs.contains(&('\u{1112}', '\u{1161}', '하')));
        assert!(pairs.contains(&('하', '\u{11AB}', '한')));
        assert_eq!(pairs.iter().filter(|(_, _, c)| ('가'..='힣').contains(c)).count(), 11_172);
        assert!(pairs.len() > 11_172 + 900, "{}", pairs.len());
    }

    #[test]
    fn inert_characters_never_combine_with_what_precedes_them() {
        let seconds: Vec<char> = composable_pairs().into_iter().map(|(_, b, _)| b).collect();
        for c in (0..0x300).filter_map(char::from_u32) {
            assert!(is_inert(c));
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(c.to_string().nfc().collect::<String>(), c.to_string(), "{c:?}");
            let mut first = None;
            decompose_canonical(c, |x| {
                first.get_or_insert(x);
            });
            assert!(first.is_some_and(|f| f < '\u{0300}' && canonical_combining_class(f) == 0), "{c:?}");
            assert!(!seconds.contains(&c), "{c:?} is the second of a composition");
        }
        assert!(!is_inert('\u{0300}'));
    }

    #[test]
    fn fold_is_nfc_over_every_composable_pair() {
        let pairs = composable_pairs();
        for &(a, b, c) in &pairs {
            let pair: String = [a, b].into_iter().collect();
            let nfd: String = pair.nfd().collect();
            for form in [&pair, &nfd, &c.to_string()] {
                // Inert letters on both sides, so the composed character is a piece of its own.
                let text = format!("x {form} y");
                let f = Folded::new(&text);
                assert_eq!(f.text, oracle(&text), "{form:?}");
                assert_eq!(f.text, format!("x {c} y"), "{form:?}");
                // The composed character maps back to exactly the characters it came from.
                assert_eq!(f.original(2..2 + c.len_utf8()), 2..2 + form.len(), "{form:?}");
                assert_eq!(f.original(0..2), 0..2);
                assert_eq!(f.original(f.text.len() - 2..f.text.len()), text.len() - 2..text.len());
            }
        }
    }

    #[test]
    fn marks_compose_in_either_order() {
        for text in ["Ha\u{0302}\u{0323}u Giang", "Ha\u{0323}\u{0302}u Giang", "Hậu Giang", "H\u{1EA1}\u{0302}u Giang"] {
            let f = Folded::new(text);
            assert_eq!(f.text, "Hậu Giang", "{text:?}");
            let u = f.text.find('u').unwrap_or(0);
            assert_eq!(&text[f.original(0..u)], text.split('u').next().unwrap_or(""));
            assert_eq!(&text[f.original(u..f.text.len())], "u Giang");
        }
    }

    #[test]
    fn hangul_jamo_map_back_syllable_by_syllable() {
        let nfd = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}\u{110B}\u{1165} \u{1100}\u{1175}\u{1109}\u{1161}";
        let f = Folded::new(nfd);
        assert_eq!(f.text, "한국어 기사");
        let at = |syllable: &str| f.text.find(syllable).unwrap_or(0);
        assert_eq!(&nfd[f.original(at("국")..at(" "))], "\u{1100}\u{116E}\u{11A8}\u{110B}\u{1165}");
        assert_eq!(&nfd[f.original(at("한")..at("국"))], "\u{1112}\u{1161}\u{11AB}");
        assert_eq!(&nfd[f.original(at("기")..at("사"))], "\u{1100}\u{1175}");
    }

    #[test]
    fn a_changed_character_in_a_long_run_maps_to_its_own_bytes() {
        // U+F900 is a compatibility ideograph: NFC replaces it with U+8C48. The rest of the
        // sentence, one run without inert characters, maps byte for byte.
        let text = "据报道，美国官员\u{F900}在巴黎的会议上提出了一项和平计划。";
        let f = Folded::new(text);
        assert_eq!(f.text, oracle(text));
        let at = f.text.find('\u{8C48}').unwrap_or(0);
        assert_eq!(&text[f.original(at..at + 3)], "\u{F900}");
        assert_eq!(&text[f.original(0..at)], "据报道，美国官员");
        assert_eq!(&text[f.original(at + 3..f.text.len())], "在巴黎的会议上提出了一项和平计划。");
    }

    #[test]
    fn long_mark_sequences_stay_nfc() {
        // More marks than the cut test looks at: the text is still exactly NFC.
        for text in [
            "a\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}\u{0323}\u{0302}",
            "\u{0301}\u{0323}\u{0315}\u{0300}\u{05AE}\u{0345}\u{0301}\u{0323}ы\u{0306}",
            "\u{1100}\u{1161}\u{0323}\u{0323}\u{0323}\u{0323}\u{0323}\u{11A8}",
            "ա\u{0301}\u{0301}\u{0301}\u{0301}\u{0301}ạ\u{0302}",
        ] {
            let f = Folded::new(text);
            assert_eq!(f.text, oracle(text), "{text:?}");
            assert_eq!(f.original(0..f.text.len()), 0..text.len(), "{text:?}");
        }
    }

    #[test]
    fn decomposed_letters_compose() {
        let nfd = "Zelenskyy in Kyi\u{0308}v, re\u{0301}sume\u{0301}, \u{0438}\u{0306}";
        assert_eq!(Folded::new(nfd).text, "Zelenskyy in Kyïv, résumé, й");
        assert_eq!(Folded::new("Kyïv").text, "Kyïv");
    }

    #[test]
    fn folded_ranges_map_back_to_the_original() {
        let original = "a\u{00A0}\u{00A0}“b”  e\u{0301}";
        let f = Folded::new(original);
        assert_eq!(f.text, "a \"b\" é");
        let e = f.text.find('é').unwrap();
        assert_eq!(&original[f.original(e..e + 'é'.len_utf8())], "e\u{0301}");
        assert_eq!(&original[f.original(0..f.text.len())], original);
    }

    #[test]
    fn invisible_characters_between_a_letter_and_its_mark_are_dropped_before_composing() {
        let original = "cafe\u{00AD}\u{0301} au lait";
        let f = Folded::new(original);
        assert_eq!(f.text, "café au lait");
        assert_eq!(&original[f.original(3..5)], "e\u{00AD}\u{0301}");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    include!("../../tests/support/proptest_config.rs");

    /// Text dense in what NFC changes: letters with marks in any order, Vietnamese, Greek,
    /// Hangul jamo and syllables, compatibility ideographs, typography and white space.
    fn text() -> impl Strategy<Value = String> {
        let pick = prop::sample::select(vec![
            "a", "e", "o", "u", "A", "ê", "ơ", "ạ", "ы", "и", "α", "ω", "ἀ", " ", "\u{00A0}", "’", "—", "\u{00AD}",
            "\u{0300}", "\u{0301}", "\u{0302}", "\u{0306}", "\u{0308}", "\u{031B}", "\u{0323}", "\u{0315}",
            "\u{0345}", "\u{0313}", "\u{05AE}", "\u{1100}", "\u{1112}", "\u{1161}", "\u{1175}", "\u{11A8}",
            "\u{11AB}", "가", "한", "\u{F900}", "\u{212B}", "\u{0344}", "据",
        ]);
        prop::collection::vec(prop_oneof![pick.prop_map(str::to_owned), any::<char>().prop_map(String::from)], 0..32)
            .prop_map(|parts| parts.concat())
    }

    proptest! {
        // 4,000 cases in `cargo test`; `PROPTEST_CASES` raises it (see `./scripts/soak`).
        #![proptest_config(ProptestConfig { failure_persistence: None, ..proptest_config(4_000) })]

        #[test]
        fn folding_is_nfc_and_maps_back_in_order(original in text()) {
            let f = Folded::new(&original);
            let expected: String = Folded::typography(&original).0.text.nfc().collect();
            prop_assert_eq!(&f.text, &expected);
            prop_assert_eq!(f.origin.len(), f.text.len());
            let mut last = 0..0;
            for r in &f.origin {
                prop_assert!(original.is_char_boundary(r.start) && original.is_char_boundary(r.end));
                prop_assert!(r.start < r.end && r.end <= original.len());
                prop_assert!(last.start <= r.start && last.end <= r.end, "{:?} after {:?}", r, last);
                last = r.clone();
            }
        }
    }
}
