//! Where a JSON path stands in the text of a claims file.
//!
//! Diagnostics name the value they are about with a path such as `claims[3].issue`, but
//! `serde_json::Value` forgets where each value was written. This module scans the text once
//! more, keeping the offset at which every value starts, so that a path can be turned into the
//! 1-based line and column an editor jumps to.
//!
//! The scanner never panics: text it cannot read (malformed JSON, nesting deeper than
//! [`MAX_DEPTH`]) simply has no positions.

use crate::model::Diagnostic;
#[cfg(test)]
use crate::model::Json;

/// The deepest nesting the scanner follows. serde_json refuses deeper text anyway.
pub const MAX_DEPTH: usize = 256;

/// The 1-based (line, column) where the value at `path` starts in `text`, or where its nearest
/// existing ancestor starts when the value is missing. Columns count characters (code points).
/// `None` when `text` is not well-formed JSON.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let offset = Locator::new(text).offset(path)?;
    line_cols(text, &[offset]).into_iter().next().flatten()
}

/// Sets `line_col` on every diagnostic that has none, reading `text` only once.
/// Diagnostics whose path cannot be placed (because `text` is not well-formed) are left as they are.
pub fn fill_line_cols(text: &str, diagnostics: &mut [Diagnostic]) {
    if diagnostics.iter().all(|d| d.line_col.is_some()) {
        return;
    }
    let locator = Locator::new(text);
    let offsets: Vec<Option<usize>> = diagnostics
        .iter()
        .map(|d| if d.line_col.is_some() { None } else { locator.offset(&d.path) })
        .collect();
    let known: Vec<usize> = offsets.iter().flatten().copied().collect();
    let positions = line_cols(text, &known);
    let mut positions = positions.into_iter();
    for (diagnostic, offset) in diagnostics.iter_mut().zip(offsets) {
        if offset.is_some() {
            diagnostic.line_col = positions.next().flatten();
        }
    }
}

/// A scanned JSON text, ready to answer many path look-ups.
pub struct Locator {
    root: Option<Node>,
}

impl Locator {
    pub fn new(text: &str) -> Self {
        Locator { root: Scanner::new(text).document() }
    }

    /// The byte offset where the value at `path` (or its nearest existing ancestor) starts.
    pub fn offset(&self, path: &str) -> Option<usize> {
        let root = self.root.as_ref()?;
        Some(resolve(root, path, true).0)
    }
}

/// One JSON value and the byte offset of its first character.
#[derive(Debug)]
struct Node {
    start: usize,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    /// Members in written order; a repeated key appears more than once.
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
    Scalar,
}

/// Follows `rest` (the part of a path still to walk) down from `node`. Returns the offset reached
/// and whether the whole path was found. `top` is true at the document's root, where keys are not
/// preceded by a dot.
fn resolve(node: &Node, rest: &str, top: bool) -> (usize, bool) {
    if rest.is_empty() {
        return (node.start, true);
    }
    match &node.kind {
        Kind::Array(items) => {
            let Some(after_bracket) = rest.strip_prefix('[') else { return (node.start, false) };
            let Some(close) = after_bracket.find(']') else { return (node.start, false) };
            let digits = &after_bracket[..close];
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return (node.start, false);
            }
            match digits.parse::<usize>().ok().and_then(|i| items.get(i)) {
                Some(item) => resolve(item, &after_bracket[close + 1..], false),
                None => (node.start, false),
            }
        }
        Kind::Object(members) => {
            let keyed = if top { Some(rest) } else { rest.strip_prefix('.') };
            let Some(keyed) = keyed else { return (node.start, false) };
            // Keys may themselves hold '.' or '[' (an unknown field can be named anything), so
            // every key the path could start with is a candidate, the longest tried first. For a
            // repeated key the last one counts, as it does for serde_json.
            let mut candidates: Vec<(&str, &Node)> = Vec::new();
            for (key, value) in members.iter().rev() {
                let Some(after) = keyed.strip_prefix(key.as_str()) else { continue };
                if !(after.is_empty() || after.starts_with('.') || after.starts_with('[')) {
                    continue;
                }
                if candidates.iter().any(|(k, _)| *k == key.as_str()) {
                    continue;
                }
                candidates.push((key.as_str(), value));
            }
            candidates.sort_by_key(|(key, _)| std::cmp::Reverse(key.len()));
            let mut first_partial = None;
            for (key, value) in candidates {
                let found = resolve(value, &keyed[key.len()..], false);
                if found.1 {
                    return found;
                }
                first_partial.get_or_insert(found);
            }
            first_partial.unwrap_or((node.start, false))
        }
        Kind::Scalar => (node.start, false),
    }
}

