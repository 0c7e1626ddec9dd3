#![cfg(not(target_arch = "wasm32"))]
//! The soak's fuzz run: claims files damaged in every way an editor (or a broken tool) could, and
//! quotes cut, bent and misplaced over paragraphs in many scripts, for a fixed time each.
//!
//! Both tests are `#[ignore]`d: `./scripts/soak` runs them in an optimised build with
//! `--ignored`, for `SOAK_SECONDS` each (default 600), from `SOAK_SEED` (default: the clock; the
//! seed is printed, so a run can be repeated). Each prints how many cases it ran of each kind and
//! every distinct failure, and writes the input of the first case of each failure to
//! `target/soak-failures/`.
//!
//! What must hold, for any text:
//! - nothing panics;
//! - the parser accepts what serde_json accepts (but nesting past 64 levels) and refuses what it
//!   refuses (but numbers past f64's range), and reads the same values;
//! - a file that does not load says why, with at least one error; every diagnostic has an offset
//!   on a character boundary of the text and the line and column of that offset, and its JSON
//!   path leads to the value the offset is at (for a missing field, the object it belongs in);
//! - a file that loads places each claim inside its paragraph, on character boundaries, in the
//!   paragraph it names; its segments tile every paragraph; and it round-trips, through the
//!   claims file `import` writes and through the W3C export and import, to the same claims placed
//!   in the same places.
//!
//! And for quotes placed directly: a place is inside its paragraph, on character boundaries, in
//! the paragraph named; a quote cut from the text at its stated position is placed there (widened
//! to whole grapheme clusters where it splits one); one cut from the text, even with its
//! typography or Unicode composition changed, is never "not found".

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Once;
use std::time::{Duration, Instant};

use claim_reader::anchor::{anchor_quote, AnchorError, AnchorIndex};
use claim_reader::export::w3c;
use claim_reader::model::json::{self, Json};
use claim_reader::model::{Diagnostic, Quote};
use unicode_segmentation::UnicodeSegmentation;
use claim_reader::reader::Reader;
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------------------------------------
// The run: time, seed, a small PRNG, panics caught quietly, findings.

/// splitmix64: small, seeded, good enough to choose mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }

    fn range(&mut self, from: usize, to: usize) -> usize {
        from + self.below(to - from)
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn soak_time() -> Duration {
    let seconds = std::env::var("SOAK_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(600);
    Duration::from_secs(seconds)
}

fn soak_seed(test: &str) -> u64 {
    let seed = std::env::var("SOAK_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
    });
    println!("{test}: SOAK_SEED={seed}, {} s", soak_time().as_secs());
    seed
}

thread_local! {
    /// While set, a panic's message is kept here instead of printed.
    static CAUGHT: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

/// Runs `f`, turning a panic into `Err(message)` without printing it.
fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let kept = CAUGHT.with(|c| {
                let mut c = c.borrow_mut();
                match c.as_mut() {
                    Some(slot) => {
                        let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
                        let message = info
                            .payload()
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| info.payload().downcast_ref::<String>().cloned())
                            .unwrap_or_default();
                        *slot = Some(format!("{message}{at}"));
                        true
                    }
                    None => false,
                }
            });
            if !kept {
                default(info);
            }
        }));
    });
    CAUGHT.with(|c| *c.borrow_mut() = Some(None));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    let message = CAUGHT.with(|c| c.borrow_mut().take().flatten());
    result.map_err(|_| message.unwrap_or_else(|| "a panic".to_string()))
}

/// Cases run and failures found, by kind of case.
struct Findings {
    test: &'static str,
    cases: BTreeMap<&'static str, u64>,
    /// Per distinct failure (its first line): how often, and the first input.
    failures: BTreeMap<String, (u64, String, Vec<u8>)>,
}

impl Findings {
    fn new(test: &'static str) -> Self {
        Findings { test, cases: BTreeMap::new(), failures: BTreeMap::new() }
    }

    fn count(&mut self, kind: &'static str) {
        *self.cases.entry(kind).or_default() += 1;
    }

    fn fail(&mut self, kind: &str, failure: String, input: &[u8]) {
        let first_line = failure.lines().next().unwrap_or("").to_string();
        let entry = self.failures.entry(format!("{kind}: {first_line}")).or_insert_with(|| (0, failure, input.to_vec()));
        entry.0 += 1;
    }

