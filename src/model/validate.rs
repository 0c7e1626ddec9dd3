//! Checks that need the whole document: ids, references, URLs and size limits.
//!
//! Each problem is placed at the offset the decoder kept in [`Document::offsets`] for the value
//! it is about, so the text need not be read again.

use super::diagnostic::Diagnostic;
use super::language;
use super::suggest::did_you_mean;
use super::types::Document;

/// Limits that keep a page responsive; documented in `docs/data-format.md`.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
pub const MAX_PARAGRAPHS: usize = 5_000;
pub const MAX_CLAIMS: usize = 10_000;
pub const MAX_PARTIES: usize = 100;
pub const MAX_ISSUES: usize = 100;

/// Refuses a file past [`MAX_BYTES`] before any parsing is spent on it.
pub fn check_size(text: &str) -> Result<(), Diagnostic> {
    if text.len() > MAX_BYTES {
        return Err(Diagnostic::error(
            "",
            format!("the file is {} bytes, more than the limit of {MAX_BYTES}", text.len()),
        )
        .at(0));
    }
    Ok(())
}

/// Ids end up in `data-` attributes and space-separated lists, so they are kept plain.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        && id.len() <= 64
}

/// True for the only URL schemes a link may use.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && lower.len() > "https://".len()
}

/// The language must be a BCP 47 tag; a stated direction that is not the language's is allowed
/// (the editor may know better) but said.
fn check_language(out: &mut Vec<Diagnostic>, doc: &Document) {
    let (article, at) = (&doc.article, &doc.offsets);
    let Some(tag) = article.language.as_deref() else { return };
    if !language::is_well_formed(tag) {
        let hint = if tag.contains('_') {
            format!("BCP 47 joins subtags with \"-\": \"{}\"", tag.replace('_', "-"))
        } else {
            "a BCP 47 tag such as \"en\", \"ar\", \"pt-BR\" or \"zh-Hant\"".to_string()
        };
        out.push(
            Diagnostic::error("article.language", format!("\"{tag}\" is not a BCP 47 language tag")).with_hint(hint).at(at.language),
        );
        return;
    }
    let usual = language::direction_of(tag);
    if let Some(stated) = article.direction.filter(|&d| d != usual) {
        out.push(
            Diagnostic::warning(
                "article.direction",
                format!("\"{}\" lays the article out {}, but \"{tag}\" is written {}", stated.word(), stated.describe(), usual.describe()),
            )
            .with_hint("leave \"direction\" out to follow the language")
            .at(at.direction),
        );
    }
}

pub fn validate(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let at = &doc.offsets;
    limit(&mut out, "article.paragraphs", at.paragraphs, doc.article.paragraphs.len(), MAX_PARAGRAPHS, "paragraphs");
    limit(&mut out, "claims", at.claims, doc.claims.len(), MAX_CLAIMS, "claims");
    limit(&mut out, "parties", at.parties, doc.parties.len(), MAX_PARTIES, "parties");
    limit(&mut out, "issues", at.issues, doc.issues.len(), MAX_ISSUES, "issues");
    if doc.article.paragraphs.is_empty() {
        out.push(Diagnostic::error("article.paragraphs", "the article has no paragraphs").at(at.paragraphs));
    }
    if let Some(url) = doc.article.publisher.as_ref().and_then(|p| p.url.as_deref()) {
        if !is_web_url(url) {
            out.push(
                Diagnostic::error("article.publisher.url", format!("\"{url}\" is not an http(s) URL"))
                    .with_hint("links may only use http: or https:")
                    .at(at.publisher_url),
            );
        }
    }
    check_language(&mut out, doc);
    let nth = |offsets: &[u32], i: usize| offsets.get(i).copied().unwrap_or_default();
    check_ids(&mut out, "parties", doc.parties.iter().map(|p| p.id.as_str()), |i| nth(&at.party_ids, i));
    check_ids(&mut out, "issues", doc.issues.iter().map(|i| i.id.as_str()), |i| nth(&at.issue_ids, i));
    check_ids(&mut out, "claims", doc.claims.iter().map(|c| c.id.as_str()), |i| at.claim(i).id);

    let party_ids: Vec<&str> = doc.parties.iter().map(|p| p.id.as_str()).collect();
    let issue_ids: Vec<&str> = doc.issues.iter().map(|i| i.id.as_str()).collect();
    for (i, claim) in doc.claims.iter().enumerate() {
        let offsets = at.claim(i);
        check_reference(&mut out, format!("claims[{i}].party"), offsets.party, &claim.party, "party", &party_ids);
        check_reference(&mut out, format!("claims[{i}].issue"), offsets.issue, &claim.issue, "issue", &issue_ids);
        check_position(&mut out, doc, i);
    }
    out
}

fn limit(out: &mut Vec<Diagnostic>, path: &str, at: u32, count: usize, max: usize, what: &str) {
    if count > max {
        out.push(Diagnostic::error(path, format!("{count} {what} is more than the limit of {max}")).at(at));
    }
}

