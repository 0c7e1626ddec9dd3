//! The claims CSV read back into claims: what `export --to csv-claims` writes, or what a
//! spreadsheet saves after an editor has worked on it (with or without the byte order mark, CRLF
//! or LF, columns in any order, the apostrophes export put before formula characters still
//! there). The claims are laid over an article file's article, parties and issues, like the W3C
//! import's; the columns, row by row, are in `docs/interop.md`.
//!
//! A problem is placed where a spreadsheet shows it: its path names the row, the header being
//! row 1, and the column (`row 4, column "stance"`); its line and column are the line of the
//! file the record starts on (a quoted field may run over several lines) and the column's
//! number, from 1.

use csv::{ReaderBuilder, StringRecord};

use super::csv::{BOM, CLAIM_COLUMNS, FORMULA_STARTS};
use super::import::{claim_index, finish, take_hint, unknown_reference, unknown_word, Hint, Imported};
use crate::model::suggest::{did_you_mean, push_list};
use crate::model::{Attribution, Certainty, Claim, Diagnostic, Document, Quote, Stance};

/// A column import reads; its header name is `CLAIM_COLUMNS[column as usize]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Id,
    PartyId,
    Party,
    IssueId,
    Issue,
    Stance,
    Certainty,
    Hedge,
    Summary,
    Quote,
    Paragraph,
    Start,
    End,
    ReportedBy,
    Basis,
    Via,
}

impl Column {
    /// In the order of [`CLAIM_COLUMNS`].
    const ALL: [Column; 16] = [
        Column::Id,
        Column::PartyId,
        Column::Party,
        Column::IssueId,
        Column::Issue,
        Column::Stance,
        Column::Certainty,
        Column::Hedge,
        Column::Summary,
        Column::Quote,
        Column::Paragraph,
        Column::Start,
        Column::End,
        Column::ReportedBy,
        Column::Basis,
        Column::Via,
    ];

    fn name(self) -> &'static str {
        CLAIM_COLUMNS[self as usize]
    }
}

/// Columns without which no row makes a claim.
const REQUIRED: [Column; 6] = [Column::Id, Column::Stance, Column::Certainty, Column::Summary, Column::Quote, Column::ReportedBy];

/// The party and the issue may be given by id or by name: one column of each pair will do.
const ID_OR_NAME: [(Column, Column); 2] = [(Column::PartyId, Column::Party), (Column::IssueId, Column::Issue)];

/// Appended to the text before parsing. The CSV reader takes a quoted field the file never
/// closes up to the end of the text without a word; with this after a line break, the last
/// record is this alone exactly when every quote was closed.
const SENTINEL: &str = "\u{FDD0}";

/// One record of the file.
struct Record {
    /// Its row as a spreadsheet numbers it: the header is row 1.
    row: usize,
    /// The line of the file it starts on, from 1.
    line: usize,
    fields: StringRecord,
}

/// Why the text cannot be read as a table at all.
#[derive(Debug, Clone, PartialEq, Eq)]
enum TableError {
    Empty,
    /// A field opened with a double quote runs to the end of the file: (row, line, its column's
    /// number).
    Unclosed { row: usize, line: usize, column: usize },
    /// What the CSV reader reported, and the line, when it gave one.
    Unreadable { line: Option<usize>, message: String },
}

impl TableError {
    fn diagnostic(self) -> Diagnostic {
        let (d, at) = match self {
            TableError::Empty => (
                Diagnostic::error("", "the file is empty").with_hint(format!("a claims CSV starts with its header: {}", column_list())),
                (1, 1),
            ),
            TableError::Unclosed { row, line, column } => (
                Diagnostic::error(format!("row {row}, column {column}"), "a field opened with a double quote is never closed: the file ends inside it")
                    .with_hint("close the field with a double quote; a double quote inside a field is written twice"),
                (line, column),
            ),
            TableError::Unreadable { line, message } => (Diagnostic::error("", format!("not readable as CSV: {message}")), (line.unwrap_or(1), 1)),
        };
        Diagnostic { line_col: Some(at), ..d }
    }
}

/// "id, party_id, …": the columns import reads.
fn column_list() -> String {
    let mut out = String::new();
    push_list(&mut out, &CLAIM_COLUMNS);
    out
}