    /// Prints the counts and failures, keeps each failure's first input, and fails the test if
    /// there were any.
    fn report(&self, started: Instant) {
        let total: u64 = self.cases.values().sum();
        println!("{}: {total} cases in {:.0} s", self.test, started.elapsed().as_secs_f64());
        for (kind, n) in &self.cases {
            println!("  {kind}: {n} cases");
        }
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/soak-failures");
        for (i, (what, (n, detail, input))) in self.failures.iter().enumerate() {
            let file = dir.join(format!("{}-{i}.input", self.test));
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(&file, input);
            let _ = std::fs::write(file.with_extension("txt"), detail);
            println!("  FAILURE ({n}×) {what}\n    first input: {}", file.display());
        }
        println!("{}: {} failures found", self.test, self.failures.len());
        assert!(self.failures.is_empty(), "{}: {} distinct failures, see above", self.test, self.failures.len());
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs.

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The seed, the demo articles and the broken corpus, as bytes.
fn corpus() -> Vec<Vec<u8>> {
    let mut files = vec![manifest("static/seed.json")];
    for dir in ["static/demo", "tests/broken"] {
        let mut found: Vec<PathBuf> = std::fs::read_dir(manifest(dir))
            .expect("the folder exists")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        found.sort();
        files.extend(found);
    }
    files.iter().map(|f| std::fs::read(f).expect("the file reads")).collect()
}

/// Files that load: the seed and the demo articles.
fn loading_corpus() -> Vec<String> {
    corpus()
        .into_iter()
        .filter_map(|bytes| String::from_utf8(bytes).ok())
        .filter(|text| Reader::from_json(text).is_ok())
        .collect()
}

/// Odd things to put into a text.
const ODD: &[&str] = &[
    "\u{FEFF}", "\u{0000}", "\u{0001}", "\u{001F}", "\u{007F}", "\u{0085}", "\u{00A0}", "\u{00AD}", "\u{0301}", "\u{0308}\u{0323}",
    "\u{034F}", "\u{061C}", "\u{200B}", "\u{200D}", "\u{200E}", "\u{202E}", "\u{2028}", "\u{2029}", "\u{2060}", "\u{2066}",
    "\u{3000}", "\u{FE0F}", "\u{FFFD}", "\u{FFFF}", "\u{E000}", "\u{10FFFF}", "\u{1F3FD}", "👩‍👩‍👧", "🇺🇦", "e\u{0301}",
    "\u{1100}\u{1161}\u{11A8}", "\u{212B}", "\u{0344}", "\u{F900}", "ﬁ", "’", "“", "”", "—", "…", "\t", "\r", "\n", "\r\n",
    "\\", "\"", "\\\"", "\\u0000", "\\ud800", "\\udc00", "\\ud800\\u0041", "\\ud83d\\ude00", "\\ud83d", "\\x41", "\\u12",
    "\\uZZZZ", "\\'", "\\U0041", "'", "/*", "//", ",", ":", "{", "}", "[", "]", "null", "NaN", "Infinity", "-", "1e", "0x10",
    "Київ", "مرحبا", "שלום", "據", "\u{0E01}\u{0E34}", "\u{0915}\u{094D}\u{0937}",
];

/// Numbers an editor or a tool might write where a position belongs.
const NUMBERS: &[&str] = &[
    "0", "-0", "1", "-1", "2.5", "-0.5", "1.0", "1e2", "1E+2", "1e-2", "4294967295", "4294967296", "9007199254740993",
    "18446744073709551615", "18446744073709551616", "-9223372036854775809", "1e308", "1e309", "1e999999", "-1e999999",
    "123456789012345678901234567890123456789012345678901234567890", "0.000000000000000000000000000001", "1.7976931348623157e308",
];

/// Strings that test the checks after parsing.
const STRINGS: &[&str] = &[
    "\"\"", "\" \"", "\"\\t\\n \"", "\"\\u00a0\"", "\"\\u200b\"", "\"javascript:alert(1)\"", "\"JavaScript:alert(1)\"",
    "\" javascript:alert(1)\"", "\"\\njavascript:x\"", "\"\\u0000javascript:x\"", "\"https://\"", "\"HTTPS://example.org\"",
    "\"http://\\u0000\"", "\"data:text/html,x\"", "\"a b\"", "\"-x\"", "\"_x\"", "\"x/y\"", "\"é\"", "\"Ukraine\"",
    "\"UKRAINE\"", "\"Demands\"", "\"CERTAIN\"", "\"certain \"", "\"proposes\"", "\"probable\"", "\"uncommitted\"",
    "\"claim-reader/1\"", "\"claim-reader/2\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud83d\\ude00\"", "\"e\\u0301\"",
    "\"\\u202e\"", "\"\\uFEFF\"",
];

fn deep(rng: &mut Rng) -> String {
    let n = rng.range(50, 72);
    if rng.chance(2) {
        format!("{}0{}", "[".repeat(n), "]".repeat(n))
    } else {
        format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n))
    }
}

/// A random JSON text for a value, or something close to one.
fn raw_value(rng: &mut Rng, paragraphs: &[String]) -> String {
    match rng.below(9) {
        0 => rng.pick(NUMBERS).to_string(),
        1 | 2 => rng.pick(STRINGS).to_string(),
        3 => deep(rng),
        4 => rng.pick(&["null", "true", "false", "{}", "[]", "[null]", "{\"\": 1}", "[\"a\", 1, {}]"]).to_string(),
        5 => {
            // Words cut from the article, so quotes are sometimes found.
            let p = rng.pick(paragraphs);
            let chars: Vec<char> = p.chars().collect();
            let a = rng.below(chars.len() + 1);
            let b = (a + rng.below(60)).min(chars.len());
            let mut s = String::new();
            json::push_string(&mut s, &chars[a..b].iter().collect::<String>());
            s
        }
        6 => {
            let mut s = String::new();
            json::push_string(&mut s, &odd_text(rng, 12));
            s
        }
        7 => format!("\"{}\"", "x".repeat(rng.range(60, 70))),
        _ => format!("\"{}\"", "long line ".repeat(rng.range(200, 5_000))),
    }
}

