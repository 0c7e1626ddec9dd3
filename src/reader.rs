//! Everything the view needs, computed once from a claims file: the pipeline's last pure step.

use crate::anchor::{Anchor, AnchorError, AnchorIndex};
use crate::model::{check_size, decode_value, fill_line_cols, has_errors, parse_json, validate, Diagnostic, Document, Value};
use crate::segment::{segment, Segment};
use crate::stance::StanceTable;

/// A loaded, checked, anchored article, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    pub doc: Document,
    /// Per claim: where its passage stands, or `None` when it could not be placed.
    pub anchors: Vec<Option<Anchor>>,
    /// Per paragraph: its text runs with the claims over each.
    pub paragraphs: Vec<Vec<Segment>>,
    pub table: StanceTable,
    /// Per claim: its (party, issue) row and column in the table.
    pub cells: Vec<(usize, usize)>,
    /// Per claim: the (paragraph, segment) runs its passage covers, in order.
    pub segments_of: Vec<Vec<(usize, usize)>>,
    /// Problems that did not stop the article from showing.
    pub warnings: Vec<Diagnostic>,
}

impl Reader {
    /// Runs the whole pipeline. `Err` holds every diagnostic when any is an error. Every
    /// diagnostic about the file's content has its line and column.
    pub fn from_json(text: &str) -> Result<Reader, Vec<Diagnostic>> {
        let parsed = check_size(text).and_then(|()| parse_json(text));
        let mut result = parsed.map_err(|d| vec![d]).and_then(Reader::from_value);
        match &mut result {
            Ok(reader) => fill_line_cols(text, &mut reader.warnings),
            Err(diagnostics) => fill_line_cols(text, diagnostics),
        }
        result
    }

    /// The pipeline from an already parsed value. Diagnostics carry offsets into the text it was
    /// parsed from, but no line and column: see [`fill_line_cols`].
    pub fn from_value(value: Value<'_>) -> Result<Reader, Vec<Diagnostic>> {
        let (doc, mut diagnostics) = decode_value(value);
        let Some(doc) = doc else { return Err(diagnostics) };
        diagnostics.extend(validate(&doc));
        if has_errors(&diagnostics) {
            return Err(diagnostics);
        }
        Ok(Reader::from_document(doc, diagnostics))
    }

    /// Anchors, segments and tabulates a document that passed validation.
    pub fn from_document(doc: Document, mut warnings: Vec<Diagnostic>) -> Reader {
        let index = AnchorIndex::new(&doc.article.paragraphs);
        let anchors: Vec<Option<Anchor>> = doc
            .claims
            .iter()
            .enumerate()
            .map(|(i, claim)| match index.anchor_quote(&claim.quote) {
                Ok(anchor) => {
                    if !anchor.is_exact() {
                        let matched = &doc.article.paragraphs[anchor.paragraph][anchor.range.clone()];
                        warnings.push(approximate_warning(i, matched, &anchor).at(doc.offsets.claim(i).exact));
                    }
                    Some(anchor)
                }
                Err(e) => {
                    warnings.push(unplaced_warning(i, &claim.quote.exact, e).at(doc.offsets.claim(i).exact));
                    None
                }
            })
            .collect();
        let mut spans: Vec<Vec<(std::ops::Range<usize>, usize)>> = vec![Vec::new(); doc.article.paragraphs.len()];
        for (claim, anchor) in anchors.iter().enumerate() {
            if let Some(a) = anchor {
                spans[a.paragraph].push((a.range.clone(), claim));
            }
        }
        let paragraphs: Vec<Vec<Segment>> =
            doc.article.paragraphs.iter().zip(&spans).map(|(text, s)| segment(text.len(), s)).collect();
        let mut segments_of = vec![Vec::new(); doc.claims.len()];
        for (p, segments) in paragraphs.iter().enumerate() {
            for (s, segment) in segments.iter().enumerate() {
                for &c in &segment.claims {
                    segments_of[c].push((p, s));
                }
            }
        }
        let table = StanceTable::build(&doc);
        let cells = (0..doc.claims.len()).map(|c| table.cell_of(&doc, c).unwrap_or((0, 0))).collect();
        Reader { doc, anchors, paragraphs, table, cells, segments_of, warnings }
    }

    /// Claims that could not be placed in the text; they still count in the table.
    pub fn unplaced(&self) -> impl Iterator<Item = usize> + '_ {
        self.anchors.iter().enumerate().filter(|(_, a)| a.is_none()).map(|(i, _)| i)
    }

    /// The text of one segment.
    pub fn segment_text(&self, paragraph: usize, segment: &Segment) -> &str {
        &self.doc.article.paragraphs[paragraph][segment.range.clone()]
    }
}

/// Says what differs between a quote and the text it was placed on.
fn approximate_warning(claim: usize, matched: &str, anchor: &Anchor) -> Diagnostic {
    let path = format!("claims[{claim}].quote.exact");
    let d = anchor.differences;
    let edits = match anchor.edits {
        0 => String::new(),
        1 => "1 character differs".to_string(),
        n => format!("{n} characters differ"),
    };
    let mut what = String::new();
    for (differs, says) in [
        (d.diacritics, "the diacritics differ"),
        (d.width, "full-width and half-width forms differ"),
        (d.case, "letter case differs"),
        (!edits.is_empty(), &edits),
    ] {
        if differs {
            what.push_str(if what.is_empty() { "" } else { ", " });
            what.push_str(says);
        }
    }
    let widened = "it starts or ends inside a character (a letter with its marks, an emoji sequence, a conjunct), so the whole character is highlighted";
    if what.is_empty() {
        return Diagnostic::warning(path, format!("the quote was placed on \"{matched}\": {widened}"))
            .with_hint("start and end the quote at whole characters");
    }
    let and_widened = if d.widened { format!("; {widened}") } else { String::new() };
    Diagnostic::warning(path, format!("the quote is not in the text word for word; it was placed on \"{matched}\" ({what}){and_widened}"))
        .with_hint("copy the passage from the article if that is not the right place")
}

fn unplaced_warning(claim: usize, exact: &str, error: AnchorError) -> Diagnostic {
    let path = format!("claims[{claim}].quote.exact");
    match error {
        AnchorError::NotFound => Diagnostic::warning(path, format!("the quote \"{exact}\" is not in the text"))
            .with_hint("copy the passage from the article; the claim is listed as not found"),
        AnchorError::Ambiguous { occurrences } => {
            Diagnostic::warning(path, format!("the quote \"{exact}\" occurs {occurrences} times"))
                .with_hint("add a prefix, suffix or paragraph and start to say which")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_claims_segments_spell_its_passage() {
        let reader = Reader::from_json(crate::SEED_JSON).unwrap_or_else(|d| panic!("{d:?}"));
        for (c, anchor) in reader.anchors.iter().enumerate() {
            let Some(anchor) = anchor else { continue };
            let text: String = reader.segments_of[c]
                .iter()
                .map(|&(p, s)| reader.segment_text(p, &reader.paragraphs[p][s]))
                .collect();
            assert_eq!(text, &reader.doc.article.paragraphs[anchor.paragraph][anchor.range.clone()]);
        }
    }
}
