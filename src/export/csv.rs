//! CSV after RFC 4180: a header row, fields separated by commas, records ended by CRLF, a field
//! quoted when it holds a comma, a quote, a line break or leading or trailing space, and quotes
//! doubled inside it. UTF-8 with a byte order mark, so that spreadsheets do not read it as
//! another encoding. A field that a spreadsheet would take for a formula (it begins with `=`,
//! `+`, `-`, `@`, a tab or a carriage return) is written with a leading apostrophe, as OWASP
//! advises, so that opening the file never runs anything.

use super::{cells, stance_words};
use crate::reader::Reader;

/// The byte order mark that tells spreadsheets the file is UTF-8.
pub const BOM: &str = "\u{FEFF}";

/// The header of the claims CSV, in the order export writes it; import finds them by name.
pub const CLAIM_COLUMNS: [&str; 16] = [
    "id", "party_id", "party", "issue_id", "issue", "stance", "certainty", "hedge", "summary", "quote", "paragraph",
    "start", "end", "reported_by", "basis", "via",
];

/// What a field a spreadsheet would take for a formula begins with; such a field is written
/// with a leading apostrophe (and import takes it off again).
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One row per party × issue cell: who, on what, the stance, and the claims and quotes behind it
/// (several claims' ids separated by spaces, their quotes by line breaks).
pub fn stance_table(reader: &Reader) -> String {
    let doc = &reader.doc;
    let mut out = String::from(BOM);
    record(&mut out, &["party_id", "party", "issue_id", "issue", "stance", "claims", "quotes"]);
    for (p, i) in cells(reader) {
        let cell = reader.table.cell(p, i);
        let (party, issue) = (&doc.parties[p], &doc.issues[i]);
        let ids: Vec<&str> = cell.claims.iter().map(|&c| doc.claims[c].id.as_str()).collect();
        let quotes: Vec<&str> = cell.claims.iter().map(|&c| doc.claims[c].quote.exact.as_str()).collect();
        record(
            &mut out,
            &[&party.id, &party.name, &issue.id, &issue.label, &stance_words(&cell.stance), &ids.join(" "), &quotes.join("\n")],
        );
    }
    out
}

/// One row per claim, in file order, with where its passage stands (paragraph and start and
/// end in code points, 0-based, empty when it could not be placed) and who vouches for it.
pub fn claims(reader: &Reader) -> String {
    let doc = &reader.doc;
    let mut out = String::from(BOM);
    record(&mut out, &CLAIM_COLUMNS);
    for (c, claim) in doc.claims.iter().enumerate() {
        let (p, i) = reader.cells[c];
        let (party, issue) = (&doc.parties[p], &doc.issues[i]);
        let place = reader.anchors[c].as_ref().map(|a| {
            let text = &doc.article.paragraphs[a.paragraph];
            let start = text[..a.range.start].chars().count();
            let end = start + text[a.range.clone()].chars().count();
            [a.paragraph.to_string(), start.to_string(), end.to_string()]
        });
        let [paragraph, start, end] = place.unwrap_or_default();
        let a = &claim.attribution;
        record(
            &mut out,
            &[
                &claim.id,
                &party.id,
                &party.name,
                &issue.id,
                &issue.label,
                claim.stance.word(),
                claim.certainty.word(),
                claim.hedge.as_deref().unwrap_or(""),
                &claim.summary,
                &claim.quote.exact,
                &paragraph,
                &start,
                &end,
                &a.reported_by,
                a.basis.as_deref().unwrap_or(""),
                a.via.as_deref().unwrap_or(""),
            ],
        );
    }
    out
}

/// Appends one record and its CRLF.
fn record(out: &mut String, fields: &[&str]) {
    for (k, field) in fields.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

fn push_field(out: &mut String, field: &str) {
    let formula = field.starts_with(FORMULA_STARTS);
    let quoted = formula
        || field.contains([',', '"', '\n', '\r'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace);
    if !quoted {
        out.push_str(field);
        return;
    }
    out.push('"');
    if formula {
        out.push('\'');
    }
    out.push_str(&field.replace('"', "\"\""));
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> String {
        let mut out = String::new();
        push_field(&mut out, text);
        out
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("plain words"), "plain words");
        assert_eq!(field("Київ, Україна"), "\"Київ, Україна\"");
        assert_eq!(field("he said \"no\""), "\"he said \"\"no\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded"), "\" padded\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn a_field_a_spreadsheet_would_run_is_written_as_text() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-1 point"), "\"'-1 point\"");
        assert_eq!(field("@mention"), "\"'@mention\"");
    }
}
