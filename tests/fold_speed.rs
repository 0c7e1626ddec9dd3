#![cfg(not(target_arch = "wasm32"))]
//! How long placing one quote takes when every paragraph of a long article must be folded (the
//! quote gives no position). Timing, not a check: run with
//! `cargo test --release --test fold_speed -- --ignored --nocapture`.
#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use claim_reader::anchor::AnchorIndex;
use claim_reader::model::Quote;
use claim_reader::SEED_JSON;

const PARAGRAPHS: usize = 900;

const VIETNAMESE: &str = "Người dân tại Hậu Giang nói rằng chính quyền đã hứa sẽ sửa đường trước mùa mưa.";
const VIETNAMESE_NFD: &str = "Ngu\u{031B}o\u{031B}\u{0300}i da\u{0302}n ta\u{0323}i Ha\u{0323}\u{0302}u Giang no\u{0301}i ra\u{0306}\u{0300}ng chi\u{0301}nh quye\u{0302}\u{0300}n \u{0111}a\u{0303} hu\u{031B}\u{0301}a se\u{0303} su\u{031B}\u{0309}a \u{0111}u\u{031B}o\u{031B}\u{0300}ng tru\u{031B}o\u{031B}\u{0301}c mu\u{0300}a mu\u{031B}a.";
const KOREAN: &str = "한국어 기사는 서울에서 열린 회의에서 정부가 새로운 정책을 발표했다고 전했다.";
const KOREAN_NFD: &str = "\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8}\u{110B}\u{1165} \u{1100}\u{1175}\u{1109}\u{1161}\u{1102}\u{1173}\u{11AB} \u{1109}\u{1165}\u{110B}\u{116E}\u{11AF}\u{110B}\u{1166}\u{1109}\u{1165} \u{110B}\u{1167}\u{11AF}\u{1105}\u{1175}\u{11AB} \u{1112}\u{116C}\u{110B}\u{1174}\u{110B}\u{1166}\u{1109}\u{1165} \u{110C}\u{1165}\u{11BC}\u{1107}\u{116E}\u{1100}\u{1161} \u{1109}\u{1162}\u{1105}\u{1169}\u{110B}\u{116E}\u{11AB} \u{110C}\u{1165}\u{11BC}\u{110E}\u{1162}\u{11A8}\u{110B}\u{1173}\u{11AF} \u{1107}\u{1161}\u{11AF}\u{1111}\u{116D}\u{1112}\u{1162}\u{11BB}\u{1103}\u{1161}\u{1100}\u{1169} \u{110C}\u{1165}\u{11AB}\u{1112}\u{1162}\u{11BB}\u{1103}\u{1161}.";
const CHINESE: &str = "据报道，美国官员在巴黎的会议上提出了一项和平计划，其中包括承认克里米亚为俄罗斯领土，并冻结目前的前线。";

/// `paragraphs` long, the last one ending in a marker the quote looks for, so every paragraph is
/// folded and the search finds exactly one place.
fn article(paragraphs: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = paragraphs.iter().cycle().take(PARAGRAPHS).map(|p| p.to_string()).collect();
    if let Some(last) = out.last_mut() {
        last.push_str(" zqx marker");
    }
    out
}

fn time(name: &str, paragraphs: &[String]) {
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let quote = Quote { exact: "zqx marker".into(), ..Quote::default() };
    // Best of a few runs, each with a fresh index (folding is cached per index).
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let started = Instant::now();
        let index = AnchorIndex::new(paragraphs);
        let placed = index.anchor_quote(&quote);
        best = best.min(started.elapsed().as_secs_f64());
        assert!(placed.is_ok(), "{name}: {placed:?}");
    }
    println!("{name:>16}: {PARAGRAPHS} paragraphs, {:>7} KB, {:>7.2} ms", bytes / 1000, best * 1e3);
}

#[test]
#[ignore = "timing; run on demand"]
fn folding_a_long_article() {
    let seed: serde_json::Value = serde_json::from_str(SEED_JSON).unwrap();
    let english: Vec<&str> =
        seed["article"]["paragraphs"].as_array().unwrap().iter().filter_map(|p| p.as_str()).collect();
    time("seed (English)", &article(&english));
    time("Vietnamese NFC", &article(&[VIETNAMESE]));
    time("Vietnamese NFD", &article(&[VIETNAMESE_NFD]));
    time("Korean NFC", &article(&[KOREAN]));
    time("Korean NFD", &article(&[KOREAN_NFD]));
    time("Chinese", &article(&[CHINESE]));
}
