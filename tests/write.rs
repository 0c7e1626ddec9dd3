#![cfg(not(target_arch = "wasm32"))]
//! The claims-file writer the editor page exports with (`model::write_claims_file`, no JSON
//! library): byte for byte what the command's `serde_json` writer makes of the same document,
//! and read back into the same document.

use claim_reader::export::w3c;
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
fn the_seed_is_written_as_the_command_writes_it() {
    let doc = seed();
    assert_eq!(write_claims_file(&doc), w3c::claims_file(&doc));
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
    assert_eq!(out, w3c::claims_file(&doc));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Any text in any field, control characters, quotes and backslashes included, is escaped
    /// as serde_json escapes it.
    #[test]
    fn any_text_is_written_as_serde_json_writes_it(a in "\\PC*|[\\x00-\\x1f\"\\\\/\u{7f}\u{2028}]{0,8}", b in any::<String>()) {
        let mut doc = seed();
        doc.article.headline = a.clone();
        doc.article.paragraphs[0] = b.clone();
        doc.parties[0].aliases = vec![a.clone(), b.clone()];
        doc.claims[0].quote.exact = b.clone();
        doc.claims[0].quote.prefix = Some(a.clone());
        doc.claims[0].hedge = None;
        doc.claims[1].stance = Stance::Rejects;
        doc.claims[1].certainty = Certainty::Possible;
        prop_assert_eq!(write_claims_file(&doc), w3c::claims_file(&doc));
    }
}
