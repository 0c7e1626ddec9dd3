//! The editor's state and every change to it, as plain Rust tested natively: the claims file
//! being written, the words selected for the next claim, and what the check says about the file.
//!
//! After every change the file is written out ([`write_claims_file`]) and read back through the
//! same pipeline as the page and `claim-reader check` ([`Reader::from_json`]), so the live
//! diagnostics are the command's, word for word, with lines and columns in the exported file.

use std::rc::Rc;

use crate::model::{
    check_size, decode_value, is_valid_id, parse_json, write_claims_file, Article, Attribution, Certainty, Claim,
    Diagnostic, Document, Issue, Party, Publisher, Quote, Stance,
};
use crate::reader::Reader;

/// How much context a quote gets before and after when its words occur more than once.
const CONTEXT_CHARS: usize = 32;

/// Everything the editor shows.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EditorState {
    /// The claims file being written; `None` until the editor starts from text or a file.
    pub doc: Option<Document>,
    /// The file as it would be exported now ("" before starting).
    pub file: Rc<str>,
    /// What the check says about `file`.
    pub check: Check,
    /// The words selected for a new claim, as its quote.
    pub selection: Option<Quote>,
    /// Why the last action could not be done, for the editor to read.
    pub notice: Option<String>,
    /// The attribution of the last claim added, offered for the next one.
    pub last_attribution: Option<Attribution>,
    /// Every problem of the last file that could not be opened, as the command reports them.
    pub refused: Vec<Diagnostic>,
}

/// The check of the exported file: every diagnostic, in file order, and the command's summary.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Check {
    pub diagnostics: Vec<Diagnostic>,
    /// As `claim-reader check` ends its report: "ok — 3 claims, 3 placed, 2 parties, 2 issues".
    pub summary: String,
    pub errors: usize,
}

/// The article fields of the start form.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ArticleFields {
    pub headline: String,
    pub author: String,
    pub publisher: String,
    /// ISO 8601, as the date input gives it.
    pub published: String,
    /// The article's text, paragraphs separated by blank lines.
    pub text: String,
}

/// The claim form's fields; the quote is the state's selection.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct NewClaim {
    pub party: String,
    pub issue: String,
    pub stance: Option<Stance>,
    pub certainty: Option<Certainty>,
    pub hedge: String,
    pub summary: String,
    pub reported_by: String,
    pub basis: String,
    pub via: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Starts a new file from pasted text.
    StartFromText(ArticleFields),
    /// Opens a claims file (JSON text), e.g. the seed.
    Open(String),
    /// Words selected in paragraph `paragraph`, from `start` to `end` in UTF-16 units (the DOM's).
    Select { paragraph: usize, start: usize, end: usize },
    /// A selection that cannot make a quote, and why.
    Unusable(String),
    ClearSelection,
    AddParty(Party),
    AddIssue(Issue),
    /// Adds a claim on the selected words.
    AddClaim(NewClaim),
    RemoveClaim(usize),
    StartOver,
}

