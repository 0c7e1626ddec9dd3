//! `claim-reader render`: the reader rendered ahead as HTML. Its structure is checked (what a
//! reader without script gets, what a page embeds), not its bytes.

use std::process::{Command, Output, Stdio};

use claim_reader::SEED_JSON;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_claim-reader");

/// `claim-reader render ARGS -` with `input` on standard input.
fn render(args: &[&str], input: &str) -> Output {
    run(&[&["render"], args, &["-"]].concat(), input)
}

include!("support/run_command.rs");

fn html(args: &[&str], input: &str) -> String {
    let out = render(args, input);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The text between `open` and the next `close` after it.
fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
    let start = text.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = text[start..].find(close).unwrap_or_else(|| panic!("no {close} after {open}")) + start;
    &text[start..end]
}

#[test]
fn the_seed_renders_as_a_reader_that_needs_no_script() {
    let out = html(&["--as", "reader"], SEED_JSON);
    // Yew's component markers, which the browser's hydration reads, name no component.
    assert!(out.starts_with("<!--<[]>-->"), "{}", &out[..120]);
    assert_eq!(out.matches("<!--<[]>-->").count(), out.matches("<!--</[]>-->").count());
    assert_eq!(out.matches("<!--").count(), 2 * out.matches("<!--<[]>-->").count(), "no other comment");
    let root = out.trim_start_matches("<!--<[]>-->");
    // It carries the fingerprint of the build that rendered it (only that build hydrates it)
    // and of the data it was rendered from: only those hydrate it.
    let head = format!(
        "<div data-static=\"true\" data-build=\"{}\" data-source=\"{}\" lang=\"en\" dir=\"ltr\"",
        claim_reader::MARKUP_BUILD,
        claim_reader::components::source_print(SEED_JSON)
    );
    assert!(root.starts_with(&head), "{}", &root[..120]);
    assert_eq!(claim_reader::MARKUP_BUILD.len(), 16);
    // 12 claims over 12 passages, each followed by its note marker, and 12 notes that link back.
    assert_eq!(out.matches("<mark ").count(), 12);
    assert_eq!(out.matches("class=\"cr-note-ref\"").count(), 12);
    for n in 1..=12 {
        assert!(out.contains(&format!("href=\"#claim-reader-0-note-{n}\" id=\"claim-reader-0-ref-{n}\"")), "marker {n}");
        assert!(out.contains(&format!("<li id=\"claim-reader-0-note-{n}\">")), "note {n}");
        assert!(out.contains(&format!("href=\"#claim-reader-0-ref-{n}\" lang=\"en\" dir=\"ltr\" class=\"cr-note-back\"")), "back link {n}");
    }
    // The table, written twice (across and turned): 3 parties × 7 issues, "not stated" included.
    assert_eq!(out.matches("data-stance=").count(), 2 * 21);
    assert_eq!(out.matches("data-stance=\"not-stated\"").count(), 2 * 11);
    // Nothing that would do nothing: no buttons, links instead.
    assert!(!out.contains("<button"), "no buttons without script");
    // Each of the 10 cells with claims, in both tables, links to its first passage's marker.
    assert_eq!(out.matches("class=\"cr-cell ").count(), 2 * 10);
}

#[test]
fn an_embed_carries_its_shadow_root_its_data_and_json_ld() {
    let out = html(&["--stylesheet", "https://cdn.example/cr/claim-reader.css", "--id", "talks"], SEED_JSON);
    assert!(out.starts_with("<div data-claim-reader data-claims=\"talks\"><div class=\"claim-reader-host\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"https://cdn.example/cr/claim-reader.css\"><div><!--<[]>-->"), "the reader in an element of its own, which the browser hydrates");
    let island: Value = serde_json::from_str(between(&out, "<script type=\"application/json\" id=\"talks\">", "</script>")).expect("the island is JSON");
    let seed: Value = serde_json::from_str(SEED_JSON).expect("the seed");
    assert_eq!(island, seed, "the island holds the claims file");
    let ld: Value = serde_json::from_str(between(&out, "<script type=\"application/ld+json\">", "</script>")).expect("JSON-LD");
    assert_eq!(ld["@context"], "https://schema.org");
    let graph = ld["@graph"].as_array().expect("a graph");
    assert_eq!(graph[0]["@type"], "NewsArticle");
    assert_eq!(graph[0]["headline"], seed["article"]["headline"]);
    assert_eq!(graph[0]["inLanguage"], "en");
    let claims: Vec<&Value> = graph.iter().filter(|n| n["@type"] == "Claim").collect();
    assert_eq!(claims.len(), 12);
    assert_eq!(claims[9]["author"]["name"], "Ukraine");
    assert_eq!(claims[9]["text"], seed["claims"][9]["quote"]["exact"]);
    assert_eq!(claims[9]["appearance"]["@id"], "#article");
}

#[test]
fn data_cannot_end_a_script_block_or_add_markup() {
    let mut file: Value = serde_json::from_str(SEED_JSON).expect("the seed");
    file["claims"][0]["summary"] = "</script><script>alert(1)</script><!--".into();
    file["parties"][0]["name"] = "<img src=x onerror=alert(1)>".into();
    let out = html(&["--as", "page"], &file.to_string());
    assert_eq!(out.matches("<script").count(), out.matches("</script>").count());
    assert!(!out.contains("<script>alert(1)"), "the summary stays data");
    assert!(!out.contains("<img"), "a name is text, never markup");
    assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"));
    let island: Value = serde_json::from_str(between(&out, "<script type=\"application/json\" id=\"claims\">", "</script>")).expect("JSON");
    assert_eq!(island["claims"][0]["summary"], "</script><script>alert(1)</script><!--");
}

#[test]
fn a_page_says_its_language_and_direction() {
    let mut file: Value = serde_json::from_str(SEED_JSON).expect("the seed");
    file["article"]["language"] = "ar".into();
    let out = html(&["--as", "page", "--script", "claim-reader.js"], &file.to_string());
    assert!(out.starts_with("<!doctype html>\n<html lang=\"ar\" dir=\"rtl\">"), "{}", &out[..80]);
    assert!(out.contains("<script type=\"module\" src=\"claim-reader.js\"></script>"));
    assert!(out.contains("lang=\"ar\" dir=\"rtl\""), "the reader too");
}

#[test]
fn a_file_with_errors_renders_nothing_and_says_why() {
    let out = render(&[], "{\"article\": {}}");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing required field \"headline\""), "{err}");
}

