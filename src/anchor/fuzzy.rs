//! Approximate search: where does a quote stand in a text with a few characters changed?
//!
//! Sellers' algorithm (edit distance with a free start and end in the text), over characters.
//! It costs quote length × text length, so it runs only when exact search found nothing.

/// A place in `text` (char indices) whose edit distance to the quote is within the bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approximate {
    pub start: usize,
    pub end: usize,
    pub edits: usize,
}

/// The most edits a quote of `len` characters may have and still be placed: one in ten, and
/// none below 16 characters, where one changed word ("push" for "pull") changes the meaning.
pub fn edit_bound(len: usize) -> usize {
    if len < 16 {
        0
    } else {
        len / 10
    }
}

/// Best-scoring, non-overlapping matches of `quote` in `text` with at most `bound` edits.
pub fn search(quote: &[char], text: &[char], bound: usize) -> Vec<Approximate> {
    let m = quote.len();
    if m == 0 || bound == 0 {
        return Vec::new();
    }
    // Column j holds, for each quote prefix, the cost and the text start of the best alignment
    // ending at text position j.
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![0; m + 1];
    let mut ends: Vec<Approximate> = Vec::new();
    for (j, &t) in text.iter().enumerate() {
        let (mut diag_cost, mut diag_start) = (cost[0], start[0]);
        cost[0] = 0;
        start[0] = j + 1;
        for i in 1..=m {
            let (up_cost, up_start) = (cost[i], start[i]);
            let substitute = diag_cost + usize::from(quote[i - 1] != t);
            let (mut best, mut from) = (substitute, diag_start);
            if up_cost + 1 < best {
                (best, from) = (up_cost + 1, up_start);
            }
            if cost[i - 1] + 1 < best {
                (best, from) = (cost[i - 1] + 1, start[i - 1]);
            }
            (diag_cost, diag_start) = (up_cost, up_start);
            cost[i] = best;
            start[i] = from;
        }
        if cost[m] <= bound {
            ends.push(Approximate { start: start[m], end: j + 1, edits: cost[m] });
        }
    }
    // Neighbouring end positions describe the same place: keep the fewest edits of each run.
    let mut best: Vec<Approximate> = Vec::new();
    for a in ends {
        match best.last_mut() {
            Some(last) if a.start < last.end => {
                if a.edits < last.edits {
                    *last = a;
                }
            }
            _ => best.push(a),
        }
    }
    best
}

/// The edit distance between `a` and `b` (Levenshtein, over characters).
pub fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let next = (diagonal + usize::from(x != y)).min(row[j] + 1).min(row[j + 1] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn found(quote: &str, text: &str) -> Vec<(String, usize)> {
        let t = chars(text);
        search(&chars(quote), &t, edit_bound(quote.chars().count()))
            .into_iter()
            .map(|a| (t[a.start..a.end].iter().collect(), a.edits))
            .collect()
    }

    #[test]
    fn finds_a_quote_with_a_typo() {
        assert_eq!(
            found("recognising Crimea as Russian", "the administration proposed recognizing Crimea as Russian territory"),
            vec![("recognizing Crimea as Russian".to_string(), 1)]
        );
    }

    #[test]
    fn finds_a_quote_with_a_dropped_word() {
        let text = "Moscow continues to insist on international recognition of four partly occupied regions";
        let got = found("continues to insist on recognition of four regions", text);
        assert!(got.is_empty(), "too many edits: {got:?}");
        let got = found("continues to insist on international recognition of four occupied regions", text);
        assert_eq!(got.len(), 1);
        assert!(got[0].0.starts_with("continues") && got[0].0.ends_with("regions"), "{got:?}");
    }

    #[test]
    fn short_quotes_are_never_approximated() {
        assert!(found("US vows", "US views").is_empty());
        assert!(found("pull Russia back", "push Russia back").is_empty());
    }

    #[test]
    fn distance_counts_changes_additions_and_drops() {
        assert_eq!(distance(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(distance(&chars(""), &chars("abc")), 3);
        assert_eq!(distance(&chars("政府は"), &chars("政府は")), 0);
    }

    #[test]
    fn unrelated_text_is_not_matched() {
        assert!(found("security guarantees for Ukraine", "The weather in Hamilton was mild on Thursday").is_empty());
    }
}
