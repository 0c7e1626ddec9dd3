// The composable pairs of the Unicode data, for the normalisation oracles: the integration tests
// (tests/normalize_cases) and the fold's own unit tests (src/anchor/fold.rs, with include!).

use unicode_normalization::char::{compose, decompose_canonical};
use unicode_normalization::UnicodeNormalization;

/// Every pair of characters that composes canonically to one character, with that character,
/// from the Unicode data of `unicode-normalization`: each character's canonical decomposition
/// with its last character split off (and the rest recomposed), kept when the two compose back.
pub fn composable_pairs() -> Vec<(char, char, char)> {
    let mut pairs = Vec::new();
    for c in (0..=0x10FFFF).filter_map(char::from_u32) {
        let mut d = Vec::new();
        decompose_canonical(c, |x| d.push(x));
        let Some((&last, rest)) = d.split_last() else { continue };
        if rest.is_empty() {
            continue;
        }
        let head: String = rest.iter().collect::<String>().nfc().collect();
        let mut head_chars = head.chars();
        if let (Some(a), None) = (head_chars.next(), head_chars.next()) {
            if compose(a, last) == Some(c) {
                pairs.push((a, last, c));
            }
        }
    }
    pairs
}
