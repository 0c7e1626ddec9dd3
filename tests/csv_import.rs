#![cfg(not(target_arch = "wasm32"))]
//! `claim-reader import --from csv-claims`: the claims CSV read back into the claims it was
//! exported from, as export writes it and as a spreadsheet saves it again, and every problem
//! reported at its row and column.

use claim_reader::export::import::{claims_file, Imported};
use claim_reader::export::{csv as to_csv, csv_import};
use claim_reader::model::{Diagnostic, Severity};
use claim_reader::reader::Reader;
use claim_reader::SEED_JSON;
use proptest::prelude::*;

fn seed() -> Reader {
    Reader::from_json(SEED_JSON).unwrap_or_else(|d| panic!("{d:?}"))
}

/// A claims file whose text needs every care: quotes, commas and line breaks in fields, curly
/// quotes, Cyrillic, emoji, and fields a spreadsheet would run as formulas.
const WIDE_TEXT: &str = r#"{
  "article": { "headline": "h", "paragraphs": [
    "Київ каже: «ні, \"ніколи\"», – and =SUM(A1) is text, 👍🏽 too.",
    "“We will not give up,” she said.\nA second line."
  ] },
  "parties": [
    { "id": "ua", "name": "Україна, \"уряд\"\nКиїв", "aliases": ["Kyiv"] },
    { "id": "x", "name": "=cmd|' /C calc'!A0" }
  ],
  "issues": [{ "id": "peace", "label": "Мир | peace", "description": "d" }],
  "claims": [
    {
      "id": "c1", "party": "ua", "issue": "peace", "stance": "rejects",
      "quote": { "exact": "Київ каже: «ні, \"ніколи\"»", "paragraph": 0, "start": 0 },
      "summary": "-1 for talks 👍🏽", "attribution": { "reported_by": "@agency", "basis": "+ sources", "via": "=x" },
      "certainty": "certain", "hedge": "\treportedly"
    },
    {
      "id": "c2", "party": "x", "issue": "peace", "stance": "demands",
      "quote": { "exact": "“We will not give up,” she said.\nA second", "paragraph": 1, "start": 0 },
      "summary": "'tis a summary, with a comma", "attribution": { "reported_by": "Reuters" },
      "certainty": "probable"
    }
  ]
}"#;

fn wide() -> Reader {
    Reader::from_json(WIDE_TEXT).unwrap_or_else(|d| panic!("{d:#?}"))
}

fn import(csv: &str, article: &Reader) -> Result<Imported, Vec<Diagnostic>> {
    csv_import::import(csv, &article.doc)
}

/// The import of `csv`, which must have no errors, read back from the claims file the command
/// would print.
fn imported(csv: &str, article: &Reader) -> (Reader, Vec<Diagnostic>) {
    let imported = import(csv, article).unwrap_or_else(|d| panic!("{d:#?}"));
    let back = Reader::from_json(&claims_file(&imported.doc)).unwrap_or_else(|d| panic!("{d:#?}"));
    (back, imported.warnings)
}

fn errors(csv: &str) -> Vec<Diagnostic> {
    match import(csv, &seed()) {
        Ok(imported) => panic!("imported with no errors: {:?}", imported.doc.claims),
        Err(diagnostics) => diagnostics.into_iter().filter(Diagnostic::is_error).collect(),
    }
}

/// The records of a CSV text, header first.
fn rows_of(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
    reader.records().map(|r| r.expect("a well-formed record").iter().map(String::from).collect()).collect()
}

/// `rows` written as a spreadsheet saves them: quoted only where needed, ended by `terminator`,
/// no byte order mark.
fn saved(rows: &[Vec<String>], terminator: csv::Terminator) -> String {
    let mut writer = csv::WriterBuilder::new().flexible(true).terminator(terminator).from_writer(Vec::new());
    for row in rows {
        writer.write_record(row).expect("written");
    }
    String::from_utf8(writer.into_inner().expect("flushed")).expect("UTF-8")
}