/// Text made of odd characters and words in several scripts.
fn odd_text(rng: &mut Rng, most: usize) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(most + 1) {
        match rng.below(4) {
            0 => s.push_str(*rng.pick(ODD)),
            1 => s.push(char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{FFFD}')),
            2 => s.push(char::from_u32(rng.below(0x3000) as u32).unwrap_or('?')),
            _ => s.push_str(*rng.pick(&["the ", "Ukraine ", "Russia ", "said ", "peace ", "a", " ", ", ", ". "])),
        }
    }
    s
}

fn paths(v: &serde_json::Value, here: &mut Vec<serde_json::Value>, out: &mut Vec<Vec<serde_json::Value>>) {
    out.push(here.clone());
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                here.push(k.clone().into());
                paths(x, here, out);
                here.pop();
            }
        }
        serde_json::Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                here.push(i.into());
                paths(x, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn at_path<'v>(v: &'v mut serde_json::Value, path: &[serde_json::Value]) -> Option<&'v mut serde_json::Value> {
    match path.split_first() {
        None => Some(v),
        Some((step, rest)) => {
            let next = match step {
                serde_json::Value::String(k) => v.get_mut(k.as_str()),
                serde_json::Value::Number(i) => v.get_mut(i.as_u64()? as usize),
                _ => None,
            }?;
            at_path(next, rest)
        }
    }
}

/// A loading file with one to three of its values replaced by raw JSON text (numbers past any
/// range, nesting past the limit, odd strings, other types), a field deleted or an unknown one
/// added.
fn structural(rng: &mut Rng, base: &str) -> Vec<u8> {
    let mut doc: serde_json::Value = serde_json::from_str(base).expect("a loading file is JSON");
    let paragraphs: Vec<String> = doc["article"]["paragraphs"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    let paragraphs = if paragraphs.is_empty() { vec!["peace".to_string()] } else { paragraphs };
    let mut raws = Vec::new();
    for k in 0..rng.range(1, 4) {
        let mut all = Vec::new();
        paths(&doc, &mut Vec::new(), &mut all);
        // Positions and quotes half the time: where the numbers and the anchoring are.
        let focused: Vec<&Vec<serde_json::Value>> =
            all.iter().filter(|p| p.iter().any(|s| s == "quote" || s == "paragraph" || s == "start")).collect();
        let path = if !focused.is_empty() && rng.chance(2) { rng.pick(&focused).to_vec() } else { rng.pick(&all).clone() };
        let Some(target) = at_path(&mut doc, &path) else { continue };
        match rng.below(6) {
            0 if path.len() > 1 => {
                // Delete the field or item.
                let (last, parent_path) = path.split_last().expect("a path of two or more");
                if let Some(parent) = at_path(&mut doc, parent_path) {
                    match (parent, last) {
                        (serde_json::Value::Object(m), serde_json::Value::String(k)) => {
                            m.remove(k);
                        }
                        (serde_json::Value::Array(a), serde_json::Value::Number(i)) => {
                            let i = i.as_u64().unwrap_or(0) as usize;
                            if i < a.len() {
                                a.remove(i);
                            }
                        }
                        _ => {}
                    }
                }
            }
            1 => {
                if let serde_json::Value::Object(m) = target {
                    let key = rng.pick(&["Quote", "paragraphs ", "start", "", "a.b", "x[0]", "\u{0301}", "exact"]).to_string();
                    m.insert(key, format!("\u{1}RAW{k}\u{1}").into());
                    raws.push(raw_value(rng, &paragraphs));
                } else {
                    *target = format!("\u{1}RAW{k}\u{1}").into();
                    raws.push(raw_value(rng, &paragraphs));
                }
            }
            _ => {
                *target = format!("\u{1}RAW{k}\u{1}").into();
                raws.push(raw_value(rng, &paragraphs));
            }
        }
    }
    let mut text = if rng.chance(2) { serde_json::to_string_pretty(&doc) } else { serde_json::to_string(&doc) }
        .expect("a value serialises");
    for (k, raw) in raws.iter().enumerate() {
        text = text.replace(&format!("\"\\u0001RAW{k}\\u0001\""), raw);
    }
    text.into_bytes()
}

/// Byte-level damage: flips, truncations, deletions, insertions of odd Unicode, duplicated and
/// swapped lines, huge numbers, changed case, splices from other files, long lines.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, corpus: &[Vec<u8>]) {
    let len = bytes.len();
    let at = rng.below(len + 1);
    match rng.below(14) {
        0 if len > 0 => bytes[at.min(len - 1)] ^= 1 << rng.below(8),
        1 if len > 0 => bytes[at.min(len - 1)] = rng.next() as u8,
        2 => bytes.truncate(at),
        3 => {
            let end = (at + rng.range(1, 16)).min(len);
            bytes.drain(at..end);
        }
        4 | 5 => {
            let odd = rng.pick(ODD).as_bytes().to_vec();
            bytes.splice(at..at, odd);
        }
        6 => {
            // Duplicate a line: in a pretty-printed file, often a field written twice.
            let lines = line_ranges(bytes);
            let line = rng.pick(&lines).clone();
            let copy = bytes[line.clone()].to_vec();
            bytes.splice(line.end..line.end, copy);
        }
        7 => {
            let lines = line_ranges(bytes);
            let (a, b) = (rng.pick(&lines).clone(), rng.pick(&lines).clone());
            if a.end <= b.start {
                let (la, lb) = (bytes[a.clone()].to_vec(), bytes[b.clone()].to_vec());
                bytes.splice(b, la);
                bytes.splice(a, lb);
            }
        }
        8 => {
            // The next run of digits becomes a number past any range, or a fraction, or negative.
            if let Some(start) = bytes[at..].iter().position(u8::is_ascii_digit).map(|i| at + i) {
                let end = bytes[start..].iter().position(|b| !b.is_ascii_digit()).map_or(bytes.len(), |i| start + i);
                bytes.splice(start..end, rng.pick(NUMBERS).bytes());
            }
        }
        9 => {
            let end = (at + rng.range(1, 12)).min(len);
            for b in &mut bytes[at..end] {
                if b.is_ascii_alphabetic() {
                    *b ^= 0x20;
                }
            }
        }
        10 => {
            let other = rng.pick(corpus);
            let a = rng.below(other.len() + 1);
            let b = (a + rng.below(200)).min(other.len());
            bytes.splice(at..at, other[a..b].to_vec());
        }
        11 => {
            let nest = deep(rng);
            bytes.splice(at..at, nest.into_bytes());
        }
        12 => {
            let long = "ж".repeat(rng.range(1_000, 10_000));
            bytes.splice(at..at, long.into_bytes());
        }
        _ => {
            // A BOM, or white space, before the file.
            let lead = rng.pick(&["\u{FEFF}", " \n", "\u{00A0}", "\u{FEFF}\u{FEFF}"]);
            bytes.splice(0..0, lead.bytes());
        }
    }
}

