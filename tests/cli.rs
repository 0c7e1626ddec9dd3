//! The `claim-reader check` command, run as an editor runs it.
//!
//! Every `tests/broken/NAME.json` is checked and the output compared with
//! `tests/broken/NAME.expected`: the exact standard output, then a last line
//! `[exit status N]`. After a deliberate change to the messages, regenerate with
//! `UPDATE_EXPECTED=1 cargo test --test cli` and read every changed file before committing.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_claim-reader");

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN).current_dir(dir).args(args).output().expect("the command runs")
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command starts");
    child.stdin.take().expect("stdin is piped").write_all(input).expect("stdin takes the input");
    child.wait_with_output().expect("the command finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn transcript(output: &Output) -> String {
    format!("{}[exit status {}]\n", stdout(output), output.status.code().unwrap_or(-1))
}

fn corpus() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("tests/broken exists")
        .map(|entry| entry.expect("a directory entry").file_name().to_string_lossy().into_owned())
        .filter_map(|name| name.strip_suffix(".json").map(str::to_string))
        .collect();
    names.sort();
    names
}

#[test]
fn every_broken_file_prints_its_expected_report() {
    let dir = corpus_dir();
    let update = std::env::var_os("UPDATE_EXPECTED").is_some_and(|v| v == "1");
    let names = corpus();
    assert!(names.len() >= 40, "the corpus has {} files", names.len());
    let mut failures = Vec::new();
    for name in &names {
        let output = run(&dir, &["check", &format!("{name}.json")]);
        assert!(stderr(&output).is_empty(), "{name}: unexpected stderr: {}", stderr(&output));
        let got = transcript(&output);
        let expected_path = dir.join(format!("{name}.expected"));
        if update {
            std::fs::write(&expected_path, &got).expect("the .expected file is written");
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!("--- {name}.expected\n{expected}+++ actual\n{got}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} reports differ:\n\n{}", failures.len(), names.len(), failures.join("\n"));
}

#[test]
fn every_expected_file_has_its_broken_file() {
    let names = corpus();
    for entry in std::fs::read_dir(corpus_dir()).expect("tests/broken exists") {
        let file = entry.expect("a directory entry").file_name().to_string_lossy().into_owned();
        if let Some(name) = file.strip_suffix(".expected") {
            assert!(names.iter().any(|n| n == name), "{file} has no {name}.json");
        } else {
            assert!(file.ends_with(".json"), "unexpected file tests/broken/{file}");
        }
    }
}

#[test]
fn every_report_says_where() {
    // Each problem line is followed by a location with line and column.
    for name in corpus() {
        let output = run(&corpus_dir(), &["check", &format!("{name}.json")]);
        let text = stdout(&output);
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.starts_with("error: ") || line.starts_with("warning: ") {
                let at = lines.get(i + 1).copied().unwrap_or("");
                let prefix = format!("  --> {name}.json:");
                assert!(at.starts_with(&prefix), "{name}: {line:?} is followed by {at:?}");
            }
        }
    }
}

#[test]
fn the_seed_article_checks_clean() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("static/seed.json");
    let text = std::fs::read_to_string(&seed).expect("static/seed.json exists");
    if text.trim() == "{}" {
        eprintln!("static/seed.json is still a placeholder; skipping");
        return;
    }
    let output = run(Path::new(env!("CARGO_MANIFEST_DIR")), &["check", "static/seed.json"]);
    let out = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(out.contains("static/seed.json: ok"), "{out}");
    assert!(!out.contains("error:"), "{out}");
}

#[test]
fn standard_input_reads_like_a_file() {
    let dir = corpus_dir();
    let input = std::fs::read(dir.join("unknown-issue.json")).expect("corpus file");
    let from_stdin = run_with_stdin(&["check", "-"], &input);
    let from_file = run(&dir, &["check", "unknown-issue.json"]);
    assert_eq!(from_stdin.status.code(), Some(1));
    assert_eq!(stdout(&from_stdin), stdout(&from_file).replace("unknown-issue.json", "<stdin>"));
}

#[test]
fn several_files_report_one_after_another() {
    let dir = corpus_dir();
    let output = run(&dir, &["check", "unknown-field.json", "unknown-party.json"]);
    assert_eq!(output.status.code(), Some(1), "errors in any file fail the check");
    let expected = format!(
        "{}\n{}",
        stdout(&run(&dir, &["check", "unknown-field.json"])),
        stdout(&run(&dir, &["check", "unknown-party.json"]))
    );
    assert_eq!(stdout(&output), expected);

    let output = run(&dir, &["check", "unknown-field.json", "ambiguous-quote.json"]);
    assert_eq!(output.status.code(), Some(0), "warnings alone pass");
}