impl EditorState {
    /// Applies one action. Whatever cannot be done leaves the file as it was and says why in
    /// `notice`.
    pub fn apply(&mut self, action: Action) {
        self.notice = None;
        self.refused.clear();
        match action {
            Action::StartFromText(fields) => match document_from_text(&fields) {
                Ok(doc) => self.start(doc),
                Err(why) => self.notice = Some(why),
            },
            Action::Open(json) => match open(&json) {
                Ok(Opened { doc, left_out }) => {
                    let replaced = self.doc.is_some();
                    self.last_attribution = doc.claims.last().map(|c| c.attribution.clone());
                    self.start(doc);
                    self.notice = opened_notice(replaced, &left_out);
                }
                Err(Refused { why, diagnostics }) => {
                    self.notice = Some(format!("The file could not be opened: {why}"));
                    self.refused = diagnostics;
                }
            },
            Action::Select { paragraph, start, end } => {
                let Some(doc) = &self.doc else { return };
                match quote_at(&doc.article.paragraphs, paragraph, start, end) {
                    Ok(quote) => self.selection = Some(quote),
                    Err(why) => self.notice = Some(why),
                }
            }
            Action::Unusable(why) => self.notice = Some(why),
            Action::ClearSelection => self.selection = None,
            Action::AddParty(party) => self.change(|doc| {
                if doc.parties.iter().any(|p| p.id == party.id) {
                    return Err(format!("There is a party with the id \"{}\" already.", party.id));
                }
                doc.parties.push(party);
                Ok(())
            }),
            Action::AddIssue(issue) => self.change(|doc| {
                if doc.issues.iter().any(|i| i.id == issue.id) {
                    return Err(format!("There is an issue with the id \"{}\" already.", issue.id));
                }
                doc.issues.push(issue);
                Ok(())
            }),
            Action::AddClaim(fields) => {
                let Some(quote) = self.selection.clone() else {
                    self.notice = Some("Select the words of the claim in the article first.".into());
                    return;
                };
                let mut added = None;
                self.change(|doc| {
                    let claim = claim_from(fields, quote, doc)?;
                    added = Some(claim.attribution.clone());
                    doc.claims.push(claim);
                    Ok(())
                });
                if added.is_some() {
                    self.last_attribution = added;
                    self.selection = None;
                }
            }
            Action::RemoveClaim(i) => self.change(|doc| {
                if i >= doc.claims.len() {
                    return Err("That claim is gone already.".into());
                }
                doc.claims.remove(i);
                Ok(())
            }),
            Action::StartOver => *self = EditorState::default(),
        }
    }

    fn start(&mut self, doc: Document) {
        self.doc = Some(doc);
        self.selection = None;
        self.refresh();
    }

    /// Changes the document, or says why not; the file and its check follow.
    fn change(&mut self, f: impl FnOnce(&mut Document) -> Result<(), String>) {
        let Some(doc) = &mut self.doc else {
            self.notice = Some("Start from an article first.".into());
            return;
        };
        match f(doc) {
            Ok(()) => self.refresh(),
            Err(why) => self.notice = Some(why),
        }
    }

    /// Writes the file and checks it, as the command would.
    fn refresh(&mut self) {
        let Some(doc) = &self.doc else { return };
        let file = write_claims_file(doc);
        self.check = check(&file);
        self.file = file.into();
    }

    /// The ids of the parties, then of the issues, of the file (none before starting).
    pub fn parties(&self) -> &[Party] {
        self.doc.as_ref().map_or(&[], |d| &d.parties)
    }

    pub fn issues(&self) -> &[Issue] {
        self.doc.as_ref().map_or(&[], |d| &d.issues)
    }
}

/// Checks a claims file's text as `claim-reader check` does, diagnostics in file order.
pub fn check(file: &str) -> Check {
    let (mut diagnostics, counts) = match Reader::from_json(file) {
        Ok(reader) => {
            let placed = reader.anchors.iter().filter(|a| a.is_some()).count();
            let d = &reader.doc;
            let counts = format!(
                "{}, {placed} placed, {}, {}",
                plural(d.claims.len(), "claim", "claims"),
                plural(d.parties.len(), "party", "parties"),
                plural(d.issues.len(), "issue", "issues")
            );
            (reader.warnings, Some(counts))
        }
        Err(diagnostics) => (diagnostics, None),
    };
    diagnostics.sort_by_key(|d| d.line_col);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let summary = match counts {
        Some(counts) if warnings == 0 => format!("ok — {counts}"),
        Some(counts) => format!("ok, {} — {counts}", plural(warnings, "warning", "warnings")),
        None if warnings == 0 => plural(errors, "error", "errors"),
        None => format!("{}, {}", plural(errors, "error", "errors"), plural(warnings, "warning", "warnings")),
    };
    Check { diagnostics, summary, errors }
}

/// A claims file opened: the document, and the warnings of the file that opening it leaves
/// behind (what the check says is ignored, such as an unknown field, is not kept).
#[derive(Debug)]
pub struct Opened {
    pub doc: Document,
    pub left_out: Vec<Diagnostic>,
}

