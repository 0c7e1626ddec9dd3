//! The claims as W3C Web Annotations (the Web Annotation Data Model, JSON-LD), and back.
//!
//! Export: one `AnnotationCollection` whose first `AnnotationPage` holds one `Annotation` per
//! claim. Import: such a collection, with the article it annotates taken from a claims file,
//! back into claims. The mapping, field by field, is in `docs/interop.md`.
//!
//! Positions (`TextPositionSelector`) count code points of the article body: its paragraphs
//! joined by [`SEPARATOR`]. The quote (`TextQuoteSelector`) is what places a claim on import;
//! the positions are hints, as in the claims file.

use std::collections::BTreeMap;

use serde::Serialize;

use super::import::{claim_index, finish, take_hint, unknown_reference, unknown_word, Hint};
pub use super::import::{claims_file, Imported};
use crate::model::write::pretty_json;
use crate::model::{fill_line_cols, Json, Value, Attribution, Certainty, Claim, Diagnostic, Document, Quote, Stance};
use crate::reader::Reader;

/// The Web Annotation context every annotation document names first.
pub const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// The base of claim-reader's own terms (nothing is published there; the context is inline).
pub const NAMESPACE: &str = "https://claim-reader.example/ns#";
/// What joins the paragraphs into the text that positions count over.
pub const SEPARATOR: &str = "\n\n";
/// At most this many code points of prefix and suffix, taken from the quote's paragraph.
pub const CONTEXT_CHARS: usize = 32;
/// A claim says which party, issue and stance a passage belongs to: it classifies it.
pub const MOTIVATION: &str = "classifying";

/// claim-reader's terms, as `@context` carries them after the Web Annotation context.
const TERMS: [&str; 8] = ["party", "issue", "stance", "certainty", "hedge", "reportedBy", "basis", "relayedBy"];