/// The data's fingerprint is the same for a file and for the JSON islands written from it (the
/// embed's, with every `<` as `\u003c`; the seed page's, with `<\/script` and `\u003c!--`), and
/// differs for other data.
#[test]
fn the_data_fingerprint_sees_through_island_escapes() {
    use claim_reader::components::source_print;
    let file = "{\"a\": \"</script> <!-- x\"}\n";
    let embed_island = "{\"a\": \"\\u003c/script> \\u003c!-- x\"}";
    let seed_island = "{\"a\": \"<\\/script> \\u003c!-- x\"}";
    assert_eq!(source_print(file), source_print(embed_island));
    assert_eq!(source_print(file), source_print(seed_island));
    assert_ne!(source_print(file), source_print("{\"a\": \"</script> <!-- y\"}"));
}

const FRAME: &str = "https://example.org/claim-reader/frame.html";

/// `--as oembed`: an oEmbed 1.0 rich response whose html is the iframe of frame.html.
#[test]
fn the_oembed_response_holds_the_iframe_snippet() {
    let mut file: Value = serde_json::from_str(SEED_JSON).expect("the seed");
    file["article"]["headline"] = "Talks \"resume\" <soon> & more".into();
    let args = ["--as", "oembed", "--frame-url", FRAME, "--src", "https://example.org/data/a+b&c.json?v=1", "--theme", "dark"];
    let out = html(&args, &file.to_string());
    let value: Value = serde_json::from_str(&out).expect("JSON");
    let keys: Vec<&str> = value.as_object().expect("an object").keys().map(String::as_str).collect();
    assert_eq!(keys.len(), 7, "{keys:?}");
    assert_eq!((value["type"].as_str(), value["version"].as_str()), (Some("rich"), Some("1.0")));
    assert_eq!(value["title"], "Talks \"resume\" <soon> & more");
    assert_eq!(value["provider_name"], "claim-reader");
    assert_eq!(value["width"], 640);
    let snippet = value["html"].as_str().expect("a string");
    assert_eq!(
        snippet,
        format!(
            "<iframe data-claim-reader-frame src=\"{FRAME}?src=https://example.org/data/a%2Bb%26c.json%3Fv%3D1&amp;theme=dark\" \
title=\"Talks &quot;resume&quot; &lt;soon&gt; &amp; more\" height=\"{}\" style=\"display:block;width:100%;border:0\" loading=\"lazy\"></iframe>",
            value["height"]
        )
    );
    // A narrower column, a taller estimate.
    let narrow: Value = serde_json::from_str(&html(&[&args[..], &["--width", "400"]].concat(), &file.to_string())).expect("JSON");
    assert!(narrow["height"].as_u64() > value["height"].as_u64());
}

#[test]
fn a_page_names_its_oembed_response_for_discovery() {
    let url = "https://example.org/claims/seed.oembed.json?format=json&v=1";
    let out = html(&["--as", "page", "--oembed-url", url], SEED_JSON);
    let head = between(&out, "<head>", "</head>");
    assert!(
        head.contains("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://example.org/claims/seed.oembed.json?format=json&amp;v=1\" title=\"US to push Russia to accept Ukraine's military rights in peace talks: Report\">"),
        "{head}"
    );
    // Without the option, no discovery link.
    assert!(!html(&["--as", "page"], SEED_JSON).contains("json+oembed"));
}

#[test]
fn oembed_options_are_checked_before_the_file_is_read() {
    let cases: [(&[&str], &str); 11] = [
        (&["--as", "oembed", "--src", "c.json"], "needs --frame-url"),
        (&["--as", "oembed", "--frame-url", FRAME], "needs --src"),
        (&["--as", "oembed", "--frame-url", "frame.html", "--src", "c.json"], "not an absolute http(s) URL"),
        (&["--as", "oembed", "--frame-url", FRAME, "--src", "javascript:alert(1)"], "not an http(s) URL"),
        (&["--as", "oembed", "--frame-url", FRAME, "--src", "c.json", "--theme", "blue"], "unknown theme"),
        (&["--as", "oembed", "--frame-url", FRAME, "--src", "c.json", "--width", "wide"], "--width"),
        (&["--as", "oembed", "--frame-url", FRAME, "--src", "c.json", "--width", "10"], "--width"),
        (&["--as", "embed", "--src", "c.json"], "go with --as oembed"),
        (&["--as", "embed", "--oembed-url", "https://example.org/c.oembed.json"], "goes with --as page"),
        (&["--as", "page", "--oembed-url", "c.oembed.json"], "--oembed-url \"c.oembed.json\" is not an absolute http(s) URL"),
        (&["--as", "page", "--oembed-url", "https://"], "names no host"),
    ];
    for (args, expected) in cases {
        // The command stops at its arguments, reading no input.
        let out = Command::new(BIN).arg("render").args(args).arg("-").stdin(Stdio::null()).output().expect("the command runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    // A file with errors: its problems, and nothing written.
    let out = render(&["--as", "oembed", "--frame-url", FRAME, "--src", "c.json"], "{\"article\": {}}");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}