/// Why a file does not open: the first problem the editor cannot keep (where and why), and
/// every problem of the file, as `claim-reader check` reports them.
#[derive(Debug)]
pub struct Refused {
    pub why: String,
    pub diagnostics: Vec<Diagnostic>,
}

/// Opens a claims file's text. A file that reads, even with errors, opens when the editor can
/// show each of its errors as the file has it: the file the editor writes from it has them all
/// (a claim naming a party no one declared, an id twice, a quote the article lacks). A file that
/// is no JSON, or that would have to change to open — a field missing, of the wrong kind, or a
/// word the format does not know, which the editor would have to fill in — opens nothing.
pub fn open(json: &str) -> Result<Opened, Refused> {
    let found = check(json);
    let refuse = |first: Option<&Diagnostic>| {
        let why = first.or_else(|| found.diagnostics.iter().find(|d| d.is_error())).map_or_else(
            || "it reads as no claims file.".to_string(),
            |d| {
                let at = d.line_col.map(|(line, column)| format!(" (line {line}, column {})", column.max(1))).unwrap_or_default();
                format!("{d}{at}")
            },
        );
        Refused { why, diagnostics: found.diagnostics.clone() }
    };
    let decoded = check_size(json).and_then(|()| parse_json(json)).ok().and_then(|value| decode_value(value).0);
    let Some(mut doc) = decoded else { return Err(refuse(None)) };
    doc.offsets = Default::default();
    let kept = check(&write_claims_file(&doc)).diagnostics;
    let same = |a: &Diagnostic, b: &Diagnostic| a.severity == b.severity && a.path == b.path && a.message == b.message;
    let lost: Vec<&Diagnostic> = found.diagnostics.iter().filter(|d| !kept.iter().any(|k| same(d, k))).collect();
    if let Some(error) = lost.iter().find(|d| d.is_error()) {
        return Err(refuse(Some(error)));
    }
    Ok(Opened { doc, left_out: lost.into_iter().cloned().collect() })
}

