//! Writes a claims file: the fields in the order `docs/data-format.md` documents them,
//! pretty-printed two spaces deep, one value a line, so that a file diffs well in version control.
//!
//! Written by hand rather than through `serde_json` so that the editor page can write files
//! without a JSON library in its bundle; the output is byte for byte what `serde_json`'s pretty
//! printer makes of the same fields (`tests/write.rs` checks it against the command's writer).
//! Optional fields that are absent, and empty `kicker` and `aliases` lists, are left out.

use super::types::{Article, Attribution, Claim, Document, Issue, Party, Quote};

/// The claims file of `doc`, ending with a line break.
pub fn write_claims_file(doc: &Document) -> String {
    let mut w = Writer { out: String::new(), depth: 0, first: true, after_key: false };
    w.open('{');
    w.string_field("format", crate::FORMAT);
    w.key("article");
    article(&mut w, &doc.article);
    w.key("parties");
    w.list(&doc.parties, party);
    w.key("issues");
    w.list(&doc.issues, issue);
    w.key("claims");
    w.list(&doc.claims, claim);
    w.close('}');
    w.out.push('\n');
    w.out
}

fn article(w: &mut Writer, a: &Article) {
    w.open('{');
    if !a.kicker.is_empty() {
        w.key("kicker");
        w.strings(&a.kicker);
    }
    w.string_field("headline", &a.headline);
    w.opt_field("subheadline", a.subheadline.as_deref());
    w.opt_field("author", a.author.as_deref());
    if let Some(p) = &a.publisher {
        w.key("publisher");
        w.open('{');
        w.string_field("name", &p.name);
        w.opt_field("url", p.url.as_deref());
        w.close('}');
    }
    w.opt_field("dateline", a.dateline.as_deref());
    w.opt_field("published", a.published.as_deref());
    w.opt_field("updated", a.updated.as_deref());
    w.key("paragraphs");
    w.strings(&a.paragraphs);
    w.opt_field("footer_note", a.footer_note.as_deref());
    w.opt_field("language", a.language.as_deref());
    w.opt_field("direction", a.direction.map(|d| d.word()));
    w.close('}');
}

fn party(w: &mut Writer, p: &Party) {
    w.open('{');
    w.string_field("id", &p.id);
    w.string_field("name", &p.name);
    w.opt_field("short_name", p.short_name.as_deref());
    if !p.aliases.is_empty() {
        w.key("aliases");
        w.strings(&p.aliases);
    }
    w.close('}');
}

fn issue(w: &mut Writer, i: &Issue) {
    w.open('{');
    w.string_field("id", &i.id);
    w.string_field("label", &i.label);
    w.string_field("description", &i.description);
    w.close('}');
}

fn claim(w: &mut Writer, c: &Claim) {
    w.open('{');
    w.string_field("id", &c.id);
    w.string_field("party", &c.party);
    w.string_field("issue", &c.issue);
    w.string_field("stance", c.stance.word());
    w.key("quote");
    quote(w, &c.quote);
    w.string_field("summary", &c.summary);
    w.key("attribution");
    attribution(w, &c.attribution);
    w.string_field("certainty", c.certainty.word());
    w.opt_field("hedge", c.hedge.as_deref());
    w.close('}');
}

fn quote(w: &mut Writer, q: &Quote) {
    w.open('{');
    w.string_field("exact", &q.exact);
    w.opt_field("prefix", q.prefix.as_deref());
    w.opt_field("suffix", q.suffix.as_deref());
    if let Some(p) = q.paragraph {
        w.number_field("paragraph", p);
    }
    if let Some(s) = q.start {
        w.number_field("start", s);
    }
    w.close('}');
}

fn attribution(w: &mut Writer, a: &Attribution) {
    w.open('{');
    w.string_field("reported_by", &a.reported_by);
    w.opt_field("basis", a.basis.as_deref());
    w.opt_field("via", a.via.as_deref());
    w.close('}');
}

/// Pretty-printing state: how deep the writer is, whether the innermost open container is still
/// empty, and whether a key was just written (its value follows on the same line).
struct Writer {
    out: String,
    depth: usize,
    first: bool,
    after_key: bool,
}

impl Writer {
    /// Starts a value: after a key on the same line; else, inside a container, on a new line
    /// after a comma when something came before it.
    fn begin(&mut self) {
        if self.after_key {
            self.after_key = false;
            return;
        }
        if self.depth > 0 {
            if !self.first {
                self.out.push(',');
            }
            self.newline();
        }
        self.first = false;
    }

    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn key(&mut self, key: &str) {
        self.begin();
        string(&mut self.out, key);
        self.out.push_str(": ");
        self.after_key = true;
    }

    fn open(&mut self, bracket: char) {
        self.begin();
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    /// Closes the innermost container; an empty one stays on one line (`[]`).
    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if !self.first {
            self.newline();
        }
        self.out.push(bracket);
        self.first = false;
    }

    fn string_field(&mut self, key: &str, value: &str) {
        self.key(key);
        self.begin();
        string(&mut self.out, value);
    }

    fn opt_field(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.string_field(key, value);
        }
    }

    fn number_field(&mut self, key: &str, value: usize) {
        self.key(key);
        self.begin();
        self.out.push_str(&value.to_string());
    }

    fn strings(&mut self, items: &[String]) {
        self.list(items, |w, s| {
            w.begin();
            string(&mut w.out, s);
        });
    }

    fn list<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Writer, &T)) {
        self.open('[');
        for item in items {
            each(self, item);
        }
        self.close(']');
    }
}

/// `text` as a JSON string, escaped as `serde_json` escapes it: `"` and `\\`, the control
/// characters with a short escape where JSON has one and as `\u00XX` otherwise; everything else
/// as it is.
fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let b = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[b >> 4]));
                out.push(char::from(HEX[b & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
