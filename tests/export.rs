#![cfg(not(target_arch = "wasm32"))]
//! `claim-reader export`: the stance table and the claims as CSV, read back by a CSV parser as a
//! spreadsheet would read them, and the table as Markdown.

use std::path::Path;
use std::process::{Command, Output};

use claim_reader::export::{csv as to_csv, markdown};
use claim_reader::reader::Reader;
use claim_reader::SEED_JSON;

const BIN: &str = env!("CARGO_BIN_EXE_claim-reader");

fn run(args: &[&str]) -> Output {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Command::new(BIN).current_dir(root).args(args).output().expect("the command runs")
}

/// The records of a CSV text, header first, as a spreadsheet reads them (byte order mark off).
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{FEFF}').expect("starts with the UTF-8 byte order mark");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
    reader.records().map(|r| r.expect("a well-formed record").iter().map(String::from).collect()).collect()
}

fn seed() -> Reader {
    Reader::from_json(SEED_JSON).unwrap_or_else(|d| panic!("{d:?}"))
}

#[test]
fn the_stance_table_as_csv_has_a_row_per_cell_with_its_stance_claims_and_quotes() {
    let rows = read_csv(&to_csv::stance_table(&seed()));
    assert_eq!(rows[0], ["party_id", "party", "issue_id", "issue", "stance", "claims", "quotes"]);
    assert_eq!(rows.len(), 1 + 21, "a row per party × issue");
    let row = |p: &str, i: &str| rows.iter().find(|r| r[0] == p && r[2] == i).unwrap_or_else(|| panic!("{p} × {i}"));
    let crimea = row("us", "territorial-recognition");
    assert_eq!(crimea[1], "United States");
    assert_eq!(crimea[3], "Recognising Russian-held land");
    assert_eq!(crimea[4], "proposes");
    assert_eq!(crimea[5], "us-crimea");
    assert!(crimea[6].starts_with("the Trump administration reportedly proposed recognizing Crimea"));
    assert!(crimea[6].ends_with("under Moscow’s control"), "non-ASCII text intact: {}", crimea[6]);
    let army = row("us", "ukraine-military");
    assert_eq!(army[5], "us-army-push us-army-witkoff");
    assert_eq!(army[6].lines().count(), 2, "one quote a line");
    assert_eq!(row("ukraine", "quick-deal")[4], "not stated");
    assert_eq!(row("ukraine", "quick-deal")[5], "");
    let stated = rows[1..].iter().filter(|r| r[4] != "not stated").count();
    assert_eq!(stated, 10);
}

#[test]
fn the_claims_as_csv_say_where_each_passage_stands() {
    let reader = seed();
    let rows = read_csv(&to_csv::claims(&reader));
    assert_eq!(rows.len(), 1 + 12);
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("column {name}"));
    for (row, claim) in rows[1..].iter().zip(&reader.doc.claims) {
        assert_eq!(row[col("id")], claim.id);
        assert_eq!(row[col("quote")], claim.quote.exact);
        // The code-point positions select the quote's words in their paragraph.
        let paragraph: usize = row[col("paragraph")].parse().expect("placed");
        let (start, end): (usize, usize) = (row[col("start")].parse().expect("start"), row[col("end")].parse().expect("end"));
        let words: String = reader.doc.article.paragraphs[paragraph].chars().skip(start).take(end - start).collect();
        assert_eq!(words, claim.quote.exact, "{}", claim.id);
    }
    let witkoff = rows.iter().find(|r| r[0] == "us-army-witkoff").expect("us-army-witkoff");
    assert_eq!(witkoff[col("certainty")], "probable");
    assert_eq!(witkoff[col("hedge")], "is expected to");
    assert_eq!(witkoff[col("via")], "Anadolu Agency");
}

#[test]
fn any_text_survives_the_round_trip_and_nothing_runs_as_a_formula() {
    let paragraph = "Київ каже: «ні, \"ніколи\"», – and =SUM(A1) is text, 👍🏽 too.";
    let exact = "Київ каже: «ні, \"ніколи\"»";
    let json = serde_json::json!({
        "article": { "headline": "h", "paragraphs": [paragraph] },
        "parties": [{ "id": "ua", "name": "Україна, \"уряд\"\nКиїв" }, { "id": "x", "name": "=cmd|' /C calc'!A0" }],
        "issues": [{ "id": "peace", "label": "Мир | peace", "description": "d" }],
        "claims": [{
            "id": "c1", "party": "ua", "issue": "peace", "stance": "rejects",
            "quote": { "exact": exact, "paragraph": 0, "start": 0 },
            "summary": "-1 for talks 👍🏽", "attribution": { "reported_by": "@agency" }, "certainty": "certain"
        }]
    })
    .to_string();
    let reader = Reader::from_json(&json).unwrap_or_else(|d| panic!("{d:?}"));
    let table = read_csv(&to_csv::stance_table(&reader));
    assert_eq!(table[1][1], "Україна, \"уряд\"\nКиїв");
    assert_eq!(table[1][3], "Мир | peace");
    assert_eq!(table[1][6], exact);
    // A spreadsheet shows these as the text they are; the apostrophe keeps it from running them.
    assert_eq!(table[2][1], "'=cmd|' /C calc'!A0");
    let claims = read_csv(&to_csv::claims(&reader));
    assert_eq!(claims[1][8], "'-1 for talks 👍🏽");
    assert_eq!(claims[1][13], "'@agency");
    assert_eq!(claims[1][9], exact);
}

#[test]
fn the_table_as_markdown_has_a_column_per_issue_and_a_row_per_party() {
    let md = markdown::stance_table(&seed());
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with('|')).collect();
    assert_eq!(rows.len(), 2 + 3, "header, separator and a row per party:\n{md}");
    let cells = |line: &str| line.trim_matches('|').split(" | ").count();
    for row in &rows {
        assert_eq!(cells(row), 1 + 7, "{row}");
    }
    assert!(rows[0].contains("| Recognising Russian-held land |"));
    assert!(rows[2].starts_with("| **United States** | demands (2 passages) |"), "{}", rows[2]);
    assert!(rows[4].contains("| rejects (1 passage) |"), "{}", rows[4]);
    assert!(rows[4].contains("_not stated_"));
}

#[test]
fn the_command_writes_the_export_to_stdout_and_problems_to_stderr() {
    let out = run(&["export", "--to", "csv", "static/seed.json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(read_csv(&String::from_utf8_lossy(&out.stdout)).len(), 22);
    assert!(out.stderr.is_empty());
    let out = run(&["export", "--to=markdown", "static/seed.json"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("| Party |"));

    let out = run(&["export", "--to", "csv", "tests/broken/unknown-issue.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing is exported from a file with errors");
    assert!(String::from_utf8_lossy(&out.stderr).contains("error: "));

    assert_eq!(run(&["export", "--to", "xml", "static/seed.json"]).status.code(), Some(2));
    assert_eq!(run(&["export", "static/seed.json"]).status.code(), Some(2));
    assert_eq!(run(&["export", "--to", "csv"]).status.code(), Some(2));
}
