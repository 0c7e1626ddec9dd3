//! Quote → character range: finds where each claim's words stand in the article.
//!
//! Like the field's best annotators, it tries the stated position first and accepts it only when
//! the text there is the quote; otherwise it searches the text with typography folded away
//! (curly vs straight quotes, dashes, runs of white space, non-breaking and zero-width spaces),
//! and settles ties with the quote's prefix, suffix and position.

use std::ops::Range;

use crate::model::Quote;

/// Where a quote was placed: a paragraph and a byte range of that paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub paragraph: usize,
    pub range: Range<usize>,
}

/// Why a quote could not be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorError {
    /// The words are not in the text (in the stated paragraph, if one was given).
    NotFound,
    /// The words occur more than once, and prefix, suffix and position do not tell which.
    Ambiguous { occurrences: usize },
}

/// The article's paragraphs, folded once so that every quote can be searched quickly.
pub struct AnchorIndex<'a> {
    paragraphs: &'a [String],
    folded: Vec<Folded>,
}

impl<'a> AnchorIndex<'a> {
    pub fn new(paragraphs: &'a [String]) -> Self {
        AnchorIndex { paragraphs, folded: paragraphs.iter().map(|p| Folded::new(p)).collect() }
    }

    pub fn anchor_quote(&self, quote: &Quote) -> Result<Anchor, AnchorError> {
        if let Some(anchor) = self.at_stated_position(quote) {
            return Ok(anchor);
        }
        let needle = Folded::new(quote.exact.trim()).text;
        if needle.is_empty() {
            return Err(AnchorError::NotFound);
        }
        let paragraphs = match quote.paragraph {
            Some(p) if p < self.folded.len() => p..p + 1,
            Some(_) => return Err(AnchorError::NotFound),
            None => 0..self.folded.len(),
        };
        let mut candidates: Vec<(usize, Range<usize>)> = Vec::new();
        for p in paragraphs {
            let hay = &self.folded[p].text;
            let mut from = 0;
            while let Some(i) = hay[from..].find(&needle) {
                let start = from + i;
                candidates.push((p, start..start + needle.len()));
                from = start + hay[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        let best = match candidates.len() {
            0 => return Err(AnchorError::NotFound),
            1 => candidates.swap_remove(0),
            n => self.disambiguate(quote, candidates).ok_or(AnchorError::Ambiguous { occurrences: n })?,
        };
        let (p, folded_range) = best;
        Ok(Anchor { paragraph: p, range: self.folded[p].original(folded_range) })
    }

    /// The stated paragraph and start, if the text there reads exactly as the quote.
    fn at_stated_position(&self, quote: &Quote) -> Option<Anchor> {
        let p = quote.paragraph?;
        let text = self.paragraphs.get(p)?;
        let start = byte_offset(text, quote.start?)?;
        text[start..].starts_with(quote.exact.as_str()).then(|| Anchor {
            paragraph: p,
            range: start..start + quote.exact.len(),
        })
    }

    /// Scores each occurrence by prefix and suffix agreement, then by closeness to the stated
    /// start; `None` when the best score is shared.
    fn disambiguate(&self, quote: &Quote, candidates: Vec<(usize, Range<usize>)>) -> Option<(usize, Range<usize>)> {
        let prefix = quote.prefix.as_deref().map(|s| Folded::new(s).text);
        let suffix = quote.suffix.as_deref().map(|s| Folded::new(s).text);
        let score = |(p, r): &(usize, Range<usize>)| -> (u8, i64) {
            let hay = &self.folded[*p].text;
            let mut context = 0;
            if let Some(prefix) = prefix.as_deref().map(str::trim_end).filter(|s| !s.is_empty()) {
                context += u8::from(hay[..r.start].trim_end().ends_with(prefix));
            }
            if let Some(suffix) = suffix.as_deref().map(str::trim_start).filter(|s| !s.is_empty()) {
                context += u8::from(hay[r.end..].trim_start().starts_with(suffix));
            }
            let closeness = match (quote.paragraph, quote.start) {
                (Some(qp), Some(start)) if qp == *p => {
                    let at = self.paragraphs[*p][..self.folded[*p].original(r.clone()).start].chars().count();
                    -(at as i64 - start as i64).abs()
                }
                _ => 0,
            };
            (context, closeness)
        };
        let mut scored: Vec<((u8, i64), (usize, Range<usize>))> = candidates.into_iter().map(|c| (score(&c), c)).collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0));
        match scored.as_slice() {
            [(best, _), (second, _), ..] if best == second => None,
            _ => scored.into_iter().next().map(|(_, c)| c),
        }
    }
}

/// Convenience for a single quote; build an [`AnchorIndex`] to place many.
pub fn anchor_quote(paragraphs: &[String], quote: &Quote) -> Result<Anchor, AnchorError> {
    AnchorIndex::new(paragraphs).anchor_quote(quote)
}

/// Byte offset of the `n`th code point, or `None` past the end.
pub fn byte_offset(text: &str, n: usize) -> Option<usize> {
    if n == text.chars().count() {
        return Some(text.len());
    }
    text.char_indices().nth(n).map(|(i, _)| i)
}

/// A text with typography folded away, and the way back to the original bytes.
struct Folded {
    text: String,
    /// For each byte of `text`, the original byte range of the character it came from.
    origin: Vec<Range<usize>>,
}

impl Folded {
    fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin: Vec<Range<usize>> = Vec::with_capacity(original.len());
        let mut last_was_space = false;
        for (i, c) in original.char_indices() {
            let from = i..i + c.len_utf8();
            let folded: &str = match c {
                c if c.is_whitespace() => {
                    if last_was_space {
                        // Stretch the one space to cover the whole run.
                        if let Some(r) = origin.last_mut() {
                            *r = r.start..from.end;
                        }
                        continue;
                    }
                    " "
                }
                '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
                '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => "'",
                '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => "\"",
                '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => "-",
                '\u{2026}' => "...",
                _ => {
                    last_was_space = false;
                    text.push(c);
                    origin.extend(std::iter::repeat(from).take(c.len_utf8()));
                    continue;
                }
            };
            last_was_space = folded == " ";
            text.push_str(folded);
            origin.extend(std::iter::repeat(from).take(folded.len()));
        }
        Folded { text, origin }
    }

