//! JSON → [`Document`], collecting every shape problem with its JSON path.
//!
//! serde's derive stops at the first error; editors want all of them at once, so the file is
//! parsed into a [`Json`] value and walked here, field by field.

use std::borrow::Cow;

use super::json::Json;

use super::diagnostic::Diagnostic;
use super::suggest::did_you_mean;
use super::types::*;

/// Reads a claims file. Returns the document when its shape allowed one to be built, and every
/// problem found on the way. Semantic checks (ids, references, anchors) come later.
pub fn decode_document(text: &str) -> (Option<Document>, Vec<Diagnostic>) {
    match parse_json(text) {
        Ok(value) => decode_value(value),
        Err(d) => (None, vec![d]),
    }
}

/// JSON text → value, with the line and column of a syntax error.
pub fn parse_json(text: &str) -> Result<Json<'_>, Diagnostic> {
    if text.trim().is_empty() {
        let mut d = empty_file();
        d.line_col = Some((1, 1));
        return Err(d);
    }
    super::json::parse(text).map_err(|e| {
        let mut d = Diagnostic::error("", format!("not valid JSON: {}", e.message));
        d.line_col = Some(e.line_col(text));
        d
    })
}

/// What an empty claims file is told.
pub fn empty_file() -> Diagnostic {
    Diagnostic::error("", "the file is empty").with_hint("a claims file is a JSON object")
}