/// The seed's claims CSV with `edit` applied to its records.
fn seed_csv_with(edit: impl FnOnce(&mut Vec<Vec<String>>)) -> String {
    let mut rows = rows_of(&to_csv::claims(&seed()));
    edit(&mut rows);
    saved(&rows, csv::Terminator::CRLF)
}

fn column(rows: &[Vec<String>], name: &str) -> usize {
    rows[0].iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name}"))
}

/// Sets `name` of data row `row` (the header is row 1) to `value`.
fn set(rows: &mut [Vec<String>], row: usize, name: &str, value: &str) {
    let c = column(rows, name);
    rows[row - 1][c] = value.to_string();
}

/// The one error, with where it stands and what it says.
fn only(found: &[Diagnostic]) -> &Diagnostic {
    assert_eq!(found.len(), 1, "{found:#?}");
    &found[0]
}

#[test]
fn the_seed_exported_and_imported_gives_the_seeds_claims() {
    let reader = seed();
    let imported = import(&to_csv::claims(&reader), &reader).unwrap_or_else(|d| panic!("{d:#?}"));
    assert!(imported.warnings.is_empty(), "{:#?}", imported.warnings);
    assert_eq!(imported.placed, 12);
    assert_eq!(imported.doc.claims, reader.doc.claims);
    assert_eq!((&imported.doc.article, &imported.doc.parties, &imported.doc.issues), (&reader.doc.article, &reader.doc.parties, &reader.doc.issues));
    // Written out, it reads back as the seed does.
    let back = Reader::from_json(&claims_file(&imported.doc)).unwrap_or_else(|d| panic!("{d:#?}"));
    assert_eq!(back.doc.claims, reader.doc.claims);
    assert_eq!(back.anchors, reader.anchors);
}

#[test]
fn curly_quotes_cyrillic_emoji_line_breaks_and_formula_fields_come_back_as_they_were() {
    let reader = wide();
    let csv = to_csv::claims(&reader);
    assert!(csv.contains("\"'-1 for talks 👍🏽\""), "export guards the formula field: {csv}");
    let (back, warnings) = imported(&csv, &reader);
    assert!(warnings.is_empty(), "{warnings:#?}");
    assert_eq!(back.doc.claims, reader.doc.claims);
    assert_eq!(back.doc.claims[0].hedge.as_deref(), Some("\treportedly"));
    assert_eq!(back.doc.claims[0].attribution.via.as_deref(), Some("=x"));
    assert_eq!(back.doc.claims[1].summary, "'tis a summary, with a comma", "an apostrophe export did not add stays");
}

#[test]
fn a_file_saved_again_by_a_spreadsheet_reads_the_same() {
    let reader = wide();
    let mut rows = rows_of(&to_csv::claims(&reader));
    // Columns in another order, the apostrophes kept, CRLF or LF, no byte order mark.
    for row in &mut rows {
        row.reverse();
        row.swap(0, 7);
    }
    for terminator in [csv::Terminator::CRLF, csv::Terminator::Any(b'\n')] {
        let text = saved(&rows, terminator);
        assert!(!text.starts_with('\u{FEFF}') && text.contains("'@agency"), "{text}");
        let (back, warnings) = imported(&text, &reader);
        assert!(warnings.is_empty(), "{warnings:#?}");
        assert_eq!(back.doc.claims, reader.doc.claims);
    }
    // Header names with other case and space around them are the same columns.
    rows[0] = rows[0].iter().map(|h| format!(" {} ", h.to_uppercase())).collect();
    let (back, _) = imported(&saved(&rows, csv::Terminator::CRLF), &reader);
    assert_eq!(back.doc.claims, reader.doc.claims);
}