/// What opening a file says: that it replaced the one being written, and what it left out.
fn opened_notice(replaced: bool, left_out: &[Diagnostic]) -> Option<String> {
    let mut out = Vec::new();
    if replaced {
        out.push("The file opened in place of the article you were annotating.".to_string());
    }
    if !left_out.is_empty() {
        let each: Vec<String> = left_out.iter().map(ToString::to_string).collect();
        out.push(format!("Left out, as the check warned: {}.", each.join("; ")));
    }
    Some(out.join(" ")).filter(|s| !s.is_empty())
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The paragraphs of pasted text: split at blank lines, the lines of one paragraph joined with a
/// space, white space around each trimmed.
pub fn paragraphs_of(text: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// A new document from the start form, or what is missing.
pub fn document_from_text(fields: &ArticleFields) -> Result<Document, String> {
    let headline = fields.headline.trim();
    let paragraphs = paragraphs_of(&fields.text);
    match (headline.is_empty(), paragraphs.is_empty()) {
        (true, true) => return Err("Give the headline and paste the article's text.".into()),
        (true, false) => return Err("Give the article's headline.".into()),
        (false, true) => return Err("Paste the article's text: paragraphs separated by blank lines.".into()),
        (false, false) => {}
    }
    let given = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Document {
        article: Article {
            headline: headline.to_string(),
            author: given(&fields.author),
            publisher: given(&fields.publisher).map(|name| Publisher { name, url: None }),
            published: given(&fields.published),
            paragraphs,
            ..Default::default()
        },
        parties: Vec::new(),
        issues: Vec::new(),
        claims: Vec::new(),
        offsets: Default::default(),
    })
}

/// The quote for the words from `start` to `end` (UTF-16 units, as the DOM counts, in either
/// order) of paragraph `paragraph`: white space at its ends left out, `start` in code points (the
/// format's unit), and a prefix and suffix when the same words occur more than once in the
/// paragraph.
pub fn quote_at(paragraphs: &[String], paragraph: usize, start: usize, end: usize) -> Result<Quote, String> {
    let text = paragraphs.get(paragraph).ok_or_else(|| format!("There is no paragraph {}.", paragraph + 1))?;
    let (from, to) = (byte_at(text, start.min(end)), byte_at(text, start.max(end)));
    let selected = &text[from..to];
    let from = from + (selected.len() - selected.trim_start().len());
    let to = to - (selected.len() - selected.trim_end().len());
    if from >= to {
        return Err("Select some words: the selection holds no text.".into());
    }
    let exact = &text[from..to];
    let repeated = text.char_indices().filter(|&(i, _)| text[i..].starts_with(exact)).nth(1).is_some();
    let (prefix, suffix) = if repeated { (context_before(&text[..from]), context_after(&text[to..])) } else { (None, None) };
    Ok(Quote {
        exact: exact.to_string(),
        prefix,
        suffix,
        paragraph: Some(paragraph),
        start: Some(text[..from].chars().count()),
    })
}

/// The byte offset of UTF-16 offset `units` in `text`; inside a surrogate pair, the character's
/// end; past the end, the end.
fn byte_at(text: &str, units: usize) -> usize {
    let mut counted = 0;
    for (i, c) in text.char_indices() {
        if counted >= units {
            return i;
        }
        counted += c.len_utf16();
    }
    text.len()
}

/// Up to [`CONTEXT_CHARS`] characters just before a quote, from a word's start when cut.
fn context_before(text: &str) -> Option<String> {
    let n = text.chars().count();
    let mut context: String = text.chars().skip(n.saturating_sub(CONTEXT_CHARS)).collect();
    // Cut inside a word: start after its end.
    let cut_in_word = text.chars().rev().nth(CONTEXT_CHARS).is_some_and(|c| !c.is_whitespace());
    if cut_in_word && !context.starts_with(char::is_whitespace) {
        if let Some(space) = context.find(' ') {
            context = context[space + 1..].to_string();
        }
    }
    Some(context).filter(|c| !c.trim().is_empty())
}

/// Up to [`CONTEXT_CHARS`] characters just after a quote, to a word's end when cut.
fn context_after(text: &str) -> Option<String> {
    let mut context: String = text.chars().take(CONTEXT_CHARS).collect();
    let cut_in_word = text.chars().nth(CONTEXT_CHARS).is_some_and(|c| !c.is_whitespace());
    if cut_in_word && !context.ends_with(char::is_whitespace) {
        if let Some(space) = context.rfind(' ') {
            context.truncate(space);
        }
    }
    Some(context).filter(|c| !c.trim().is_empty())
}

/// An id from a name: ASCII letters and digits in lower case, anything else a hyphen, at most 40
/// characters; "x" when nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() { "x".to_string() } else { out.to_string() }
}

/// `base`, or `base-2`, `base-3`, … whichever is not taken.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !taken(id)).unwrap_or_default()
}

/// The id for a new party or issue: the one typed, checked, or one made from its name.
pub fn new_id(typed: &str, name: &str, taken: impl Fn(&str) -> bool) -> Result<String, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(unique_id(&slug(name), taken));
    }
    if !is_valid_id(typed) {
        return Err(format!(
            "\"{typed}\" cannot be an id: use ASCII letters, digits, -, _, . and :, starting with a letter or digit, at most 64."
        ));
    }
    if taken(typed) {
        return Err(format!("The id \"{typed}\" is taken already."));
    }
    Ok(typed.to_string())
}

/// What the claim form still lacks, as the labels of its fields.
pub fn missing(fields: &NewClaim) -> Vec<&'static str> {
    let blank = |s: &str| s.trim().is_empty();
    let mut out = Vec::new();
    if blank(&fields.party) {
        out.push("party");
    }
    if blank(&fields.issue) {
        out.push("issue");
    }
    if fields.stance.is_none() {
        out.push("stance");
    }
    if fields.certainty.is_none() {
        out.push("certainty");
    }
    if blank(&fields.summary) {
        out.push("summary");
    }
    if blank(&fields.reported_by) {
        out.push("reported by");
    }
    out
}

