//! JSON text → [`Json`] value, for the `check` command and the browser alike.
//!
//! One small parser instead of serde_json or the browser's `JSON.parse`: it keeps a JSON
//! library out of the bundle, reads the text where it already is (handing every string of a
//! long article across from JavaScript cost more than parsing it), and gives editors the same
//! messages, with line and column, on the command line and in the page.
//!
//! Objects keep their fields as a list in written order: claims files have a handful of fields
//! per object, so a scan is as quick as a map. Numbers keep their text, so messages quote them
//! as written, with no float formatting code.
//!
//! Every value keeps the byte offset where it starts, so that a problem found while decoding or
//! checking can say where it stands without reading the text a second time: one grammar, one
//! depth limit, one parse. A `u32` is enough, as files are refused past 2 MiB.

use std::borrow::Cow;

/// The deepest nesting read: a value may stand inside at most this many arrays and objects.
/// Deeper text is refused, so no input can exhaust the stack. Stated in `docs/data-format.md`.
pub const MAX_DEPTH: usize = 64;

/// One JSON value and the byte offset of its first character (`{`, `[`, `"`, `-`, a digit, or
/// the first letter of `true`, `false`, `null`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Value<'a> {
    pub at: u32,
    pub json: Json<'a>,
}

/// What a [`Value`] holds. A key written twice in an object appears twice; [`Value::get`] reads
/// the last, as JavaScript and serde_json do, and the decoder warns about it. Keys borrow from
/// the text unless they hold an escape: a long article has tens of thousands, all alike.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json<'a> {
    #[default]
    Null,
    Bool(bool),
    /// The number as its parser writes it: `3`, `-1`, `2.5`, `1e+21`.
    Number(String),
    String(String),
    Array(Vec<Value<'a>>),
    Object(Vec<(Cow<'a, str>, Value<'a>)>),
}

impl<'a> Value<'a> {
    /// The value of `key` when this is an object holding it (its last, if written twice).
    pub fn get(&self, key: &str) -> Option<&Value<'a>> {
        match &self.json {
            Json::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

impl<'a> Json<'a> {
    /// The number, when it is a whole number of 0 or more.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(text) => text.parse().ok(),
            _ => None,
        }
    }

    /// "a string", "an object": how messages name what was found.
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }
}

/// Appends `text` to `out` as a JSON string, quotes included.
pub fn push_string(out: &mut String, text: &str) {
    out.push('"');
    let mut run = 0;
    for (i, b) in text.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[run..i]);
        run = i + 1;
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push_str(escape);
        }
    }
    out.push_str(&text[run..]);
    out.push('"');
}

/// The character a one-letter escape (`\n`, `\"`, …) stands for.
pub(crate) fn short_escape(letter: u8) -> Option<char> {
    Some(match letter {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        _ => return None,
    })
}

/// Why a text is not JSON, and the byte offset where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub offset: u32,
}