/// Walks a parsed value into a document, taking its strings rather than copying them.
pub fn decode_value(value: Json<'_>) -> (Option<Document>, Vec<Diagnostic>) {
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

/// One JSON object being read, with the path that leads to it.
struct Obj<'p, 'j> {
    fields: Vec<(Cow<'j, str>, Json<'j>)>,
    path: Path<'p>,
}

impl Decoder {
    fn error(&mut self, path: Path, message: String) {
        self.diagnostics.push(Diagnostic::error(path.render(), message));
    }

    /// Checks `value` is an object and warns about fields the format does not know.
    fn object<'p, 'j>(&mut self, value: Json<'j>, path: Path<'p>, known: &[&str]) -> Option<Obj<'p, 'j>> {
        let Json::Object(fields) = value else {
            self.error(path, format!("expected an object, found {}", value.kind()));
            return None;
        };
        let mut seen = 0u32;
        for (key, _) in &fields {
            let at = Path::Field(&path, key);
            if let Some(k) = known.iter().position(|k| *k == key) {
                if seen & (1 << k) != 0 {
                    let message = format!("field \"{key}\" is written more than once; the last one counts");
                    self.diagnostics.push(Diagnostic::warning(at.render(), message));
                }
                seen |= 1 << k;
            } else {
                self.diagnostics.push(
                    Diagnostic::warning(at.render(), format!("unknown field \"{key}\", ignored"))
                        .with_hint(did_you_mean(key, known)),
                );
            }
        }
        Some(Obj { fields, path })
    }

    /// Takes the value of `key` (its last, if written twice) out of `obj`. A missing required
    /// field is reported; a missing or null optional one is `None`.
    fn take<'j>(&mut self, obj: &mut Obj<'_, 'j>, key: &str, required: bool) -> Option<Json<'j>> {
        let found = obj.fields.iter().rposition(|(k, _)| k == key).map(|i| std::mem::take(&mut obj.fields[i].1));
        match found {
            None if required => {
                let at = if matches!(obj.path, Path::Root) { "the top level".to_string() } else { obj.path.render() };
                self.error(Path::Field(&obj.path, key), format!("missing required field \"{key}\" in {at}"));
                None
            }
            None | Some(Json::Null) if !required => None,
            other => other,
        }
    }

    fn string_at(&mut self, value: Json<'_>, path: Path) -> Option<String> {
        match value {
            Json::String(s) => Some(s),
            other => {
                self.error(path, format!("expected a string, found {}", other.kind()));
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
        let path = Path::Field(&obj.path, key);
        let Some(s) = self.string_at(value, path) else { return String::new() };
        if s.trim().is_empty() {
            self.error(path, format!("\"{key}\" must not be empty or only white space"));
        }
        s
    }

    fn index(&mut self, obj: &mut Obj<'_, '_>, key: &str) -> Option<usize> {
        let value = self.take(obj, key, false)?;
        let path = Path::Field(&obj.path, key);
        match value.as_u64() {
            Some(n) => match usize::try_from(n) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.error(path, format!("{n} is too large"));
                    None
                }
            },
            None => {
                self.error(path, format!("expected a whole number of 0 or more, found {}", describe(&value)));
                None
            }
        }
    }

    fn array<'j>(&mut self, obj: &mut Obj<'_, 'j>, key: &str, required: bool) -> Vec<Json<'j>> {
        let Some(value) = self.take(obj, key, required) else { return Vec::new() };
        match value {
            Json::Array(items) => items,
            other => {
                self.error(Path::Field(&obj.path, key), format!("expected an array, found {}", other.kind()));
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
        let value = self.take(obj, key, true)?;
        let path = Path::Field(&obj.path, key);
        let word = self.string_at(value, path)?;
        let parsed = parse(&word);
        if parsed.is_none() {
            self.diagnostics.push(
                Diagnostic::error(path.render(), format!("unknown {key} \"{word}\"")).with_hint(did_you_mean(&word, words)),
            );
        }
        parsed
    }

    /// Every item yields a value, a placeholder where it was broken (its problems are already
    /// reported), so that later checks name each item by its own index.
    fn list<'j, T: Default>(
        &mut self,
        obj: &mut Obj<'_, 'j>,
        key: &str,
        mut each: impl FnMut(&mut Self, Json<'j>, Path) -> Option<T>,
    ) -> Vec<T> {
        let items = self.array(obj, key, true);
        let path = Path::Field(&obj.path, key);
        items.into_iter().enumerate().map(|(i, v)| each(self, v, Path::Item(&path, i)).unwrap_or_default()).collect()
    }

    fn document(&mut self, value: Json<'_>) -> Option<Document> {
        let mut top = self.object(value, Path::Root, &["$schema", "format", "article", "parties", "issues", "claims"])?;
        if let Some(format) = self.opt_string(&mut top, "format") {
            if format != crate::FORMAT {
                self.diagnostics.push(
                    Diagnostic::warning("format", format!("unknown format \"{format}\""))
                        .with_hint(format!("this reader reads \"{}\"", crate::FORMAT)),
                );
            }
        }
        let article = self.take(&mut top, "article", true).and_then(|v| self.article(v));
        let parties = self.list(&mut top, "parties", Self::party);
        let issues = self.list(&mut top, "issues", Self::issue);
        let claims = self.list(&mut top, "claims", Self::claim);
        Some(Document { article: article?, parties, issues, claims })
    }

    fn article(&mut self, value: Json<'_>) -> Option<Article> {
        let known = [
            "kicker", "headline", "subheadline", "author", "publisher", "dateline", "published", "updated",
            "paragraphs", "footer_note",
        ];
        let mut obj = self.object(value, Path::Field(&Path::Root, "article"), &known)?;
        let publisher = self.take(&mut obj, "publisher", false).and_then(|v| self.publisher(v));
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
        })
    }

    fn publisher(&mut self, value: Json<'_>) -> Option<Publisher> {
        let article = Path::Field(&Path::Root, "article");
        let mut obj = self.object(value, Path::Field(&article, "publisher"), &["name", "url"])?;
        Some(Publisher { name: self.text(&mut obj, "name"), url: self.opt_string(&mut obj, "url") })
    }

    fn party(&mut self, value: Json<'_>, path: Path) -> Option<Party> {
        let mut obj = self.object(value, path, &["id", "name", "short_name", "aliases"])?;
        Some(Party {
            id: self.text(&mut obj, "id"),
            name: self.text(&mut obj, "name"),
            short_name: self.opt_string(&mut obj, "short_name"),
            aliases: self.strings(&mut obj, "aliases", false, false),
        })
    }

    fn issue(&mut self, value: Json<'_>, path: Path) -> Option<Issue> {
        let mut obj = self.object(value, path, &["id", "label", "description"])?;
        Some(Issue {
            id: self.text(&mut obj, "id"),
            label: self.text(&mut obj, "label"),
            description: self.text(&mut obj, "description"),
        })
    }

    fn claim(&mut self, value: Json<'_>, path: Path) -> Option<Claim> {
        let known = ["id", "party", "issue", "stance", "quote", "summary", "attribution", "certainty", "hedge"];
        let mut obj = self.object(value, path, &known)?;
        let stance_words = Stance::ALL.map(|s| s.word());
        let certainty_words = Certainty::ALL.map(|c| c.word());
        let id = self.text(&mut obj, "id");
        let party = self.text(&mut obj, "party");
        let issue = self.text(&mut obj, "issue");
        let stance = self.word(&mut obj, "stance", &stance_words, Stance::from_word);
        let quote = self.take(&mut obj, "quote", true).and_then(|v| self.quote(v, Path::Field(&path, "quote")));
        let summary = self.text(&mut obj, "summary");
        let attribution = self
            .take(&mut obj, "attribution", true)
            .and_then(|v| self.attribution(v, Path::Field(&path, "attribution")));
        let certainty = self.word(&mut obj, "certainty", &certainty_words, Certainty::from_word);
        let hedge = self.opt_string(&mut obj, "hedge");
        Some(Claim {
            id,
            party,
            issue,
            stance: stance.unwrap_or_default(),
            quote: quote.unwrap_or_default(),
            summary,
            attribution: attribution.unwrap_or_default(),
            certainty: certainty.unwrap_or_default(),
            hedge,
        })
    }

    fn quote(&mut self, value: Json<'_>, path: Path) -> Option<Quote> {
        let mut obj = self.object(value, path, &["exact", "prefix", "suffix", "paragraph", "start"])?;
        Some(Quote {
            exact: self.text(&mut obj, "exact"),
            prefix: self.opt_string(&mut obj, "prefix"),
            suffix: self.opt_string(&mut obj, "suffix"),
            paragraph: self.index(&mut obj, "paragraph"),
            start: self.index(&mut obj, "start"),
        })
    }

    fn attribution(&mut self, value: Json<'_>, path: Path) -> Option<Attribution> {
        let mut obj = self.object(value, path, &["reported_by", "basis", "via"])?;
        Some(Attribution {
            reported_by: self.text(&mut obj, "reported_by"),
            basis: self.opt_string(&mut obj, "basis"),
            via: self.opt_string(&mut obj, "via"),
        })
    }
}

fn describe(value: &Json<'_>) -> String {
    match value {
        Json::Number(n) => n.clone(),
        Json::String(s) => format!("the string \"{s}\""),
        other => other.kind().to_string(),
    }
}
