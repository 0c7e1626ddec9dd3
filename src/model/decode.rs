//! JSON → [`Document`], collecting every shape problem with its JSON path and offset.
//!
//! serde's derive stops at the first error; editors want all of them at once, so the file is
//! parsed into a [`Value`] and walked here, field by field. Each problem is placed at the
//! offset the parser kept for the value it is about (a missing field at its object), and the
//! offsets later checks need are kept in [`Offsets`].

use std::borrow::Cow;

use super::json::{Json, Value};

use super::diagnostic::{fill_line_cols, Diagnostic};
use super::suggest::did_you_mean;
use super::types::*;

/// Reads a claims file. Returns the document when its shape allowed one to be built, and every
/// problem found on the way, with its line and column. Semantic checks (ids, references,
/// anchors) come later.
pub fn decode_document(text: &str) -> (Option<Document>, Vec<Diagnostic>) {
    let (document, mut diagnostics) = match parse_json(text) {
        Ok(value) => decode_value(value),
        Err(d) => (None, vec![d]),
    };
    fill_line_cols(text, &mut diagnostics);
    (document, diagnostics)
}

/// JSON text → value, with the offset, line and column of a syntax error.
pub fn parse_json(text: &str) -> Result<Value<'_>, Diagnostic> {
    let mut d = if text.trim().is_empty() {
        empty_file().at(0)
    } else {
        match super::json::parse(text) {
            Ok(value) => return Ok(value),
            Err(e) => Diagnostic::error("", format!("not valid JSON: {}", e.message)).at(e.offset),
        }
    };
    fill_line_cols(text, std::slice::from_mut(&mut d));
    Err(d)
}

/// What an empty claims file is told.
pub fn empty_file() -> Diagnostic {
    Diagnostic::error("", "the file is empty").with_hint("a claims file is a JSON object")
}

/// Walks a parsed value into a document, taking its strings rather than copying them.
/// Diagnostics carry offsets but no line and column: the text is not at hand here.
pub fn decode_value(value: Value<'_>) -> (Option<Document>, Vec<Diagnostic>) {
    let mut decoder = Decoder::default();
    let document = decoder.document(value);
    (document, decoder.diagnostics)
}

/// Where a value sits, kept on the stack as the walk descends and written out only when a
/// problem is reported there: a long article has tens of thousands of values and few problems.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Field(&'p Path<'p>, &'p str),
    Item(&'p Path<'p>, usize),
}