/// The records of `text`, header first; rows with nothing in them are left out.
fn records(text: &str) -> Result<Vec<Record>, TableError> {
    if text.trim().is_empty() {
        return Err(TableError::Empty);
    }
    let closed = format!("{text}\n{SENTINEL}");
    let mut reader = ReaderBuilder::new().has_headers(false).flexible(true).from_reader(closed.as_bytes());
    let mut out = Vec::new();
    let mut lines = Lines { text: &closed, counted: 0, line: 1 };
    for (k, result) in reader.records().enumerate() {
        let fields = result.map_err(|e| TableError::Unreadable {
            line: e.position().map(|p| lines.at(p.byte() as usize)),
            message: e.to_string(),
        })?;
        let line = fields.position().map_or(1, |p| lines.at(p.byte() as usize));
        out.push(Record { row: k + 1, line, fields });
    }
    match out.pop() {
        Some(last) if last.fields.len() == 1 && &last.fields[0] == SENTINEL => {}
        Some(last) => {
            let column = last.fields.iter().position(|f| f.contains(SENTINEL)).map_or(1, |c| c + 1);
            return Err(TableError::Unclosed { row: last.row, line: last.line, column });
        }
        None => return Err(TableError::Empty),
    }
    out.retain(|r| r.row == 1 || r.fields.iter().any(|f| !f.is_empty()));
    Ok(out)
}

/// Lines counted as records are read. The CSV reader's own line numbers fall behind after a
/// CRLF (the LF is taken as the start of the next record), and so do its byte positions; a record
/// really starts after any line breaks there.
struct Lines<'t> {
    text: &'t str,
    /// Up to where line breaks are counted, and the line there (from 1).
    counted: usize,
    line: usize,
}

impl Lines<'_> {
    /// The line a record the reader places at byte `at` starts on; `at` never goes back.
    fn at(&mut self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut start = at.min(bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let from = self.counted.min(start);
        self.line += bytes[from..start].iter().filter(|&&b| b == b'\n').count();
        self.counted = start;
        self.line
    }
}

/// A field as the claims file has it: the apostrophe export put before a formula character
/// taken off, and nothing else.
fn unguarded(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => field,
    }
}

/// Where each column stands in the file.
struct Header {
    /// Per [`Column`], its field's index.
    at: [Option<usize>; 16],
}

/// A data row with the header it is read by.
struct Row<'a> {
    record: &'a Record,
    header: &'a Header,
}

impl Row<'_> {
    /// The field of `column`, as the claims file has it; empty when the file has no such column
    /// or the row stops short.
    fn value(&self, column: Column) -> &str {
        let field = self.header.at[column as usize].and_then(|k| self.record.fields.get(k));
        unguarded(field.unwrap_or(""))
    }

    /// `column`'s value with white space at its ends taken off, for ids, words and numbers;
    /// `None` when that leaves nothing.
    fn word(&self, column: Column) -> Option<&str> {
        Some(self.value(column).trim()).filter(|w| !w.is_empty())
    }

    /// `column`'s value; `None` when the field is empty.
    fn optional(&self, column: Column) -> Option<String> {
        Some(self.value(column)).filter(|v| !v.is_empty()).map(str::to_string)
    }

    /// `d` placed at `column` of this row, or at the row when the file has no such column.
    fn place(&self, column: Option<Column>, d: Diagnostic) -> Diagnostic {
        let row = self.record.row;
        let at = column.and_then(|c| self.header.at[c as usize].map(|k| (c, k)));
        let (path, number) = match at {
            Some((c, k)) => (format!("row {row}, column \"{}\"", c.name()), k + 1),
            None => (format!("row {row}"), 1),
        };
        Diagnostic { path, line_col: Some((self.record.line, number)), offset: None, ..d }
    }

    fn error(&self, column: Column, message: impl Into<String>) -> Diagnostic {
        self.place(Some(column), Diagnostic::error("", message))
    }

    fn warning(&self, column: Column, message: impl Into<String>) -> Diagnostic {
        self.place(Some(column), Diagnostic::warning("", message))
    }
}

