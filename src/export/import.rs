//! What every import shares, whatever format the claims arrive in: the claims are laid over the
//! article file's article, parties and issues, checked as a claims file is checked, and placed
//! in the text; position hints are taken only where the text there reads as the quote. The
//! formats (`w3c`, `csv_import`) only read their own syntax and say where each problem stands.

use crate::anchor::{anchor_quote, byte_offset};
use crate::model::suggest::did_you_mean;
use crate::model::{validate, Claim, Diagnostic, Document, Quote};
use crate::reader::Reader;

/// What an import gives: the claims file and the problems that did not stop it.
#[derive(Debug)]
pub struct Imported {
    pub doc: Document,
    /// How many of the claims were placed in the text.
    pub placed: usize,
    pub warnings: Vec<Diagnostic>,
}

/// A claims file as `docs/data-format.md` orders its fields, pretty-printed: what `import`
/// writes, whatever it read.
pub fn claims_file(doc: &Document) -> String {
    crate::model::write_claims_file(doc)
}

/// The last steps of an import: `claims` over `article`'s article, parties and issues, checked
/// as a claims file is (unique ids, references, positions), then placed in the text.
/// `diagnostics` are the problems the format's reader found; `place` moves a check's diagnostic,
/// whose path names `claims[i]`, to where claim `i` stands in the imported file. `Err` holds
/// every problem when any is an error.
pub(crate) fn finish(
    article: &Document,
    claims: Vec<Claim>,
    mut diagnostics: Vec<Diagnostic>,
    place: impl Fn(Diagnostic) -> Diagnostic,
) -> Result<Imported, Vec<Diagnostic>> {
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    let doc = Document { claims, ..article.clone() };
    diagnostics.extend(validate(&doc).into_iter().map(&place));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    // The article file's offsets point into another text.
    let doc = Document { offsets: Default::default(), ..doc };
    let reader = Reader::from_document(doc, Vec::new());
    let placed = reader.anchors.iter().filter(|a| a.is_some()).count();
    diagnostics.extend(reader.warnings.into_iter().map(place));
    Ok(Imported { doc: reader.doc, placed, warnings: diagnostics })
}

/// `3` from `claims[3].quote.exact`.
pub(crate) fn claim_index(path: &str) -> Option<usize> {
    path.strip_prefix("claims[")?.split(']').next()?.parse().ok()
}

/// What a position hint (paragraph `p`, and a start in it) turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Hint {
    /// The text at the start reads as the quote: the claim keeps paragraph and start.
    Read,
    /// The quote's words are in the paragraph, though not at the start (or none was given):
    /// the claim keeps the paragraph only.
    InParagraph,
    /// Not in that paragraph: the claim is placed by its words alone.
    Missed,
}

/// Takes paragraph `p` (which must exist) and `start` (code points in it) as hints for `quote`.
/// A hint is used only as far as the text bears it out, so a stale position never misplaces a
/// claim. The start selects the place, which leaves out white space at the quote's edges (as the
/// anchoring does), so the quote may start that much before it.
pub(crate) fn take_hint(paragraphs: &[String], quote: &mut Quote, p: usize, start: Option<usize>) -> Hint {
    let text = &paragraphs[p];
    let lead = quote.exact.chars().count() - quote.exact.trim_start().chars().count();
    let in_paragraph = start.and_then(|s| s.checked_sub(if quote.exact.trim().is_empty() { 0 } else { lead }));
    let reads_as_quote = in_paragraph
        .and_then(|s| byte_offset(text, s))
        .is_some_and(|b| text[b..].starts_with(quote.exact.as_str()));
    if reads_as_quote {
        quote.paragraph = Some(p);
        quote.start = in_paragraph;
        return Hint::Read;
    }
    let hinted = Quote { paragraph: Some(p), start: None, ..quote.clone() };
    if anchor_quote(paragraphs, &hinted).is_ok() {
        quote.paragraph = Some(p);
        return Hint::InParagraph;
    }
    Hint::Missed
}

/// A party or issue id (`what`) that the article file does not have.
pub(crate) fn unknown_reference(path: String, what: &str, id: &str, known: &[&str]) -> Diagnostic {
    Diagnostic::error(path, format!("unknown {what} \"{id}\": the article file has no such {what}")).with_hint(did_you_mean(id, known))
}

/// A word of a closed vocabulary (`what`: stance, certainty) that the claims format does not know.
pub(crate) fn unknown_word(path: String, what: &str, word: &str, words: &[&str]) -> Diagnostic {
    Diagnostic::error(path, format!("unknown {what} \"{word}\"")).with_hint(did_you_mean(word, words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_indices_are_read_from_paths() {
        assert_eq!(claim_index("claims[12].quote.exact"), Some(12));
        assert_eq!(claim_index("parties[1]"), None);
    }

    #[test]
    fn a_hint_is_taken_as_far_as_the_text_bears_it_out() {
        let paragraphs = ["Kyiv said no.".to_string(), "Moscow said yes.".to_string()];
        let quote = |exact: &str| Quote { exact: exact.to_string(), ..Quote::default() };
        let mut q = quote("said no");
        assert_eq!(take_hint(&paragraphs, &mut q, 0, Some(5)), Hint::Read);
        assert_eq!((q.paragraph, q.start), (Some(0), Some(5)));
        let mut q = quote(" said no");
        assert_eq!(take_hint(&paragraphs, &mut q, 0, Some(5)), Hint::Read, "white space before the place");
        assert_eq!(q.start, Some(4));
        let mut q = quote("said no");
        assert_eq!(take_hint(&paragraphs, &mut q, 0, Some(2)), Hint::InParagraph);
        assert_eq!((q.paragraph, q.start), (Some(0), None));
        let mut q = quote("said no");
        assert_eq!(take_hint(&paragraphs, &mut q, 0, None), Hint::InParagraph);
        let mut q = quote("said no");
        assert_eq!(take_hint(&paragraphs, &mut q, 1, Some(7)), Hint::Missed);
        assert_eq!((q.paragraph, q.start), (None, None));
    }
}
