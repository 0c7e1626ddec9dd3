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

use std::borrow::Cow;

/// The deepest nesting read; deeper text is refused, so no input can exhaust the stack.
pub const MAX_DEPTH: usize = 64;

/// One JSON value. A key written twice in an object appears twice; [`Json::get`] reads the
/// last, as JavaScript and serde_json do, and the decoder warns about it. Keys borrow from the
/// text unless they hold an escape: a long article has tens of thousands, all alike.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Json<'a> {
    #[default]
    Null,
    Bool(bool),
    /// The number as its parser writes it: `3`, `-1`, `2.5`, `1e+21`.
    Number(String),
    String(String),
    Array(Vec<Json<'a>>),
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    /// The value of `key` when this is an object holding it (its last, if written twice).
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

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
    pub offset: usize,
}

impl SyntaxError {
    /// 1-based line and column (in characters) of the error in `text`.
    pub fn line_col(&self, text: &str) -> (usize, usize) {
        let before = text.get(..self.offset).unwrap_or(text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
    }
}

/// Parses one JSON value filling the whole of `text` (white space around it allowed).
pub fn parse(text: &str) -> Result<Json<'_>, SyntaxError> {
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
        SyntaxError { message, offset: self.at }
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

    fn value(&mut self, depth: usize) -> Result<Json<'a>, SyntaxError> {
        self.skip_space();
        if depth > MAX_DEPTH {
            return Err(self.fail("the data is nested more than 64 levels deep"));
        }
        match self.peek() {
            None => Err(self.fail("the data ends where a value should be")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                for (word, value) in [("true", Json::Bool(true)), ("false", Json::Bool(false)), ("null", Json::Null)] {
                    if self.bytes[self.at..].starts_with(word.as_bytes()) {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(self.fail("expected a value: an object, array, string, number, true, false or null"))
            }
        }
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

    #[test]
    fn reads_values() {
        let json = parse(r#" {"a": [1, -2, 2.5, "x", null, true], "b": {}} "#).unwrap();
        let Some(Json::Array(items)) = json.get("a") else { panic!("{json:?}") };
        assert_eq!(items[0].as_u64(), Some(1));
        assert_eq!(items[1].as_u64(), None);
        assert_eq!(items[1], Json::Number("-2".into()));
        assert_eq!(items[2], Json::Number("2.5".into()));
        assert_eq!(items[3].kind(), "a string");
        assert_eq!(json.get("b"), Some(&Json::Object(Vec::new())));
        assert_eq!(json.get("c"), None);
    }

    #[test]
    fn says_where_and_why_text_is_not_json() {
        let error = |text: &str| parse(text).map(|_| ()).map_err(|e| (e.message, e.line_col(text)));
        assert_eq!(error("{\n  \"a\": [1,\n  ]\n}"), Err(("trailing comma", (3, 3))));
        assert_eq!(error("{\"a\" 1}"), Err(("expected : after a field name", (1, 6))));
        assert_eq!(error("[\"é\u{1}\"]"), Err(("a control character (such as a line break) inside a string must be escaped", (1, 4))));
        assert_eq!(error("[01]").map_err(|e| e.0), Err("invalid number"));
        assert_eq!(error("[1] x").map_err(|e| e.0), Err("unexpected text after the end of the data"));
        assert_eq!(error("\"\\ud800\"").map_err(|e| e.0), Err("a \\u escape of a high surrogate must be followed by its low surrogate"));
        assert_eq!(error("\"abc").map_err(|e| e.0), Err("the data ends inside a string"));
        let deep = "[".repeat(100_000);
        assert_eq!(error(&deep).map_err(|e| e.0), Err("the data is nested more than 64 levels deep"));
        let fine = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn decodes_escapes_and_keeps_repeated_keys() {
        let json = parse(r#"{"s": "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "k": 1, "k": 2}"#).unwrap();
        assert_eq!(json.get("s"), Some(&Json::String("a\"\\/\u{8}\u{c}\n\r\té😀".into())));
        assert_eq!(json.get("k"), Some(&Json::Number("2".into())));
    }

    #[test]
    fn writes_strings_that_read_back() {
        for text in ["", "plain", "a \"quote\" and \\ back", "line\nbreak\ttab\u{0}\u{1f}", "é😀\u{7f}</script>"] {
            let mut out = String::new();
            push_string(&mut out, text);
            assert_eq!(parse(&out), Ok(Json::String(text.to_string())), "{out}");
            assert_eq!(serde_json::from_str::<String>(&out).ok().as_deref(), Some(text), "{out}");
        }
    }
}
