//! "Did you mean …?" for misspelt ids, field names and vocabulary words.

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ca == cb { diagonal } else { 1 + diagonal.min(above).min(row[j]) };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The candidate closest to `word`, if it is close enough to be a likely typo.
/// A candidate that starts with the word (`short` → `short_name`) also counts as close.
/// Case is folded for ASCII only: ids and vocabulary words are ASCII, and full Unicode case
/// tables would weigh on the browser bundle.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_ascii_lowercase();
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| {
            let lower = c.to_ascii_lowercase();
            let prefix = word.chars().count() >= 3 && lower.starts_with(&word);
            (if prefix { 1 } else { edit_distance(&word, &lower) }, c)
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// A hint naming the closest candidate, or listing them all when none is close.
pub fn did_you_mean(word: &str, candidates: &[&str]) -> String {
    if candidates.is_empty() {
        return "none are defined in this file".to_string();
    }
    match closest(word, candidates.iter().copied()) {
        Some(c) => format!("did you mean \"{c}\"?"),
        None => {
            let mut hint = String::from("expected one of: ");
            push_list(&mut hint, candidates);
            hint
        }
    }
}

/// Appends `words` separated by ", ". Written out rather than `join`, whose generic code
/// costs more in the wasm than this does.
pub fn push_list(out: &mut String, words: &[&str]) {
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_single_edits() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("Россия", "Росия"), 1);
    }

    #[test]
    fn suggests_the_nearest_known_word() {
        assert_eq!(closest("terittory", ["territory", "military"]), Some("territory"));
        assert_eq!(closest("zzzz", ["territory", "military"]), None);
        assert_eq!(did_you_mean("suports", &["supports", "opposes"]), "did you mean \"supports\"?");
        assert_eq!(closest("short", ["id", "short_name"]), Some("short_name"));
        assert_eq!(did_you_mean("x", &[]), "none are defined in this file");
        assert_eq!(did_you_mean("zzzz", &["supports", "opposes"]), "expected one of: supports, opposes");
    }
}
