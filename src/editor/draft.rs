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
use crate::export::import::Imported;
use crate::export::{csv_import, w3c};
use crate::reader::Reader;

/// How much context a quote gets before and after when its words occur more than once.
const CONTEXT_CHARS: usize = 32;

/// How many changes can be undone; the oldest go first.
pub const HISTORY_LIMIT: usize = 200;

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
    /// The id of the claim the form edits (its words are `selection`); `None` for a new claim.
    pub editing: Option<String>,
    /// The file before each change, newest last, with what the change was; bounded by
    /// [`HISTORY_LIMIT`].
    pub past: Vec<Step>,
    /// The changes undone, most recently undone last; any new change clears them.
    pub future: Vec<Step>,
    /// What was just done that the page does not show by itself ("Undid: add claim us-crimea").
    pub said: Option<String>,
    /// Why the work is not being saved in the browser, while that lasts.
    pub storage_warning: Option<String>,
    /// A saved draft that could not be read back: why, and its text, for the editor to keep.
    pub unreadable_draft: Option<(String, Rc<str>)>,
    /// The work saved in the browser on an earlier visit, offered until it is restored,
    /// discarded, or replaced by an article started or a file opened.
    pub offered: Option<Offered>,
    /// Every problem of the last file that could not be opened, as the command reports them.
    pub refused: Vec<Diagnostic>,
}

/// Work saved in the browser, offered back: the document, and when it was saved.
#[derive(Clone, Debug, PartialEq)]
pub struct Offered {
    pub doc: Document,
    /// As the editor reads times: "30 Nov, 23:10".
    pub when: String,
}

/// One change in the history: the document on the other side of it, and what it was. Shared
/// (`Rc`), since the reducer clones the state on every action, history and all.
#[derive(Clone, Debug)]
pub struct Step {
    pub doc: Option<Rc<Document>>,
    /// "add claim us-crimea", "delete party Russia and 3 claims".
    pub what: String,
}

impl PartialEq for Step {
    /// The same step, as the reducer's clone keeps it, is the same without comparing documents.
    fn eq(&self, other: &Self) -> bool {
        self.what == other.what
            && match (&self.doc, &other.doc) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b) || a == b,
                (a, b) => a.is_none() && b.is_none(),
            }
    }
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

/// Another tool's format that carries claims but not the article they stand on.
#[derive(Clone, Copy)]
enum Foreign {
    Annotations,
    ClaimsCsv,
}

impl Foreign {
    /// What it is, in a sentence, and its short name.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Foreign::Annotations => ("a collection of W3C Web Annotations", "annotations"),
            Foreign::ClaimsCsv => ("a claims CSV", "CSV"),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Starts a new file from pasted text.
    StartFromText(ArticleFields),
    /// Opens a claims file (JSON text), e.g. the seed; or W3C Web Annotations (JSON-LD) over the
    /// article open, in place of its claims.
    Open(String),
    /// Opens a claims CSV (as `claim-reader export --to csv-claims` writes it, or a spreadsheet
    /// saves it again) over the article open, in place of its claims.
    OpenClaimsCsv(String),
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
    /// Opens the claim form on claim `id`, its words selected.
    StartEdit(String),
    /// Changes claim `id` (being edited) to these fields and the words selected; its id stays.
    EditClaim { id: String, fields: NewClaim },
    /// Changes the party whose id is `was`: name, short name, aliases, and its id, which the
    /// claims about it follow.
    EditParty { was: String, party: Party },
    /// Changes the issue whose id is `was`: label, description, and its id, which the claims on
    /// it follow.
    EditIssue { was: String, issue: Issue },
    /// Deletes a party and every claim about it.
    RemoveParty(String),
    /// Deletes an issue and every claim on it.
    RemoveIssue(String),
    Undo,
    Redo,
    /// The draft saved in the browser, read back, and when it was saved (as the editor reads
    /// times): offered on the start, to restore or discard.
    Offer { doc: Box<Document>, when: String },
    /// Opens the draft offered; not a change that can be undone.
    Restore,
    /// Lets the draft offered go.
    DiscardDraft,
    /// A saved draft that could not be read back: why, and its text.
    DraftUnreadable { why: String, text: String },
    DismissDraft,
    /// How saving the file in the browser went: `Err` says why the work is not being saved.
    Saved(Result<(), String>),
    StartOver,
}

