#![cfg(not(target_arch = "wasm32"))]
//! The claims-file writer the command and the editor page export with
//! (`model::write_claims_file`): the documented field order, pretty-printed, and read back into
//! the same document. (In the browser it writes through `JSON.stringify`; `tests/web.rs` checks
//! that it writes the same bytes there.)

use claim_reader::model::{write_claims_file, Certainty, Document, Offsets, Stance};
use claim_reader::reader::Reader;
use claim_reader::SEED_JSON;
use proptest::prelude::*;

fn seed() -> Document {
    Reader::from_json(SEED_JSON).unwrap_or_else(|d| panic!("{d:?}")).doc
}

/// The document without the offsets of the text it was read from.
fn content(mut doc: Document) -> Document {
    doc.offsets = Offsets::default();
    doc
}

#[test]
fn the_seed_reads_back_the_same() {
    let doc = seed();
    let again = Reader::from_json(&write_claims_file(&doc)).unwrap_or_else(|d| panic!("{d:?}")).doc;
    assert_eq!(content(again), content(doc));
}

#[test]
fn empty_lists_and_absent_fields() {
    let mut doc = seed();
    doc.parties.clear();
    doc.issues.clear();
    doc.claims.clear();
    doc.article = claim_reader::model::Article {
        headline: "H".into(),
        paragraphs: vec!["P".into()],
        ..Default::default()
    };
    let out = write_claims_file(&doc);
    assert_eq!(
        out,
        "{\n  \"format\": \"claim-reader/1\",\n  \"article\": {\n    \"headline\": \"H\",\n    \"paragraphs\": [\n      \"P\"\n    ]\n  },\n  \"parties\": [],\n  \"issues\": [],\n  \"claims\": []\n}\n"
    );
}

include!("support/proptest_config.rs");

proptest! {
    // 500 cases in `cargo test`; `PROPTEST_CASES` raises it (see `./scripts/soak`).
    #![proptest_config(proptest_config(500))]

    /// Any text in any field, control characters, quotes and backslashes included, is written
    /// so that it reads back as it was.
    #[test]
    fn any_text_reads_back_as_written(a in "\\PC*|[\\x00-\\x1f\"\\\\/\u{7f}\u{2028}]{0,8}", b in any::<String>()) {
        let mut doc = seed();
        doc.article.headline = format!("H{a}");
        doc.article.paragraphs[0] = format!("P{b}");
        doc.parties[0].aliases = vec![a.clone(), b.clone()];
        doc.claims[0].quote.prefix = Some(a.clone());
        doc.claims[0].hedge = None;
        doc.claims[1].stance = Stance::Rejects;
        doc.claims[1].certainty = Certainty::Possible;
        let text = write_claims_file(&doc);
        let value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        prop_assert_eq!(value["article"]["headline"].as_str(), Some(doc.article.headline.as_str()));
        prop_assert_eq!(value["article"]["paragraphs"][0].as_str(), Some(doc.article.paragraphs[0].as_str()));
        prop_assert_eq!(value["parties"][0]["aliases"][1].as_str(), Some(b.as_str()));
        prop_assert_eq!(value["claims"][0]["quote"]["prefix"].as_str(), Some(a.as_str()));
        prop_assert_eq!(value["claims"][1]["stance"].as_str(), Some("rejects"));
    }
}