fn line_ranges(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out.push(start..bytes.len());
    out
}

/// JSON-like token soup.
fn soup(rng: &mut Rng) -> Vec<u8> {
    const TOKENS: &[&str] = &[
        "{", "}", "[", "]", ",", ":", " ", "\n", "\"a\"", "\"claims\"", "\"article\"", "\"paragraphs\"", "1", "-", "0", ".5",
        "e9", "true", "fals", "null", "\"", "\\", "\\u", "\"\\ud800\"", "\u{FEFF}", "é", "\u{0000}",
    ];
    let mut s = String::new();
    for _ in 0..rng.below(80) {
        s.push_str(*rng.pick(TOKENS));
    }
    s.into_bytes()
}

// ---------------------------------------------------------------------------------------------
// Checks of a text through the whole pipeline.

/// Line and column (1-based, columns in characters) of byte `offset`, counted afresh.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// Every value the path `rest` reaches from `v`, with how much of the path was left unread
/// there: the values reached with the least left are what the path names (all of it when 0).
/// Keys may hold dots and brackets, so every key that fits is tried. For a key written more than
/// once the last counts, as in the reader; `every: Some(n)` makes the last step take every one
/// but the first `n` (each unknown field is warned about, and each repeat of a known one).
fn walk(v: &json::Value<'_>, rest: &str, root: bool, every: Option<usize>, out: &mut Vec<(usize, u32)>) {
    out.push((rest.len(), v.at));
    if rest.is_empty() {
        return;
    }
    match &v.json {
        Json::Array(items) => {
            let Some(inner) = rest.strip_prefix('[') else { return };
            let Some(close) = inner.find(']') else { return };
            let Ok(i) = inner[..close].parse::<usize>() else { return };
            if let Some(item) = items.get(i) {
                walk(item, &inner[close + 1..], false, every, out);
            }
        }
        Json::Object(fields) => {
            let Some(rest) = (if root { Some(rest) } else { rest.strip_prefix('.') }) else { return };
            let mut keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_ref()).collect();
            keys.sort_unstable();
            keys.dedup();
            for key in keys {
                let Some(after) = rest.strip_prefix(key) else { continue };
                if !(after.is_empty() || after.starts_with('.') || after.starts_with('[')) {
                    continue;
                }
                let same: Vec<&json::Value<'_>> = fields.iter().filter(|(k, _)| k == key).map(|(_, v)| v).collect();
                if let (Some(skip), "") = (every, after) {
                    for v in &same[skip..] {
                        out.push((0, v.at));
                    }
                } else {
                    walk(same[same.len() - 1], after, false, every, out);
                }
            }
        }
        _ => {}
    }
}