/// Parses one JSON value filling the whole of `text` (white space around it allowed).
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let mut parser = Parser { bytes: text.as_bytes(), text, at: 0 };
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.fail("unexpected text after the end of the data"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn fail(&self, message: &'static str) -> SyntaxError {
        SyntaxError { message, offset: self.here() }
    }

    /// The offset read up to, as stored; past 4 GiB (never reached in a claims file) it saturates.
    fn here(&self) -> u32 {
        u32::try_from(self.at).unwrap_or(u32::MAX)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Skips white space, then takes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn value(&mut self, depth: usize) -> Result<Value<'a>, SyntaxError> {
        self.skip_space();
        if depth > MAX_DEPTH {
            return Err(self.fail("the data is nested more than 64 levels deep"));
        }
        let at = self.here();
        let json = match self.peek() {
            None => Err(self.fail("the data ends where a value should be")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                for (word, json) in [("true", Json::Bool(true)), ("false", Json::Bool(false)), ("null", Json::Null)] {
                    if self.bytes[self.at..].starts_with(word.as_bytes()) {
                        self.at += word.len();
                        return Ok(Value { at, json });
                    }
                }
                Err(self.fail("expected a value: an object, array, string, number, true, false or null"))
            }
        }?;
        Ok(Value { at, json })
    }

    /// A list of items between `open` and `close`, separated by commas.
    fn items(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> Result<(), SyntaxError>) -> Result<(), SyntaxError> {
        self.at += 1;
        if self.eat(close) {
            return Ok(());
        }
        loop {
            item(self)?;
            if self.eat(close) {
                return Ok(());
            }
            if !self.eat(b',') {
                return Err(self.fail(if close == b'}' { "expected , or } after a field" } else { "expected , or ] after an item" }));
            }
            if self.eat(close) {
                self.at -= 1;
                return Err(self.fail("trailing comma"));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        // Room for a claim's fields without growing.
        let mut fields = Vec::with_capacity(10);
        self.items(b'}', |p| {
            p.skip_space();
            if p.peek() != Some(b'"') {
                return Err(p.fail("expected a field name in double quotes"));
            }
            let key = p.key()?;
            if !p.eat(b':') {
                return Err(p.fail("expected : after a field name"));
            }
            fields.push((key, p.value(depth + 1)?));
            Ok(())
        })?;
        Ok(Json::Object(fields))
    }

    fn array(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        let mut items = Vec::new();
        self.items(b']', |p| {
            items.push(p.value(depth + 1)?);
            Ok(())
        })?;
        Ok(Json::Array(items))
    }

    fn number(&mut self) -> Result<Json<'a>, SyntaxError> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while let Some(b'0'..=b'9') = p.peek() {
                p.at += 1;
            }
            p.at - from
        };
        self.at += usize::from(self.peek() == Some(b'-'));
        let whole = self.at;
        let n = digits(self);
        if n == 0 || (n > 1 && self.bytes[whole] == b'0') {
            return Err(self.fail("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if digits(self) == 0 {
                return Err(self.fail("invalid number: a digit must follow the decimal point"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.fail("invalid number: a digit must follow the exponent"));
            }
        }
        Ok(Json::Number(self.text[start..self.at].to_string()))
    }

    /// A field name: borrowed from the text when it holds no escape.
    fn key(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let start = self.at + 1;
        let end = self.bytes[start..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).map(|n| start + n);
        if let Some(end) = end.filter(|&end| self.bytes[end] == b'"') {
            self.at = end + 1;
            let text: &'a str = self.text;
            return Ok(Cow::Borrowed(&text[start..end]));
        }
        self.string().map(Cow::Owned)
    }

    /// A string, from its opening quote; escapes decoded.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let run = self.at;
            let len = self.bytes[run..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            self.at = len.map_or(self.bytes.len(), |n| run + n);
            // Runs end at ASCII bytes, so they are whole characters.
            let text = &self.text[run..self.at];
            match self.peek() {
                None => return Err(self.fail("the data ends inside a string")),
                Some(b'"') => {
                    self.at += 1;
                    // Most strings have no escape: one allocation of the right size.
                    if out.is_empty() {
                        return Ok(text.to_string());
                    }
                    out.push_str(text);
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(text);
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => return Err(self.fail("a control character (such as a line break) inside a string must be escaped")),
            }
        }
    }

    fn escape(&mut self) -> Result<char, SyntaxError> {
        self.at += 1;
        let Some(b) = self.peek() else { return Err(self.fail("the data ends inside a string")) };
        self.at += 1;
        if let Some(c) = short_escape(b) {
            return Ok(c);
        }
        Ok(match b {
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A UTF-16 pair: the low half must follow at once.
                    if !self.bytes[self.at..].starts_with(b"\\u") {
                        return Err(self.fail("a \\u escape of a high surrogate must be followed by its low surrogate"));
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.fail("a \\u escape of a high surrogate must be followed by its low surrogate"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code).ok_or_else(|| self.fail("a \\u escape of a lone low surrogate is not a character"))?
            }
            _ => {
                self.at -= 1;
                return Err(self.fail("unknown escape: use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            let Some(digit) = digit else { return Err(self.fail("\\u must be followed by four hex digits")) };
            code = code * 16 + digit;
            self.at += 1;
        }
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{fill_line_cols, Diagnostic};

    /// The 1-based line and column of byte `offset` in `text`, as the command prints it.
    fn line_col(text: &str, offset: u32) -> (usize, usize) {
        let mut d = [Diagnostic::error("", "").at(offset)];
        fill_line_cols(text, &mut d);
        d[0].line_col.unwrap_or_default()
    }

    /// Where the value at `steps` (field names and item indices) starts.
    fn find(text: &str, steps: &[&str]) -> (usize, usize) {
        let root = parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        let mut value = &root;
        for step in steps {
            value = match (&value.json, step.parse::<usize>()) {
                (Json::Array(items), Ok(i)) => &items[i],
                _ => value.get(step).unwrap_or_else(|| panic!("no {step} in {value:?}")),
            };
        }
        line_col(text, value.at)
    }

    #[test]
    fn reads_values() {
        let json = parse(r#" {"a": [1, -2, 2.5, "x", null, true], "b": {}} "#).unwrap();
        let Some(Json::Array(items)) = json.get("a").map(|v| &v.json) else { panic!("{json:?}") };
        assert_eq!(items[0].json.as_u64(), Some(1));
        assert_eq!(items[1].json.as_u64(), None);
        assert_eq!(items[1].json, Json::Number("-2".into()));
        assert_eq!(items[2].json, Json::Number("2.5".into()));
        assert_eq!(items[3].json.kind(), "a string");
        assert_eq!(json.get("b").map(|v| &v.json), Some(&Json::Object(Vec::new())));
        assert_eq!(json.get("c"), None);
    }

    #[test]
    fn says_where_and_why_text_is_not_json() {
        let error = |text: &str| parse(text).map(|_| ()).map_err(|e| (e.message, line_col(text, e.offset)));
        assert_eq!(error("{\n  \"a\": [1,\n  ]\n}"), Err(("trailing comma", (3, 3))));
        assert_eq!(error("{\"a\" 1}"), Err(("expected : after a field name", (1, 6))));
        assert_eq!(error("[\"é\u{1}\"]"), Err(("a control character (such as a line break) inside a string must be escaped", (1, 4))));
        assert_eq!(error("{\"Київ\": 1,\r\n \"b\" 2}"), Err(("expected : after a field name", (2, 6))));
        assert_eq!(error("[01]").map_err(|e| e.0), Err("invalid number"));
        assert_eq!(error("[1] x").map_err(|e| e.0), Err("unexpected text after the end of the data"));
        assert_eq!(error("\"\\ud800\"").map_err(|e| e.0), Err("a \\u escape of a high surrogate must be followed by its low surrogate"));
        assert_eq!(error("\"abc").map_err(|e| e.0), Err("the data ends inside a string"));
    }

    #[test]
    fn refuses_what_is_not_json() {
        for text in [
            "", "   ", "{", "{\"a\": 1,}", "[1, 2,]", "{\"a\" 1}", "{a: 1}", "\"open", "\"bad \\x escape\"",
            "\"tab\there\"", "01", "1.", "1e", "-", "tru", "nul", "{} {}", "\u{feff}{}", "\"\\u12\"",
            "\"\\ud800\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "{,}", "[01]",
        ] {
            let error = parse(text).err().unwrap_or_else(|| panic!("{text:?} was read"));
            assert!(error.offset as usize <= text.len(), "{text:?} {error:?}");
        }
    }

    /// One depth limit: a value may stand inside at most MAX_DEPTH arrays and objects; past
    /// that the text is refused where the too-deep value starts, whatever its size.
    #[test]
    fn nesting_is_limited_not_overflowed() {
        let deep = "[".repeat(100_000);
        let error = parse(&deep).err();
        assert_eq!(error.map(|e| (e.message, e.offset)), Some(("the data is nested more than 64 levels deep", 65)));
        let fine = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(parse(&fine).is_ok());
        let inside = "[".repeat(MAX_DEPTH) + "1" + &"]".repeat(MAX_DEPTH);
        assert!(parse(&inside).is_ok());
        let too_deep = "{\"a\":".repeat(MAX_DEPTH) + "[1]" + &"}".repeat(MAX_DEPTH);
        assert_eq!(parse(&too_deep).err().map(|e| e.message), Some("the data is nested more than 64 levels deep"));
        let too_deep = "[".repeat(MAX_DEPTH + 1) + "1" + &"]".repeat(MAX_DEPTH + 1);
        let error = parse(&too_deep).err();
        assert_eq!(error.map(|e| line_col(&too_deep, e.offset)), Some((1, MAX_DEPTH + 2)));
    }

    #[test]
    fn decodes_escapes_and_keeps_repeated_keys() {
        let text = r#"{"s": "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "k": 1, "k": 2}"#;
        let json = parse(text).unwrap();
        assert_eq!(json.get("s").map(|v| &v.json), Some(&Json::String("a\"\\/\u{8}\u{c}\n\r\té😀".into())));
        assert_eq!(json.get("k").map(|v| (v.at as usize, &v.json)), Some((text.len() - 2, &Json::Number("2".into()))));
    }

    #[test]
    fn writes_strings_that_read_back() {
        for text in ["", "plain", "a \"quote\" and \\ back", "line\nbreak\ttab\u{0}\u{1f}", "é😀\u{7f}</script>"] {
            let mut out = String::new();
            push_string(&mut out, text);
            assert_eq!(parse(&out).map(|v| v.json), Ok(Json::String(text.to_string())), "{out}");
            assert_eq!(serde_json::from_str::<String>(&out).ok().as_deref(), Some(text), "{out}");
        }
    }

    const SAMPLE: &str = r#"{
  "format": "claim-reader/1",
  "article": {
    "headline": "Talks \"resume\" in Geneva",
    "paragraphs": ["Київ said no.", "Moscow said yes."]
  },
  "parties": [],
  "claims": [
    {"id": "a", "issue": "terittory"},
    {"id": "b", "quote": {"exact": "said"}}
  ]
}"#;

    #[test]
    fn keeps_where_fields_and_items_start() {
        assert_eq!(find(SAMPLE, &[]), (1, 1));
        assert_eq!(find(SAMPLE, &["format"]), (2, 13));
        assert_eq!(find(SAMPLE, &["article"]), (3, 14));
        assert_eq!(find(SAMPLE, &["article", "headline"]), (4, 17));
        assert_eq!(find(SAMPLE, &["article", "paragraphs"]), (5, 19));
        assert_eq!(find(SAMPLE, &["article", "paragraphs", "0"]), (5, 20));
        assert_eq!(find(SAMPLE, &["article", "paragraphs", "1"]), (5, 37));
        assert_eq!(find(SAMPLE, &["parties"]), (7, 14));
        assert_eq!(find(SAMPLE, &["claims", "0"]), (9, 5));
        assert_eq!(find(SAMPLE, &["claims", "0", "issue"]), (9, 26));
        assert_eq!(find(SAMPLE, &["claims", "1", "quote"]), (10, 26));
        assert_eq!(find(SAMPLE, &["claims", "1", "quote", "exact"]), (10, 36));
        assert_eq!(find("  \n\t[1]", &[]), (2, 2));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // "Київ" is 8 bytes but 4 characters, so the 1 is the 20th character (the 24th byte).
        assert_eq!(find("{\"a\": \"Київ\", \"b\": 1}", &["b"]), (1, 20));
        assert_eq!(find("{\"emoji\": \"🇺🇦\",\n \"x\": [1, \"é\", 3]}", &["x", "2"]), (2, 16));
        // Escapes count as written, not as what they stand for.
        let text = r#"{"\u00e9t\u00e9": 1, "\ud83d\ude00": 2, "q\"x": 3}"#;
        assert_eq!(find(text, &["été"]), (1, 19));
        assert_eq!(find(text, &["😀"]), (1, 38));
        assert_eq!(find(text, &["q\"x"]), (1, 49));
    }

    #[test]
    fn windows_line_endings() {
        // `\r` is the last character of its line, `\n` starts the next.
        assert_eq!(find("{\r\n  \"a\": [\r\n    true\r\n  ]\r\n}\r\n", &["a", "0"]), (3, 5));
    }

    #[test]
    fn numbers_and_literals() {
        let text = "[0, -1, 2.5, 3e10, -4.5E-3, true, false, null, \"\\ud83d\\ude00\", 7]";
        assert_eq!(find(text, &["1"]), (1, 5));
        assert_eq!(find(text, &["4"]), (1, 20));
        assert_eq!(find(text, &["7"]), (1, 42));
        assert_eq!(find(text, &["8"]), (1, 48));
        assert_eq!(find(text, &["9"]), (1, 64));
    }

    /// A small deterministic generator (xorshift64*), so failures can be replayed.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    /// A random JSON value, well-formed, with keys drawn from the claims format.
    fn gen_value(rng: &mut Rng, depth: usize, out: &mut String) {
        let keys = ["id", "claims", "quote", "exact", "article", "paragraphs", "a.b", "c[0]", "é", "\\\"", "\\u00e9", "\\ud83d\\ude00"];
        let scalars = ["1", "-0.5e3", "true", "null", "\"x\"", "\"Київ 🇺🇦\"", "\"\\n\\t\\\\\"", "\"\\u2019\""];
        let space = ["", " ", "\n", "\r\n  ", "\t"];
        match if depth > 6 { 2 } else { rng.below(3) } {
            0 => {
                out.push('{');
                for i in 0..rng.below(4) {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(rng.pick(&space));
                    out.push('"');
                    out.push_str(rng.pick(&keys));
                    out.push_str("\":");
                    out.push_str(rng.pick(&space));
                    gen_value(rng, depth + 1, out);
                }
                out.push_str(rng.pick(&space));
                out.push('}');
            }
            1 => {
                out.push('[');
                for i in 0..rng.below(4) {
                    if i > 0 {
                        out.push(',');
                    }
                    out.push_str(rng.pick(&space));
                    gen_value(rng, depth + 1, out);
                }
                out.push(']');
            }
            _ => out.push_str(rng.pick(&scalars)),
        }
    }

    /// Every value's offset is where text of its kind starts.
    fn assert_offsets(text: &str, value: &Value) {
        let first = text.as_bytes().get(value.at as usize).copied();
        let expected: &[u8] = match &value.json {
            Json::Null => b"n",
            Json::Bool(true) => b"t",
            Json::Bool(false) => b"f",
            Json::Number(_) => b"-0123456789",
            Json::String(_) => b"\"",
            Json::Array(items) => {
                items.iter().for_each(|v| assert_offsets(text, v));
                b"["
            }
            Json::Object(fields) => {
                fields.iter().for_each(|(_, v)| assert_offsets(text, v));
                b"{"
            }
        };
        assert!(first.is_some_and(|b| expected.contains(&b)), "{text:?}: {value:?}");
    }

    /// The parser reads what serde_json reads, to the same values, and refuses what it
    /// refuses (within the nesting limit).
    fn assert_agrees_with_serde_json(text: &str) {
        fn same(ours: &Json, theirs: &serde_json::Value) -> bool {
            use serde_json::Value as V;
            match (ours, theirs) {
                (Json::Null, V::Null) => true,
                (Json::Bool(a), V::Bool(b)) => a == b,
                (Json::String(a), V::String(b)) => a == b,
                // serde_json's float parsing may be off in the last bit.
                (Json::Number(x), V::Number(y)) => match (x.parse::<f64>(), y.to_string().parse::<f64>()) {
                    (Ok(x), Ok(y)) => x == y || (x - y).abs() <= x.abs().max(y.abs()) * 1e-15,
                    _ => false,
                },
                (Json::Array(x), V::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(&a.json, b)),
                // serde_json keeps the last of repeated keys, as `get` reads it.
                (Json::Object(x), V::Object(y)) => x.iter().all(|(k, _)| {
                    let ours = x.iter().rev().find(|(key, _)| key == k).map(|(_, v)| &v.json);
                    ours.zip(y.get(k.as_ref())).is_some_and(|(a, b)| same(a, b))
                }) && y.keys().all(|k| x.iter().any(|(key, _)| key == k)),
                _ => false,
            }
        }
        let ours = parse(text);
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(theirs) => match ours {
                Ok(ours) => {
                    assert!(same(&ours.json, &theirs), "{text:?}");
                    assert_offsets(text, &ours);
                }
                Err(e) => assert_eq!(e.message, "the data is nested more than 64 levels deep", "{text:?}"),
            },
            Err(_) => {
                let error = ours.err().unwrap_or_else(|| panic!("{text:?} was read"));
                assert!(error.offset as usize <= text.len(), "{text:?}");
            }
        }
    }

    #[test]
    fn agrees_with_serde_json_on_generated_and_broken_input() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3_000 {
            let mut text = String::new();
            gen_value(&mut rng, 0, &mut text);
            assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "{text:?}");
            assert_agrees_with_serde_json(&text);
            // Every problem the reader finds in any JSON has a place in it.
            let diagnostics = crate::reader::Reader::from_json(&text).err().unwrap_or_default();
            assert!(diagnostics.iter().all(|d| d.line_col.is_some()), "{text:?} {diagnostics:?}");
            // Break it: cut it short, drop, repeat or insert characters anywhere.
            let chars: Vec<char> = text.chars().collect();
            for _ in 0..4 {
                let mut broken = chars.clone();
                let at = rng.below(broken.len() + 1);
                match rng.below(4) {
                    0 => broken.truncate(at),
                    1 if at < broken.len() => {
                        broken.remove(at);
                    }
                    2 if at < broken.len() => {
                        let c = broken[at];
                        broken.insert(at, c);
                    }
                    _ => {
                        let noise = ['{', '}', '[', ']', '"', '\\', ',', ':', 'é', '\u{0}', 'u', '9'];
                        broken.insert(at, noise[rng.below(noise.len())]);
                    }
                }
                let broken: String = broken.into_iter().collect();
                assert_agrees_with_serde_json(&broken);
                let diagnostics = crate::reader::Reader::from_json(&broken).err().unwrap_or_default();
                assert!(diagnostics.iter().all(|d| d.line_col.is_some()), "{broken:?} {diagnostics:?}");
            }
        }
    }
}