#[test]
fn json_format_lists_every_problem_with_its_position() {
    let output = run(&corpus_dir(), &["check", "--format", "json", "several-problems.json", "ambiguous-quote.json"]);
    assert_eq!(output.status.code(), Some(1));
    let items: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("stdout is JSON");
    let items = items.as_array().expect("a JSON array");
    assert_eq!(items.len(), 9, "every problem of both files, found in one pass");
    let first = &items[0];
    assert_eq!(first["file"], "several-problems.json");
    assert_eq!(first["path"], "format");
    assert_eq!(first["severity"], "warning");
    assert_eq!(first["message"], "unknown format \"claim-reader/2\"");
    assert_eq!(first["hint"], "this reader reads \"claim-reader/1\"");
    assert_eq!((first["line"].as_u64(), first["column"].as_u64()), (Some(2), Some(13)));
    let typo = items.iter().find(|d| d["path"] == "claims[0].issue").expect("the issue typo is listed");
    assert_eq!(typo["hint"], "did you mean \"military\"?");
    assert_eq!((typo["line"].as_u64(), typo["column"].as_u64()), (Some(22), Some(16)));
    let empty = items.iter().find(|d| d["path"] == "claims[1].summary").expect("the empty summary is listed");
    assert!(empty["hint"].is_null());
    assert_eq!(items[8]["file"], "ambiguous-quote.json");

    let equals_form = run(&corpus_dir(), &["check", "--format=json", "ambiguous-quote.json"]);
    assert_eq!(equals_form.status.code(), Some(0));
    let clean = run(Path::new(env!("CARGO_MANIFEST_DIR")), &["check", "--format", "json", "-"]);
    assert_eq!(stdout(&clean), "[\n  {\n    \"file\": \"<stdin>\",\n    \"path\": \"\",\n    \"severity\": \"error\",\n    \"message\": \"the file is empty\",\n    \"hint\": \"a claims file is a JSON object\",\n    \"line\": 1,\n    \"column\": 1\n  }\n]\n");
}

#[test]
fn a_file_that_cannot_be_read_is_named_and_exits_2() {
    let output = run(&corpus_dir(), &["check", "no-such-file.json", "unknown-field.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: cannot read no-such-file.json: "), "{}", stderr(&output));
    assert!(stdout(&output).contains("unknown-field.json: ok, 2 warnings"), "the other files are still checked");
}

#[test]
fn help_goes_to_stdout() {
    for args in [&["--help"][..], &["-h"], &["check", "--help"]] {
        let output = run(&corpus_dir(), args);
        assert_eq!(output.status.code(), Some(0));
        assert!(stdout(&output).starts_with("Usage: claim-reader check"), "{args:?}");
        assert!(stdout(&output).contains("\n  FILE            a claims file"), "the help keeps its layout: {args:?}");
        assert!(stderr(&output).is_empty());
    }
}

#[test]
fn a_wrong_command_line_prints_usage_to_stderr_and_exits_2() {
    for args in [&[][..], &["chek", "x.json"], &["check"], &["check", "--format", "xml", "x.json"], &["check", "--format"], &["check", "-q", "x.json"]] {
        let output = run(&corpus_dir(), args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(stdout(&output).is_empty(), "{args:?}");
        assert!(stderr(&output).contains("Usage: claim-reader check"), "{args:?}");
    }
    let output = run(&corpus_dir(), &["chek", "x.json"]);
    assert!(stderr(&output).starts_with("claim-reader: unknown command \"chek\""));
}

#[test]
fn a_double_dash_ends_the_options() {
    let output = run(&corpus_dir(), &["check", "--", "--format"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: cannot read --format: "), "{}", stderr(&output));
}

#[test]
fn syntax_error_columns_count_characters() {
    let text = "{\n  \"article\": {\n    \"headline\": \"Київ and Moscow résumé talks\" \"subheadline\": \"Geneva\"\n  }\n}\n";
    let output = run_with_stdin(&["check", "-"], text.as_bytes());
    // The stray `"subheadline"` starts at character 48 of line 3 (byte 54).
    assert!(stdout(&output).contains("  --> <stdin>:3:48\n"), "{}", stdout(&output));
}

#[test]
fn problems_in_later_claims_keep_their_own_paths() {
    let input = std::fs::read_to_string(corpus_dir().join("unknown-party.json"))
        .expect("corpus file")
        .replace("\"stance\": \"demands\"", "\"stance\": \"wants\"");
    let output = run_with_stdin(&["check", "-"], input.as_bytes());
    // "rusia" stands in claims[1]; claims[0] is the one with the unknown stance.
    assert!(stdout(&output).contains("(claims[1].party)"), "{}", stdout(&output));
}