fn check_diagnostic(text: &str, tree: Option<&json::Value<'_>>, d: &Diagnostic) -> Result<(), String> {
    let Some(offset) = d.offset else { return Err(format!("a diagnostic without an offset: {d}")) };
    let offset = offset as usize;
    if offset > text.len() || !text.is_char_boundary(offset) {
        return Err(format!("a diagnostic's offset is outside the text or inside a character: {offset} for {d}"));
    }
    let Some(found) = d.line_col else { return Err(format!("a diagnostic without line and column: {d}")) };
    if found != line_col(text, offset) {
        return Err(format!("a diagnostic's line and column are not its offset's: {found:?} for {offset} in {d}"));
    }
    let Some(tree) = tree else { return Ok(()) };
    // A field named "" at the top level has the empty path too.
    let empty_key = d.message.starts_with("unknown field \"\"")
        && matches!(&tree.json, Json::Object(fields) if fields.iter().any(|(k, v)| k.is_empty() && v.at as usize == offset));
    if d.path.is_empty() {
        if offset as u32 != tree.at && !d.message.starts_with("the file is ") && !empty_key {
            return Err(format!("a diagnostic about the whole file is not at its start: {d} at {offset}"));
        }
        return Ok(());
    }
    let mut reached = Vec::new();
    let every = if d.message.contains("more than once") {
        Some(1)
    } else if d.message.starts_with("unknown field") {
        Some(0)
    } else {
        None
    };
    walk(tree, &d.path, true, every, &mut reached);
    let least = reached.iter().map(|r| r.0).min().unwrap_or(usize::MAX);
    if !reached.iter().any(|&(left, at)| left == least && at as usize == offset) {
        let (line, column) = found;
        return Err(format!("a diagnostic is not where its path leads: {d} at {line}:{column}"));
    }
    Ok(())
}

/// Our parser against serde_json: the same texts, the same values.
fn same_json(ours: &json::Value<'_>, theirs: &serde_json::Value) -> bool {
    match (&ours.json, theirs) {
        (Json::Null, serde_json::Value::Null) => true,
        (Json::Bool(a), serde_json::Value::Bool(b)) => a == b,
        // serde_json reads some numbers a unit in the last place off, so within a relative 1e-12.
        (Json::Number(a), serde_json::Value::Number(b)) => match (a.parse::<f64>(), b.as_f64()) {
            (Ok(x), Some(y)) => x == y || (x - y).abs() <= 1e-12 * x.abs().max(y.abs()),
            _ => false,
        },
        (Json::String(a), serde_json::Value::String(b)) => a == b,
        (Json::Array(a), serde_json::Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_json(x, y)),
        (Json::Object(fields), serde_json::Value::Object(map)) => {
            let mut keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_ref()).collect();
            keys.sort_unstable();
            keys.dedup();
            keys.len() == map.len() && map.iter().all(|(k, v)| ours.get(k).is_some_and(|o| same_json(o, v)))
        }
        _ => false,
    }
}

fn check_parser(text: &str, tree: &Result<json::Value<'_>, json::SyntaxError>) -> Result<(), String> {
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (tree, &theirs) {
        (Ok(ours), Ok(theirs)) if !same_json(ours, theirs) => Err("the parser reads other values than serde_json".to_string()),
        (Ok(_), Err(e)) if !e.to_string().starts_with("number out of range") => {
            Err(format!("the parser accepts what serde_json refuses: {}", e.to_string().split(" at line").next().unwrap_or("")))
        }
        (Err(e), Ok(_)) if !e.message.starts_with("the data is nested more than") => {
            Err(format!("the parser refuses JSON: {}", e.message))
        }
        _ => Ok(()),
    }
}

/// Loads `text` and checks everything the module comment lists. Ok(true) when it loaded.
fn check_text(text: &str) -> Result<bool, String> {
    let result = quietly(|| Reader::from_json(text)).map_err(|m| format!("panic in Reader::from_json: {m}"))?;
    let tree = quietly(|| json::parse(text)).map_err(|m| format!("panic in json::parse: {m}"))?;
    if text.len() <= claim_reader::model::MAX_BYTES {
        check_parser(text, &tree)?;
    }
    let tree = tree.ok();
    match result {
        Err(diagnostics) => {
            if !diagnostics.iter().any(Diagnostic::is_error) {
                return Err(format!("a file that does not load has no error: {diagnostics:?}"));
            }
            if tree.is_none() && text.len() <= claim_reader::model::MAX_BYTES {
                let [d] = diagnostics.as_slice() else { return Err("text that is not JSON has several diagnostics".to_string()) };
                if !d.path.is_empty() || !(d.message.starts_with("not valid JSON") || d.message == "the file is empty") {
                    return Err(format!("text that is not JSON is told something else: {d}"));
                }
            }
            for d in &diagnostics {
                check_diagnostic(text, tree.as_ref(), d)?;
            }
            Ok(false)
        }
        Ok(reader) => {
            for d in &reader.warnings {
                if d.is_error() {
                    return Err(format!("a file that loads has an error: {d}"));
                }
                check_diagnostic(text, tree.as_ref(), d)?;
            }
            check_reader(&reader)?;
            quietly(|| round_trip(&reader)).map_err(|m| format!("panic while round-tripping: {m}"))??;
            Ok(true)
        }
    }
}