#[test]
fn empty_optional_fields_are_absent_and_a_party_may_be_given_by_its_name_or_alias() {
    let csv = seed_csv_with(|rows| {
        for name in ["hedge", "basis", "via", "paragraph", "start", "end"] {
            set(rows, 3, name, "");
        }
        set(rows, 2, "party_id", "");
        set(rows, 2, "party", "Washington");
        set(rows, 5, "issue_id", "");
        set(rows, 5, "issue", "Ukraine's military");
    });
    let (back, warnings) = imported(&csv, &seed());
    assert!(warnings.is_empty(), "{warnings:#?}");
    let claim = &back.doc.claims[1];
    assert_eq!((&claim.hedge, &claim.attribution.basis, &claim.attribution.via), (&None, &None, &None));
    assert_eq!((claim.quote.paragraph, claim.quote.start), (None, None));
    assert!(back.anchors[1].is_some(), "placed by its words");
    assert_eq!(back.doc.claims[0].party, "us");
    assert_eq!(back.doc.claims[3].issue, "ukraine-military");
}

#[test]
fn an_unknown_stance_is_an_error_at_its_row_and_column_with_the_nearest_word() {
    let found = errors(&seed_csv_with(|rows| set(rows, 4, "stance", "demand")));
    let d = only(&found);
    assert_eq!(d.message, "unknown stance \"demand\"");
    assert_eq!(d.hint.as_deref(), Some("did you mean \"demands\"?"));
    assert_eq!(d.path, "row 4, column \"stance\"");
    assert_eq!(d.line_col, Some((4, 6)), "line 4 of the file, the sixth column");
}

#[test]
fn unknown_certainty_party_issue_and_names_are_errors_with_hints() {
    let found = errors(&seed_csv_with(|rows| {
        set(rows, 2, "certainty", "sure");
        set(rows, 3, "party_id", "rusia");
        set(rows, 4, "issue_id", "weather");
        set(rows, 5, "party_id", "");
        set(rows, 5, "party", "Moskow");
        set(rows, 6, "party_id", "");
        set(rows, 6, "party", "");
    }));
    let said: Vec<(&str, &str, Option<&str>)> = found.iter().map(|d| (d.path.as_str(), d.message.as_str(), d.hint.as_deref())).collect();
    assert_eq!(
        said,
        [
            ("row 2, column \"certainty\"", "unknown certainty \"sure\"", Some("expected one of: certain, probable, possible, uncommitted")),
            ("row 3, column \"party_id\"", "unknown party \"rusia\": the article file has no such party", Some("did you mean \"russia\"?")),
            (
                "row 4, column \"issue_id\"",
                "unknown issue \"weather\": the article file has no such issue",
                Some(
                    "expected one of: ukraine-military, zaporizhzhia-plant, land-and-access, territorial-recognition, \
                     security-guarantees, mutual-concessions, quick-deal"
                )
            ),
            ("row 5, column \"party\"", "unknown party \"Moskow\": no party of the article file has that name", Some("did you mean \"Moscow\"?")),
            (
                "row 6, column \"party_id\"",
                "no party: \"party_id\" and \"party\" are both empty",
                Some("write the party's id in \"party_id\": one of \"us\", \"russia\", \"ukraine\"")
            ),
        ]
    );
}

#[test]
fn a_party_name_that_disagrees_with_the_id_is_a_warning_and_the_id_wins() {
    let csv = seed_csv_with(|rows| set(rows, 2, "party", "Russia"));
    let (back, warnings) = imported(&csv, &seed());
    assert_eq!(back.doc.claims[0].party, "us");
    let d = only(&warnings);
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.message, "\"Russia\" is not a name of the party \"us\": the party is taken from \"party_id\"");
    assert_eq!(d.hint.as_deref(), Some("its names: \"United States\", \"US\", \"Washington\", \"Trump administration\""));
    assert_eq!(d.path, "row 2, column \"party\"");
}

#[test]
fn empty_required_fields_and_numbers_that_are_not_numbers_are_errors() {
    let found = errors(&seed_csv_with(|rows| {
        set(rows, 2, "summary", "  ");
        set(rows, 3, "reported_by", "");
        set(rows, 4, "quote", "");
        set(rows, 5, "start", "twelve");
        set(rows, 6, "id", "");
    }));
    let said: Vec<(&str, &str)> = found.iter().map(|d| (d.path.as_str(), d.message.as_str())).collect();
    assert_eq!(
        said,
        [
            ("row 2, column \"summary\"", "\"summary\" must not be empty or only white space"),
            ("row 3, column \"reported_by\"", "\"reported_by\" must not be empty or only white space"),
            ("row 4, column \"quote\"", "\"quote\" must not be empty or only white space"),
            ("row 5, column \"start\"", "expected a whole number of 0 or more, found \"twelve\""),
            ("row 6, column \"id\"", "\"id\" must not be empty or only white space"),
        ]
    );
}

