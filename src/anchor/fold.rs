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

/// Reads one varint (7 bits a byte, low bits first) off the front of `bytes`.
fn read_varint(bytes: &mut &[u8]) -> Option<u32> {
    let mut n = 0;
    let mut shift = 0;
    loop {
        let (&byte, rest) = bytes.split_first()?;
        *bytes = rest;
        n |= u32::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return Some(n);
        }
        shift += 7;
    }
}

/// The canonical composition of `base` and a combining `mark`, where one exists (NFC).
/// The table is packed (layout in scripts/gen/compose-table.py): skip to the mark's group, then
/// scan its entries, a few hundred bytes at most.
fn compose(base: char, mark: char) -> Option<char> {
    let (base, mark) = (base as u32, mark as u32);
    let mut rest = COMPOSE;
    let mut entries = loop {
        let (&group_mark, tail) = rest.split_first()?;
        rest = tail;
        let len = read_varint(&mut rest)? as usize;
        let (entries, tail) = rest.split_at_checked(len)?;
        if 0x300 + u32::from(group_mark) == mark {
            break entries;
        }
        rest = tail;
    };
    let (mut b, mut c) = (0u32, 0u32);
    while !entries.is_empty() {
        let head = read_varint(&mut entries)?;
        let delta = read_varint(&mut entries)?;
        c += head >> 1;
        // Zigzag: an even delta steps the base up, an odd one down.
        b = b.wrapping_add((delta >> 1) ^ (delta & 1).wrapping_neg());
        if b == base {
            return char::from_u32(c);
        }
        // A twin: the lowercase letter right after its uppercase one.
        if head & 1 == 1 && b + 0x20 == base {
            return char::from_u32(c + 1);
        }
    }
    None
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
    fn every_composition_has_a_mark_in_the_combining_block() {
        // Folding asks only about U+0300..U+036F, and every base is below U+2000; 781 is the count
        // scripts/gen/compose-table.py prints.
        let found: usize = (0..0x2000)
            .filter_map(char::from_u32)
            .map(|b| ('\u{0300}'..='\u{036F}').filter(|&m| compose(b, m).is_some()).count())
            .sum();
        assert_eq!(found, 781);
    }

    #[test]
    fn compositions_across_scripts() {
        let composing = [
            // Latin, upper and lower case (the lowercase ones are packed as twins).
            ('e', '\u{0301}', 'é'),
            ('E', '\u{0301}', 'É'),
            ('a', '\u{0300}', 'à'),
            ('n', '\u{0303}', 'ñ'),
            ('c', '\u{0327}', 'ç'),
            ('A', '\u{030A}', 'Å'),
            ('o', '\u{0308}', 'ö'),
            ('s', '\u{030C}', 'š'),
            ('z', '\u{0307}', 'ż'),
            ('a', '\u{0328}', 'ą'),
            ('O', '\u{030B}', 'Ő'),
            ('y', '\u{0304}', 'ȳ'),
            ('\u{017F}', '\u{0307}', 'ẛ'),
            // Vietnamese, stacked on an already composed letter.
            ('ê', '\u{0301}', 'ế'),
            ('ạ', '\u{0302}', 'ậ'),
            ('ơ', '\u{0300}', 'ờ'),
            ('o', '\u{031B}', 'ơ'),
            ('ư', '\u{0303}', 'ữ'),
            // Greek, monotonic and polytonic.
            ('α', '\u{0301}', 'ά'),
            ('Ω', '\u{0301}', 'Ώ'),
            ('ι', '\u{0308}', 'ϊ'),
            ('ϊ', '\u{0301}', 'ΐ'),
            ('α', '\u{0313}', 'ἀ'),
            ('ἀ', '\u{0301}', 'ἄ'),
            ('ᾶ', '\u{0345}', 'ᾷ'),
            ('ω', '\u{0345}', 'ῳ'),
            ('\u{00A8}', '\u{0342}', '῁'),
            // Cyrillic.
            ('и', '\u{0306}', 'й'),
            ('И', '\u{0306}', 'Й'),
            ('е', '\u{0308}', 'ё'),
            ('і', '\u{0308}', 'ї'),
            ('у', '\u{030B}', 'ӳ'),
            ('ә', '\u{0308}', 'ӛ'),
        ];
        for (base, mark, composed) in composing {
            assert_eq!(compose(base, mark), Some(composed), "{base:?} + {mark:?}");
        }
        let apart = [
            ('q', '\u{0301}'),
            ('x', '\u{0300}'),
            ('1', '\u{0301}'),
            (' ', '\u{0308}'),
            ('é', '\u{0301}'),
            ('e', '\u{0336}'),
            ('α', '\u{030C}'),
            ('ы', '\u{0306}'),
            ('中', '\u{0301}'),
            ('\u{1F600}', '\u{0301}'),
        ];
        for (base, mark) in apart {
            assert_eq!(compose(base, mark), None, "{base:?} + {mark:?}");
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
}
