#![cfg(not(target_arch = "wasm32"))]
//! The seed article (static/seed.json) read through the whole pipeline: it loads cleanly, every
//! quote lands on its words, and the stance table reads as the article does.

use claim_reader::model::Stance;
use claim_reader::reader::Reader;
use claim_reader::stance::CellStance;
use claim_reader::SEED_JSON;

fn seed() -> Reader {
    match Reader::from_json(SEED_JSON) {
        Ok(reader) => reader,
        Err(diagnostics) => {
            let listed: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
            panic!("the seed does not load:\n{}", listed.join("\n"));
        }
    }
}

/// The text a claim was placed on, panicking if it was not placed.
fn placed(reader: &Reader, claim: usize) -> &str {
    let anchor = reader.anchors[claim]
        .as_ref()
        .unwrap_or_else(|| panic!("claim {} was not placed", reader.doc.claims[claim].id));
    &reader.doc.article.paragraphs[anchor.paragraph][anchor.range.clone()]
}

fn claim_index(reader: &Reader, id: &str) -> usize {
    reader.doc.claims.iter().position(|c| c.id == id).unwrap_or_else(|| panic!("no claim {id}"))
}

/// Typography an editor may type differently from the published text: quotes, dashes, spaces.
fn fold(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out
}

#[test]
fn seed_loads_without_warnings() {
    let reader = seed();
    let warnings: Vec<String> = reader.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.is_empty(), "unexpected warnings:\n{}", warnings.join("\n"));
    let doc = &reader.doc;
    assert_eq!(doc.article.paragraphs.len(), 9);
    assert_eq!(doc.article.kicker, ["Americas", "Russia-Ukraine War"]);
    assert_eq!(doc.article.headline, "US to push Russia to accept Ukraine's military rights in peace talks: Report");
    assert_eq!(doc.article.author.as_deref(), Some("Merve Aydogan"));
    assert_eq!(doc.article.dateline.as_deref(), Some("HAMILTON, Canada"));
    let publisher = doc.article.publisher.as_ref().expect("publisher");
    assert_eq!((publisher.name.as_str(), publisher.url.as_deref()), ("Anadolu Agency", Some("https://www.aa.com.tr")));
    assert!(doc.article.paragraphs[0].starts_with("The US will push Russia"));
    assert!(doc.article.paragraphs[8].starts_with("US President Donald Trump previously warned"));
    assert!(doc.article.footer_note.as_deref().is_some_and(|n| n.starts_with("Anadolu Agency website contains")));
    assert_eq!(doc.parties.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["us", "russia", "ukraine"]);
    assert_eq!(doc.claims.len(), 12);
}

#[test]
fn every_claim_is_placed_on_its_own_words() {
    let reader = seed();
    assert_eq!(reader.unplaced().count(), 0);
    for (i, claim) in reader.doc.claims.iter().enumerate() {
        let text = placed(&reader, i);
        assert_eq!(fold(text), fold(&claim.quote.exact), "claim {}", claim.id);
        // The seed's quotes are copied from the text, so they match byte for byte as well.
        assert_eq!(text, claim.quote.exact, "claim {}", claim.id);
    }
}

#[test]
fn stated_positions_agree_with_placement() {
    let reader = seed();
    let expected: [(&str, usize, usize); 12] = [
        ("us-army-push", 0, 0),
        ("us-army-witkoff", 1, 58),
        ("us-concessions", 1, 168),
        ("ru-demilitarize", 2, 70),
        ("us-zaporizhzhia", 3, 0),
        ("us-dnieper", 4, 32),
        ("us-kharkiv", 4, 84),
        ("ru-recognition", 5, 0),
        ("us-crimea", 6, 30),
        ("ua-no-concessions", 6, 196),
        ("us-guarantees", 7, 21),
        ("us-deal-soon", 8, 0),
    ];
    let ids: Vec<&str> = reader.doc.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, expected.map(|(id, _, _)| id));
    for (i, claim) in reader.doc.claims.iter().enumerate() {
        let anchor = reader.anchors[i].as_ref().expect("placed");
        let paragraph = &reader.doc.article.paragraphs[anchor.paragraph];
        let start = paragraph[..anchor.range.start].chars().count();
        assert_eq!(claim.quote.paragraph, Some(anchor.paragraph), "claim {}", claim.id);
        assert_eq!(claim.quote.start, Some(start), "claim {}", claim.id);
        assert_eq!((claim.id.as_str(), anchor.paragraph, start), expected[i]);
    }
}