/// Reads a claims CSV into claims over `article`'s article, parties and issues (its own claims
/// are not used), then checks them as a claims file is checked. `Err` holds every problem when
/// any is an error.
pub fn import(text: &str, article: &Document) -> Result<Imported, Vec<Diagnostic>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let records = records(text).map_err(|e| vec![e.diagnostic()])?;
    let (head, body) = match records.split_first() {
        Some(split) => split,
        None => return Err(vec![TableError::Empty.diagnostic()]),
    };
    let mut diagnostics = Vec::new();
    let header = read_header(head, body, &mut diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }
    let width = head.fields.len();
    let mut rows = Vec::new();
    let mut claims = Vec::new();
    for record in body {
        let row = Row { record, header: &header };
        if record.fields.len() != width {
            diagnostics.push(
                row.place(None, Diagnostic::error("", format!("{} fields where the header has {width}", record.fields.len())))
                    .with_hint("a field holding a comma, a double quote or a line break is written in double quotes"),
            );
        }
        let mut reader = RowReader { article, diagnostics: &mut diagnostics };
        claims.push(reader.claim(&row).unwrap_or_default());
        rows.push(row);
    }
    // The checks a claims file gets (unique ids, positions), placed at the claim's row.
    let place = |d: Diagnostic| -> Diagnostic {
        let Some(row) = claim_index(&d.path).and_then(|c| rows.get(c)) else {
            return Diagnostic { offset: None, line_col: None, ..d };
        };
        let column = match d.path.split_once("].").map(|(_, field)| field) {
            Some("id") => Some(Column::Id),
            Some("party") => Some(Column::PartyId),
            Some("issue") => Some(Column::IssueId),
            Some("quote.exact") => Some(Column::Quote),
            Some("quote.paragraph") => Some(Column::Paragraph),
            Some("quote.start") => Some(Column::Start),
            _ => None,
        };
        let hint = d.hint.as_deref().map(|h| in_rows(h, &rows));
        row.place(column, Diagnostic { hint, ..d })
    };
    finish(article, claims, diagnostics, place)
}

/// A hint that names a claim (`claims[0] already uses it`) naming its row instead.
fn in_rows(hint: &str, rows: &[Row<'_>]) -> String {
    let named = hint.strip_prefix("claims[").and_then(|rest| rest.split_once(']'));
    match named.and_then(|(k, rest)| Some((rows.get(k.parse::<usize>().ok()?)?, rest))) {
        Some((row, rest)) => format!("row {}{rest}", row.record.row),
        None => hint.to_string(),
    }
}

/// Finds each column by its name in the header (white space at its ends and ASCII case do not
/// matter). Columns it does not read are warned about, so that nothing is dropped unsaid.
fn read_header(head: &Record, body: &[Record], diagnostics: &mut Vec<Diagnostic>) -> Header {
    let mut header = Header { at: [None; 16] };
    let at_column = |k: usize, d: Diagnostic, name: &str| {
        let path = if name.is_empty() { format!("row 1, column {}", k + 1) } else { format!("row 1, column \"{name}\"") };
        Diagnostic { path, line_col: Some((head.line, k + 1)), ..d }
    };
    for (k, name) in head.fields.iter().enumerate() {
        let name = name.trim();
        let known = Column::ALL.into_iter().find(|c| c.name().eq_ignore_ascii_case(name));
        match known {
            Some(c) => match header.at[c as usize] {
                Some(first) => diagnostics.push(at_column(
                    k,
                    Diagnostic::error("", format!("the column \"{}\" is there twice, as columns {} and {}", c.name(), first + 1, k + 1))
                        .with_hint("keep one of them"),
                    name,
                )),
                None => header.at[c as usize] = Some(k),
            },
            None if name.is_empty() => {
                let used = body.iter().any(|r| r.fields.get(k).is_some_and(|f| !f.is_empty()));
                if used {
                    diagnostics.push(at_column(
                        k,
                        Diagnostic::warning("", format!("column {} has no name: its values are not read", k + 1))
                            .with_hint(format!("name it as one of the columns import reads: {}", column_list())),
                        name,
                    ));
                }
            }
            None => diagnostics.push(at_column(
                k,
                Diagnostic::warning("", format!("unknown column \"{name}\": its values are not read"))
                    .with_hint(did_you_mean(name, &CLAIM_COLUMNS)),
                name,
            )),
        }
    }
    let missing = |c: Column, hint: String| {
        let d = Diagnostic::error("row 1", format!("missing required column \"{}\"", c.name())).with_hint(hint);
        Diagnostic { line_col: Some((head.line, 1)), ..d }
    };
    for c in REQUIRED {
        if header.at[c as usize].is_none() {
            diagnostics.push(missing(c, format!("the header names the columns: {}", column_list())));
        }
    }
    for (id, name) in ID_OR_NAME {
        if header.at[id as usize].is_none() && header.at[name as usize].is_none() {
            diagnostics.push(missing(id, format!("or a column \"{}\" that names them", name.name())));
        }
    }
    header
}

/// Reads rows into claims, its problems added to `diagnostics`.
struct RowReader<'a, 'd> {
    article: &'a Document,
    diagnostics: &'d mut Vec<Diagnostic>,
}

/// A party or an issue of the article file: its id and the names the CSV may give it by.
struct Entry<'a> {
    id: &'a str,
    names: Vec<&'a str>,
}