impl EditorState {
    /// Applies one action. Whatever cannot be done leaves the file as it was and says why in
    /// `notice`.
    pub fn apply(&mut self, action: Action) {
        // Saving runs after every change and must not hide what the change said.
        if let Action::Saved(result) = action {
            self.storage_warning = result.err();
            return;
        }
        self.notice = None;
        self.said = None;
        self.refused.clear();
        match action {
            Action::StartFromText(fields) => match document_from_text(&fields) {
                Ok(doc) => {
                    self.record("start from pasted text".into());
                    self.start(doc);
                }
                Err(why) => self.notice = Some(why),
            },
            Action::Open(json) if w3c::is_collection(&json) => self.open_over_article(Foreign::Annotations, |doc| w3c::import(&json, doc)),
            Action::OpenClaimsCsv(text) => self.open_over_article(Foreign::ClaimsCsv, |doc| csv_import::import(&text, doc)),
            Action::Open(json) => match open(&json) {
                Ok(Opened { doc, left_out }) => {
                    let replaced = self.doc.is_some();
                    self.last_attribution = doc.claims.last().map(|c| c.attribution.clone());
                    self.record(format!("open \"{}\"", doc.article.headline));
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
            Action::ClearSelection => {
                self.selection = None;
                self.editing = None;
            }
            Action::AddParty(party) => self.change(format!("add party {}", party.name), |doc| {
                if doc.parties.iter().any(|p| p.id == party.id) {
                    return Err(format!("There is a party with the id \"{}\" already.", party.id));
                }
                doc.parties.push(party);
                Ok(())
            }),
            Action::AddIssue(issue) => self.change(format!("add issue {}", issue.label), |doc| {
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
                self.change_saying(|doc| {
                    let claim = claim_from(fields, quote, doc)?;
                    added = Some(claim.attribution.clone());
                    let what = format!("add claim {}", claim.id);
                    doc.claims.push(claim);
                    Ok(what)
                });
                if added.is_some() {
                    self.last_attribution = added;
                    self.selection = None;
                }
            }
            Action::RemoveClaim(i) => {
                self.change_saying(|doc| {
                    if i >= doc.claims.len() {
                        return Err("That claim is gone already.".into());
                    }
                    Ok(format!("remove claim {}", doc.claims.remove(i).id))
                });
                self.forget_edit_if_gone();
            }
            Action::StartEdit(id) => {
                let Some(doc) = &self.doc else { return };
                let Some(claim) = doc.claims.iter().find(|c| c.id == id) else {
                    self.notice = Some(format!("There is no claim \"{id}\" to edit."));
                    return;
                };
                let mut quote = claim.quote.clone();
                // A file may leave the paragraph out; the form opens under the words wherever
                // the reader places them.
                if quote.paragraph.is_none() {
                    if let Ok(at) = crate::anchor::anchor_quote(&doc.article.paragraphs, &quote) {
                        quote.paragraph = Some(at.paragraph);
                    }
                }
                if quote.paragraph.is_none() {
                    self.notice = Some(format!("The words of claim \"{id}\" are not in the article, so its form cannot open beside them."));
                    return;
                }
                self.selection = Some(quote);
                self.editing = Some(id);
            }
            Action::EditClaim { id, fields } => {
                let quote = self.selection.clone();
                let mut done = false;
                self.change(format!("edit claim {id}"), |doc| {
                    let i = doc.claims.iter().position(|c| c.id == id).ok_or_else(|| format!("There is no claim \"{id}\" any more."))?;
                    let old = &doc.claims[i];
                    let mut claim = claim_from(fields, quote.unwrap_or_else(|| old.quote.clone()), doc)?;
                    claim.id = id.clone();
                    doc.claims[i] = claim;
                    done = true;
                    Ok(())
                });
                if done {
                    self.editing = None;
                    self.selection = None;
                }
            }
            Action::EditParty { was, party } => self.change_saying(|doc| {
                let at = doc.parties.iter().position(|p| p.id == was).ok_or_else(|| format!("There is no party \"{was}\" any more."))?;
                let mut party = party_checked(party)?;
                party.id = renamed_id(&party.id, &was, |id| doc.parties.iter().any(|p| p.id == id))?;
                let what = edited("party", &party.name, &was, &party.id, doc.claims.iter_mut().map(|c| &mut c.party));
                doc.parties[at] = party;
                Ok(what)
            }),
            Action::EditIssue { was, issue } => self.change_saying(|doc| {
                let at = doc.issues.iter().position(|i| i.id == was).ok_or_else(|| format!("There is no issue \"{was}\" any more."))?;
                let mut issue = issue_checked(issue)?;
                issue.id = renamed_id(&issue.id, &was, |id| doc.issues.iter().any(|i| i.id == id))?;
                let what = edited("issue", &issue.label, &was, &issue.id, doc.claims.iter_mut().map(|c| &mut c.issue));
                doc.issues[at] = issue;
                Ok(what)
            }),
            Action::RemoveParty(id) => {
                self.change_saying(|doc| {
                    let i = doc.parties.iter().position(|p| p.id == id).ok_or_else(|| format!("There is no party \"{id}\" any more."))?;
                    let gone = doc.parties.remove(i);
                    let before = doc.claims.len();
                    doc.claims.retain(|c| c.party != id);
                    Ok(removed("party", &gone.name, before - doc.claims.len()))
                });
                self.forget_edit_if_gone();
            }
            Action::RemoveIssue(id) => {
                self.change_saying(|doc| {
                    let i = doc.issues.iter().position(|s| s.id == id).ok_or_else(|| format!("There is no issue \"{id}\" any more."))?;
                    let gone = doc.issues.remove(i);
                    let before = doc.claims.len();
                    doc.claims.retain(|c| c.issue != id);
                    Ok(removed("issue", &gone.label, before - doc.claims.len()))
                });
                self.forget_edit_if_gone();
            }
            Action::Undo => self.travel(true),
            Action::Redo => self.travel(false),
            Action::Offer { doc, when } => self.offered = Some(Offered { doc: *doc, when }),
            Action::Restore => {
                let Some(Offered { doc, when }) = self.offered.take() else { return };
                self.last_attribution = doc.claims.last().map(|c| c.attribution.clone());
                self.start(doc);
                self.said = Some(format!("Restored your unsaved work from {when}."));
            }
            Action::DiscardDraft => {
                if let Some(Offered { when, .. }) = self.offered.take() {
                    self.said = Some(format!("Discarded the unsaved work from {when}."));
                }
            }
            Action::DraftUnreadable { why, text } => self.unreadable_draft = Some((why, text.into())),
            Action::DismissDraft => self.unreadable_draft = None,
            Action::Saved(_) => {}
            Action::StartOver => {
                if self.doc.is_some() {
                    self.record("start over".into());
                }
                self.doc = None;
                self.file = "".into();
                self.check = Check::default();
                self.selection = None;
                self.editing = None;
                self.last_attribution = None;
            }
        }
    }

    /// Keeps the document as it is now in the history, before a change called `what`; a new
    /// change means the changes undone cannot be redone.
    fn record(&mut self, what: String) {
        self.past.push(Step { doc: self.doc.clone().map(Rc::new), what });
        if self.past.len() > HISTORY_LIMIT {
            self.past.remove(0);
        }
        self.future.clear();
    }

    /// Undoes the last change (`back`) or redoes the last undone one, and says which.
    fn travel(&mut self, back: bool) {
        let (from, to) = if back { (&mut self.past, &mut self.future) } else { (&mut self.future, &mut self.past) };
        let Some(step) = from.pop() else {
            self.notice = Some(if back { "Nothing to undo." } else { "Nothing to redo." }.into());
            return;
        };
        let current = std::mem::replace(&mut self.doc, step.doc.map(Rc::unwrap_or_clone)).map(Rc::new);
        self.said = Some(format!("{}: {}", if back { "Undid" } else { "Redid" }, step.what));
        to.push(Step { doc: current, what: step.what });
        // A selection in another article, or the form of a claim no longer there, goes.
        let same_article = |a: &Option<Document>, q: &Quote| {
            a.as_ref().is_some_and(|d| q.paragraph.and_then(|p| d.article.paragraphs.get(p)).is_some())
        };
        if self.selection.as_ref().is_some_and(|q| !same_article(&self.doc, q)) {
            self.selection = None;
        }
        self.forget_edit_if_gone();
        match &self.doc {
            Some(_) => self.refresh(),
            None => {
                self.file = "".into();
                self.check = Check::default();
            }
        }
    }

    /// Closes the form of a claim that is no longer in the file.
    fn forget_edit_if_gone(&mut self) {
        let Some(id) = &self.editing else { return };
        if !self.doc.as_ref().is_some_and(|d| d.claims.iter().any(|c| &c.id == id)) {
            self.editing = None;
            self.selection = None;
        }
    }

    /// The ids of the claims about party `id`, in file order.
    pub fn claims_of_party(&self, id: &str) -> Vec<String> {
        self.doc.as_ref().map_or_else(Vec::new, |d| d.claims.iter().filter(|c| c.party == id).map(|c| c.id.clone()).collect())
    }

    /// The ids of the claims on issue `id`, in file order.
    pub fn claims_on_issue(&self, id: &str) -> Vec<String> {
        self.doc.as_ref().map_or_else(Vec::new, |d| d.claims.iter().filter(|c| c.issue == id).map(|c| c.id.clone()).collect())
    }

    fn start(&mut self, doc: Document) {
        // Whatever was offered is replaced, as the next save will replace it in the browser.
        self.offered = None;
        self.doc = Some(doc);
        self.selection = None;
        self.editing = None;
        self.refresh();
    }

    /// Changes the document, or says why not; the file and its check follow, and the change,
    /// called `what`, can be undone. A change that changes nothing is not kept.
    fn change(&mut self, what: String, f: impl FnOnce(&mut Document) -> Result<(), String>) {
        self.change_saying(|doc| f(doc).map(|()| what));
    }

    /// As [`Self::change`], the change naming itself once made.
    fn change_saying(&mut self, f: impl FnOnce(&mut Document) -> Result<String, String>) {
        let Some(doc) = &self.doc else {
            self.notice = Some("Start from an article first.".into());
            return;
        };
        let mut next = doc.clone();
        match f(&mut next) {
            Ok(_) if Some(&next) == self.doc.as_ref() => {}
            Ok(what) => {
                self.record(what);
                self.doc = Some(next);
                self.refresh();
            }
            Err(why) => self.notice = Some(why),
        }
    }

    /// Reads claims from another tool's format (`from`) over the article being annotated, in
    /// place of its claims: one change, which Undo takes back. Those formats carry no article
    /// text, so without an article nothing opens.
    fn open_over_article(&mut self, from: Foreign, read: impl FnOnce(&Document) -> Result<Imported, Vec<Diagnostic>>) {
        let (what, name) = from.words();
        let Some(doc) = &self.doc else {
            self.notice = Some(format!(
                "This is {what}, which carries no article text: start from the article (or open its claims file) first, then open it over it."
            ));
            return;
        };
        match read(doc) {
            Ok(imported) => {
                let (claims, placed) = (imported.doc.claims.len(), imported.placed);
                self.change_saying(|d| {
                    *d = imported.doc;
                    Ok(format!("open {name}: {}, {placed} placed", plural(claims, "claim", "claims")))
                });
                let warned: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
                if !warned.is_empty() {
                    self.notice = Some(format!("The {name} opened in place of the claims, with warnings: {}.", warned.join("; ")));
                }
            }
            Err(diagnostics) => {
                let first = diagnostics.iter().find(|d| d.is_error()).or(diagnostics.first());
                let why = first.map_or_else(|| format!("it reads as no {name}."), said_at);
                self.notice = Some(format!("The {name} could not be opened: {why}"));
                self.refused = diagnostics;
            }
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
        let why = first.or_else(|| found.diagnostics.iter().find(|d| d.is_error())).map_or_else(|| "it reads as no claims file.".to_string(), said_at);
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

/// A problem as a notice says it: the message, then where it stands in the file.
fn said_at(d: &Diagnostic) -> String {
    let at = d.line_col.map(|(line, column)| format!(" (line {line}, column {})", column.max(1))).unwrap_or_default();
    format!("{d}{at}")
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
    typed_id(typed, taken)
}

/// The id of a party or issue being edited: `was`, or the one typed in its place, checked.
pub fn renamed_id(typed: &str, was: &str, taken: impl Fn(&str) -> bool) -> Result<String, String> {
    match typed.trim() {
        "" => Err("Give the id: claims refer to it.".into()),
        same if same == was => Ok(was.to_string()),
        typed => typed_id(typed, taken),
    }
}

/// An id typed by hand, if it is one and no other party or issue has it.
fn typed_id(typed: &str, taken: impl Fn(&str) -> bool) -> Result<String, String> {
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

/// Moves the claims' references from `was` to `id`, and says the change as the history does:
/// "edit party Russia", or "edit party Russia, its id russia → ru and 2 claims with it".
fn edited<'a>(kind: &str, name: &str, was: &str, id: &str, refs: impl Iterator<Item = &'a mut String>) -> String {
    if was == id {
        return format!("edit {kind} {name}");
    }
    let mut moved = 0;
    for r in refs.filter(|r| r.as_str() == was) {
        *r = id.to_string();
        moved += 1;
    }
    match moved {
        0 => format!("edit {kind} {name}, its id {was} → {id}"),
        n => format!("edit {kind} {name}, its id {was} → {id} and {} with it", plural(n, "claim", "claims")),
    }
}

/// How a deletion is said in the history: "delete party Russia and 3 claims".
fn removed(kind: &str, name: &str, claims: usize) -> String {
    match claims {
        0 => format!("delete {kind} {name}"),
        n => format!("delete {kind} {name} and {}", plural(n, "claim", "claims")),
    }
}

/// The question asked before deleting a party or issue that claims use ("3 claims use Russia:
/// ru-demilitarize, ru-recognition, ru-crimea. Delete the party and these claims?"); `None` when
/// no claim uses it.
pub fn deletion_question(kind: &str, name: &str, claims: &[String]) -> Option<String> {
    let (uses, these) = match claims.len() {
        0 => return None,
        1 => ("1 claim uses".to_string(), "this claim"),
        n => (format!("{n} claims use"), "these claims"),
    };
    Some(format!("{uses} {name}: {}. Delete the {kind} and {these}?", claims.join(", ")))
}

/// Aliases as typed, one a line: trimmed, blank lines and repeats left out.
pub fn aliases_of(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for alias in text.lines().map(str::trim).filter(|a| !a.is_empty()) {
        if !out.iter().any(|a| a == alias) {
            out.push(alias.to_string());
        }
    }
    out
}

/// A party as edited, trimmed, or what it lacks.
fn party_checked(party: Party) -> Result<Party, String> {
    let name = party.name.trim().to_string();
    if name.is_empty() {
        return Err("Give the party's name.".into());
    }
    let short_name = party.short_name.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let aliases = aliases_of(&party.aliases.join("\n"));
    Ok(Party { id: party.id, name, short_name, aliases })
}

/// An issue as edited, trimmed, or what it lacks.
fn issue_checked(issue: Issue) -> Result<Issue, String> {
    let (label, description) = (issue.label.trim().to_string(), issue.description.trim().to_string());
    if label.is_empty() || description.is_empty() {
        return Err("Give the issue's label and description.".into());
    }
    Ok(Issue { id: issue.id, label, description })
}

/// The claim form's fields for a claim already made, to edit it.
pub fn fields_of(claim: &Claim) -> NewClaim {
    NewClaim {
        party: claim.party.clone(),
        issue: claim.issue.clone(),
        stance: Some(claim.stance),
        certainty: Some(claim.certainty),
        hedge: claim.hedge.clone().unwrap_or_default(),
        summary: claim.summary.clone(),
        reported_by: claim.attribution.reported_by.clone(),
        basis: claim.attribution.basis.clone().unwrap_or_default(),
        via: claim.attribution.via.clone().unwrap_or_default(),
    }
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

    fn seed() -> EditorState {
        let mut state = EditorState::default();
        state.apply(Action::Open(crate::SEED_JSON.into()));
        assert_eq!(state.notice, None);
        state
    }

    fn claim_ids(state: &EditorState) -> Vec<String> {
        state.doc.as_ref().map_or_else(Vec::new, |d| d.claims.iter().map(|c| c.id.clone()).collect())
    }

    #[test]
    fn a_claim_edited_keeps_its_id_and_takes_the_new_words() {
        let mut state = seed();
        let doc = state.doc.clone().unwrap_or_else(|| panic!("opened"));
        let claim = doc.claims.iter().find(|c| c.id == "us-crimea").cloned().unwrap_or_else(|| panic!("us-crimea"));
        state.apply(Action::StartEdit("us-crimea".into()));
        assert_eq!(state.editing.as_deref(), Some("us-crimea"));
        assert_eq!(state.selection.as_ref(), Some(&claim.quote));
        // Other words of the same paragraph, and another party, stance and summary.
        let p = claim.quote.paragraph.unwrap_or_else(|| panic!("paragraph"));
        let text = &doc.article.paragraphs[p];
        let words = claim.quote.exact.split(' ').take(3).collect::<Vec<_>>().join(" ");
        let (start, end) = utf16_of(text, &words, 0);
        state.apply(Action::Select { paragraph: p, start, end });
        let fields = NewClaim { party: "russia".into(), stance: Some(Stance::Rejects), summary: "Changed.".into(), ..fields_of(&claim) };
        state.apply(Action::EditClaim { id: "us-crimea".into(), fields });
        assert_eq!(state.notice, None);
        assert_eq!((state.editing.as_ref(), state.selection.as_ref()), (None, None), "the form closes");
        let after = state.doc.as_ref().and_then(|d| d.claims.iter().find(|c| c.id == "us-crimea")).cloned().unwrap_or_else(|| panic!("kept"));
        assert_eq!((after.party.as_str(), after.stance, after.summary.as_str(), after.quote.exact.as_str()), ("russia", Stance::Rejects, "Changed.", words.as_str()));
        assert_eq!(claim_ids(&state).len(), 12);
        assert_eq!(state.check.errors, 0, "{:?}", state.check);
        assert_eq!(state.past.last().map(|s| s.what.as_str()), Some("edit claim us-crimea"));
        // A form left blank is refused, and the claim stays as it was.
        state.apply(Action::StartEdit("us-crimea".into()));
        state.apply(Action::EditClaim { id: "us-crimea".into(), fields: NewClaim { summary: String::new(), ..fields_of(&after) } });
        assert_eq!(state.notice.as_deref(), Some("Fill in: summary."));
        assert_eq!(state.editing.as_deref(), Some("us-crimea"));
        state.apply(Action::StartEdit("nobody".into()));
        assert_eq!(state.notice.as_deref(), Some("There is no claim \"nobody\" to edit."));
    }

    #[test]
    fn parties_and_issues_edited_keep_their_ids() {
        let mut state = seed();
        let edited = Party { id: "russia".into(), name: " Russian Federation ".into(), short_name: Some(" ".into()), aliases: vec!["Moscow".into(), " Kremlin ".into(), "Moscow".into(), "".into()] };
        state.apply(Action::EditParty { was: "russia".into(), party: edited });
        assert_eq!(state.notice, None);
        let party = state.parties().iter().find(|p| p.id == "russia").cloned().unwrap_or_else(|| panic!("russia kept"));
        assert_eq!(party, Party { id: "russia".into(), name: "Russian Federation".into(), short_name: None, aliases: vec!["Moscow".into(), "Kremlin".into()] });
        assert!(state.file.contains("\"aliases\": [\n        \"Moscow\",\n        \"Kremlin\"\n      ]"), "{}", state.file);
        assert_eq!(state.claims_of_party("russia"), ["ru-demilitarize", "ru-recognition"]);
        assert_eq!(state.check.errors, 0);
        state.apply(Action::EditParty { was: "russia".into(), party: Party { id: "russia".into(), name: "  ".into(), ..Default::default() } });
        assert_eq!(state.notice.as_deref(), Some("Give the party's name."));
        let issue = state.issues()[0].clone();
        state.apply(Action::EditIssue { was: issue.id.clone(), issue: Issue { label: "Renamed".into(), ..issue.clone() } });
        assert_eq!(state.issues()[0], Issue { label: "Renamed".into(), ..issue.clone() });
        state.apply(Action::EditIssue { was: issue.id.clone(), issue: Issue { description: "".into(), ..issue } });
        assert_eq!(state.notice.as_deref(), Some("Give the issue's label and description."));
        let history: Vec<&str> = state.past.iter().map(|s| s.what.as_str()).collect();
        assert_eq!(history, ["open \"US to push Russia to accept Ukraine's military rights in peace talks: Report\"", "edit party Russian Federation", "edit issue Renamed"]);
    }

    #[test]
    fn web_annotations_open_over_the_article_in_place_of_its_claims() {
        let reader = Reader::from_json(crate::SEED_JSON).unwrap_or_else(|_| panic!("the seed reads"));
        let annotations = crate::export::w3c::collection(&reader);
        let seed_claims = reader.doc.claims.clone();

        // With no article, annotations have nothing to stand on.
        let mut empty = EditorState::default();
        empty.apply(Action::Open(annotations.clone()));
        assert!(empty.doc.is_none());
        assert!(empty.notice.as_deref().is_some_and(|n| n.starts_with("This is a collection of W3C Web Annotations, which carries no article text")), "{:?}", empty.notice);

        let mut state = seed();
        for _ in 0..5 {
            state.apply(Action::RemoveClaim(0));
        }
        assert_eq!(claim_ids(&state).len(), 7);
        state.apply(Action::Open(annotations.clone()));
        assert_eq!(state.notice, None);
        let claims = state.doc.as_ref().map(|d| d.claims.clone()).unwrap_or_default();
        assert_eq!(claims.iter().map(|c| &c.id).collect::<Vec<_>>(), seed_claims.iter().map(|c| &c.id).collect::<Vec<_>>());
        for (got, want) in claims.iter().zip(&seed_claims) {
            assert_eq!((&got.party, &got.issue, got.stance, &got.quote.exact, &got.summary), (&want.party, &want.issue, want.stance, &want.quote.exact, &want.summary));
        }
        assert_eq!(state.check.errors, 0);
        assert_eq!(state.past.last().map(|s| s.what.as_str()), Some("open annotations: 12 claims, 12 placed"));
        state.apply(Action::Undo);
        assert_eq!(claim_ids(&state).len(), 7, "one undo puts the claims back as they were");

        // Annotations naming a party the article has not: nothing changes, and the notice says
        // what and where.
        let broken = annotations.replacen("\"party\": \"us\"", "\"party\": \"usa\"", 1);
        state.apply(Action::Open(broken));
        assert_eq!(claim_ids(&state).len(), 7);
        let notice = state.notice.clone().unwrap_or_default();
        assert!(notice.starts_with("The annotations could not be opened: ") && notice.contains("usa") && notice.contains("(line "), "{notice}");
        assert!(!state.refused.is_empty());
    }

    #[test]
    fn a_claims_csv_opens_over_the_article_in_place_of_its_claims() {
        let reader = Reader::from_json(crate::SEED_JSON).unwrap_or_else(|_| panic!("the seed reads"));
        let csv = crate::export::csv::claims(&reader);

        let mut empty = EditorState::default();
        empty.apply(Action::OpenClaimsCsv(csv.clone()));
        assert!(empty.doc.is_none());
        assert!(empty.notice.as_deref().is_some_and(|n| n.starts_with("This is a claims CSV, which carries no article text")), "{:?}", empty.notice);

        let mut state = seed();
        state.apply(Action::RemoveClaim(3));
        state.apply(Action::OpenClaimsCsv(csv.clone()));
        assert_eq!(state.notice, None);
        assert_eq!(claim_ids(&state), reader.doc.claims.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
        assert_eq!(state.past.last().map(|s| s.what.as_str()), Some("open CSV: 12 claims, 12 placed"));

        let broken = csv.replacen(",demands,", ",demand,", 1);
        state.apply(Action::OpenClaimsCsv(broken));
        let notice = state.notice.clone().unwrap_or_default();
        assert!(notice.starts_with("The CSV could not be opened: ") && notice.contains("\"demand\"") && notice.contains("(line 2, column "), "{notice}");
        assert_eq!(claim_ids(&state).len(), 12, "nothing changed");
    }

    #[test]
    fn a_party_or_issue_renamed_takes_its_claims_with_it_in_one_change() {
        let mut state = seed();
        let russia = state.parties().iter().find(|p| p.id == "russia").cloned().unwrap_or_else(|| panic!("russia"));
        state.apply(Action::EditParty { was: "russia".into(), party: Party { id: " ru ".into(), ..russia.clone() } });
        assert_eq!(state.notice, None);
        assert!(state.parties().iter().any(|p| p.id == "ru") && !state.parties().iter().any(|p| p.id == "russia"));
        assert_eq!(state.claims_of_party("ru"), ["ru-demilitarize", "ru-recognition"]);
        assert!(state.claims_of_party("russia").is_empty());
        assert_eq!(state.check.errors, 0, "the file still checks: {:?}", state.check);
        assert_eq!(state.past.last().map(|s| s.what.as_str()), Some("edit party Russia, its id russia → ru and 2 claims with it"));
        state.apply(Action::Undo);
        assert_eq!(state.claims_of_party("russia"), ["ru-demilitarize", "ru-recognition"], "one undo puts both back");

        let issue = state.issues()[0].clone();
        let taken = state.issues()[1].id.clone();
        state.apply(Action::EditIssue { was: issue.id.clone(), issue: Issue { id: taken.clone(), ..issue.clone() } });
        assert_eq!(state.notice, Some(format!("The id \"{taken}\" is taken already.")));
        state.apply(Action::EditIssue { was: issue.id.clone(), issue: Issue { id: "two words".into(), ..issue.clone() } });
        assert!(state.notice.as_deref().is_some_and(|n| n.starts_with("\"two words\" cannot be an id")), "{:?}", state.notice);
        state.apply(Action::EditIssue { was: issue.id.clone(), issue: Issue { id: "  ".into(), ..issue.clone() } });
        assert_eq!(state.notice.as_deref(), Some("Give the id: claims refer to it."));
        assert_eq!(state.issues()[0], issue, "refused changes leave the issue as it was");
    }

    #[test]
    fn deleting_a_party_or_issue_takes_its_claims_and_asks_first() {
        let mut state = seed();
        let users = state.claims_of_party("russia");
        assert_eq!(users, ["ru-demilitarize", "ru-recognition"]);
        assert_eq!(
            deletion_question("party", "Russia", &users).as_deref(),
            Some("2 claims use Russia: ru-demilitarize, ru-recognition. Delete the party and these claims?")
        );
        assert_eq!(deletion_question("issue", "Crimea", &["us-crimea".into()]).as_deref(), Some("1 claim uses Crimea: us-crimea. Delete the issue and this claim?"));
        assert_eq!(deletion_question("issue", "Crimea", &[]), None);
        state.apply(Action::StartEdit(users[0].clone()));
        state.apply(Action::RemoveParty("russia".into()));
        assert_eq!(state.notice, None);
        assert!(state.parties().iter().all(|p| p.id != "russia"));
        assert!(claim_ids(&state).iter().all(|id| !users.contains(id)));
        assert_eq!(claim_ids(&state).len(), 12 - users.len());
        assert_eq!((state.editing.as_ref(), state.selection.as_ref()), (None, None), "the form of a claim deleted closes");
        assert_eq!(state.check.errors, 0);
        assert_eq!(state.past.last().map(|s| s.what.clone()), Some(format!("delete party Russia and {} claims", users.len())));
        let issue = state.issues()[0].id.clone();
        let on = state.claims_on_issue(&issue);
        state.apply(Action::RemoveIssue(issue.clone()));
        assert!(state.issues().iter().all(|i| i.id != issue));
        assert_eq!(claim_ids(&state).len(), 12 - users.len() - on.len());
        state.apply(Action::RemoveIssue(issue));
        assert!(state.notice.as_deref().is_some_and(|n| n.starts_with("There is no issue")));
    }

    #[test]
    fn undo_and_redo_walk_the_history_and_say_what() {
        let mut state = EditorState::default();
        state.apply(Action::Undo);
        assert_eq!(state.notice.as_deref(), Some("Nothing to undo."));
        state.apply(Action::Open(crate::SEED_JSON.into()));
        let opened = state.file.clone();
        let users = state.claims_of_party("russia");
        state.apply(Action::RemoveParty("russia".into()));
        let deleted = state.file.clone();
        state.apply(Action::RemoveClaim(0));
        let first = claim_ids(&state);
        state.apply(Action::Undo);
        assert_eq!(state.said.as_deref(), Some("Undid: remove claim us-army-push"));
        assert_eq!(state.file, deleted);
        state.apply(Action::Undo);
        assert_eq!(state.said, Some(format!("Undid: delete party Russia and {} claims", users.len())));
        assert_eq!(state.file, opened, "the party and its claims are back, in their places");
        assert_eq!(state.check.summary, "ok — 12 claims, 12 placed, 3 parties, 7 issues");
        state.apply(Action::Redo);
        assert_eq!(state.said, Some(format!("Redid: delete party Russia and {} claims", users.len())));
        assert_eq!(state.file, deleted);
        state.apply(Action::Redo);
        assert_eq!(claim_ids(&state), first);
        state.apply(Action::Redo);
        assert_eq!(state.notice.as_deref(), Some("Nothing to redo."));
        // Undoing the opening goes back to the start.
        for _ in 0..3 {
            state.apply(Action::Undo);
        }
        assert_eq!((state.doc.as_ref(), &*state.file), (None, ""));
        assert_eq!(state.said.as_deref(), Some("Undid: open \"US to push Russia to accept Ukraine's military rights in peace talks: Report\""));
        state.apply(Action::Redo);
        assert_eq!(state.file, opened);
        // Starting over can be undone too.
        state.apply(Action::StartOver);
        assert_eq!(state.doc, None);
        state.apply(Action::Undo);
        assert_eq!(state.file, opened);
    }

    #[test]
    fn a_new_change_clears_redo_and_no_change_is_not_kept() {
        let mut state = seed();
        state.apply(Action::RemoveClaim(0));
        state.apply(Action::Undo);
        assert_eq!(state.future.len(), 1);
        state.apply(Action::RemoveClaim(1));
        assert!(state.future.is_empty(), "a new change after an undo cannot be redone over");
        state.apply(Action::Redo);
        assert_eq!(state.notice.as_deref(), Some("Nothing to redo."));
        // A change to what is there already is no change.
        let before = state.past.len();
        let same = state.parties()[0].clone();
        state.apply(Action::EditParty { was: same.id.clone(), party: same });
        assert_eq!(state.past.len(), before);
        // What cannot be done is not kept either.
        state.apply(Action::RemoveClaim(99));
        assert_eq!(state.past.len(), before);
    }

    #[test]
    fn the_history_is_bounded() {
        let mut state = started("One.\n\nTwo.");
        for n in 0..HISTORY_LIMIT + 50 {
            state.apply(Action::AddParty(Party { id: format!("p{n}"), name: format!("Party {n}"), ..Default::default() }));
        }
        assert_eq!(state.past.len(), HISTORY_LIMIT);
        // 251 changes with the start: the oldest 51 are gone.
        assert_eq!(state.past[0].what, "add party Party 50", "the oldest changes go first");
        while !state.past.is_empty() {
            state.apply(Action::Undo);
        }
        assert_eq!(state.parties().len(), 50);
        assert_eq!(state.future.len(), HISTORY_LIMIT);
    }

    #[test]
    fn a_restored_draft_is_no_change_and_saving_keeps_what_was_said() {
        let draft = crate::editor::autosave::decode(&crate::editor::autosave::encode(crate::SEED_JSON, 0.0)).unwrap_or_else(|e| panic!("{e}"));
        let mut state = EditorState::default();
        state.apply(Action::Offer { doc: Box::new(draft.doc.clone()), when: "30 Nov, 23:10".into() });
        assert_eq!(state.doc, None, "offered, not opened");
        state.apply(Action::DiscardDraft);
        assert_eq!((state.offered.as_ref(), state.said.as_deref()), (None, Some("Discarded the unsaved work from 30 Nov, 23:10.")));
        // Starting something else replaces what is offered.
        state.apply(Action::Offer { doc: Box::new(draft.doc.clone()), when: "30 Nov, 23:10".into() });
        state.apply(Action::StartFromText(ArticleFields { headline: "Other".into(), text: "Text.".into(), ..Default::default() }));
        assert_eq!(state.offered, None);
        let mut state = EditorState::default();
        state.apply(Action::Offer { doc: Box::new(draft.doc), when: "30 Nov, 23:10".into() });
        state.apply(Action::Restore);
        assert_eq!(state.offered, None);
        assert_eq!(state.check.summary, "ok — 12 claims, 12 placed, 3 parties, 7 issues");
        assert!(state.past.is_empty(), "restoring is no change to undo");
        state.apply(Action::Saved(Err("Your work is not being saved.".into())));
        assert_eq!(state.said.as_deref(), Some("Restored your unsaved work from 30 Nov, 23:10."));
        assert_eq!(state.storage_warning.as_deref(), Some("Your work is not being saved."));
        state.apply(Action::Saved(Ok(())));
        assert_eq!(state.storage_warning, None);
        state.apply(Action::DraftUnreadable { why: "damaged".into(), text: "x".into() });
        assert_eq!(state.unreadable_draft, Some(("damaged".into(), "x".into())));
        state.apply(Action::DismissDraft);
        assert_eq!(state.unreadable_draft, None);
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