/// The article's name in ids: its headline in lower-case ASCII letters and digits joined by
/// hyphens, cut at a hyphen to at most 64 characters; "article" when nothing is left.
pub fn slug(headline: &str) -> String {
    let mut out = String::new();
    for c in headline.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > 64 {
        let cut = out[..65].rfind('-').unwrap_or(64);
        out.truncate(cut);
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() { "article".to_string() } else { out.to_string() }
}

/// `urn:claim-reader:<slug>`: the article the annotations target.
pub fn source_id(doc: &Document) -> String {
    format!("urn:claim-reader:{}", slug(&doc.article.headline))
}

/// `urn:claim-reader:<slug>:annotations`: the collection; an annotation's id is this, a colon
/// and the claim's id.
pub fn collection_id(doc: &Document) -> String {
    format!("{}:annotations", source_id(doc))
}

#[derive(Serialize)]
struct Collection {
    #[serde(rename = "@context")]
    context: (&'static str, BTreeMap<&'static str, String>),
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    first: Page,
}

#[derive(Serialize)]
struct Page {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Annotation {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: Vec<Body>,
    target: Target,
    party: String,
    issue: String,
    stance: &'static str,
    certainty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    hedge: Option<String>,
    reported_by: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    basis: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relayed_by: Option<String>,
}

#[derive(Serialize)]
struct Body {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: String,
    format: &'static str,
}

#[derive(Serialize)]
struct Target {
    source: String,
    selector: Vec<Selector>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector {
    TextQuoteSelector {
        exact: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        prefix: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        suffix: Option<String>,
    },
    TextPositionSelector { start: usize, end: usize },
}

/// The inline context of claim-reader's terms, keys in order.
fn terms_context() -> BTreeMap<&'static str, String> {
    let mut map = BTreeMap::from([("cr", NAMESPACE.to_string())]);
    for term in TERMS {
        map.insert(term, format!("cr:{term}"));
    }
    map
}

/// Code points before each paragraph in the article body (paragraphs joined by [`SEPARATOR`]).
fn paragraph_starts(paragraphs: &[String]) -> Vec<usize> {
    let sep = SEPARATOR.chars().count();
    let mut at = 0;
    paragraphs
        .iter()
        .map(|p| {
            let start = at;
            at += p.chars().count() + sep;
            start
        })
        .collect()
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// The collection, pretty-printed.
pub fn collection(reader: &Reader) -> String {
    let doc = &reader.doc;
    let starts = paragraph_starts(&doc.article.paragraphs);
    let (source, collection) = (source_id(doc), collection_id(doc));
    let items = doc
        .claims
        .iter()
        .enumerate()
        .map(|(c, claim)| {
            let (p, i) = reader.cells[c];
            let mut selector = Vec::new();
            match &reader.anchors[c] {
                Some(a) => {
                    let text = &doc.article.paragraphs[a.paragraph];
                    let before: Vec<char> = text[..a.range.start].chars().collect();
                    let prefix: String = before[before.len().saturating_sub(CONTEXT_CHARS)..].iter().collect();
                    let suffix: String = text[a.range.end..].chars().take(CONTEXT_CHARS).collect();
                    selector.push(Selector::TextQuoteSelector {
                        exact: claim.quote.exact.clone(),
                        prefix: non_empty(prefix),
                        suffix: non_empty(suffix),
                    });
                    let start = starts[a.paragraph] + before.len();
                    let end = start + text[a.range.clone()].chars().count();
                    selector.push(Selector::TextPositionSelector { start, end });
                }
                None => selector.push(Selector::TextQuoteSelector {
                    exact: claim.quote.exact.clone(),
                    prefix: claim.quote.prefix.clone(),
                    suffix: claim.quote.suffix.clone(),
                }),
            }
            let text = |purpose, value: &str| Body { kind: "TextualBody", purpose, value: value.to_string(), format: "text/plain" };
            Annotation {
                id: format!("{collection}:{}", claim.id),
                kind: "Annotation",
                motivation: MOTIVATION,
                body: vec![
                    text("describing", &claim.summary),
                    text("tagging", &doc.parties[p].name),
                    text("tagging", &doc.issues[i].label),
                ],
                target: Target { source: source.clone(), selector },
                party: claim.party.clone(),
                issue: claim.issue.clone(),
                stance: claim.stance.word(),
                certainty: claim.certainty.word(),
                hedge: claim.hedge.clone(),
                reported_by: claim.attribution.reported_by.clone(),
                basis: claim.attribution.basis.clone(),
                relayed_by: claim.attribution.via.clone(),
            }
        })
        .collect::<Vec<_>>();
    let out = Collection {
        context: (ANNO_CONTEXT, terms_context()),
        id: collection.clone(),
        kind: "AnnotationCollection",
        label: doc.article.headline.clone(),
        total: items.len(),
        first: Page { id: format!("{collection}:page1"), kind: "AnnotationPage", start_index: 0, items },
    };
    pretty_json(&out)
}

/// Whether `text` is JSON whose `type` is `AnnotationCollection`: annotations, not a claims file
/// (for the editor, which opens both).
pub fn is_collection(text: &str) -> bool {
    crate::model::parse_json(text).is_ok_and(|root| root.get("type").and_then(string) == Some("AnnotationCollection"))
}

/// Reads a collection written by [`collection`] (or by hand, to the same rules) into claims over
/// `article`'s article, parties and issues; its own claims are dropped. `Err` holds every
/// problem when any is an error. Diagnostics carry the path into the annotation file and their
/// line and column in `text`.
pub fn import(text: &str, article: &Document) -> Result<Imported, Vec<Diagnostic>> {
    let root = match crate::model::parse_json(text) {
        Ok(root) => root,
        Err(d) => return Err(vec![d]),
    };
    let mut importer = Importer { article, diagnostics: Vec::new() };
    let claims = importer.collection(&root);
    let diagnostics = importer.diagnostics;
    let mut result = match claims {
        Some((claims, places)) => {
            // The checks the page makes (unique ids, lengths), placed at the annotation.
            let place = |d: Diagnostic| -> Diagnostic {
                let item = claim_index(&d.path).and_then(|c| places.get(c));
                match item {
                    Some(&(at, ref path)) => Diagnostic { path: path.clone(), offset: Some(at), line_col: None, ..d },
                    None => Diagnostic { offset: None, line_col: None, ..d },
                }
            };
            finish(article, claims, diagnostics, place)
        }
        None => Err(diagnostics),
    };
    match &mut result {
        Ok(imported) => fill_line_cols(text, &mut imported.warnings),
        Err(diagnostics) => fill_line_cols(text, diagnostics),
    }
    result
}

struct Importer<'a> {
    article: &'a Document,
    diagnostics: Vec<Diagnostic>,
}

fn string<'v>(value: &'v Value<'_>) -> Option<&'v str> {
    match &value.json {
        Json::String(s) => Some(s),
        _ => None,
    }
}

/// A value that may be written as one item or as an array of them.
fn one_or_many<'v, 'j>(value: &'v Value<'j>) -> Vec<&'v Value<'j>> {
    match &value.json {
        Json::Array(items) => items.iter().collect(),
        _ => vec![value],
    }
}

impl Importer<'_> {
    fn error(&mut self, path: &str, at: u32, message: String) {
        self.diagnostics.push(Diagnostic::error(path, message).at(at));
    }

    /// The field `key` of `obj`, or an error at `obj` when it is missing.
    fn field<'v, 'j>(&mut self, obj: &'v Value<'j>, path: &str, key: &str) -> Option<&'v Value<'j>> {
        let found = obj.get(key).filter(|v| v.json != Json::Null);
        if found.is_none() {
            let within = if path.is_empty() { "the top level".to_string() } else { path.to_string() };
            self.error(&join(path, key), obj.at, format!("missing required field \"{key}\" in {within}"));
        }
        found
    }

    /// The string field `key`, required and not blank.
    fn text(&mut self, obj: &Value<'_>, path: &str, key: &str) -> Option<String> {
        let value = self.field(obj, path, key)?;
        self.string_value(value, &join(path, key))
    }

    fn string_value(&mut self, value: &Value<'_>, path: &str) -> Option<String> {
        match string(value) {
            Some(s) if !s.trim().is_empty() => Some(s.to_string()),
            Some(_) => {
                self.error(path, value.at, "must not be empty or only white space".to_string());
                None
            }
            None => {
                self.error(path, value.at, format!("expected a string, found {}", value.json.kind()));
                None
            }
        }
    }

    /// An optional string field, as the claims file takes it; absent or null is `None`.
    fn opt_text(&mut self, obj: &Value<'_>, path: &str, key: &str) -> Option<String> {
        let value = obj.get(key).filter(|v| v.json != Json::Null)?;
        match string(value) {
            Some(s) => Some(s.to_string()),
            None => {
                self.error(&join(path, key), value.at, format!("expected a string, found {}", value.json.kind()));
                None
            }
        }
    }

    fn object(&mut self, value: &Value<'_>, path: &str) -> bool {
        let ok = matches!(value.json, Json::Object(_));
        if !ok {
            self.error(path, value.at, format!("expected an object, found {}", value.json.kind()));
        }
        ok
    }

    /// The claims, and per claim where its annotation starts and its path.
    #[allow(clippy::type_complexity)]
    fn collection(&mut self, root: &Value<'_>) -> Option<(Vec<Claim>, Vec<(u32, String)>)> {
        if !self.object(root, "") {
            return None;
        }
        let has_anno = root.get("@context").is_some_and(|c| one_or_many(c).iter().any(|v| string(v) == Some(ANNO_CONTEXT)));
        if !has_anno {
            self.diagnostics.push(
                Diagnostic::warning("@context", format!("the context does not name \"{ANNO_CONTEXT}\""))
                    .with_hint("a Web Annotation document names the Web Annotation context")
                    .at(root.get("@context").map_or(root.at, |c| c.at)),
            );
        }
        let kind = root.get("type").and_then(string);
        if kind != Some("AnnotationCollection") {
            let at = root.get("type").map_or(root.at, |v| v.at);
            self.error("type", at, "expected \"type\": \"AnnotationCollection\"".to_string());
        }
        let id = self.text(root, "", "id");
        let first = self.field(root, "", "first")?;
        if !self.object(first, "first") {
            return None;
        }
        let items = self.field(first, "first", "items")?;
        let Json::Array(items) = &items.json else {
            self.error("first.items", items.at, format!("expected an array, found {}", items.json.kind()));
            return None;
        };
        let prefix = format!("{}:", id.unwrap_or_default());
        let mut claims = Vec::new();
        let mut places = Vec::new();
        for (k, item) in items.iter().enumerate() {
            let path = format!("first.items[{k}]");
            claims.push(self.annotation(item, &path, &prefix).unwrap_or_default());
            places.push((item.at, path));
        }
        Some((claims, places))
    }

    fn annotation(&mut self, item: &Value<'_>, path: &str, prefix: &str) -> Option<Claim> {
        if !self.object(item, path) {
            return None;
        }
        if let Some(kind) = self.field(item, path, "type") {
            if string(kind) != Some("Annotation") {
                self.error(&join(path, "type"), kind.at, "expected \"type\": \"Annotation\"".to_string());
            }
        }
        let id = self.text(item, path, "id").and_then(|id| {
            let at = item.get("id").map_or(item.at, |v| v.at);
            match id.strip_prefix(prefix) {
                Some(claim) if !claim.is_empty() => Some(claim.to_string()),
                _ => {
                    self.diagnostics.push(
                        Diagnostic::error(join(path, "id"), format!("the id \"{id}\" is not the collection's id, a colon and a claim id"))
                            .with_hint(format!("write it as \"{prefix}<claim id>\""))
                            .at(at),
                    );
                    None
                }
            }
        });
        let party = self.reference(item, path, "party", self.article.parties.iter().map(|p| p.id.as_str()).collect());
        let issue = self.reference(item, path, "issue", self.article.issues.iter().map(|i| i.id.as_str()).collect());
        let stance = self.word(item, path, "stance", &Stance::ALL.map(Stance::word), Stance::from_word);
        let certainty = self.word(item, path, "certainty", &Certainty::ALL.map(Certainty::word), Certainty::from_word);
        let hedge = self.opt_text(item, path, "hedge");
        let reported_by = self.text(item, path, "reportedBy");
        let basis = self.opt_text(item, path, "basis");
        let via = self.opt_text(item, path, "relayedBy");
        let summary = self.summary(item, path);
        let quote = self.target(item, path);
        Some(Claim {
            id: id?,
            party: party?,
            issue: issue?,
            stance: stance?,
            quote: quote?,
            summary: summary?,
            attribution: Attribution { reported_by: reported_by?, basis, via },
            certainty: certainty?,
            hedge,
        })
    }

    /// A party or issue id, which must be one of the article file's.
    fn reference(&mut self, item: &Value<'_>, path: &str, key: &str, known: Vec<&str>) -> Option<String> {
        let id = self.text(item, path, key)?;
        if known.contains(&id.as_str()) {
            return Some(id);
        }
        let at = item.get(key).map_or(item.at, |v| v.at);
        self.diagnostics.push(unknown_reference(join(path, key), key, &id, &known).at(at));
        None
    }

    fn word<T>(&mut self, item: &Value<'_>, path: &str, key: &str, words: &[&str], read: fn(&str) -> Option<T>) -> Option<T> {
        let word = self.text(item, path, key)?;
        if let Some(value) = read(&word) {
            return Some(value);
        }
        let at = item.get(key).map_or(item.at, |v| v.at);
        self.diagnostics.push(unknown_word(join(path, key), key, &word, words).at(at));
        None
    }

    /// The value of the body whose purpose is "describing".
    fn summary(&mut self, item: &Value<'_>, path: &str) -> Option<String> {
        let body = self.field(item, path, "body")?;
        let bodies = one_or_many(body);
        let describing = bodies.iter().position(|b| b.get("purpose").and_then(string) == Some("describing"));
        let Some(k) = describing else {
            self.diagnostics.push(
                Diagnostic::error(join(path, "body"), "no body with \"purpose\": \"describing\" (the claim's summary)")
                    .with_hint("add a TextualBody with the summary as its value")
                    .at(body.at),
            );
            return None;
        };
        let body_path = if matches!(body.json, Json::Array(_)) { format!("{path}.body[{k}]") } else { join(path, "body") };
        self.text(bodies[k], &body_path, "value")
    }

    /// The quote from the TextQuoteSelector, its paragraph and start from the
    /// TextPositionSelector when that selects text in one paragraph.
    fn target(&mut self, item: &Value<'_>, path: &str) -> Option<Quote> {
        let target_path = join(path, "target");
        let target = self.field(item, path, "target")?;
        if !self.object(target, &target_path) {
            return None;
        }
        let selector = self.field(target, &target_path, "selector")?;
        let selectors = one_or_many(selector);
        let many = matches!(selector.json, Json::Array(_));
        let selector_path = |k: usize| if many { format!("{target_path}.selector[{k}]") } else { join(&target_path, "selector") };
        let of_type = |t: &str| selectors.iter().position(|s| s.get("type").and_then(string) == Some(t));
        let Some(q) = of_type("TextQuoteSelector") else {
            self.diagnostics.push(
                Diagnostic::error(join(&target_path, "selector"), "no TextQuoteSelector: the claim's words are not given")
                    .with_hint("add { \"type\": \"TextQuoteSelector\", \"exact\": \"…\" }")
                    .at(selector.at),
            );
            return None;
        };
        let q_path = selector_path(q);
        let exact = self.text(selectors[q], &q_path, "exact")?;
        let prefix = self.opt_text(selectors[q], &q_path, "prefix");
        let suffix = self.opt_text(selectors[q], &q_path, "suffix");
        let mut quote = Quote { exact, prefix, suffix, paragraph: None, start: None };
        if let Some(k) = of_type("TextPositionSelector") {
            let (p_path, s) = (selector_path(k), selectors[k]);
            let start = self.field(s, &p_path, "start").map(|v| (v.json.as_u64(), v.at));
            let end = self.field(s, &p_path, "end").map(|v| (v.json.as_u64(), v.at));
            match (start, end) {
                (Some((Some(start), _)), Some((Some(end), _))) if start <= end => {
                    self.place(&mut quote, start as usize, end as usize, &p_path, s.at);
                }
                (Some(_), Some(_)) => self.error(
                    &p_path,
                    s.at,
                    "\"start\" and \"end\" must be whole numbers of 0 or more, start not after end".to_string(),
                ),
                _ => {}
            }
        }
        Some(quote)
    }

    /// Turns article-body positions into a paragraph and a start in it: the start when the text
    /// there reads as the quote, the paragraph when the quote can be placed in it. Positions that
    /// do not select the quote's words are warned about; the quote is then placed by its words.
    fn place(&mut self, quote: &mut Quote, start: usize, end: usize, path: &str, at: u32) {
        let paragraphs = &self.article.article.paragraphs;
        let starts = paragraph_starts(paragraphs);
        let found = starts.iter().zip(paragraphs).position(|(&s, text)| s <= start && end <= s + text.chars().count());
        let Some(p) = found else {
            self.diagnostics.push(
                Diagnostic::warning(path, format!("the positions {start}–{end} do not fall within one paragraph; the quote is placed by its words"))
                    .with_hint("positions count code points of the paragraphs joined by two line breaks")
                    .at(at),
            );
            return;
        };
        if take_hint(paragraphs, quote, p, Some(start - starts[p])) == Hint::Read {
            return;
        }
        self.diagnostics.push(
            Diagnostic::warning(path, format!("the positions {start}–{end} do not select the quote's words; it is placed by its words"))
                .with_hint("positions count code points of the paragraphs joined by two line breaks")
                .at(at),
        );
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_ascii_letters_and_digits() {
        assert_eq!(slug("US to push Russia: Report"), "us-to-push-russia-report");
        assert_eq!(slug("«Мир»"), "article");
        assert_eq!(slug(&"a ".repeat(50)).len(), 63);
        assert_eq!(slug(&format!("{} tail", "b".repeat(62))), "b".repeat(62));
        assert_eq!(slug(&"c".repeat(70)), "c".repeat(64));
    }

    #[test]
    fn positions_count_the_paragraphs_joined_by_two_line_breaks() {
        assert_eq!(paragraph_starts(&["ab".to_string(), "é".to_string(), "c".to_string()]), [0, 4, 7]);
    }
}