    /// The original byte range behind a range of folded bytes.
    fn original(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.origin.get(folded.start).map_or(0, |r| r.start);
        let end = folded.end.checked_sub(1).and_then(|i| self.origin.get(i)).map_or(start, |r| r.end);
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(exact: &str) -> Quote {
        Quote { exact: exact.into(), ..Quote::default() }
    }

    fn placed<'t>(paragraphs: &'t [String], q: &Quote) -> &'t str {
        let a = anchor_quote(paragraphs, q).expect("quote should be placed");
        &paragraphs[a.paragraph][a.range]
    }

    #[test]
    fn straight_apostrophe_finds_curly_text() {
        let text = vec!["Additional US proposals include restoring Ukraine’s access to the Dnieper River.".to_string()];
        assert_eq!(placed(&text, &quote("restoring Ukraine's access")), "restoring Ukraine’s access");
    }

    #[test]
    fn curly_quote_finds_straight_text_and_white_space_is_folded() {
        let text = vec!["one".to_string(), "the  Trump\u{00A0}administration's\nproposal".to_string()];
        let q = quote("Trump administration’s proposal");
        let a = anchor_quote(&text, &q).unwrap();
        assert_eq!(a.paragraph, 1);
        assert_eq!(&text[1][a.range], "Trump\u{00A0}administration's\nproposal");
    }

    #[test]
    fn stated_position_is_used_when_the_text_agrees() {
        let text = vec!["war and peace and war".to_string()];
        let q = Quote { exact: "war".into(), paragraph: Some(0), start: Some(18), ..Quote::default() };
        assert_eq!(anchor_quote(&text, &q).unwrap().range, 18..21);
    }

    #[test]
    fn positions_count_code_points_not_bytes() {
        // The flag is two code points (regional indicators), so the second "Київ" starts at 21.
        let text = vec!["Київ 🇺🇦 said no, and Київ said no again".to_string()];
        let q = Quote { exact: "Київ".into(), paragraph: Some(0), start: Some(21), ..Quote::default() };
        let a = anchor_quote(&text, &q).unwrap();
        assert_eq!(text[0][..a.range.start].chars().count(), 21);
    }

    #[test]
    fn repeated_quote_needs_context() {
        let text = vec!["Russia said yes. Ukraine said yes.".to_string()];
        assert_eq!(anchor_quote(&text, &quote("said yes")), Err(AnchorError::Ambiguous { occurrences: 2 }));
        let q = Quote { prefix: Some("Ukraine ".into()), ..quote("said yes") };
        assert_eq!(anchor_quote(&text, &q).unwrap().range, 25..33);
        let q = Quote { suffix: Some(". Ukraine".into()), ..quote("said yes") };
        assert_eq!(anchor_quote(&text, &q).unwrap().range, 7..15);
    }

    #[test]
    fn wrong_stated_position_falls_back_to_search() {
        let text = vec!["The US will push Russia.".to_string()];
        let q = Quote { exact: "push Russia".into(), paragraph: Some(0), start: Some(3), ..Quote::default() };
        assert_eq!(placed(&text, &q), "push Russia");
    }

    #[test]
    fn missing_quote_is_not_found() {
        let text = vec!["The US will push Russia.".to_string()];
        assert_eq!(anchor_quote(&text, &quote("pull Russia")), Err(AnchorError::NotFound));
    }

    #[test]
    fn ellipsis_and_dashes_fold() {
        let text = vec!["peace — now… or later".to_string()];
        assert_eq!(placed(&text, &quote("peace - now...")), "peace — now…");
    }
}
