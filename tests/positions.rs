//! Every problem is placed at the value it is about, from the one parse of the file: shape
//! problems found while decoding, checks on the decoded document, and quote anchoring alike.
//!
//! Expected positions are found by searching the text, independently of the parser.

use claim_reader::model::{Diagnostic, MAX_BYTES};
use claim_reader::reader::Reader;

/// The 1-based line and column (in characters) where `needle`, which occurs once, starts.
fn pos(text: &str, needle: &str) -> (usize, usize) {
    let mut found = text.match_indices(needle).map(|(i, _)| i);
    let at = found.next().unwrap_or_else(|| panic!("{needle:?} is not in the text"));
    assert!(found.next().is_none(), "{needle:?} occurs more than once");
    let before = &text[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
}

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    match Reader::from_json(text) {
        Ok(reader) => reader.warnings,
        Err(diagnostics) => diagnostics,
    }
}

/// Where the problem at `path` whose message contains `message` is placed.
fn placed(diagnostics: &[Diagnostic], path: &str, message: &str) -> Option<(usize, usize)> {
    let mut found = diagnostics.iter().filter(|d| d.path == path && d.message.contains(message));
    let d = found.next().unwrap_or_else(|| panic!("no {path}: {message} in {diagnostics:#?}"));
    assert!(found.next().is_none(), "{path}: {message} is reported more than once");
    d.line_col
}

/// A file with problems at every depth, each on a value written once.
const BROKEN: &str = r#"{
  "format": "claim-reader/1",
  "article": {
    "headline": "Київ talks",
    "publisher": {"name": "Гласник 🇺🇦", "url": "javascript:alert(1)"},
    "paragraphs": ["Київ — said no to the 🇺🇦 deal.", 42, "Moscow said yes."]
  },
  "parties": [
    {"id": "ua", "name": "Ukraine", "aliases": ["Kyiv", false]},
    {"id": "ru", "name": "Russia"},
    {"id": "ua", "name": "Україна"}
  ],
  "issues": [{"id": "deal", "label": "Deal", "description": "A deal is made."}],
  "claims": [
    {"id": "c1", "party": "ua", "issue": "deel", "stance": "rejects", "quote": {"exact": "said no", "paragraph": 7},
     "summary": "No.", "attribution": {"reported_by": "officials"}, "certainty": "certain"},
    {"id": "c2", "party": "ru", "issue": "deal", "stance": "supports", "quote": {"exact": "said yes", "paragraph": 2, "start": "nine"},
     "summary": "Yes.", "attribution": {"reported_by": ["Reuters"]}, "certainty": "sure", "a.b": 1, "c[0]": 2, "q\"x": 3}
  ]
}"#;

#[test]
fn problems_deep_in_the_file_point_at_their_values() {
    let d = diagnostics(BROKEN);
    assert_eq!(placed(&d, "article.publisher.url", "not an http(s) URL"), Some(pos(BROKEN, "\"javascript:")));
    assert_eq!(placed(&d, "claims[0].issue", "unknown issue"), Some(pos(BROKEN, "\"deel\"")));
    assert_eq!(placed(&d, "claims[0].quote.paragraph", "does not exist"), Some(pos(BROKEN, "7}")));
    assert_eq!(placed(&d, "claims[1].quote.start", "expected a whole number"), Some(pos(BROKEN, "\"nine\"")));
    assert_eq!(placed(&d, "claims[1].attribution.reported_by", "expected a string"), Some(pos(BROKEN, "[\"Reuters\"]")));
    assert_eq!(placed(&d, "claims[1].certainty", "unknown certainty"), Some(pos(BROKEN, "\"sure\"")));
    assert_eq!(placed(&d, "parties[2].id", "duplicate id"), Some(pos(BROKEN, "\"ua\", \"name\": \"Україна\"")));
}

#[test]
fn paths_through_arrays_point_at_the_item() {
    let d = diagnostics(BROKEN);
    assert_eq!(placed(&d, "article.paragraphs[1]", "expected a string"), Some(pos(BROKEN, "42")));
    assert_eq!(placed(&d, "parties[0].aliases[1]", "expected a string"), Some(pos(BROKEN, "false")));
}

#[test]
fn columns_count_characters() {
    // Cyrillic letters take two bytes and the flag eight; each counts once, as a character.
    let d = diagnostics(BROKEN);
    let (line, column) = placed(&d, "article.publisher.url", "not an http(s) URL").unwrap_or_default();
    let written = BROKEN.lines().nth(line - 1).unwrap_or_default();
    assert_eq!(written.chars().nth(column - 1), Some('"'));
    assert!(written[..written.find("\"javascript").unwrap_or(0)].len() > column, "the line has multi-byte characters");
    assert_eq!(column, 48);
}

#[test]
fn unknown_fields_with_dots_brackets_and_escapes_point_at_their_own_values() {
    let d = diagnostics(BROKEN);
    assert_eq!(placed(&d, "claims[1].a.b", "unknown field"), Some(pos(BROKEN, "1, \"c[0]\"")));
    assert_eq!(placed(&d, "claims[1].c[0]", "unknown field"), Some(pos(BROKEN, "2, \"q")));
    assert_eq!(placed(&d, "claims[1].q\"x", "unknown field"), Some(pos(BROKEN, "3}")));
}

#[test]
fn every_problem_has_a_place() {
    let d = diagnostics(BROKEN);
    assert!(d.len() >= 12, "{d:#?}");
    assert!(d.iter().all(|d| d.line_col.is_some() && d.offset.is_some()), "{d:#?}");
}