fn claim_from(fields: NewClaim, quote: Quote, doc: &Document) -> Result<Claim, String> {
    let lacking = missing(&fields);
    if !lacking.is_empty() {
        return Err(format!("Fill in: {}.", lacking.join(", ")));
    }
    if !doc.parties.iter().any(|p| p.id == fields.party) {
        return Err(format!("There is no party \"{}\".", fields.party));
    }
    if !doc.issues.iter().any(|i| i.id == fields.issue) {
        return Err(format!("There is no issue \"{}\".", fields.issue));
    }
    let given = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let id = unique_id(&format!("{}-{}", fields.party, fields.issue), |id| doc.claims.iter().any(|c| c.id == id));
    Ok(Claim {
        id,
        party: fields.party,
        issue: fields.issue,
        stance: fields.stance.unwrap_or_default(),
        quote,
        summary: fields.summary.trim().to_string(),
        attribution: Attribution {
            reported_by: fields.reported_by.trim().to_string(),
            basis: given(fields.basis),
            via: given(fields.via),
        },
        certainty: fields.certainty.unwrap_or_default(),
        hedge: given(fields.hedge),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn started(text: &str) -> EditorState {
        let mut state = EditorState::default();
        state.apply(Action::StartFromText(ArticleFields { headline: "Council splits".into(), text: text.into(), ..Default::default() }));
        assert_eq!(state.notice, None);
        state
    }

    /// UTF-16 offset of `needle`'s `nth` occurrence in `text`, as a DOM Range would give it.
    fn utf16_of(text: &str, needle: &str, nth: usize) -> (usize, usize) {
        let (at, _) = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle} in {text}"));
        let start = text[..at].encode_utf16().count();
        (start, start + needle.encode_utf16().count())
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_lines_join() {
        let text = "  First line\r\nstill first.\n\n\n  Second.  \n \t \nThird\n";
        assert_eq!(paragraphs_of(text), ["First line still first.", "Second.", "Third"]);
        assert!(paragraphs_of(" \n\n ").is_empty());
    }

    #[test]
    fn starting_needs_a_headline_and_text() {
        let mut state = EditorState::default();
        state.apply(Action::StartFromText(ArticleFields { text: "Body.".into(), ..Default::default() }));
        assert_eq!(state.notice.as_deref(), Some("Give the article's headline."));
        assert!(state.doc.is_none());
        let state = started("One.\n\nTwo.");
        assert_eq!(state.check.summary, "ok — 0 claims, 0 placed, 0 parties, 0 issues");
        assert!(state.file.contains("\"paragraphs\": [\n      \"One.\",\n      \"Two.\"\n    ]"), "{}", state.file);
    }

    #[test]
    fn a_selection_becomes_a_quote_in_code_points_trimmed() {
        // "Київ 🇺🇦" from docs/data-format.md: Cyrillic and a flag (two code points, four UTF-16 units).
        let p = "Київ 🇺🇦 said no, and Київ said no again".to_string();
        let (start, end) = utf16_of(&p, " Київ said", 0);
        let quote = quote_at(std::slice::from_ref(&p), 0, end, start).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(quote.exact, "Київ said");
        assert_eq!(quote.start, Some(21));
        assert_eq!(quote.paragraph, Some(0));
        assert_eq!(quote.prefix, None);
        assert_eq!(quote_at(std::slice::from_ref(&p), 0, 4, 5), Err("Select some words: the selection holds no text.".into()));
        assert!(quote_at(&[p], 3, 0, 1).is_err());
    }

    #[test]
    fn repeated_words_get_a_prefix_and_suffix() {
        let p = "The Greens said no to the tram, and the Liberals also said no to the plan as it stands today, they said.".to_string();
        let (start, end) = utf16_of(&p, "said no", 1);
        let quote = quote_at(std::slice::from_ref(&p), 0, start, end).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(quote.exact, "said no");
        assert_eq!(quote.prefix.as_deref(), Some("the tram, and the Liberals also "));
        assert_eq!(quote.suffix.as_deref(), Some(" to the plan as it stands today,"));
        // The reader places it on the second occurrence even without the position.
        let doc = started(&p).doc.unwrap_or_else(|| panic!("started"));
        let quote = Quote { start: None, paragraph: None, ..quote };
        let at = crate::anchor::AnchorIndex::new(&doc.article.paragraphs).anchor_quote(&quote);
        assert_eq!(at.map(|a| a.range.start), Ok(p.match_indices("said no").nth(1).map_or(0, |m| m.0)));
    }

    #[test]
    fn claims_made_from_selections_check_with_no_errors() {
        let p = "The Greens want the tram line built by 2030. The Liberals reject the plan as too costly.";
        let mut state = started(p);
        state.apply(Action::AddParty(Party { id: "greens".into(), name: "Green Party".into(), ..Default::default() }));
        state.apply(Action::AddIssue(Issue { id: "tram".into(), label: "Tram line".into(), description: "The tram line is built.".into() }));
        let form = NewClaim {
            party: "greens".into(),
            issue: "tram".into(),
            stance: Some(Stance::Demands),
            certainty: Some(Certainty::Certain),
            summary: "The Greens want the tram line built by 2030.".into(),
            reported_by: "City Herald".into(),
            ..Default::default()
        };
        state.apply(Action::AddClaim(form.clone()));
        assert_eq!(state.notice.as_deref(), Some("Select the words of the claim in the article first."));
        let (start, end) = utf16_of(p, "The Greens want the tram line built by 2030", 0);
        state.apply(Action::Select { paragraph: 0, start, end });
        state.apply(Action::AddClaim(NewClaim { summary: " ".into(), ..form.clone() }));
        assert_eq!(state.notice.as_deref(), Some("Fill in: summary."));
        state.apply(Action::AddClaim(form.clone()));
        assert_eq!(state.notice, None);
        assert_eq!(state.selection, None);
        assert_eq!(state.check.summary, "ok — 1 claim, 1 placed, 1 party, 1 issue");
        let (start, end) = utf16_of(p, "The Liberals reject", 0);
        state.apply(Action::Select { paragraph: 0, start, end });
        state.apply(Action::AddClaim(form));
        let doc = state.doc.clone().unwrap_or_else(|| panic!("started"));
        assert_eq!(doc.claims.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["greens-tram", "greens-tram-2"]);
        assert_eq!(doc.claims[1].quote.start, Some(45));
        assert_eq!(state.last_attribution.as_ref().map(|a| a.reported_by.as_str()), Some("City Herald"));
        // The file written is the one checked, and it reads back as this document.
        let back = Reader::from_json(&state.file).unwrap_or_else(|d| panic!("{d:?}"));
        assert_eq!(back.doc.claims, doc.claims);
        state.apply(Action::RemoveClaim(0));
        assert_eq!(state.check.summary, "ok — 1 claim, 1 placed, 1 party, 1 issue");
    }

    #[test]
    fn the_seed_opens_and_checks_as_the_command_does() {
        let mut state = EditorState::default();
        state.apply(Action::Open(crate::SEED_JSON.into()));
        assert_eq!(state.check.summary, "ok — 12 claims, 12 placed, 3 parties, 7 issues");
        state.apply(Action::Open("{".into()));
        assert!(state.notice.as_deref().is_some_and(|n| n.starts_with("The file could not be opened: error")), "{:?}", state.notice);
        assert_eq!(state.check.summary, "ok — 12 claims, 12 placed, 3 parties, 7 issues");
    }

    /// The seed as JSON, changed by `edit`.
    fn seed_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut seed: serde_json::Value = serde_json::from_str(crate::SEED_JSON).unwrap_or_else(|e| panic!("{e}"));
        edit(&mut seed);
        serde_json::to_string_pretty(&seed).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_file_whose_errors_the_editor_can_show_opens_with_them() {
        let mut state = EditorState::default();
        // A claim naming a party no one declared: written back as it is, so it opens and the
        // check says where.
        state.apply(Action::Open(seed_with(|s| s["claims"][3]["party"] = "moscow".into())));
        assert_eq!(state.notice, None);
        assert_eq!(state.doc.as_ref().map(|d| d.claims[3].party.as_str()), Some("moscow"));
        assert_eq!(state.check.errors, 1);
        let error = &state.check.diagnostics[0];
        assert_eq!((error.path.as_str(), error.message.as_str()), ("claims[3].party", "unknown party \"moscow\""));
        assert!(error.line_col.is_some());
        // A quote the article lacks: a warning, and the claim is kept.
        state.apply(Action::Open(seed_with(|s| s["claims"][0]["quote"]["exact"] = "words the article lacks".into())));
        assert_eq!(state.notice.as_deref(), Some("The file opened in place of the article you were annotating."));
        assert_eq!(state.check.errors, 0);
        assert_eq!(state.check.diagnostics.iter().map(|d| d.path.as_str()).collect::<Vec<_>>(), ["claims[0].quote.exact"]);
    }

    #[test]
    fn a_file_that_would_change_to_open_opens_nothing_and_says_why() {
        let mut state = EditorState::default();
        state.apply(Action::Open(crate::SEED_JSON.into()));
        let before = state.file.clone();
        // A missing stance: opening would have to pick one.
        state.apply(Action::Open(seed_with(|s| {
            if let Some(claim) = s["claims"][2].as_object_mut() {
                claim.remove("stance");
            }
        })));
        let notice = state.notice.clone().unwrap_or_default();
        assert!(
            notice.starts_with("The file could not be opened: error at claims[2].stance: missing required field \"stance\" in claims[2] (line "),
            "{notice}"
        );
        assert_eq!(state.refused.len(), 1);
        assert_eq!(state.file, before, "the file being written is kept");
        // An unknown stance, and JSON that ends early: the command's words, line and column.
        state.apply(Action::Open(seed_with(|s| s["claims"][0]["stance"] = "wants".into())));
        assert!(state.notice.as_deref().is_some_and(|n| n.contains("claims[0].stance: unknown stance \"wants\"")), "{:?}", state.notice);
        state.apply(Action::Open("{\n  \"format\": ".into()));
        let notice = state.notice.clone().unwrap_or_default();
        assert!(notice.starts_with("The file could not be opened: error: not valid JSON") && notice.ends_with("(line 2, column 13)"), "{notice}");
        assert_eq!(state.refused.len(), 1);
        // The next action clears them.
        state.apply(Action::ClearSelection);
        assert!(state.refused.is_empty());
        assert_eq!(state.file, before);
    }

    #[test]
    fn what_the_check_says_is_ignored_is_left_out_and_said() {
        let mut state = EditorState::default();
        state.apply(Action::Open(seed_with(|s| s["claims"][1]["colour"] = "red".into())));
        assert_eq!(state.check.summary, "ok — 12 claims, 12 placed, 3 parties, 7 issues");
        let notice = state.notice.clone().unwrap_or_default();
        assert_eq!(notice, "Left out, as the check warned: warning at claims[1].colour: unknown field \"colour\", ignored (expected one of: id, party, issue, stance, quote, summary, attribution, certainty, hedge).");
    }

    #[test]
    fn ids_are_made_from_names_and_never_taken_twice() {
        assert_eq!(slug("United States"), "united-states");
        assert_eq!(slug("  Ükraine's army!  "), "kraine-s-army");
        assert_eq!(slug("Київ"), "x");
        let taken = |id: &str| id == "us" || id == "us-2";
        assert_eq!(unique_id("us", taken), "us-3");
        assert_eq!(new_id("", "US", taken), Ok("us-3".into()));
        assert_eq!(new_id("ru", "Russia", taken), Ok("ru".into()));
        assert!(new_id("us", "US", taken).is_err());
        assert!(new_id("no spaces", "x", taken).is_err());
    }
}
