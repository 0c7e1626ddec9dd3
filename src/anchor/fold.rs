//! Typography folding: the text an editor pasted and the text the article holds often differ in
//! quotes, dashes, spaces and Unicode composition while saying the same thing.

use std::ops::Range;

use super::compose_table::COMPOSE;

/// A text with typography folded away, and the way back to the original bytes.
pub struct Folded {
    pub text: String,
    /// For each byte of `text`, the original byte range of the character(s) it came from.
    origin: Vec<Range<usize>>,
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

/// The canonical composition of `base` and a combining `mark`, where one exists (NFC).
fn compose(base: char, mark: char) -> Option<char> {
    let key = (u16::try_from(base as u32).ok()?, u16::try_from(mark as u32).ok()?);
    let i = COMPOSE.binary_search_by(|&(b, m, _)| (b, m).cmp(&key)).ok()?;
    char::from_u32(COMPOSE[i].2.into())
}

impl Folded {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin: Vec<Range<usize>> = Vec::with_capacity(original.len());
        let mut last_was_space = false;
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
            let is_mark = ('\u{0300}'..='\u{036F}').contains(&c);
            if let Some(composed) = is_mark.then(|| text.chars().next_back()).flatten().and_then(|base| compose(base, c)) {
                // A decomposed letter (NFD) becomes the composed one (NFC).
                let base_len = text.chars().next_back().map_or(0, char::len_utf8);
                let base_from = origin[origin.len() - base_len].start;
                text.truncate(text.len() - base_len);
                origin.truncate(origin.len() - base_len);
                text.push(composed);
                origin.extend(std::iter::repeat_n(base_from..from.end, composed.len_utf8()));
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
                    text.push(c);
                    origin.extend(std::iter::repeat_n(from, c.len_utf8()));
                }
            }
            last_was_space = false;
        }
        Folded { text, origin }
    }

    /// The original byte range behind a range of folded bytes.
    pub fn original(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.origin.get(folded.start).map_or(0, |r| r.start);
        let end = folded.end.checked_sub(1).and_then(|i| self.origin.get(i)).map_or(start, |r| r.end);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_composing_mark_is_in_the_combining_block() {
        assert!(COMPOSE.iter().all(|&(_, m, _)| (0x0300..=0x036F).contains(&m)));
        assert!(COMPOSE.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)), "sorted for binary search");
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
}