#[test]
fn a_repeated_id_is_reported_at_its_row_as_a_claims_file_would_be() {
    let found = errors(&seed_csv_with(|rows| set(rows, 5, "id", "us-army-push")));
    let d = only(&found);
    assert_eq!(d.message, "duplicate id \"us-army-push\"");
    assert_eq!(d.hint.as_deref(), Some("row 2 already uses it"));
    assert_eq!(d.path, "row 5, column \"id\"");
    assert_eq!(d.line_col, Some((5, 1)));
}

#[test]
fn a_missing_column_is_an_error_and_an_unknown_one_a_warning() {
    let found = errors(&seed_csv_with(|rows| {
        let c = column(rows, "quote");
        for row in rows.iter_mut() {
            row.remove(c);
        }
    }));
    let d = only(&found);
    assert_eq!(d.message, "missing required column \"quote\"");
    assert_eq!(d.path, "row 1");
    assert_eq!(d.line_col, Some((1, 1)));

    let found = errors(&seed_csv_with(|rows| {
        for name in ["party_id", "party"] {
            let c = column(rows, name);
            rows.iter_mut().for_each(|row| drop(row.remove(c)));
        }
    }));
    assert_eq!(only(&found).message, "missing required column \"party_id\"");
    assert_eq!(found[0].hint.as_deref(), Some("or a column \"party\" that names them"));

    let csv = seed_csv_with(|rows| {
        rows[0].extend(["stanse".to_string(), "notes".to_string(), String::new()]);
        rows[1..].iter_mut().for_each(|row| row.extend(["x".to_string(), "checked".to_string(), "kept?".to_string()]));
    });
    let (back, warnings) = imported(&csv, &seed());
    assert_eq!(back.doc.claims, seed().doc.claims);
    let said: Vec<(&str, &str, Option<&str>)> = warnings.iter().map(|d| (d.path.as_str(), d.message.as_str(), d.hint.as_deref())).collect();
    assert_eq!(
        said,
        [
            ("row 1, column \"stanse\"", "unknown column \"stanse\": its values are not read", Some("did you mean \"stance\"?")),
            (
                "row 1, column \"notes\"",
                "unknown column \"notes\": its values are not read",
                Some("expected one of: id, party_id, party, issue_id, issue, stance, certainty, hedge, summary, quote, paragraph, start, end, reported_by, basis, via")
            ),
            (
                "row 1, column 19",
                "column 19 has no name: its values are not read",
                Some("name it as one of the columns import reads: id, party_id, party, issue_id, issue, stance, certainty, hedge, summary, quote, paragraph, start, end, reported_by, basis, via")
            ),
        ]
    );
    assert!(warnings.iter().all(|d| d.severity == Severity::Warning));
    assert_eq!(warnings[0].line_col, Some((1, 17)));
}

#[test]
fn positions_that_do_not_hold_the_quote_are_warned_about_and_the_words_place_it() {
    let reader = seed();
    let csv = seed_csv_with(|rows| {
        set(rows, 3, "start", "3");
        set(rows, 3, "end", "9");
        set(rows, 4, "paragraph", "40");
        set(rows, 5, "paragraph", "0");
        set(rows, 5, "start", "");
        set(rows, 5, "end", "");
    });
    let (back, warnings) = imported(&csv, &reader);
    let said: Vec<(&str, &str)> = warnings.iter().map(|d| (d.path.as_str(), d.message.as_str())).collect();
    assert_eq!(
        said,
        [
            ("row 3, column \"start\"", "characters 3–9 of paragraph 1 are not the quote's words: it is placed by its words"),
            ("row 4, column \"paragraph\"", "the article has no paragraph 40: the quote is placed by its words"),
            ("row 5, column \"paragraph\"", "paragraph 0 does not hold the quote's words: it is placed by its words"),
        ]
    );
    // Placed where the seed places them all the same.
    assert_eq!(back.anchors, reader.anchors);
    assert_eq!((back.doc.claims[1].quote.paragraph, back.doc.claims[1].quote.start), (Some(1), None));
    assert_eq!((back.doc.claims[2].quote.paragraph, back.doc.claims[2].quote.start), (None, None));
}

