//! JSON → [`Document`], collecting every shape problem with its JSON path.
//!
//! serde's derive stops at the first error; editors want all of them at once, so the file is
//! parsed into a [`Json`] value and walked here, field by field.

use super::json::Json;

use super::diagnostic::Diagnostic;
use super::suggest::did_you_mean;
use super::types::*;

/// Reads a claims file. Returns the document when its shape allowed one to be built, and every
/// problem found on the way. Semantic checks (ids, references, anchors) come later.
pub fn decode_document(text: &str) -> (Option<Document>, Vec<Diagnostic>) {
    match parse_json(text) {
        Ok(value) => decode_value(&value),
        Err(d) => (None, vec![d]),
    }
}

/// JSON text → value, with the line and column of a syntax error.
pub fn parse_json(text: &str) -> Result<Json, Diagnostic> {
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

/// Walks an already parsed value (from any JSON parser) into a document.
pub fn decode_value(value: &Json) -> (Option<Document>, Vec<Diagnostic>) {
    let mut decoder = Decoder::default();
    let document = decoder.document(value);
    (document, decoder.diagnostics)
}

fn child(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[derive(Default)]
struct Decoder {
    diagnostics: Vec<Diagnostic>,
}

/// One JSON object being read, with the path that leads to it.
struct Obj<'a> {
    fields: &'a [(String, Json)],
    path: String,
}

impl Decoder {
    fn error(&mut self, path: String, message: String) {
        self.diagnostics.push(Diagnostic::error(path, message));
    }

    /// Checks `value` is an object and warns about fields the format does not know.
    fn object<'a>(&mut self, value: &'a Json, path: &str, known: &[&str]) -> Option<Obj<'a>> {
        let Json::Object(fields) = value else {
            self.error(path.to_string(), format!("expected an object, found {}", value.kind()));
            return None;
        };
        let mut seen = 0u32;
        for (key, _) in fields {
            if let Some(k) = known.iter().position(|k| k == key) {
                if seen & (1 << k) != 0 {
                    self.diagnostics.push(Diagnostic::warning(
                        child(path, key),
                        format!("field \"{key}\" is written more than once; the last one counts"),
                    ));
                }
                seen |= 1 << k;
            } else {
                self.diagnostics.push(
                    Diagnostic::warning(child(path, key), format!("unknown field \"{key}\", ignored"))
                        .with_hint(did_you_mean(key, known)),
                );
            }
        }
        Some(Obj { fields, path: path.to_string() })
    }

    fn field<'a>(&mut self, obj: &Obj<'a>, key: &str, required: bool) -> Option<&'a Json> {
        match obj.fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v) {
            None if required => {
                let at = if obj.path.is_empty() { "the top level".to_string() } else { obj.path.clone() };
                self.error(child(&obj.path, key), format!("missing required field \"{key}\" in {at}"));
                None
            }
            None | Some(Json::Null) if !required => None,
            other => other,
        }
    }

    fn string_at(&mut self, value: &Json, path: String) -> Option<String> {
        match value {
            Json::String(s) => Some(s.clone()),
            other => {
                self.error(path, format!("expected a string, found {}", other.kind()));
                None
            }
        }
    }

    fn opt_string(&mut self, obj: &Obj, key: &str) -> Option<String> {
        let value = self.field(obj, key, false)?;
        self.string_at(value, child(&obj.path, key))
    }

    /// A required string that must hold more than white space.
    fn text(&mut self, obj: &Obj, key: &str) -> String {
        let Some(value) = self.field(obj, key, true) else { return String::new() };
        let path = child(&obj.path, key);
        let Some(s) = self.string_at(value, path.clone()) else { return String::new() };
        if s.trim().is_empty() {
            self.error(path, format!("\"{key}\" must not be empty or only white space"));
        }
        s
    }

    fn index(&mut self, obj: &Obj, key: &str) -> Option<usize> {
        let value = self.field(obj, key, false)?;
        let path = child(&obj.path, key);
        match value.as_u64() {
            Some(n) => match usize::try_from(n) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.error(path, format!("{n} is too large"));
                    None
                }
            },
            None => {
                self.error(path, format!("expected a whole number of 0 or more, found {}", describe(value)));
                None
            }
        }
    }

    fn array<'a>(&mut self, obj: &Obj<'a>, key: &str, required: bool) -> &'a [Json] {
        let Some(value) = self.field(obj, key, required) else { return &[] };
        match value {
            Json::Array(items) => items,
            other => {
                self.error(child(&obj.path, key), format!("expected an array, found {}", other.kind()));
                &[]
            }
        }
    }

    fn strings(&mut self, obj: &Obj, key: &str) -> Vec<String> {
        let path = child(&obj.path, key);
        let items = self.array(obj, key, false);
        items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.string_at(v, format!("{path}[{i}]")))
            .collect()
    }

    /// A required closed-vocabulary word, such as a stance.
    fn word<T>(&mut self, obj: &Obj, key: &str, words: &[&str], parse: fn(&str) -> Option<T>) -> Option<T> {
        let value = self.field(obj, key, true)?;
        let path = child(&obj.path, key);
        let word = self.string_at(value, path.clone())?;
        let parsed = parse(&word);
        if parsed.is_none() {
            self.diagnostics.push(
                Diagnostic::error(path, format!("unknown {key} \"{word}\"")).with_hint(did_you_mean(&word, words)),
            );
        }
        parsed
    }

    /// Every item yields a value, a placeholder where it was broken (its problems are already
    /// reported), so that later checks name each item by its own index.
    fn list<T: Default>(&mut self, obj: &Obj, key: &str, mut each: impl FnMut(&mut Self, &Json, String) -> Option<T>) -> Vec<T> {
        let path = child(&obj.path, key);
        let items = self.array(obj, key, true);
        items
            .iter()
            .enumerate()
            .map(|(i, v)| each(self, v, format!("{path}[{i}]")).unwrap_or_default())
            .collect()
    }

    fn document(&mut self, value: &Json) -> Option<Document> {
        let top = self.object(value, "", &["$schema", "format", "article", "parties", "issues", "claims"])?;
        if let Some(format) = self.opt_string(&top, "format") {
            if format != crate::FORMAT {
                self.diagnostics.push(
                    Diagnostic::warning("format", format!("unknown format \"{format}\""))
                        .with_hint(format!("this reader reads \"{}\"", crate::FORMAT)),
                );
            }
        }
        let article = self.field(&top, "article", true).and_then(|v| self.article(v));
        let parties = self.list(&top, "parties", Self::party);
        let issues = self.list(&top, "issues", Self::issue);
        let claims = self.list(&top, "claims", Self::claim);
        Some(Document { article: article?, parties, issues, claims })
    }

    fn article(&mut self, value: &Json) -> Option<Article> {
        let known = [
            "kicker", "headline", "subheadline", "author", "publisher", "dateline", "published", "updated",
            "paragraphs", "footer_note",
        ];
        let obj = self.object(value, "article", &known)?;
        let publisher = self.field(&obj, "publisher", false).and_then(|v| self.publisher(v));
        let paragraphs_path = child(&obj.path, "paragraphs");
        let paragraphs = self.array(&obj, "paragraphs", true);
        let paragraphs = paragraphs
            .iter()
            .enumerate()
            .map(|(i, v)| self.string_at(v, format!("{paragraphs_path}[{i}]")).unwrap_or_default())
            .collect();
        Some(Article {
            kicker: self.strings(&obj, "kicker"),
            headline: self.text(&obj, "headline"),
            subheadline: self.opt_string(&obj, "subheadline"),
            author: self.opt_string(&obj, "author"),
            publisher,
            dateline: self.opt_string(&obj, "dateline"),
            published: self.opt_string(&obj, "published"),
            updated: self.opt_string(&obj, "updated"),
            paragraphs,
            footer_note: self.opt_string(&obj, "footer_note"),
        })
    }

    fn publisher(&mut self, value: &Json) -> Option<Publisher> {
        let obj = self.object(value, "article.publisher", &["name", "url"])?;
        Some(Publisher { name: self.text(&obj, "name"), url: self.opt_string(&obj, "url") })
    }

    fn party(&mut self, value: &Json, path: String) -> Option<Party> {
        let obj = self.object(value, &path, &["id", "name", "short_name", "aliases"])?;
        Some(Party {
            id: self.text(&obj, "id"),
            name: self.text(&obj, "name"),
            short_name: self.opt_string(&obj, "short_name"),
            aliases: self.strings(&obj, "aliases"),
        })
    }

    fn issue(&mut self, value: &Json, path: String) -> Option<Issue> {
        let obj = self.object(value, &path, &["id", "label", "description"])?;
        Some(Issue { id: self.text(&obj, "id"), label: self.text(&obj, "label"), description: self.text(&obj, "description") })
    }

    fn claim(&mut self, value: &Json, path: String) -> Option<Claim> {
        let known = ["id", "party", "issue", "stance", "quote", "summary", "attribution", "certainty", "hedge"];
        let obj = self.object(value, &path, &known)?;
        let stance_words: Vec<&str> = Stance::ALL.iter().map(|s| s.word()).collect();
        let certainty_words: Vec<&str> = Certainty::ALL.iter().map(|c| c.word()).collect();
        let id = self.text(&obj, "id");
        let party = self.text(&obj, "party");
        let issue = self.text(&obj, "issue");
        let stance = self.word(&obj, "stance", &stance_words, Stance::from_word);
        let quote = self.field(&obj, "quote", true).and_then(|v| self.quote(v, child(&path, "quote")));
        let summary = self.text(&obj, "summary");
        let attribution =
            self.field(&obj, "attribution", true).and_then(|v| self.attribution(v, child(&path, "attribution")));
        let certainty = self.word(&obj, "certainty", &certainty_words, Certainty::from_word);
        let hedge = self.opt_string(&obj, "hedge");
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

    fn quote(&mut self, value: &Json, path: String) -> Option<Quote> {
        let obj = self.object(value, &path, &["exact", "prefix", "suffix", "paragraph", "start"])?;
        Some(Quote {
            exact: self.text(&obj, "exact"),
            prefix: self.opt_string(&obj, "prefix"),
            suffix: self.opt_string(&obj, "suffix"),
            paragraph: self.index(&obj, "paragraph"),
            start: self.index(&obj, "start"),
        })
    }

    fn attribution(&mut self, value: &Json, path: String) -> Option<Attribution> {
        let obj = self.object(value, &path, &["reported_by", "basis", "via"])?;
        Some(Attribution {
            reported_by: self.text(&obj, "reported_by"),
            basis: self.opt_string(&obj, "basis"),
            via: self.opt_string(&obj, "via"),
        })
    }
}

fn describe(value: &Json) -> String {
    match value {
        Json::Number(n) => n.clone(),
        Json::String(s) => format!("the string \"{s}\""),
        other => other.kind().to_string(),
    }
}