#[test]
fn curly_apostrophe_quote_is_placed_on_the_published_text() {
    let reader = seed();
    let i = claim_index(&reader, "us-dnieper");
    assert_eq!(reader.doc.claims[i].quote.exact, "restoring Ukraine\u{2019}s access to the Dnieper River");
    let anchor = reader.anchors[i].clone().expect("placed");
    assert_eq!(anchor.paragraph, 4);
    assert_eq!(placed(&reader, i), "restoring Ukraine\u{2019}s access to the Dnieper River");
    // 32 code points in, but the curly apostrophe is 3 bytes, so the byte range is longer.
    assert_eq!(anchor.range, 32..81);

    // An editor who types a straight apostrophe still lands on the same words.
    let straight = "restoring Ukraine's access to the Dnieper River";
    let curly_json = "\"exact\": \"restoring Ukraine\u{2019}s access to the Dnieper River\"";
    assert_eq!(SEED_JSON.matches(curly_json).count(), 1);
    let edited = SEED_JSON.replace(curly_json, &format!("\"exact\": \"{straight}\""));
    let reader2 = Reader::from_json(&edited).expect("the edited seed loads");
    assert_eq!(reader2.doc.claims[i].quote.exact, straight);
    assert!(reader2.warnings.is_empty(), "{:?}", reader2.warnings);
    assert_eq!(reader2.anchors[i], Some(anchor));
    assert_eq!(placed(&reader2, i), "restoring Ukraine\u{2019}s access to the Dnieper River");
}

#[test]
fn stance_table_matches_the_article() {
    use Stance::*;
    let reader = seed();
    let issues = [
        "ukraine-military",
        "zaporizhzhia-plant",
        "land-and-access",
        "territorial-recognition",
        "security-guarantees",
        "mutual-concessions",
        "quick-deal",
    ];
    assert_eq!(reader.doc.issues.iter().map(|i| i.id.as_str()).collect::<Vec<_>>(), issues);
    assert_eq!((reader.table.parties, reader.table.issues), (3, 7));

    let n = CellStance::NotStated;
    let one = CellStance::One;
    // Rows: us, russia, ukraine; columns in the order of `issues`.
    let expected: [[(CellStance, &[&str]); 7]; 3] = [
        [
            (one(Demands), &["us-army-push", "us-army-witkoff"]),
            (one(Demands), &["us-zaporizhzhia"]),
            (one(Proposes), &["us-dnieper", "us-kharkiv"]),
            (one(Proposes), &["us-crimea"]),
            (one(Undecided), &["us-guarantees"]),
            (one(Demands), &["us-concessions"]),
            (one(Demands), &["us-deal-soon"]),
        ],
        [
            (one(Opposes), &["ru-demilitarize"]),
            (n.clone(), &[]),
            (n.clone(), &[]),
            (one(Demands), &["ru-recognition"]),
            (n.clone(), &[]),
            (n.clone(), &[]),
            (n.clone(), &[]),
        ],
        [
            (n.clone(), &[]),
            (n.clone(), &[]),
            (n.clone(), &[]),
            (one(Rejects), &["ua-no-concessions"]),
            (n.clone(), &[]),
            (n.clone(), &[]),
            (n.clone(), &[]),
        ],
    ];
    let words = [
        ["demands", "demands", "proposes", "proposes", "undecided", "demands", "demands"],
        ["opposes", "not-stated", "not-stated", "demands", "not-stated", "not-stated", "not-stated"],
        ["not-stated", "not-stated", "not-stated", "rejects", "not-stated", "not-stated", "not-stated"],
    ];
    let mut cells = 0;
    for (p, row) in expected.iter().enumerate() {
        for (i, (stance, ids)) in row.iter().enumerate() {
            let cell = reader.table.cell(p, i);
            let at = format!("{} × {}", reader.doc.parties[p].id, issues[i]);
            assert_eq!(&cell.stance, stance, "{at}");
            assert_eq!(cell.stance.word(), words[p][i], "{at}");
            let cell_ids: Vec<&str> = cell.claims.iter().map(|&c| reader.doc.claims[c].id.as_str()).collect();
            assert_eq!(cell_ids, *ids, "{at}");
            for &c in &cell.claims {
                assert_eq!(reader.cells[c], (p, i), "claim {}", reader.doc.claims[c].id);
            }
            cells += 1;
        }
    }
    assert_eq!(cells, 21);
    // No cell of the seed gives a party two stances on one issue.
    assert!(!(0..3).any(|p| (0..7).any(|i| matches!(reader.table.cell(p, i).stance, CellStance::Mixed(_)))));
}