fn check_reader(reader: &Reader) -> Result<(), String> {
    let paragraphs = &reader.doc.article.paragraphs;
    if reader.anchors.len() != reader.doc.claims.len() || reader.paragraphs.len() != paragraphs.len() {
        return Err("a reader with a claim or paragraph missing".to_string());
    }
    for (c, anchor) in reader.anchors.iter().enumerate() {
        let Some(a) = anchor else { continue };
        let Some(text) = paragraphs.get(a.paragraph) else { return Err("a claim placed in no paragraph".to_string()) };
        if a.range.start > a.range.end || text.get(a.range.clone()).is_none() {
            return Err(format!("a claim placed outside its paragraph or inside a character: {:?} in {} bytes", a.range, text.len()));
        }
        if reader.doc.claims[c].quote.paragraph.is_some_and(|p| p != a.paragraph) {
            return Err("a claim placed in another paragraph than it names".to_string());
        }
        let spelt: String = reader.segments_of[c].iter().map(|&(p, s)| reader.segment_text(p, &reader.paragraphs[p][s])).collect();
        if spelt != text[a.range.clone()] {
            return Err("a claim's segments do not spell its passage".to_string());
        }
    }
    for (p, segments) in reader.paragraphs.iter().enumerate() {
        let mut at = 0;
        for s in segments {
            if s.range.start != at || paragraphs[p].get(s.range.clone()).is_none() {
                return Err(format!("segments do not tile paragraph {p}"));
            }
            at = s.range.end;
        }
        if at != paragraphs[p].len() {
            return Err(format!("segments do not cover paragraph {p}"));
        }
    }
    Ok(())
}

fn placements(reader: &Reader) -> Vec<Option<(usize, std::ops::Range<usize>)>> {
    reader.anchors.iter().map(|a| a.as_ref().map(|a| (a.paragraph, a.range.clone()))).collect()
}

/// A loaded document comes back the same through the claims file `import` writes, and its
/// claims through the W3C export and import.
fn round_trip(reader: &Reader) -> Result<(), String> {
    let doc = &reader.doc;
    let written = w3c::claims_file(doc);
    let again = Reader::from_json(&written)
        .map_err(|d| format!("the claims file written for a loading file does not load: {}", d[0]))?;
    let a = &again.doc;
    if (&a.article, &a.parties, &a.issues, &a.claims) != (&doc.article, &doc.parties, &doc.issues, &doc.claims) {
        return Err("the claims file written for a loading file reads back different".to_string());
    }
    if placements(&again) != placements(reader) {
        return Err("the claims file written for a loading file places its claims elsewhere".to_string());
    }
    let annotations = w3c::collection(reader);
    let imported = w3c::import(&annotations, doc)
        .map_err(|d| format!("the W3C export of a loading file does not import: {}", d[0]))?;
    let back = Reader::from_json(&w3c::claims_file(&imported.doc))
        .map_err(|d| format!("the W3C import of a loading file does not load: {}", d[0]))?;
    for (x, y) in doc.claims.iter().zip(&back.doc.claims) {
        let what = |c: &claim_reader::model::Claim| {
            (c.id.clone(), c.party.clone(), c.issue.clone(), c.stance, c.certainty, c.hedge.clone(), c.summary.clone(), c.attribution.clone(), c.quote.exact.clone())
        };
        if what(x) != what(y) {
            return Err(format!("a claim comes back different from the W3C export: {}", x.id));
        }
    }
    if doc.claims.len() != back.doc.claims.len() {
        return Err("claims are lost in the W3C export and import".to_string());
    }
    // An unplaced claim is exported without its position (docs/interop.md), so its quote may be
    // found elsewhere when read back; a placed one comes back to its place.
    let (before, after) = (placements(reader), placements(&back));
    if before.iter().zip(&after).any(|(b, a)| b.is_some() && b != a) {
        return Err("the W3C export and import places claims elsewhere".to_string());
    }
    Ok(())
}