impl RowReader<'_, '_> {
    /// The row's claim; `None` when a problem stops it (reported).
    fn claim(&mut self, row: &Row<'_>) -> Option<Claim> {
        let parties: Vec<Entry> = self
            .article
            .parties
            .iter()
            .map(|p| Entry {
                id: &p.id,
                names: std::iter::once(p.name.as_str()).chain(p.short_name.as_deref()).chain(p.aliases.iter().map(String::as_str)).collect(),
            })
            .collect();
        let issues: Vec<Entry> = self.article.issues.iter().map(|i| Entry { id: &i.id, names: vec![&i.label] }).collect();
        let id = self.text(row, Column::Id).map(|id| id.trim().to_string());
        let party = self.reference(row, "party", (Column::PartyId, Column::Party), &parties);
        let issue = self.reference(row, "issue", (Column::IssueId, Column::Issue), &issues);
        let stance = self.word(row, Column::Stance, &Stance::ALL.map(Stance::word), Stance::from_word);
        let certainty = self.word(row, Column::Certainty, &Certainty::ALL.map(Certainty::word), Certainty::from_word);
        let summary = self.text(row, Column::Summary);
        let reported_by = self.text(row, Column::ReportedBy);
        let quote = self.text(row, Column::Quote).and_then(|exact| self.quote(row, exact));
        Some(Claim {
            id: id?,
            party: party?,
            issue: issue?,
            stance: stance?,
            quote: quote?,
            summary: summary?,
            attribution: Attribution { reported_by: reported_by?, basis: row.optional(Column::Basis), via: row.optional(Column::Via) },
            certainty: certainty?,
            hedge: row.optional(Column::Hedge),
        })
    }

    /// A required field, as written; an error when it is empty or only white space.
    fn text(&mut self, row: &Row<'_>, column: Column) -> Option<String> {
        let value = row.value(column);
        if value.trim().is_empty() {
            self.diagnostics.push(row.error(column, format!("\"{}\" must not be empty or only white space", column.name())));
            return None;
        }
        Some(value.to_string())
    }

    /// A stance or certainty word, which the claims format must know.
    fn word<T>(&mut self, row: &Row<'_>, column: Column, words: &[&str], read: fn(&str) -> Option<T>) -> Option<T> {
        let word = self.text(row, column)?;
        let word = word.trim();
        let found = read(word);
        if found.is_none() {
            self.diagnostics.push(row.place(Some(column), unknown_word(String::new(), column.name(), word, words)));
        }
        found
    }

