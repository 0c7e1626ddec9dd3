//! Inputs past the documented limits are refused with a message that names the limit.

use claim_reader::model::{MAX_BYTES, MAX_CLAIMS, MAX_PARAGRAPHS};
use claim_reader::reader::Reader;
use serde_json::json;

fn file(paragraphs: usize, claims: usize) -> String {
    let claims: Vec<_> = (0..claims)
        .map(|i| {
            json!({
                "id": format!("c{i}"), "party": "p", "issue": "i", "stance": "supports",
                "quote": {"exact": "a"}, "summary": "s", "attribution": {"reported_by": "r"}, "certainty": "certain"
            })
        })
        .collect();
    json!({
        "article": {"headline": "h", "paragraphs": vec!["a"; paragraphs]},
        "parties": [{"id": "p", "name": "P"}],
        "issues": [{"id": "i", "label": "I", "description": "d"}],
        "claims": claims,
    })
    .to_string()
}

fn errors(text: &str) -> Vec<String> {
    match Reader::from_json(text) {
        Ok(_) => Vec::new(),
        Err(d) => d.iter().filter(|d| d.is_error()).map(|d| format!("{}: {}", d.path, d.message)).collect(),
    }
}

#[test]
fn too_many_paragraphs_is_an_error_at_the_list() {
    let e = errors(&file(MAX_PARAGRAPHS + 1, 0));
    assert_eq!(e, vec![format!("article.paragraphs: {} paragraphs is more than the limit of {MAX_PARAGRAPHS}", MAX_PARAGRAPHS + 1)]);
}

#[test]
fn too_many_claims_is_an_error_at_the_list() {
    let e = errors(&file(1, MAX_CLAIMS + 1));
    assert!(e.contains(&format!("claims: {} claims is more than the limit of {MAX_CLAIMS}", MAX_CLAIMS + 1)), "{e:?}");
}

#[test]
fn a_file_past_the_byte_limit_is_refused_before_parsing() {
    let mut text = file(1, 0);
    text.push_str(&" ".repeat(MAX_BYTES));
    let e = errors(&text);
    assert_eq!(e, vec![format!(": the file is {} bytes, more than the limit of {MAX_BYTES}", text.len())]);
}

#[test]
fn files_at_the_limits_load() {
    assert!(errors(&file(MAX_PARAGRAPHS, 0)).is_empty());
}
