#![cfg(not(target_arch = "wasm32"))]
//! Property tests: whatever an editor's file holds, loading, anchoring and segmenting never
//! panic, and segments always tile the text exactly with the right claims over each run.
#![cfg(not(target_arch = "wasm32"))]

use std::ops::Range;

use claim_reader::anchor::{anchor_quote, AnchorError};
use claim_reader::model::Quote;
use claim_reader::reader::Reader;
use claim_reader::segment::segment;
use claim_reader::SEED_JSON;
use proptest::prelude::*;
use serde_json::Value;
use unicode_segmentation::UnicodeSegmentation;

/// Text in the scripts and marks the reader meets: Latin with accents (both NFC and NFD),
/// Cyrillic, Arabic (with tashkeel) and Hebrew (right-to-left), Turkish i, half-width and
/// full-width forms, a Devanagari conjunct, Thai, emoji with modifiers and joiners, curly quotes,
/// dashes, non-breaking and zero-width spaces, line breaks.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[a-zA-Z ,.]{1,8}",
            Just("Київ ".to_string()),
            Just("é".to_string()),
            Just("e\u{0301}".to_string()),
            Just("\u{0301}".to_string()),
            Just("مرحبا ".to_string()),
            Just("שלום ".to_string()),
            Just("👍🏽".to_string()),
            Just("👩‍👩‍👧".to_string()),
            Just("🇺🇦".to_string()),
            Just("كَتَبَ ".to_string()),
            Just("İ".to_string()),
            Just("ı".to_string()),
            Just("Σ".to_string()),
            Just("ｶﾞ".to_string()),
            Just("Ａ".to_string()),
            Just("क्ष".to_string()),
            Just("เริ่ม".to_string()),
            Just("’".to_string()),
            Just("“".to_string()),
            Just("—".to_string()),
            Just("\u{00A0}".to_string()),
            Just("\u{200B}".to_string()),
            Just("\n".to_string()),
            any::<char>().prop_map(String::from),
        ],
        0..24,
    )
    .prop_map(|parts| parts.concat())
}

/// The grapheme cluster byte `at` falls inside, or `at..at` where one starts, by the crate's
/// forward iterator (anchoring asks its cursor).
fn cluster_around(text: &str, at: usize) -> Range<usize> {
    for (start, g) in text.grapheme_indices(true) {
        if at < start + g.len() {
            return if at == start { at..at } else { start..start + g.len() };
        }
    }
    at..at
}

include!("support/proptest_config.rs");

/// 2,000 cases a property in `cargo test`; `PROPTEST_CASES` raises it (see `./scripts/soak`).
fn config() -> ProptestConfig {
    ProptestConfig { failure_persistence: None, ..proptest_config(2_000) }
}

/// A JSON value of any shape, for replacing parts of a valid file.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every path to a value inside `v`, as a list of object keys and array indices.
fn paths(v: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => m.iter().for_each(|(k, x)| paths(x, [here.clone(), vec![k.clone()]].concat(), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| paths(x, [here.clone(), vec![i.to_string()]].concat(), out)),
        _ => {}
    }
}

