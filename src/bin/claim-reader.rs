//! `claim-reader check FILE...`: reads claims files the way the page does and reports every
//! problem with the line and column where it was found. See `docs/check-command.md`.

// The command runs natively; the crate's browser build compiles this binary too (for its tests),
// without the command's dependencies.
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    command::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod command {
    use std::io::{Read, Write};
    use std::process::ExitCode;

    use claim_reader::model::{Diagnostic, Severity};
    use claim_reader::oembed::Frame;
    use claim_reader::prerender::{Files, Form};
    use claim_reader::reader::Reader;

    const USAGE: &str = "\
Usage: claim-reader check [--format text|json] FILE...
       claim-reader export --to csv|csv-claims|markdown|w3c FILE
       claim-reader import --from w3c|csv-claims --article CLAIMS_FILE FILE
       claim-reader render [--as embed|page|reader|json-ld] [OPTIONS] FILE
       claim-reader render --as oembed --frame-url URL --src URL [OPTIONS] FILE

check: checks claims files the way the article page reads them, and reports
every problem with the line and column where it was found.

  FILE            a claims file; - reads standard input
  --format text   compiler-style messages and a summary per file (default)
  --format json   one JSON array of all problems, for editor tooling
  -h, --help      show this help
  -V, --version   show the version

export: writes a claims file that checks without errors to standard output:
  --to csv        the stance table, one row per party and issue (UTF-8 CSV)
  --to csv-claims the claims, one row per claim (UTF-8 CSV)
  --to markdown   the stance table as a Markdown table
  --to w3c        the claims as W3C Web Annotations (JSON-LD)
Problems go to standard error, as check reports them.

import: reads claims back into a claims file, written to standard output:
  --from w3c        FILE is a W3C Web Annotation collection as export writes it
  --from csv-claims FILE is the claims CSV as export writes it, or as a
                    spreadsheet saves it again (columns found by name)
  --article FILE    the claims file whose article, parties and issues the
                    claims belong to (its own claims are not used)
Problems go to standard error (for a CSV: the line and the column's number,
then the row and the column's name); with errors nothing is written.

render: writes the reader for a claims file as HTML that works with no script
(every highlight, the stance table, and each claim's details as numbered
notes), made by the same components the page runs; with script, the live
reader hydrates it in place (the same build and the same data only; any
other is rendered afresh):
  --as embed        an element for a page: the reader in a declarative shadow
                    root, its claims as a JSON island, schema.org JSON-LD
                    (default)
  --as page         a whole HTML page holding the embed
  --as reader       the reader's markup alone, for a page with its own
                    link to claim-reader.css
  --as json-ld      the schema.org JSON-LD alone, for a page's head
  --stylesheet URL  where claim-reader.css is (default claim-reader.css)
  --script URL      the loader, claim-reader.js, for --as page (default none)
  --oembed-url URL  for --as page: the absolute http(s) URL of the article's
                    oEmbed response (--as oembed), named in the page's head
                    for oEmbed discovery
  --id ID           the id of the claims' JSON island (default claims)
  --as oembed       an oEmbed 1.0 response (JSON, type rich) whose html is an
                    <iframe> of frame.html showing the claims file at --src,
                    with the article's headline as title and a height
                    estimated from its length
  --frame-url URL   for --as oembed: the absolute http(s) URL of frame.html
  --src URL         for --as oembed: the claims file's URL, absolute or
                    relative to frame.html (http(s) only)
  --theme light|dark  for --as oembed: the frame's palette (default: the
                    reader's system's)
  --width PX        for --as oembed: the width the height is estimated for
                    (default 640)
Problems go to standard error; with errors nothing is written.

Exit status: 0 when no file has errors (warnings are allowed), 1 when any
file has errors, 2 when a file cannot be read or the command line is wrong.
";

    #[derive(Clone, Copy, PartialEq)]
    enum Format {
        Text,
        Json,
    }

    /// What `export` writes.
    #[derive(Clone, Copy, PartialEq)]
    enum Target {
        Csv,
        CsvClaims,
        Markdown,
        W3c,
    }

    /// What `import` reads.
    #[derive(Clone, Copy, PartialEq)]
    enum Source {
        W3c,
        CsvClaims,
    }

    /// What the command line asks for.
    enum Command {
        Help,
        Version,
        Check { format: Format, files: Vec<String> },
        Export { to: Target, file: String },
        Import { from: Source, article: String, file: String },
        Render { form: Form, files: Files, file: String },
        Oembed { frame: Frame, file: String },
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        match parse_args(&args) {
            Ok(Command::Help) => {
                print!("{USAGE}");
                ExitCode::SUCCESS
            }
            Ok(Command::Version) => {
                println!("claim-reader {}", env!("CARGO_PKG_VERSION"));
                ExitCode::SUCCESS
            }
            Ok(Command::Check { format, files }) => ExitCode::from(check(format, &files)),
            Ok(Command::Export { to, file }) => ExitCode::from(export(to, &file)),
            Ok(Command::Import { from, article, file }) => ExitCode::from(import(from, &article, &file)),
            Ok(Command::Render { form, files, file }) => ExitCode::from(render(form, &files, &file)),
            Ok(Command::Oembed { frame, file }) => ExitCode::from(oembed(&frame, &file)),
            Err(problem) => {
                eprintln!("claim-reader: {problem}\n\n{USAGE}");
                ExitCode::from(2)
            }
        }
    }

    fn parse_args(args: &[String]) -> Result<Command, String> {
        let Some(first) = args.first() else { return Err("no command given".to_string()) };
        match first.as_str() {
            "-h" | "--help" | "help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "check" => {}
            "export" => return parse_export(&args[1..]),
            "import" => return parse_import(&args[1..]),
            "render" => return parse_render(&args[1..]),
            other => return Err(format!("unknown command \"{other}\"")),
        }
        let mut format = Format::Text;
        let mut files = Vec::new();
        let mut rest = args[1..].iter();
        let mut options_done = false;
        while let Some(arg) = rest.next() {
            if options_done || arg == "-" || !arg.starts_with('-') {
                files.push(arg.clone());
                continue;
            }
            let value = match arg.as_str() {
                "--" => {
                    options_done = true;
                    continue;
                }
                "-h" | "--help" => return Ok(Command::Help),
                "--format" => rest.next().map(String::as_str),
                _ => match arg.strip_prefix("--format=") {
                    Some(value) => Some(value),
                    None => return Err(format!("unknown option \"{arg}\"")),
                },
            };
            format = match value {
                Some("text") => Format::Text,
                Some("json") => Format::Json,
                Some(other) => return Err(format!("unknown format \"{other}\"; use text or json")),
                None => return Err("--format needs a value: text or json".to_string()),
            };
        }
        if files.is_empty() {
            return Err("check needs at least one file (- for standard input)".to_string());
        }
        Ok(Command::Check { format, files })
    }

    fn parse_export(args: &[String]) -> Result<Command, String> {
        let mut to = None;
        let mut files = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let value = match arg.as_str() {
                "-h" | "--help" => return Ok(Command::Help),
                "--to" => rest.next().map(String::as_str),
                _ if arg.starts_with("--to=") => arg.strip_prefix("--to="),
                _ if arg != "-" && arg.starts_with('-') => return Err(format!("unknown option \"{arg}\"")),
                _ => {
                    files.push(arg.clone());
                    continue;
                }
            };
            to = Some(match value {
                Some("csv") => Target::Csv,
                Some("csv-claims") => Target::CsvClaims,
                Some("markdown") => Target::Markdown,
                Some("w3c") => Target::W3c,
                Some(other) => return Err(format!("unknown export \"{other}\"; use csv, csv-claims, markdown or w3c")),
                None => return Err("--to needs a value: csv, csv-claims, markdown or w3c".to_string()),
            });
        }
        let to = to.ok_or("export needs --to csv, csv-claims, markdown or w3c")?;
        match <[String; 1]>::try_from(files) {
            Ok([file]) => Ok(Command::Export { to, file }),
            Err(_) => Err("export needs exactly one file (- for standard input)".to_string()),
        }
    }

    fn parse_import(args: &[String]) -> Result<Command, String> {
        let (mut from, mut article) = (None, None);
        let mut files = Vec::new();
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let (key, inline) = match arg.split_once('=') {
                Some((key, value)) if key.starts_with("--") => (key, Some(value.to_string())),
                _ => (arg.as_str(), None),
            };
            match key {
                "-h" | "--help" => return Ok(Command::Help),
                "--from" | "--article" => {
                    let value = inline.or_else(|| rest.next().cloned()).ok_or(format!("{key} needs a value"))?;
                    if key == "--from" {
                        from = Some(value);
                    } else {
                        article = Some(value);
                    }
                }
                _ if arg != "-" && arg.starts_with('-') => return Err(format!("unknown option \"{arg}\"")),
                _ => files.push(arg.clone()),
            }
        }
        let from = match from.as_deref() {
            Some("w3c") => Source::W3c,
            Some("csv-claims") => Source::CsvClaims,
            Some(other) => return Err(format!("unknown import \"{other}\"; use w3c or csv-claims")),
            None => return Err("import needs --from w3c or --from csv-claims".to_string()),
        };
        let article = article.ok_or("import needs --article CLAIMS_FILE: the article the claims belong to")?;
        match <[String; 1]>::try_from(files) {
            Ok([file]) => Ok(Command::Import { from, article, file }),
            Err(_) => Err("import needs exactly one file to import (- for standard input)".to_string()),
        }
    }

    fn parse_render(args: &[String]) -> Result<Command, String> {
        let mut form = Form::Embed;
        let mut files = Files { stylesheet: "claim-reader.css".to_string(), script: None, island: "claims".to_string(), oembed: None };
        let mut file = Vec::new();
        // --as oembed, and its options (which no other form takes).
        let mut as_oembed = false;
        let (mut frame_url, mut src, mut theme, mut width) = (None, None, None, None);
        let mut rest = args.iter();
        while let Some(arg) = rest.next() {
            let (key, inline) = match arg.split_once('=') {
                Some((key, value)) if key.starts_with("--") => (key, Some(value.to_string())),
                _ => (arg.as_str(), None),
            };
            let mut value = || inline.clone().or_else(|| rest.next().cloned()).ok_or(format!("{key} needs a value"));
            match key {
                "-h" | "--help" => return Ok(Command::Help),
                "--as" => {
                    let name = value()?;
                    as_oembed = name == "oembed";
                    form = match name.as_str() {
                        "embed" | "oembed" => Form::Embed,
                        "page" => Form::Page,
                        "reader" => Form::Reader,
                        "json-ld" => Form::JsonLd,
                        other => return Err(format!("unknown form \"{other}\"; use embed, page, reader, json-ld or oembed")),
                    }
                }
                "--stylesheet" => files.stylesheet = value()?,
                "--script" => files.script = Some(value()?),
                "--id" => files.island = value()?,
                "--oembed-url" => files.oembed = Some(value()?),
                "--frame-url" => frame_url = Some(value()?),
                "--src" => src = Some(value()?),
                "--theme" => theme = Some(value()?),
                "--width" => width = Some(value()?),
                _ if arg != "-" && arg.starts_with('-') => return Err(format!("unknown option \"{arg}\"")),
                _ => file.push(arg.clone()),
            }
        }
        let [file] = <[String; 1]>::try_from(file).map_err(|_| "render needs exactly one claims file (- for standard input)".to_string())?;
        if let Some(url) = &files.oembed {
            if form != Form::Page || as_oembed {
                return Err("--oembed-url goes with --as page: the page names its oEmbed response".to_string());
            }
            claim_reader::oembed::check_absolute_url("--oembed-url", url)?;
        }
        if !as_oembed {
            if frame_url.is_some() || src.is_some() || theme.is_some() || width.is_some() {
                return Err("--frame-url, --src, --theme and --width go with --as oembed".to_string());
            }
            return Ok(Command::Render { form, files, file });
        }
        let frame_url = frame_url.ok_or("--as oembed needs --frame-url URL: where frame.html is served")?;
        claim_reader::oembed::check_frame_url(&frame_url)?;
        let src = src.ok_or("--as oembed needs --src URL: the claims file the frame shows")?;
        claim_reader::oembed::check_src(&src)?;
        let theme = match theme.as_deref() {
            None => None,
            Some("light" | "dark") => theme,
            Some(other) => return Err(format!("unknown theme \"{other}\"; use light or dark")),
        };
        let (min, max) = (claim_reader::oembed::MIN_WIDTH, claim_reader::oembed::MAX_WIDTH);
        let width = match width {
            None => claim_reader::oembed::DEFAULT_WIDTH,
            Some(text) => match text.parse::<u32>() {
                Ok(px) if (min..=max).contains(&px) => px,
                _ => return Err(format!("--width \"{text}\" is not a number of pixels from {min} to {max}")),
            },
        };
        Ok(Command::Oembed { frame: Frame { frame_url, src, theme, width }, file })
    }

    /// Renders the reader ahead as HTML; problems go to standard error. Returns the exit status.
    fn render(form: Form, files: &Files, name: &str) -> u8 {
        let shown = if name == "-" { "<stdin>" } else { name };
        let text = match read_text(name, shown) {
            Ok(text) => text,
            Err(status) => return status,
        };
        match claim_reader::prerender::render(&text, form, files) {
            Ok(html) => {
                let report = check_bytes(text.as_bytes());
                if !report.diagnostics.is_empty() {
                    eprint!("{}", render_text(shown, &report));
                }
                write_out(&html)
            }
            Err(_) => {
                eprint!("{}", render_text(shown, &check_bytes(text.as_bytes())));
                1
            }
        }
    }

    /// Writes the oEmbed response for a claims file; problems go to standard error. Returns the
    /// exit status.
    fn oembed(frame: &Frame, name: &str) -> u8 {
        let shown = if name == "-" { "<stdin>" } else { name };
        let text = match read_text(name, shown) {
            Ok(text) => text,
            Err(status) => return status,
        };
        match claim_reader::oembed::oembed(&text, frame) {
            Ok(json) => {
                let report = check_bytes(text.as_bytes());
                if !report.diagnostics.is_empty() {
                    eprint!("{}", render_text(shown, &report));
                }
                write_out(&json)
            }
            Err(_) => {
                eprint!("{}", render_text(shown, &check_bytes(text.as_bytes())));
                1
            }
        }
    }

    /// Reads annotations or a claims CSV back into a claims file over the article file's
    /// article. Returns the exit status.
    fn import(from: Source, article_name: &str, name: &str) -> u8 {
        let shown = if name == "-" { "<stdin>" } else { name };
        let article_text = match read_text(article_name, article_name) {
            Ok(text) => text,
            Err(status) => return status,
        };
        let Ok(article) = Reader::from_json(&article_text) else {
            eprint!("{}", render_text(article_name, &check_bytes(article_text.as_bytes())));
            return 1;
        };
        let text = match read_text(name, shown) {
            Ok(text) => text,
            Err(status) => return status,
        };
        let imported = match from {
            Source::W3c => claim_reader::export::w3c::import(&text, &article.doc),
            Source::CsvClaims => claim_reader::export::csv_import::import(&text, &article.doc),
        };
        let mut imported = match imported {
            Ok(imported) => imported,
            Err(mut diagnostics) => {
                diagnostics.sort_by_key(|d| d.line_col);
                eprint!("{}", render_text(shown, &Report { diagnostics, loaded: None }));
                return 1;
            }
        };
        if !imported.warnings.is_empty() {
            imported.warnings.sort_by_key(|d| d.line_col);
            let doc = &imported.doc;
            let loaded = Counts {
                claims: doc.claims.len(),
                placed: imported.placed,
                parties: doc.parties.len(),
                issues: doc.issues.len(),
            };
            eprint!("{}", render_text(shown, &Report { diagnostics: std::mem::take(&mut imported.warnings), loaded: Some(loaded) }));
        }
        write_out(&claim_reader::export::import::claims_file(&imported.doc))
    }

    /// Exports one file; its problems go to standard error. Returns the exit status.
    fn export(to: Target, name: &str) -> u8 {
        let shown = if name == "-" { "<stdin>" } else { name };
        let text = match read_text(name, shown) {
            Ok(text) => text,
            Err(status) => return status,
        };
        let Ok(reader) = Reader::from_json(&text) else {
            eprint!("{}", render_text(shown, &check_bytes(text.as_bytes())));
            return 1;
        };
        if !reader.warnings.is_empty() {
            eprint!("{}", render_text(shown, &check_bytes(text.as_bytes())));
        }
        let out = match to {
            Target::Csv => claim_reader::export::csv::stance_table(&reader),
            Target::CsvClaims => claim_reader::export::csv::claims(&reader),
            Target::Markdown => claim_reader::export::markdown::stance_table(&reader),
            Target::W3c => claim_reader::export::w3c::collection(&reader),
        };
        write_out(&out)
    }

    /// Reads a file (`-`: standard input) as UTF-8 text. When it cannot be read, or is not
    /// UTF-8, says so as `check` would and gives the exit status: 2 unreadable, 1 not UTF-8.
    fn read_text(name: &str, shown: &str) -> Result<String, u8> {
        let bytes = read(name).map_err(|e| {
            eprintln!("error: cannot read {shown}: {e}");
            2
        })?;
        let bytes = match bytes.strip_prefix(BOM) {
            Some(rest) => rest.to_vec(),
            None => bytes,
        };
        String::from_utf8(bytes).map_err(|e| {
            eprint!("{}", render_text(shown, &check_bytes(e.as_bytes())));
            1
        })
    }

    /// Writes an export to standard output; the exit status, 2 when it cannot be written.
    fn write_out(out: &str) -> u8 {
        let mut stdout = std::io::stdout().lock();
        match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
            Ok(()) => 0,
            Err(_) => 2,
        }
    }

    /// Checks every file and returns the exit status.
    fn check(format: Format, files: &[String]) -> u8 {
        let mut unreadable = false;
        let mut any_errors = false;
        let mut json_items = Vec::new();
        let mut text_out = String::new();
        for name in files {
            let shown = if name == "-" { "<stdin>" } else { name.as_str() };
            let bytes = match read(name) {
                Ok(bytes) => bytes,
                Err(e) => {
                    eprintln!("error: cannot read {shown}: {e}");
                    unreadable = true;
                    continue;
                }
            };
            let report = check_bytes(&bytes);
            any_errors |= report.diagnostics.iter().any(Diagnostic::is_error);
            match format {
                Format::Text => {
                    if !text_out.is_empty() {
                        text_out.push('\n');
                    }
                    text_out.push_str(&render_text(shown, &report));
                }
                Format::Json => json_items.extend(report.diagnostics.into_iter().map(|d| diagnostic_json(shown, d))),
            }
        }
        let out = match format {
            Format::Text => text_out,
            Format::Json => serde_json::to_string_pretty(&json_items).unwrap_or_else(|_| "[]".to_string()) + "\n",
        };
        let mut stdout = std::io::stdout().lock();
        if stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()).is_err() {
            return 2;
        }
        if unreadable {
            2
        } else if any_errors {
            1
        } else {
            0
        }
    }

    fn read(name: &str) -> std::io::Result<Vec<u8>> {
        if name == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().lock().read_to_end(&mut bytes)?;
            Ok(bytes)
        } else {
            std::fs::read(name)
        }
    }

    /// One file's outcome: its problems, in the order they stand in the file, and what loaded.
    struct Report {
        diagnostics: Vec<Diagnostic>,
        loaded: Option<Counts>,
    }

    struct Counts {
        claims: usize,
        placed: usize,
        parties: usize,
        issues: usize,
    }

    /// A UTF-8 byte order mark, which some editors put at the start of a file. The page reads
    /// files through `fetch`'s `text()`, which drops it, so the command drops it too.
    const BOM: &[u8] = "\u{FEFF}".as_bytes();

    fn check_bytes(bytes: &[u8]) -> Report {
        let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let mut d = Diagnostic::error("", "the file is not UTF-8 text")
                    .with_hint("save it with the UTF-8 encoding");
                d.line_col = Some(position_after(&String::from_utf8_lossy(&bytes[..e.valid_up_to()])));
                return Report { diagnostics: vec![d], loaded: None };
            }
        };
        // Reader::from_json places every problem at the value it is about, from its one parse.
        let (mut diagnostics, loaded) = match Reader::from_json(text) {
            Ok(reader) => {
                let counts = Counts {
                    claims: reader.doc.claims.len(),
                    placed: reader.anchors.iter().filter(|a| a.is_some()).count(),
                    parties: reader.doc.parties.len(),
                    issues: reader.doc.issues.len(),
                };
                (reader.warnings, Some(counts))
            }
            Err(diagnostics) => (diagnostics, None),
        };
        // Read top to bottom, like the file; problems without a position come first.
        diagnostics.sort_by_key(|d| d.line_col);
        Report { diagnostics, loaded }
    }

    /// The (line, column) just after `text`, 1-based, columns in characters.
    fn position_after(text: &str) -> (usize, usize) {
        let line = text.matches('\n').count() + 1;
        let last_line = text.rsplit('\n').next().unwrap_or("");
        (line, last_line.chars().count() + 1)
    }

    fn level(severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    fn plural(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }

    fn render_text(file: &str, report: &Report) -> String {
        let mut out = String::new();
        for d in &report.diagnostics {
            out.push_str(&format!("{}: {}\n", level(d.severity), d.message));
            let mut at = format!("  --> {file}");
            if let Some((line, column)) = d.line_col {
                at.push_str(&format!(":{line}:{}", column.max(1)));
            }
            if !d.path.is_empty() {
                at.push_str(&format!(" ({})", d.path));
            }
            out.push_str(&at);
            out.push('\n');
            if let Some(hint) = &d.hint {
                out.push_str(&format!("  = help: {hint}\n"));
            }
            out.push('\n');
        }
        let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = report.diagnostics.len() - errors;
        let summary = match &report.loaded {
            Some(c) => {
                let status =
                    if warnings == 0 { "ok".to_string() } else { format!("ok, {}", plural(warnings, "warning", "warnings")) };
                format!(
                    "{status} — {}, {} placed, {}, {}",
                    plural(c.claims, "claim", "claims"),
                    c.placed,
                    plural(c.parties, "party", "parties"),
                    plural(c.issues, "issue", "issues"),
                )
            }
            None => {
                let mut s = plural(errors, "error", "errors");
                if warnings > 0 {
                    s.push_str(&format!(", {}", plural(warnings, "warning", "warnings")));
                }
                s
            }
        };
        out.push_str(&format!("{file}: {summary}\n"));
        out
    }

    /// One problem as `--format json` prints it.
    #[derive(serde::Serialize)]
    struct JsonDiagnostic {
        file: String,
        path: String,
        severity: &'static str,
        message: String,
        hint: Option<String>,
        line: Option<usize>,
        column: Option<usize>,
    }

    fn diagnostic_json(file: &str, d: Diagnostic) -> JsonDiagnostic {
        JsonDiagnostic {
            file: file.to_string(),
            severity: level(d.severity),
            line: d.line_col.map(|(line, _)| line),
            column: d.line_col.map(|(_, column)| column.max(1)),
            path: d.path,
            message: d.message,
            hint: d.hint,
        }
    }
}