    /// The id of the party (or issue) the row is about: its id column, which must name one of the
    /// article file's; when that is empty, the one the name column names.
    fn reference(&mut self, row: &Row<'_>, what: &str, (id_column, name_column): (Column, Column), known: &[Entry<'_>]) -> Option<String> {
        let name = row.word(name_column);
        if let Some(id) = row.word(id_column) {
            let Some(entry) = known.iter().find(|e| e.id == id) else {
                let ids: Vec<&str> = known.iter().map(|e| e.id).collect();
                self.diagnostics.push(row.place(Some(id_column), unknown_reference(String::new(), what, id, &ids)));
                return None;
            };
            if let Some(name) = name.filter(|n| !entry.names.contains(n)) {
                self.diagnostics.push(
                    row.warning(name_column, format!("\"{name}\" is not a name of the {what} \"{id}\": the {what} is taken from \"{}\"", id_column.name()))
                        .with_hint(format!("its names: {}", quoted_list(&entry.names))),
                );
            }
            return Some(id.to_string());
        }
        let Some(name) = name else {
            let ids: Vec<&str> = known.iter().map(|e| e.id).collect();
            self.diagnostics.push(
                row.error(id_column, format!("no {what}: \"{}\" and \"{}\" are both empty", id_column.name(), name_column.name()))
                    .with_hint(format!("write the {what}'s id in \"{}\": one of {}", id_column.name(), quoted_list(&ids))),
            );
            return None;
        };
        if let Some(entry) = known.iter().find(|e| e.names.contains(&name)) {
            return Some(entry.id.to_string());
        }
        let names: Vec<&str> = known.iter().flat_map(|e| e.names.iter().copied()).collect();
        self.diagnostics.push(
            row.error(name_column, format!("unknown {what} \"{name}\": no {what} of the article file has that name"))
                .with_hint(did_you_mean(name, &names)),
        );
        None
    }

    /// The quote, with its paragraph and start when the row's positions hold its words.
    fn quote(&mut self, row: &Row<'_>, exact: String) -> Option<Quote> {
        let mut quote = Quote { exact, ..Quote::default() };
        let (paragraph, start, end) = (self.number(row, Column::Paragraph), self.number(row, Column::Start), self.number(row, Column::End));
        let (paragraph, start, end) = (paragraph.ok()?, start.ok()?, end.ok()?);
        let paragraphs = &self.article.article.paragraphs;
        let Some(p) = paragraph else {
            if start.is_some() || end.is_some() {
                self.diagnostics.push(
                    row.warning(Column::Start, "start and end are not read without a paragraph: the quote is placed by its words")
                        .with_hint("give the paragraph too, or leave start and end empty"),
                );
            }
            return Some(quote);
        };
        let Some(text) = paragraphs.get(p) else {
            self.diagnostics.push(
                row.warning(Column::Paragraph, format!("the article has no paragraph {p}: the quote is placed by its words"))
                    .with_hint(format!("paragraphs are numbered from 0, and the article has {}", paragraphs.len())),
            );
            return Some(quote);
        };
        let length = text.chars().count();
        // A range that cannot be in the paragraph is no hint; the paragraph may still be one.
        let fits = |s: usize| match end {
            Some(e) => s <= e && e <= length,
            None => s <= length,
        };
        let usable = start.filter(|&s| fits(s));
        match (start, take_hint(paragraphs, &mut quote, p, usable)) {
            (_, Hint::Read) | (None, Hint::InParagraph) => {}
            (Some(s), _) => {
                let range = end.map_or(s.to_string(), |e| format!("{s}–{e}"));
                self.diagnostics.push(
                    row.warning(Column::Start, format!("characters {range} of paragraph {p} are not the quote's words: it is placed by its words"))
                        .with_hint("start and end count code points of the paragraph from 0, end not included; or leave them empty"),
                );
            }
            (None, _) => self.diagnostics.push(
                row.warning(Column::Paragraph, format!("paragraph {p} does not hold the quote's words: it is placed by its words")),
            ),
        }
        Some(quote)
    }

    /// A whole number of 0 or more, `None` when the field is empty; `Err` (reported) otherwise.
    fn number(&mut self, row: &Row<'_>, column: Column) -> Result<Option<usize>, ()> {
        let Some(word) = row.word(column) else { return Ok(None) };
        match word.parse::<usize>() {
            Ok(n) if word.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
            _ => {
                self.diagnostics.push(row.error(column, format!("expected a whole number of 0 or more, found \"{word}\"")));
                Err(())
            }
        }
    }
}

/// `"a", "b"`.
fn quoted_list(words: &[&str]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    let refs: Vec<&str> = quoted.iter().map(String::as_str).collect();
    let mut out = String::new();
    push_list(&mut out, &refs);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_apostrophe_export_adds_is_taken_off() {
        assert_eq!(unguarded("'=SUM(A1)"), "=SUM(A1)");
        assert_eq!(unguarded("'-1 point"), "-1 point");
        assert_eq!(unguarded("'\ttab"), "\ttab");
        assert_eq!(unguarded("'tis the season"), "'tis the season");
        assert_eq!(unguarded("''=x"), "''=x");
        assert_eq!(unguarded("="), "=");
        assert_eq!(unguarded("'"), "'");
    }

    #[test]
    fn the_columns_are_the_exports() {
        for (k, c) in Column::ALL.into_iter().enumerate() {
            assert_eq!(c as usize, k);
        }
        assert_eq!(Column::ReportedBy.name(), "reported_by");
    }

    #[test]
    fn a_quote_left_open_is_found_with_its_row_line_and_column() {
        assert_eq!(
            records("a,b\r\n1,2\r\n3,\"four\r\n5,6\r\n").err(),
            Some(TableError::Unclosed { row: 3, line: 3, column: 2 })
        );
        assert_eq!(records("a,b\n\"1").err(), Some(TableError::Unclosed { row: 2, line: 2, column: 1 }));
        assert_eq!(records(" \n").err(), Some(TableError::Empty));
        let read = records("a,b\n1,\"two\nlines\"\n,\n3,4").unwrap_or_default();
        let found: Vec<(usize, usize)> = read.iter().map(|r| (r.row, r.line)).collect();
        assert_eq!(found, [(1, 1), (2, 2), (4, 5)], "a row of empty fields is left out, still counted");
    }
}