#[test]
fn a_quote_placed_approximately_comes_back_with_its_paragraph_and_a_warning() {
    let mut doc = seed().doc;
    doc.claims[0].quote.exact = doc.claims[0].quote.exact.replace("maintain", "maintian");
    doc.claims[0].quote.start = None;
    let reader = Reader::from_json(&claims_file(&doc)).unwrap_or_else(|d| panic!("{d:#?}"));
    assert!(reader.anchors[0].as_ref().is_some_and(|a| !a.is_exact()), "placed approximately");
    let (back, warnings) = imported(&to_csv::claims(&reader), &reader);
    let said: Vec<(&str, &str)> = warnings.iter().map(|d| (d.path.as_str(), d.message.as_str())).collect();
    assert_eq!(said[0], ("row 2, column \"start\"", "characters 0–94 of paragraph 0 are not the quote's words: it is placed by its words"));
    assert_eq!(back.doc.claims, reader.doc.claims);
    assert_eq!(back.anchors, reader.anchors);
}

#[test]
fn a_quote_left_open_or_a_row_with_other_fields_is_an_error_at_its_line() {
    // The second claim's quote runs over two lines: its row is 3, the record after starts on line 5.
    let mut rows = rows_of(&to_csv::claims(&seed()));
    let quote = column(&rows, "quote");
    rows[2][quote] = "two\nlines".to_string();
    rows[3].pop();
    let found = errors(&saved(&rows, csv::Terminator::CRLF));
    let said: Vec<_> = found.iter().map(|d| (d.path.as_str(), d.message.as_str(), d.line_col)).collect();
    assert_eq!(said[0], ("row 4", "15 fields where the header has 16", Some((5, 1))), "{found:#?}");

    // A stray quote runs on to the next one: the row gets other fields.
    let text = to_csv::claims(&seed()).replacen("Bloomberg,", "\"Bloomberg,", 1);
    let d = &errors(&text)[0];
    assert_eq!((d.path.as_str(), d.message.as_str(), d.line_col), ("row 2", "21 fields where the header has 16", Some((2, 1))));
    // One that no quote after it closes runs to the end of the file.
    let text = format!("{}us-x,\"us,United States\r\n", to_csv::claims(&seed()));
    let d = only(&errors(&text)).clone();
    assert_eq!(d.message, "a field opened with a double quote is never closed: the file ends inside it");
    assert_eq!((d.path.as_str(), d.line_col), ("row 14, column 2", Some((14, 2))));

    let d = only(&errors("")).clone();
    assert_eq!(d.message, "the file is empty");
}

#[test]
fn a_header_alone_gives_no_claims() {
    let header = to_csv::claims(&seed()).lines().next().expect("a header").to_string();
    let (back, warnings) = imported(&header, &seed());
    assert!(back.doc.claims.is_empty() && warnings.is_empty());
}

include!("support/run_command.rs");