#[test]
fn a_missing_field_points_at_the_object_it_should_be_in() {
    let text = r#"{
  "article": {"headline": "Talks"},
  "parties": [],
  "claims": [
    {"id": "c1", "party": "ua", "issue": "deal", "stance": "rejects", "quote": {"prefix": "x"},
     "attribution": {"reported_by": "officials"}, "certainty": "certain"}
  ]
}"#;
    let d = diagnostics(text);
    assert_eq!(placed(&d, "issues", "missing required field \"issues\" in the top level"), Some((1, 1)));
    let article = pos(text, "{\"headline\"");
    assert_eq!(placed(&d, "article.paragraphs", "missing required field"), Some(article));
    // The check on the decoded article places its problem the same way.
    assert_eq!(placed(&d, "article.paragraphs", "the article has no paragraphs"), Some(article));
    assert_eq!(placed(&d, "claims[0].summary", "missing required field"), Some(pos(text, "{\"id\": \"c1\"")));
    assert_eq!(placed(&d, "claims[0].quote.exact", "missing required field"), Some(pos(text, "{\"prefix\"")));
}

#[test]
fn a_repeated_key_is_placed_where_it_is_repeated() {
    let text = r#"{
  "article": {"headline": "Talks", "paragraphs": ["Ukraine said no."]},
  "parties": [{"id": "ua", "name": "Ukraine"}],
  "issues": [{"id": "deal", "label": "Deal", "description": "A deal is made."}],
  "claims": [
    {"id": "c1", "party": "ua", "issue": "deal", "stance": "rejects", "quote": {"exact": "said no"},
     "summary": "No.", "attribution": {"reported_by": "officials"}, "certainty": "certain",
     "hedge": "a", "hedge": "b",
     "note": 1, "note": 2,
     "summary": "No!"}
  ]
}"#;
    let d = diagnostics(text);
    assert_eq!(placed(&d, "claims[0].hedge", "written more than once"), Some(pos(text, "\"b\"")));
    assert_eq!(placed(&d, "claims[0].summary", "written more than once"), Some(pos(text, "\"No!\"")));
    let notes: Vec<_> = d.iter().filter(|d| d.path == "claims[0].note").map(|d| d.line_col).collect();
    assert_eq!(notes, [Some(pos(text, "1, \"note\"")), Some(pos(text, "2,\n"))], "each unknown key where it stands");

    // The last of a repeated key counts, and its problems are placed there.
    let twice = text.replace("\"issue\": \"deal\"", "\"issue\": \"deal\", \"issue\": 5");
    let d = diagnostics(&twice);
    assert_eq!(placed(&d, "claims[0].issue", "expected a string"), Some(pos(&twice, "5,")));
}

#[test]
fn anchoring_warnings_point_at_the_quote() {
    let text = "{\"article\": {\"headline\": \"Т\", \"paragraphs\": [\"Київ said no. Київ said no.\"]},\n\
        \"parties\": [{\"id\": \"ua\", \"name\": \"U\"}], \"issues\": [{\"id\": \"i\", \"label\": \"I\", \"description\": \"D\"}],\n\
        \"claims\": [\n\
        {\"id\": \"a\", \"party\": \"ua\", \"issue\": \"i\", \"stance\": \"rejects\", \"quote\": {\"exact\": \"Київ said no\"}, \"summary\": \"S\", \"attribution\": {\"reported_by\": \"R\"}, \"certainty\": \"certain\"},\n\
        {\"id\": \"b\", \"party\": \"ua\", \"issue\": \"i\", \"stance\": \"rejects\", \"quote\": {\"start\": 3, \"exact\": \"Moscow agreed\"}, \"summary\": \"S\", \"attribution\": {\"reported_by\": \"R\"}, \"certainty\": \"certain\"}\n\
        ]}";
    let d = diagnostics(text);
    assert_eq!(placed(&d, "claims[0].quote.exact", "occurs 2 times"), Some(pos(text, "\"Київ said no\"}")));
    assert_eq!(placed(&d, "claims[1].quote.exact", "is not in the text"), Some(pos(text, "\"Moscow agreed\"")));
    assert_eq!(placed(&d, "claims[1].quote.start", "ignored without a paragraph"), Some(pos(text, "3, ")));
}

#[test]
fn a_syntax_error_is_placed_where_reading_stopped() {
    let text = "{\n  \"article\": {\n    \"headline\": \"Київ 🇺🇦\",\n    \"paragraphs\": [\"a\",]\n  }\n}";
    let d = diagnostics(text);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].message, "not valid JSON: trailing comma");
    assert_eq!(d[0].line_col, Some(pos(text, "]\n")));

    let text = "{\"headline\": \"Гласник 🇺🇦\" \"x\": 1}";
    assert_eq!(diagnostics(text)[0].line_col, Some((1, 27)));
}

#[test]
fn whole_file_problems_are_placed_at_its_start() {
    assert_eq!(diagnostics("  \n ")[0].line_col, Some((1, 1)));
    let d = diagnostics("\n\n  [1, 2]");
    assert_eq!(placed(&d, "", "expected an object, found an array"), Some((3, 3)));
    let mut big = "{}".to_string();
    big.push_str(&" ".repeat(MAX_BYTES));
    assert_eq!(placed(&diagnostics(&big), "", "more than the limit"), Some((1, 1)));
}

#[test]
fn nesting_past_the_limit_is_a_syntax_error_at_the_deep_value() {
    let deep = format!("{{\"article\": {}1{}}}", "[".repeat(64), "]".repeat(64));
    let d = diagnostics(&deep);
    assert_eq!(d.len(), 1, "{d:#?}");
    assert_eq!(d[0].message, "not valid JSON: the data is nested more than 64 levels deep");
    assert_eq!(d[0].line_col, Some((1, 13 + 64)));
}