fn replace_at(v: &mut Value, path: &[String], with: Value) {
    match path.split_first() {
        None => *v = with,
        Some((head, rest)) => {
            let next = match v {
                Value::Object(m) => m.get_mut(head),
                Value::Array(a) => head.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
                _ => None,
            };
            if let Some(next) = next {
                replace_at(next, rest, with);
            }
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_loads_without_panic(input in text()) {
        let _ = Reader::from_json(&input);
    }

    #[test]
    fn any_damage_to_the_seed_loads_without_panic(picks in prop::collection::vec((any::<prop::sample::Index>(), json_value()), 1..4)) {
        let mut doc: Value = serde_json::from_str(SEED_JSON).unwrap();
        for (pick, with) in picks {
            let mut all = Vec::new();
            paths(&doc, Vec::new(), &mut all);
            let path = pick.get(&all).clone();
            replace_at(&mut doc, &path, with);
        }
        match Reader::from_json(&doc.to_string()) {
            // Whatever loads is whole: one anchor per claim, one segment list per paragraph.
            Ok(r) => {
                prop_assert_eq!(r.anchors.len(), r.doc.claims.len());
                prop_assert_eq!(r.paragraphs.len(), r.doc.article.paragraphs.len());
            }
            // Whatever fails says why, with at least one error.
            Err(d) => prop_assert!(d.iter().any(|d| d.is_error())),
        }
    }

    #[test]
    fn a_quote_cut_from_the_text_is_placed_on_equal_text(
        paragraphs in prop::collection::vec(text(), 1..4),
        p in any::<prop::sample::Index>(),
        a in any::<prop::sample::Index>(),
        b in any::<prop::sample::Index>(),
    ) {
        let p = p.index(paragraphs.len());
        let chars: Vec<(usize, char)> = paragraphs[p].char_indices().collect();
        prop_assume!(!chars.is_empty());
        let (i, j) = (a.index(chars.len()), b.index(chars.len()));
        let (from, to) = (chars[i.min(j)].0, chars[i.max(j)].0 + chars[i.max(j)].1.len_utf8());
        let exact = paragraphs[p][from..to].to_string();
        let start = paragraphs[p][..from].chars().count();
        let quote = Quote { exact: exact.clone(), paragraph: Some(p), start: Some(start), ..Quote::default() };
        let anchor = anchor_quote(&paragraphs, &quote).unwrap();
        prop_assert_eq!(anchor.paragraph, p);
        // The words of the cut (white space at its edges is never highlighted, unless it is all
        // there is), or, where they split a grapheme cluster, those whole clusters, said.
        let lead = exact.len() - exact.trim_start().len();
        let words = match exact.trim() {
            "" => from..to,
            w => from + lead..from + lead + w.len(),
        };
        let whole = cluster_around(&paragraphs[p], words.start).start..cluster_around(&paragraphs[p], words.end).end;
        prop_assert_eq!(&paragraphs[p][anchor.range.clone()], &paragraphs[p][whole.clone()]);
        prop_assert_eq!(anchor.differences.widened, whole != words);
        prop_assert_eq!(anchor.edits, 0);

        // Without a position, the quote is placed or reported, never a panic, and a place found
        // is always on character boundaries of the paragraph it names.
        let loose = Quote { exact, ..Quote::default() };
        match anchor_quote(&paragraphs, &loose) {
            Ok(a) => {
                prop_assert!(paragraphs[a.paragraph].is_char_boundary(a.range.start));
                prop_assert!(paragraphs[a.paragraph].is_char_boundary(a.range.end));
                prop_assert!(a.range.start <= a.range.end);
            }
            Err(AnchorError::NotFound) | Err(AnchorError::Ambiguous { .. }) => {}
        }
    }

    #[test]
    fn any_quote_anywhere_never_panics(paragraphs in prop::collection::vec(text(), 0..4), exact in text(),
        prefix in proptest::option::of(text()), suffix in proptest::option::of(text()),
        paragraph in proptest::option::of(0usize..6), start in proptest::option::of(0usize..80)) {
        let quote = Quote { exact, prefix, suffix, paragraph, start };
        if let Ok(a) = anchor_quote(&paragraphs, &quote) {
            prop_assert!(paragraphs[a.paragraph].get(a.range.clone()).is_some());
        }
    }

    #[test]
    fn segments_tile_the_text_with_the_claims_over_each(
        len in 0usize..200,
        spans in prop::collection::vec((0usize..220, 0usize..220), 0..12),
    ) {
        let spans: Vec<(Range<usize>, usize)> = spans
            .into_iter()
            .enumerate()
            .map(|(claim, (a, b))| (a.min(b)..a.max(b), claim))
            .collect();
        let segments = segment(len, &spans);
        let mut at = 0;
        for s in &segments {
            prop_assert_eq!(s.range.start, at, "segments are in order and leave no gap");
            prop_assert!(s.range.end > s.range.start || len == 0);
            at = s.range.end;
            let expected: Vec<usize> = spans
                .iter()
                .filter(|(r, _)| r.start <= s.range.start && s.range.end <= r.end && r.start < r.end)
                .map(|(_, c)| *c)
                .collect();
            prop_assert_eq!(&s.claims, &expected);
        }
        prop_assert_eq!(at, len, "segments cover the text exactly");
    }
}