impl Path<'_> {
    /// `claims[3].quote.exact`; empty for the whole file.
    fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match *self {
            Path::Root => {}
            Path::Field(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Item(parent, i) => {
                parent.write(out);
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
}

#[derive(Default)]
struct Decoder {
    diagnostics: Vec<Diagnostic>,
}

/// One JSON object being read, with the path that leads to it and where it starts.
struct Obj<'p, 'j> {
    /// Taking a field leaves its offset behind, for [`Obj::offset`].
    fields: Vec<(Cow<'j, str>, Value<'j>)>,
    path: Path<'p>,
    at: u32,
}

impl Obj<'_, '_> {
    /// Where the value of `key` (its last, if written twice) starts, or the object when it has none.
    fn offset(&self, key: &str) -> u32 {
        self.fields.iter().rev().find(|(k, _)| k == key).map_or(self.at, |(_, v)| v.at)
    }
}

impl Decoder {
    fn error(&mut self, path: Path, at: u32, message: String) {
        self.diagnostics.push(Diagnostic::error(path.render(), message).at(at));
    }

    /// Checks `value` is an object and warns about fields the format does not know.
    fn object<'p, 'j>(&mut self, value: Value<'j>, path: Path<'p>, known: &[&str]) -> Option<Obj<'p, 'j>> {
        let Json::Object(fields) = value.json else {
            self.error(path, value.at, format!("expected an object, found {}", value.json.kind()));
            return None;
        };
        let mut seen = 0u32;
        for (key, field) in &fields {
            let at = Path::Field(&path, key);
            if let Some(k) = known.iter().position(|k| *k == key) {
                if seen & (1 << k) != 0 {
                    let message = format!("field \"{key}\" is written more than once; the last one counts");
                    self.diagnostics.push(Diagnostic::warning(at.render(), message).at(field.at));
                }
                seen |= 1 << k;
            } else {
                self.diagnostics.push(
                    Diagnostic::warning(at.render(), format!("unknown field \"{key}\", ignored"))
                        .with_hint(did_you_mean(key, known))
                        .at(field.at),
                );
            }
        }
        Some(Obj { fields, path, at: value.at })
    }

    /// Takes the value of `key` (its last, if written twice) out of `obj`. A missing required
    /// field is reported at the object; a missing or null optional one is `None`.
    fn take<'j>(&mut self, obj: &mut Obj<'_, 'j>, key: &str, required: bool) -> Option<Value<'j>> {
        let found = obj.fields.iter_mut().rev().find(|(k, _)| k == key);
        let found = found.map(|(_, v)| Value { at: v.at, json: std::mem::take(&mut v.json) });
        match found {
            None if required => {
                let at = if matches!(obj.path, Path::Root) { "the top level".to_string() } else { obj.path.render() };
                self.error(Path::Field(&obj.path, key), obj.at, format!("missing required field \"{key}\" in {at}"));
                None
            }
            None | Some(Value { json: Json::Null, .. }) if !required => None,
            other => other,
        }
    }

    fn string_at(&mut self, value: Value<'_>, path: Path) -> Option<String> {
        match value.json {
            Json::String(s) => Some(s),
            other => {
                self.error(path, value.at, format!("expected a string, found {}", other.kind()));
                None
            }
        }
    }

    fn opt_string(&mut self, obj: &mut Obj<'_, '_>, key: &str) -> Option<String> {
        let value = self.take(obj, key, false)?;
        self.string_at(value, Path::Field(&obj.path, key))
    }

    /// A required string that must hold more than white space.
    fn text(&mut self, obj: &mut Obj<'_, '_>, key: &str) -> String {
        let Some(value) = self.take(obj, key, true) else { return String::new() };
        let (path, at) = (Path::Field(&obj.path, key), value.at);
        let Some(s) = self.string_at(value, path) else { return String::new() };
        if s.trim().is_empty() {
            self.error(path, at, format!("\"{key}\" must not be empty or only white space"));
        }
        s
    }

    fn index(&mut self, obj: &mut Obj<'_, '_>, key: &str) -> Option<usize> {
        let value = self.take(obj, key, false)?;
        let path = Path::Field(&obj.path, key);
        match value.json.as_u64().or_else(|| whole_number(&value.json)) {
            Some(n) => match usize::try_from(n) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.error(path, value.at, format!("{n} is too large"));
                    None
                }
            },
            None => {
                self.error(path, value.at, format!("expected a whole number of 0 or more, found {}", describe(&value.json)));
                None
            }
        }
    }

    fn array<'j>(&mut self, obj: &mut Obj<'_, 'j>, key: &str, required: bool) -> Vec<Value<'j>> {
        let Some(value) = self.take(obj, key, required) else { return Vec::new() };
        match value.json {
            Json::Array(items) => items,
            other => {
                self.error(Path::Field(&obj.path, key), value.at, format!("expected an array, found {}", other.kind()));
                Vec::new()
            }
        }
    }

    /// A list of strings; with `keep_broken`, an item that is no string becomes an empty one,
    /// so that later items keep their indices.
    fn strings(&mut self, obj: &mut Obj<'_, '_>, key: &str, required: bool, keep_broken: bool) -> Vec<String> {
        let items = self.array(obj, key, required);
        let path = Path::Field(&obj.path, key);
        let mut out = Vec::with_capacity(items.len());
        for (i, v) in items.into_iter().enumerate() {
            match self.string_at(v, Path::Item(&path, i)) {
                Some(s) => out.push(s),
                None if keep_broken => out.push(String::new()),
                None => {}
            }
        }
        out
    }

    /// A required closed-vocabulary word, such as a stance.
    fn word<T>(&mut self, obj: &mut Obj<'_, '_>, key: &str, words: &[&str], parse: fn(&str) -> Option<T>) -> Option<T> {
        self.vocabulary(obj, key, true, words, parse)
    }

    /// An optional closed-vocabulary word, such as a direction.
    fn opt_word<T>(&mut self, obj: &mut Obj<'_, '_>, key: &str, words: &[&str], parse: fn(&str) -> Option<T>) -> Option<T> {
        self.vocabulary(obj, key, false, words, parse)
    }

    fn vocabulary<T>(&mut self, obj: &mut Obj<'_, '_>, key: &str, required: bool, words: &[&str], parse: fn(&str) -> Option<T>) -> Option<T> {
        let value = self.take(obj, key, required)?;
        let (path, at) = (Path::Field(&obj.path, key), value.at);
        let word = self.string_at(value, path)?;
        let parsed = parse(&word);
        if parsed.is_none() {
            self.diagnostics.push(
                Diagnostic::error(path.render(), format!("unknown {key} \"{word}\""))
                    .with_hint(did_you_mean(&word, words))
                    .at(at),
            );
        }
        parsed
    }

    /// Every item yields a value, a placeholder where it was broken (its problems are already
    /// reported), so that later checks name each item by its own index.
    fn list<'j, T>(&mut self, obj: &mut Obj<'_, 'j>, key: &str, mut each: impl FnMut(&mut Self, Value<'j>, Path) -> T) -> Vec<T> {
        let items = self.array(obj, key, true);
        let path = Path::Field(&obj.path, key);
        items.into_iter().enumerate().map(|(i, v)| each(self, v, Path::Item(&path, i))).collect()
    }

    fn document(&mut self, value: Value<'_>) -> Option<Document> {
        let mut top = self.object(value, Path::Root, &["$schema", "format", "article", "parties", "issues", "claims"])?;
        let format_at = top.offset("format");
        if let Some(format) = self.opt_string(&mut top, "format") {
            if format != crate::FORMAT {
                self.diagnostics.push(
                    Diagnostic::warning("format", format!("unknown format \"{format}\""))
                        .with_hint(format!("this reader reads \"{}\"", crate::FORMAT))
                        .at(format_at),
                );
            }
        }
        let mut offsets = Offsets {
            parties: top.offset("parties"),
            issues: top.offset("issues"),
            claims: top.offset("claims"),
            ..Offsets::default()
        };
        let article = self.take(&mut top, "article", true).and_then(|v| self.article(v, &mut offsets));
        let (parties, party_ids) = self.list(&mut top, "parties", Self::party).into_iter().unzip();
        let (issues, issue_ids) = self.list(&mut top, "issues", Self::issue).into_iter().unzip();
        let (claims, claim_offsets) = self.list(&mut top, "claims", Self::claim).into_iter().unzip();
        offsets.party_ids = party_ids;
        offsets.issue_ids = issue_ids;
        offsets.claim = claim_offsets;
        Some(Document { article: article?, parties, issues, claims, offsets })
    }

    fn article(&mut self, value: Value<'_>, offsets: &mut Offsets) -> Option<Article> {
        let known = [
            "kicker", "headline", "subheadline", "author", "publisher", "dateline", "published", "updated",
            "paragraphs", "footer_note", "language", "direction",
        ];
        let mut obj = self.object(value, Path::Field(&Path::Root, "article"), &known)?;
        offsets.paragraphs = obj.offset("paragraphs");
        offsets.language = obj.offset("language");
        offsets.direction = obj.offset("direction");
        let publisher = self.take(&mut obj, "publisher", false).and_then(|v| self.publisher(v, offsets));
        Some(Article {
            kicker: self.strings(&mut obj, "kicker", false, false),
            headline: self.text(&mut obj, "headline"),
            subheadline: self.opt_string(&mut obj, "subheadline"),
            author: self.opt_string(&mut obj, "author"),
            publisher,
            dateline: self.opt_string(&mut obj, "dateline"),
            published: self.opt_string(&mut obj, "published"),
            updated: self.opt_string(&mut obj, "updated"),
            paragraphs: self.strings(&mut obj, "paragraphs", true, true),
            footer_note: self.opt_string(&mut obj, "footer_note"),
            language: self.opt_string(&mut obj, "language"),
            direction: self.opt_word(&mut obj, "direction", &["ltr", "rtl"], TextDirection::from_word),
        })
    }

    fn publisher(&mut self, value: Value<'_>, offsets: &mut Offsets) -> Option<Publisher> {
        let article = Path::Field(&Path::Root, "article");
        let mut obj = self.object(value, Path::Field(&article, "publisher"), &["name", "url"])?;
        offsets.publisher_url = obj.offset("url");
        Some(Publisher { name: self.text(&mut obj, "name"), url: self.opt_string(&mut obj, "url") })
    }

    /// A list item with an `id`, read by `read` (a placeholder when it is no object), and where
    /// its id starts.
    fn with_id<'j, T: Default>(
        &mut self,
        value: Value<'j>,
        path: Path,
        known: &[&str],
        read: impl FnOnce(&mut Self, &mut Obj<'_, 'j>) -> T,
    ) -> (T, u32) {
        let at = value.at;
        let Some(mut obj) = self.object(value, path, known) else { return (T::default(), at) };
        let id_at = obj.offset("id");
        (read(self, &mut obj), id_at)
    }

    fn party(&mut self, value: Value<'_>, path: Path) -> (Party, u32) {
        self.with_id(value, path, &["id", "name", "short_name", "aliases"], |d, obj| Party {
            id: d.text(obj, "id"),
            name: d.text(obj, "name"),
            short_name: d.opt_string(obj, "short_name"),
            aliases: d.strings(obj, "aliases", false, false),
        })
    }

    fn issue(&mut self, value: Value<'_>, path: Path) -> (Issue, u32) {
        self.with_id(value, path, &["id", "label", "description"], |d, obj| Issue {
            id: d.text(obj, "id"),
            label: d.text(obj, "label"),
            description: d.text(obj, "description"),
        })
    }

    fn claim(&mut self, value: Value<'_>, path: Path) -> (Claim, ClaimOffsets) {
        let known = ["id", "party", "issue", "stance", "quote", "summary", "attribution", "certainty", "hedge"];
        let at = value.at;
        let Some(mut obj) = self.object(value, path, &known) else { return (Claim::default(), ClaimOffsets::all(at)) };
        let mut offsets = ClaimOffsets {
            id: obj.offset("id"),
            party: obj.offset("party"),
            issue: obj.offset("issue"),
            ..ClaimOffsets::all(obj.offset("quote"))
        };
        let stance_words = Stance::ALL.map(|s| s.word());
        let certainty_words = Certainty::ALL.map(|c| c.word());
        let id = self.text(&mut obj, "id");
        let party = self.text(&mut obj, "party");
        let issue = self.text(&mut obj, "issue");
        let stance = self.word(&mut obj, "stance", &stance_words, Stance::from_word);
        let quote = self
            .take(&mut obj, "quote", true)
            .and_then(|v| self.quote(v, Path::Field(&path, "quote"), &mut offsets));
        let summary = self.text(&mut obj, "summary");
        let attribution = self
            .take(&mut obj, "attribution", true)
            .and_then(|v| self.attribution(v, Path::Field(&path, "attribution")));
        let certainty = self.word(&mut obj, "certainty", &certainty_words, Certainty::from_word);
        let hedge = self.opt_string(&mut obj, "hedge");
        let claim = Claim {
            id,
            party,
            issue,
            stance: stance.unwrap_or_default(),
            quote: quote.unwrap_or_default(),
            summary,
            attribution: attribution.unwrap_or_default(),
            certainty: certainty.unwrap_or_default(),
            hedge,
        };
        (claim, offsets)
    }

    fn quote(&mut self, value: Value<'_>, path: Path, offsets: &mut ClaimOffsets) -> Option<Quote> {
        let mut obj = self.object(value, path, &["exact", "prefix", "suffix", "paragraph", "start"])?;
        offsets.exact = obj.offset("exact");
        offsets.paragraph = obj.offset("paragraph");
        offsets.start = obj.offset("start");
        Some(Quote {
            exact: self.text(&mut obj, "exact"),
            prefix: self.opt_string(&mut obj, "prefix"),
            suffix: self.opt_string(&mut obj, "suffix"),
            paragraph: self.index(&mut obj, "paragraph"),
            start: self.index(&mut obj, "start"),
        })
    }

    fn attribution(&mut self, value: Value<'_>, path: Path) -> Option<Attribution> {
        let mut obj = self.object(value, path, &["reported_by", "basis", "via"])?;
        Some(Attribution {
            reported_by: self.text(&mut obj, "reported_by"),
            basis: self.opt_string(&mut obj, "basis"),
            via: self.opt_string(&mut obj, "via"),
        })
    }
}

/// A whole number written with a fraction or an exponent (`1.0`, `2e1`), as tools that write
/// every number as a float do: JSON Schema's `integer` (docs/claims.schema.json) takes it too.
fn whole_number(value: &Json<'_>) -> Option<u64> {
    let Json::Number(text) = value else { return None };
    let n = parse_float(text)?;
    // Below 2^53 every whole number is exact in an f64.
    (n.fract() == 0.0 && (0.0..9_007_199_254_740_992.0).contains(&n)).then_some(n as u64)
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_float(text: &str) -> Option<f64> {
    text.parse().ok()
}

/// The platform's `Number.parseFloat`: Rust's float parser would add 13.3 KB (brotli) to the
/// wasm for this one use. The JSON grammar has already checked `text` is a number.
#[cfg(target_arch = "wasm32")]
fn parse_float(text: &str) -> Option<f64> {
    Some(js_sys::Number::parse_float(text)).filter(|n| !n.is_nan())
}

fn describe(value: &Json<'_>) -> String {
    match value {
        Json::Number(n) => n.clone(),
        Json::String(s) => format!("the string \"{s}\""),
        other => other.kind().to_string(),
    }
}