#[test]
#[ignore = "the soak's fuzz run: ./scripts/soak"]
fn soak_claims_files() {
    let mut findings = Findings::new("soak_claims_files");
    let mut rng = Rng(soak_seed(findings.test));
    let corpus = corpus();
    let mut bases: Vec<String> = loading_corpus();
    // What `import` writes is a base too: the same documents in another layout.
    let written: Vec<String> = bases.iter().map(|t| w3c::claims_file(&Reader::from_json(t).expect("it loads").doc)).collect();
    bases.extend(written);
    let started = Instant::now();
    let deadline = started + soak_time();
    let mut loaded = 0u64;
    while Instant::now() < deadline {
        for _ in 0..64 {
            let (kind, bytes) = match rng.below(20) {
                0..=11 => {
                    let mut bytes = rng.pick(&corpus).clone();
                    for _ in 0..rng.range(1, 5) {
                        mutate(&mut rng, &mut bytes, &corpus);
                    }
                    ("damaged bytes of a corpus file", bytes)
                }
                12..=17 => {
                    let base = rng.pick(&bases).clone();
                    let mut bytes = structural(&mut rng, &base);
                    if rng.chance(4) {
                        mutate(&mut rng, &mut bytes, &corpus);
                    }
                    ("values of a loading file replaced", bytes)
                }
                _ => ("token soup", soup(&mut rng)),
            };
            findings.count(kind);
            let text = String::from_utf8_lossy(&bytes);
            match check_text(&text) {
                Ok(true) => loaded += 1,
                Ok(false) => {}
                Err(failure) => findings.fail(kind, failure, text.as_bytes()),
            }
        }
    }
    println!("soak_claims_files: {loaded} of the files loaded (and round-tripped)");
    findings.report(started);
}

// ---------------------------------------------------------------------------------------------
// Quotes placed directly.

/// Whether a cut before `c` leaves the text's folding as it is: characters below U+0300 neither
/// combine with nor reorder across what stands before them.
fn inert(c: Option<char>) -> bool {
    c.is_none_or(|c| c < '\u{0300}')
}