/// `offset(i)` is where the `i`th id starts.
fn check_ids<'a>(out: &mut Vec<Diagnostic>, list: &str, ids: impl Iterator<Item = &'a str>, offset: impl Fn(usize) -> u32) {
    let ids: Vec<&str> = ids.collect();
    let earlier = first_uses(&ids);
    for (i, &id) in ids.iter().enumerate() {
        let path = format!("{list}[{i}].id");
        let at = offset(i);
        if id.trim().is_empty() {
            continue; // already reported as empty
        }
        if !is_valid_id(id) {
            out.push(
                Diagnostic::error(path.clone(), format!("id \"{id}\" has characters ids may not use"))
                    .with_hint("use letters, digits, '-', '_', '.' or ':', starting with a letter or digit, at most 64")
                    .at(at),
            );
        }
        if let Some(first) = earlier[i] {
            out.push(
                Diagnostic::error(path, format!("duplicate id \"{id}\""))
                    .with_hint(format!("{list}[{first}] already uses it"))
                    .at(at),
            );
        }
    }
}

/// For each id, the index of its first use when an earlier one has it too. A small
/// open-addressing table rather than `HashMap`, whose code for these types alone weighs about
/// 1 KB of the gzipped wasm.
fn first_uses(ids: &[&str]) -> Vec<Option<usize>> {
    // At most half full, so a probe always ends at an empty slot.
    let size = (ids.len() * 2).next_power_of_two().max(2);
    let mut slots = vec![usize::MAX; size];
    let hash = |id: &str| id.bytes().fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193)) as usize;
    ids.iter()
        .enumerate()
        .map(|(i, id)| {
            let mut at = hash(id) & (size - 1);
            loop {
                match slots[at] {
                    usize::MAX => {
                        slots[at] = i;
                        return None;
                    }
                    first if ids[first] == *id => return Some(first),
                    _ => at = (at + 1) & (size - 1),
                }
            }
        })
        .collect()
}

fn check_reference(out: &mut Vec<Diagnostic>, path: String, at: u32, id: &str, what: &str, known: &[&str]) {
    if !id.trim().is_empty() && !known.contains(&id) {
        out.push(Diagnostic::error(path, format!("unknown {what} \"{id}\"")).with_hint(did_you_mean(id, known)).at(at));
    }
}

/// Code points that only modify the one before them: combining marks, joiners, variation
/// selectors and skin-tone modifiers. A quote cannot start on one, nor stop before one.
pub fn continues_a_character(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x200D | 0xFE00..=0xFE0F | 0x1F3FB..=0x1F3FF | 0xE0100..=0xE01EF)
}

fn check_position(out: &mut Vec<Diagnostic>, doc: &Document, i: usize) {
    let quote = &doc.claims[i].quote;
    let at = doc.offsets.claim(i);
    let paragraphs = &doc.article.paragraphs;
    match (quote.paragraph, quote.start) {
        (Some(p), _) if p >= paragraphs.len() => out.push(Diagnostic::error(
            format!("claims[{i}].quote.paragraph"),
            format!(
                "paragraph {p} does not exist: the article has {} paragraphs, numbered 0 to {}",
                paragraphs.len(),
                paragraphs.len().saturating_sub(1)
            ),
        )
        .at(at.paragraph)),
        (Some(p), Some(start)) => {
            let len = paragraphs[p].chars().count();
            if start >= len {
                out.push(Diagnostic::error(
                    format!("claims[{i}].quote.start"),
                    format!("start {start} is past the end of paragraph {p}, which has {len} characters"),
                )
                .at(at.start));
            } else if let Some(c) = paragraphs[p].chars().nth(start).filter(|&c| continues_a_character(c)) {
                out.push(
                    Diagnostic::error(
                        format!("claims[{i}].quote.start"),
                        format!(
                            "start {start} falls inside a character of paragraph {p}: U+{:04X} there belongs to the character before it",
                            c as u32
                        ),
                    )
                    .with_hint("count code points (Python len(), JavaScript [...s].length), and start at a whole character")
                    .at(at.start),
                );
            }
        }
        (None, Some(_)) => out.push(
            Diagnostic::warning(format!("claims[{i}].quote.start"), "start is ignored without a paragraph")
                .with_hint("add \"paragraph\" so start can be used")
                .at(at.start),
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::first_uses;

    #[test]
    fn finds_the_first_use_of_each_repeated_id() {
        assert_eq!(first_uses(&[]), Vec::<Option<usize>>::new());
        assert_eq!(first_uses(&["a", "b", "a", "c", "b", "a"]), [None, None, Some(0), None, Some(1), Some(0)]);
        // Many ids, so that probes run into each other.
        let ids: Vec<String> = (0..500).map(|n| format!("id-{}", n % 300)).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let found = first_uses(&refs);
        for (i, first) in found.iter().enumerate() {
            assert_eq!(*first, (i >= 300).then(|| i - 300));
        }
    }
}