#[test]
fn the_command_imports_what_it_exports_and_reports_problems_as_check_does() {
    let out = run(&["export", "--to", "csv-claims", "static/seed.json"], "");
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).expect("UTF-8");

    let out = run(&["import", "--from", "csv-claims", "--article", "static/seed.json", "-"], &csv);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let claims = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(claims, claims_file(&seed().doc), "the seed, written in the documented order");
    let markdown = |args: &[&str], stdin: &str| String::from_utf8(run(args, stdin).stdout).expect("UTF-8");
    assert_eq!(markdown(&["export", "--to", "markdown", "-"], &claims), markdown(&["export", "--to", "markdown", "static/seed.json"], ""));

    // A file on disk; a warning is reported and the claims still written.
    let dir = std::env::temp_dir().join(format!("claim-reader-csv-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder");
    let path = dir.join("claims.csv");
    let mut rows = rows_of(&csv);
    set(&mut rows, 4, "stance", "demand");
    std::fs::write(&path, saved(&rows, csv::Terminator::CRLF)).expect("written");
    let file = path.to_str().expect("a UTF-8 path");
    let out = run(&["import", "--from=csv-claims", "--article=static/seed.json", file], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing is written when there are errors");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(
        stderr,
        format!("error: unknown stance \"demand\"\n  --> {file}:4:6 (row 4, column \"stance\")\n  = help: did you mean \"demands\"?\n\n{file}: 1 error\n")
    );

    let mut rows = rows_of(&csv);
    rows[0].push("notes".to_string());
    rows[1..].iter_mut().for_each(|r| r.push(String::new()));
    let out = run(&["import", "--from", "csv-claims", "--article", "static/seed.json", "-"], &saved(&rows, csv::Terminator::CRLF));
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("warning: unknown column \"notes\": its values are not read\n  --> <stdin>:1:17 (row 1, column \"notes\")\n"), "{stderr}");
    assert!(stderr.ends_with("<stdin>: ok, 1 warning — 12 claims, 12 placed, 3 parties, 7 issues\n"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), claims);

    assert_eq!(run(&["import", "--from", "csv-claims", "--article", "static/seed.json", "-"], "id,\"quote\n").status.code(), Some(1));
    for args in [
        &["import", "--from", "csv-claims", "-"][..],
        &["import", "--from", "csv", "--article", "static/seed.json", "-"],
        &["import", "--from", "csv-claims", "--article", "static/seed.json"],
        &["import", "--from", "csv-claims", "--article", "static/seed.json", "no-such-file.csv"],
    ] {
        assert_eq!(run(args, "").status.code(), Some(2), "{args:?}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

include!("support/proptest_config.rs");

/// Words as editors write them: formula characters, quotes, commas and line breaks anywhere,
/// Cyrillic, emoji and curly quotes.
const WORDS: &str = "[=+\\-@\t\r\n,\"' a-zЀ-ӿ👍🏽“”«»]{0,12}";

/// An optional field: empty is absent, as import reads it.
fn optional(words: &str) -> Option<String> {
    Some(words.to_string()).filter(|w| !w.is_empty())
}

/// Whether export writes `words` just as it writes something else: an apostrophe of the text's
/// own before a formula character (see docs/interop.md).
fn ambiguous(words: &str) -> bool {
    words.strip_prefix('\'').is_some_and(|rest| rest.starts_with(to_csv::FORMULA_STARTS))
}

proptest! {
    // 200 cases in `cargo test`; `PROPTEST_CASES` raises it (see `./scripts/soak`).
    #![proptest_config(proptest_config(200))]

    #[test]
    fn any_words_come_back_from_export_and_import(words in prop::collection::vec(WORDS, 5), claim in 0..12usize) {
        prop_assume!(!words.iter().any(|w| ambiguous(w)));
        let mut doc = seed().doc;
        let c = &mut doc.claims[claim];
        c.summary = format!("S{}", words[0]);
        c.attribution.reported_by = format!("{}R", words[1]);
        c.hedge = optional(&words[2]);
        c.attribution.basis = optional(&words[3]);
        c.attribution.via = optional(&words[4]);
        let reader = Reader::from_json(&claims_file(&doc)).unwrap_or_else(|d| panic!("{d:#?}"));
        let imported = import(&to_csv::claims(&reader), &reader);
        prop_assert!(imported.is_ok(), "{:#?}", imported.err());
        let imported = imported.unwrap_or_else(|_| unreachable!());
        prop_assert!(imported.warnings.is_empty(), "{:#?}", imported.warnings);
        prop_assert_eq!(&imported.doc.claims, &reader.doc.claims);
    }
}