#[test]
fn segments_cover_every_paragraph_in_order() {
    let reader = seed();
    assert_eq!(reader.paragraphs.len(), reader.doc.article.paragraphs.len());
    for (p, segments) in reader.paragraphs.iter().enumerate() {
        let text = &reader.doc.article.paragraphs[p];
        assert!(!segments.is_empty(), "paragraph {p}");
        assert_eq!(segments[0].range.start, 0, "paragraph {p}");
        assert_eq!(segments.last().unwrap().range.end, text.len(), "paragraph {p}");
        for pair in segments.windows(2) {
            assert_eq!(pair[0].range.end, pair[1].range.start, "paragraph {p}");
        }
        let joined: String = segments.iter().map(|s| reader.segment_text(p, s)).collect();
        assert_eq!(&joined, text);
        // Each segment carries exactly the claims whose passages cover it.
        for s in segments {
            assert!(s.range.start < s.range.end, "empty segment in paragraph {p}");
            let covering: Vec<usize> = (0..reader.doc.claims.len())
                .filter(|&c| {
                    reader.anchors[c].as_ref().is_some_and(|a| {
                        a.paragraph == p && a.range.start <= s.range.start && s.range.end <= a.range.end
                    })
                })
                .collect();
            assert_eq!(s.claims, covering, "paragraph {p}, bytes {:?}", s.range);
        }
    }
    // Paragraph 4 holds two passages with plain text around and between them.
    let shape: Vec<(&str, Vec<&str>)> = reader.paragraphs[4]
        .iter()
        .map(|s| {
            let ids = s.claims.iter().map(|&c| reader.doc.claims[c].id.as_str()).collect();
            (reader.segment_text(4, s), ids)
        })
        .collect();
    assert_eq!(
        shape,
        vec![
            ("Additional US proposals include ", vec![]),
            ("restoring Ukraine\u{2019}s access to the Dnieper River", vec!["us-dnieper"]),
            (" and ", vec![]),
            ("reclaiming land in the Kharkiv region", vec!["us-kharkiv"]),
            (".", vec![]),
        ]
    );
}

#[test]
fn documented_minimal_example_loads_cleanly() {
    let doc = include_str!("../docs/data-format.md");
    let start = doc.find("```json\n").expect("a JSON example in docs/data-format.md") + "```json\n".len();
    let end = start + doc[start..].find("```").expect("the example ends");
    let reader = Reader::from_json(&doc[start..end]).expect("the documented example loads");
    assert!(reader.warnings.is_empty(), "{:?}", reader.warnings);
    assert_eq!(reader.unplaced().count(), 0);
    let words: Vec<&str> = (0..2).map(|p| reader.table.cell(p, 0).stance.word()).collect();
    assert_eq!(words, ["demands", "rejects"]);
    for (i, claim) in reader.doc.claims.iter().enumerate() {
        let anchor = reader.anchors[i].as_ref().expect("placed");
        let at = reader.doc.article.paragraphs[anchor.paragraph][..anchor.range.start].chars().count();
        assert_eq!(claim.quote.start, Some(at), "claim {}", claim.id);
    }
}