fn typography(rng: &mut Rng, s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\'' if rng.chance(2) => "’".to_string(),
            '’' | '‘' => "'".to_string(),
            '"' => rng.pick(&["“", "”", "«"]).to_string(),
            '“' | '”' | '«' | '»' => "\"".to_string(),
            '-' => rng.pick(&["–", "—", "‐"]).to_string(),
            '–' | '—' => "-".to_string(),
            ' ' => rng.pick(&[" ", "\u{00A0}", "  ", "\n", " \u{200B}"]).to_string(),
            '\u{00A0}' => " ".to_string(),
            '…' => "...".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// Where the words of a quote cut from a text at byte `at` stand: white space at its edges is
/// not highlighted, unless it is all there is.
fn words_of(cut: &str, at: usize) -> std::ops::Range<usize> {
    match cut.trim() {
        "" => at..at + cut.len(),
        words => {
            let lead = cut.len() - cut.trim_start().len();
            at + lead..at + lead + words.len()
        }
    }
}

/// `range` of `text` widened to whole grapheme clusters, as a highlight is.
fn whole_clusters(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut whole = range.clone();
    for (start, g) in text.grapheme_indices(true) {
        let end = start + g.len();
        if start < range.start && range.start < end {
            whole.start = start;
        }
        if start < range.end && range.end < end {
            whole.end = end;
        }
    }
    whole
}

#[test]
#[ignore = "the soak's fuzz run: ./scripts/soak"]
fn soak_anchoring() {
    let mut findings = Findings::new("soak_anchoring");
    let mut rng = Rng(soak_seed(findings.test));
    let mut sources: Vec<String> = loading_corpus()
        .iter()
        .flat_map(|t| Reader::from_json(t).expect("it loads").doc.article.paragraphs)
        .collect();
    sources.push("Київ 🇺🇦 said no, and Київ said no again".to_string());
    sources.push("שלום עולם, مرحبا ثم مرحبا".to_string());
    sources.push("Cafe\u{0301} talks in Kyi\u{0308}v, Hậu and Ha\u{0302}\u{0323}u, 한국 and \u{1112}\u{1161}\u{11AB}".to_string());
    let started = Instant::now();
    let deadline = started + soak_time();
    while Instant::now() < deadline {
        for _ in 0..64 {
            // Paragraphs: the articles' own, now and then changed, or odd text.
            let mut paragraphs: Vec<String> = (0..rng.range(1, 6))
                .map(|_| match rng.below(6) {
                    0 => odd_text(&mut rng, 40),
                    1 => rng.pick(&sources).nfd().collect(),
                    2 => {
                        let p = rng.pick(&sources).clone();
                        format!("{p} {p}")
                    }
                    _ => rng.pick(&sources).clone(),
                })
                .collect();
            if rng.chance(8) {
                let p = rng.below(paragraphs.len());
                let at = paragraphs[p].char_indices().map(|(i, _)| i).nth(rng.below(20)).unwrap_or(0);
                paragraphs[p].insert_str(at, *rng.pick(ODD));
            }
            let index = AnchorIndex::new(&paragraphs);
            for _ in 0..rng.range(1, 6) {
                // A quote cut from one paragraph...
                let p = rng.below(paragraphs.len());
                let chars: Vec<(usize, char)> = paragraphs[p].char_indices().collect();
                let a = rng.below(chars.len() + 1);
                let b = (a + rng.below(60)).min(chars.len());
                let byte = |i: usize| chars.get(i).map_or(paragraphs[p].len(), |c| c.0);
                let cut = paragraphs[p][byte(a)..byte(b)].to_string();
                let clean_cut = inert(chars.get(a).map(|c| c.1)) && inert(chars.get(b).map(|c| c.1));
                // ...then bent, or not.
                let (kind, exact) = match rng.below(8) {
                    0..=2 => ("a quote cut from the text", cut.clone()),
                    3 => ("the cut with its typography changed", typography(&mut rng, &cut)),
                    4 => ("the cut in another normalisation form", if rng.chance(2) { cut.nfd().collect() } else { cut.nfc().collect() }),
                    5 => {
                        let mut s: Vec<char> = cut.chars().collect();
                        for _ in 0..rng.range(1, 3) {
                            let i = rng.below(s.len() + 1);
                            match rng.below(3) {
                                0 if i < s.len() => {
                                    s.remove(i);
                                }
                                1 if i < s.len() => s[i] = char::from_u32(rng.range(0x20, 0x3000) as u32).unwrap_or('x'),
                                _ => s.insert(i, *rng.pick(&['x', ' ', '\u{0301}', '\u{200D}', 'é'])),
                            }
                        }
                        ("the cut with a letter or two changed", s.into_iter().collect())
                    }
                    6 => ("a quote of odd text", odd_text(&mut rng, 12)),
                    _ => ("the cut with odd text around it", format!("{}{cut}{}", odd_text(&mut rng, 2), odd_text(&mut rng, 2))),
                };
                findings.count(kind);
                let context = |rng: &mut Rng, real: &str| match rng.below(4) {
                    0 => None,
                    1 => Some(real.to_string()),
                    2 => Some(odd_text(rng, 6)),
                    _ => Some(String::new()),
                };
                let before: String = paragraphs[p][..byte(a)].chars().rev().take(rng.below(20)).collect::<Vec<_>>().into_iter().rev().collect();
                let after: String = paragraphs[p][byte(b)..].chars().take(rng.below(20)).collect();
                let paragraph = match rng.below(5) {
                    0 | 1 => None,
                    2 | 3 => Some(p),
                    _ => {
                        let other = rng.below(paragraphs.len());
                        Some(*rng.pick(&[paragraphs.len(), other, usize::MAX, 1 << 40]))
                    }
                };
                let start = match rng.below(6) {
                    0 | 1 => None,
                    2 | 3 => Some(a),
                    4 => Some(a.saturating_add(rng.below(7)).saturating_sub(3)),
                    _ => Some(*rng.pick(&[usize::MAX, 1 << 63, (1 << 63) + 1, u32::MAX as usize, chars.len(), chars.len() + 1])),
                };
                let quote = Quote { exact, prefix: context(&mut rng, &before), suffix: context(&mut rng, &after), paragraph, start };
                let input = format!("{paragraphs:#?}\n{quote:#?}");
                let found = match quietly(|| (index.anchor_quote(&quote), anchor_quote(&paragraphs, &quote))) {
                    Ok((shared, fresh)) if shared == fresh => shared,
                    Ok(_) => {
                        findings.fail(kind, "a quote is placed differently with a shared index".to_string(), input.as_bytes());
                        continue;
                    }
                    Err(m) => {
                        findings.fail(kind, format!("panic in anchor_quote: {m}"), input.as_bytes());
                        continue;
                    }
                };
                let problem = match &found {
                    Ok(anchor) => match paragraphs.get(anchor.paragraph) {
                        None => Some("placed in no paragraph".to_string()),
                        Some(text) if anchor.range.start > anchor.range.end || text.get(anchor.range.clone()).is_none() => {
                            Some(format!("placed outside its paragraph or inside a character: {:?}", anchor.range))
                        }
                        Some(_) if quote.paragraph.is_some_and(|q| q != anchor.paragraph) => {
                            Some("placed in another paragraph than it names".to_string())
                        }
                        Some(text) if kind == "a quote cut from the text" && quote.paragraph == Some(p) && quote.start == Some(a)
                            && anchor.range != whole_clusters(text, words_of(&cut, byte(a))) =>
                        {
                            Some("a quote at its stated position is placed elsewhere".to_string())
                        }
                        Some(_) => None,
                    },
                    Err(AnchorError::NotFound)
                        if clean_cut
                            && cut.chars().any(|c| !c.is_whitespace() && !"\u{AD}\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}".contains(c))
                            && quote.paragraph.is_none_or(|q| q == p)
                            && matches!(kind, "a quote cut from the text" | "the cut with its typography changed" | "the cut in another normalisation form") =>
                    {
                        Some("a quote cut from the text is not found".to_string())
                    }
                    Err(AnchorError::Ambiguous { occurrences }) if *occurrences < 2 => Some("ambiguous with fewer than 2 places".to_string()),
                    Err(_) => None,
                };
                if let Some(problem) = problem {
                    findings.fail(kind, problem, input.as_bytes());
                }
            }
        }
    }
    findings.report(started);
}