/// The 1-based (line, column) of each byte offset, in one pass over the text. Columns count
/// characters; an offset that is past the end or inside a character has no position.
fn line_cols(text: &str, offsets: &[usize]) -> Vec<Option<(usize, usize)>> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![None; offsets.len()];
    let mut chars = text.char_indices().peekable();
    let (mut line, mut column) = (1, 1);
    for i in order {
        let target = offsets[i];
        while let Some(&(at, c)) = chars.peek() {
            if at >= target {
                break;
            }
            chars.next();
            if c == '\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        let on_boundary = target <= text.len() && text.is_char_boundary(target);
        if on_boundary {
            out[i] = Some((line, column));
        }
    }
    out
}

/// A recursive-descent reader of JSON that keeps where each value starts.
struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str) -> Self {
        Scanner { text, bytes: text.as_bytes(), pos: 0 }
    }

    /// The whole text as one value, with nothing but white space after it.
    fn document(mut self) -> Option<Node> {
        self.skip_space();
        let root = self.value(0)?;
        self.skip_space();
        (self.pos == self.bytes.len()).then_some(root)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        let kind = match self.peek()? {
            b'{' => self.object(depth)?,
            b'[' => self.array(depth)?,
            b'"' => {
                self.string()?;
                Kind::Scalar
            }
            b't' => self.literal("true")?,
            b'f' => self.literal("false")?,
            b'n' => self.literal("null")?,
            b'-' | b'0'..=b'9' => self.number()?,
            _ => return None,
        };
        Some(Node { start, kind })
    }

    fn object(&mut self, depth: usize) -> Option<Kind> {
        self.pos += 1; // '{'
        let mut members = Vec::new();
        self.skip_space();
        if self.eat(b'}') {
            return Some(Kind::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return None;
            }
            let key = self.string()?;
            self.skip_space();
            if !self.eat(b':') {
                return None;
            }
            self.skip_space();
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_space();
            if self.eat(b'}') {
                return Some(Kind::Object(members));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Kind> {
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_space();
        if self.eat(b']') {
            return Some(Kind::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth + 1)?);
            self.skip_space();
            if self.eat(b']') {
                return Some(Kind::Array(items));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn literal(&mut self, word: &str) -> Option<Kind> {
        let end = self.pos.checked_add(word.len())?;
        if self.bytes.get(self.pos..end)? != word.as_bytes() {
            return None;
        }
        self.pos = end;
        Some(Kind::Scalar)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Option<Kind> {
        self.eat(b'-');
        match self.peek()? {
            b'0' => self.pos += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.') {
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return None;
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return None;
            }
            self.digits();
        }
        Some(Kind::Scalar)
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    /// Reads a string starting at its opening quote and returns its decoded text.
    fn string(&mut self) -> Option<String> {
        self.pos += 1; // '"'
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            let byte = self.peek()?;
            match byte {
                b'"' => {
                    out.push_str(self.text.get(run..self.pos)?);
                    self.pos += 1;
                    return Some(out);
                }
                b'\\' => {
                    out.push_str(self.text.get(run..self.pos)?);
                    self.pos += 1;
                    self.escape(&mut out)?;
                    run = self.pos;
                }
                0x00..=0x1F => return None,
                _ => self.pos += 1,
            }
        }
    }

    /// Decodes one escape, the backslash already consumed.
    fn escape(&mut self, out: &mut String) -> Option<()> {
        let byte = self.peek()?;
        self.pos += 1;
        let c = match byte {
            b'u' => {
                // serde_json refuses a surrogate that is not one of a pair; so does this.
                let first = self.hex4()?;
                if (0xD800..0xDC00).contains(&first) {
                    if !self.eat(b'\\') || !self.eat(b'u') {
                        return None;
                    }
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return None;
                    }
                    char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))?
                } else {
                    char::from_u32(first)?
                }
            }
            _ => crate::model::json::short_escape(byte)?,
        };
        out.push(c);
        Some(())
    }

    fn hex4(&mut self) -> Option<u32> {
        let end = self.pos.checked_add(4)?;
        let digits = self.text.get(self.pos..end)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos = end;
        u32::from_str_radix(digits, 16).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn finds_fields_and_items() {
        assert_eq!(locate(SAMPLE, ""), Some((1, 1)));
        assert_eq!(locate(SAMPLE, "format"), Some((2, 13)));
        assert_eq!(locate(SAMPLE, "article"), Some((3, 14)));
        assert_eq!(locate(SAMPLE, "article.headline"), Some((4, 17)));
        assert_eq!(locate(SAMPLE, "article.paragraphs"), Some((5, 19)));
        assert_eq!(locate(SAMPLE, "article.paragraphs[0]"), Some((5, 20)));
        assert_eq!(locate(SAMPLE, "article.paragraphs[1]"), Some((5, 37)));
        assert_eq!(locate(SAMPLE, "claims[0].issue"), Some((9, 26)));
        assert_eq!(locate(SAMPLE, "claims[1].quote.exact"), Some((10, 36)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"a\": \"Київ\", \"b\": 1}";
        // "Київ" is 8 bytes but 4 characters, so the 1 is the 20th character (the 24th byte).
        assert_eq!(locate(text, "b"), Some((1, 20)));
        let text = "{\"emoji\": \"🇺🇦\",\n \"x\": [1, \"é\", 3]}";
        assert_eq!(locate(text, "x[2]"), Some((2, 16)));
    }

    #[test]
    fn missing_values_point_at_the_nearest_ancestor() {
        assert_eq!(locate(SAMPLE, "claims[0].party"), Some((9, 5)));
        assert_eq!(locate(SAMPLE, "claims[1].quote.start"), Some((10, 26)));
        assert_eq!(locate(SAMPLE, "claims[7].issue"), Some((8, 13)));
        assert_eq!(locate(SAMPLE, "issues"), Some((1, 1)));
        assert_eq!(locate(SAMPLE, "parties[0].id"), Some((7, 14)));
        // A path that walks into a string stops at the string.
        assert_eq!(locate(SAMPLE, "format.x"), Some((2, 13)));
        assert_eq!(locate(SAMPLE, "article.paragraphs.x"), Some((5, 19)));
        assert_eq!(locate(SAMPLE, "article.paragraphs[x]"), Some((5, 19)));
        assert_eq!(locate(SAMPLE, "article.paragraphs[99999999999999999999999]"), Some((5, 19)));
    }

    #[test]
    fn keys_with_escapes_dots_and_brackets() {
        let text = r#"{"a.b": 1, "a": {"b": 2}, "q\"x": 3, "c[0]": 4, "c": [5]}"#;
        assert_eq!(locate(text, "a.b"), Some((1, 9)));
        assert_eq!(locate(text, "q\"x"), Some((1, 35)));
        assert_eq!(locate(text, "c[0]"), Some((1, 46)));
        // `a` exists but has no `c`: the longer partial match, the object under `a`, is given.
        assert_eq!(locate(text, "a.c"), Some((1, 17)));
        let text = r#"{"\u00e9t\u00e9": 1, "\ud83d\ude00": 2}"#;
        assert_eq!(locate(text, "été"), Some((1, 19)));
        assert_eq!(locate(text, "😀"), Some((1, 38)));
    }

    #[test]
    fn the_last_of_repeated_keys_counts() {
        let text = "{\"a\": 1,\n \"a\": 2}";
        assert_eq!(locate(text, "a"), Some((2, 7)));
    }

    #[test]
    fn windows_line_endings() {
        let text = "{\r\n  \"a\": [\r\n    true\r\n  ]\r\n}\r\n";
        assert_eq!(locate(text, "a[0]"), Some((3, 5)));
    }

    #[test]
    fn malformed_text_has_no_positions() {
        for text in [
            "",
            "   ",
            "{",
            "{\"a\": 1,}",
            "[1, 2,]",
            "{\"a\" 1}",
            "{a: 1}",
            "\"open",
            "\"bad \\x escape\"",
            "\"tab\there\"",
            "01",
            "1.",
            "1e",
            "-",
            "tru",
            "nul",
            "{} {}",
            "\u{feff}{}",
            "\"\\u12\"",
            "\"\\ud800\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
        ] {
            assert_eq!(locate(text, ""), None, "{text:?}");
        }
    }

    #[test]
    fn numbers_and_literals() {
        let text = "[0, -1, 2.5, 3e10, -4.5E-3, true, false, null, \"\\ud83d\\ude00\"]";
        assert_eq!(locate(text, "[8]"), Some((1, 48)));
        assert_eq!(locate(text, "[7]"), Some((1, 42)));
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(locate(&deep, ""), None);
        let fine = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert_eq!(locate(&fine, ""), Some((1, 1)));
    }

    #[test]
    fn agrees_with_serde_json_on_what_is_json() {
        for text in ["{\"a\": [1, {\"b\": null}]}", "[]", "\"x\"", "{\"a\": 1, \"a\": 2}", "[1,]", "{,}", "[01]"] {
            let ours = Locator::new(text).root.is_some();
            let theirs = serde_json::from_str::<serde_json::Value>(text).is_ok();
            assert_eq!(ours, theirs, "{text:?}");
        }
    }

    #[test]
    fn fills_only_diagnostics_without_a_position() {
        let mut diagnostics = vec![
            Diagnostic::error("claims[0].issue", "unknown issue"),
            Diagnostic::error("", "whole file"),
            Diagnostic::warning("claims[1].quote.exact", "not in the text"),
            Diagnostic::error("format", "kept"),
        ];
        diagnostics[3].line_col = Some((40, 2));
        fill_line_cols(SAMPLE, &mut diagnostics);
        let found: Vec<_> = diagnostics.iter().map(|d| d.line_col).collect();
        assert_eq!(found, vec![Some((9, 26)), Some((1, 1)), Some((10, 36)), Some((40, 2))]);

        let mut diagnostics = vec![Diagnostic::error("a", "x")];
        fill_line_cols("{\"a\": ", &mut diagnostics);
        assert_eq!(diagnostics[0].line_col, None);
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
        let keys = ["id", "claims", "quote", "exact", "a.b", "c[0]", "é", "\\\"", "\\u00e9", "\\ud83d\\ude00"];
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

    fn gen_path(rng: &mut Rng) -> String {
        let parts = ["id", "claims", "quote", "exact", "a.b", "c[0]", "é", "\"", "😀", "[0]", "[1]", "[2]", "[", "]", ".", "[99999999999999999999]"];
        let mut path = String::new();
        for _ in 0..rng.below(6) {
            let part = rng.pick(&parts);
            if !path.is_empty() && !part.starts_with('[') && rng.below(4) > 0 {
                path.push('.');
            }
            path.push_str(part);
        }
        path
    }

    /// The model's own parser reads what serde_json reads, to the same values, and refuses
    /// what it refuses (within the model's nesting limit).
    fn assert_parsers_agree(text: &str) {
        fn convert(v: &serde_json::Value) -> Json<'static> {
            use serde_json::Value;
            match v {
                Value::Null => Json::Null,
                Value::Bool(b) => Json::Bool(*b),
                Value::Number(n) => Json::Number(n.to_string()),
                Value::String(s) => Json::String(s.clone()),
                Value::Array(items) => Json::Array(items.iter().map(convert).collect()),
                Value::Object(map) => Json::Object(map.iter().map(|(k, v)| (k.clone().into(), convert(v))).collect()),
            }
        }
        /// Objects as maps (key order and repeats aside), numbers by value.
        fn same(a: &Json, b: &Json) -> bool {
            match (a, b) {
                // serde_json's float parsing may be off in the last bit.
                (Json::Number(x), Json::Number(y)) => match (x.parse::<f64>(), y.parse::<f64>()) {
                    (Ok(x), Ok(y)) => x == y || (x - y).abs() <= x.abs().max(y.abs()) * 1e-15,
                    _ => false,
                },
                (Json::Array(x), Json::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b)),
                (Json::Object(x), Json::Object(_)) => x.iter().all(|(k, _)| match (a.get(k), b.get(k)) {
                    (Some(a), Some(b)) => same(a, b),
                    _ => false,
                }),
                _ => a == b,
            }
        }
        let ours = crate::model::json::parse(text);
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(theirs) => match ours {
                Ok(ours) => assert!(same(&ours, &convert(&theirs)), "{text:?}"),
                Err(e) => assert_eq!(e.message, "the data is nested more than 64 levels deep", "{text:?}"),
            },
            Err(_) => assert!(ours.is_err(), "{text:?}"),
        }
    }

    #[test]
    fn never_panics_on_generated_input() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..3_000 {
            let mut text = String::new();
            gen_value(&mut rng, 0, &mut text);
            // Well-formed text always has a position for its root and agrees with serde_json.
            assert_eq!(locate(&text, ""), Some((1, 1)), "{text:?}");
            assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "{text:?}");
            assert_parsers_agree(&text);
            for _ in 0..4 {
                let path = gen_path(&mut rng);
                let found = locate(&text, &path);
                assert!(found.is_some(), "{text:?} {path:?}");
            }
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
                let path = gen_path(&mut rng);
                let found = locate(&broken, &path);
                let valid = serde_json::from_str::<serde_json::Value>(&broken).is_ok();
                assert_eq!(found.is_some(), valid, "{broken:?} {path:?}");
                assert_parsers_agree(&broken);
                let mut diagnostics = vec![Diagnostic::error(path, "x")];
                fill_line_cols(&broken, &mut diagnostics);
            }
        }
    }
}
