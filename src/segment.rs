//! Text runs, each with the set of claims over it.
//!
//! Overlapping highlights are where annotation tools break most often; cutting the text at every
//! span boundary and rendering flat segments, never nested marks, keeps any overlap correct.

use std::ops::Range;

/// A run of a paragraph (byte range) and the claims (indices) whose passages cover all of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub range: Range<usize>,
    pub claims: Vec<usize>,
}

/// Splits a text of `len` bytes at every boundary of `spans` (byte range, claim index).
/// The segments cover `0..len` exactly, in order; claims in a segment are in ascending order.
pub fn segment(len: usize, spans: &[(Range<usize>, usize)]) -> Vec<Segment> {
    // Cut positions marked in a byte map and read back in order: linear, and no sort code in
    // the bundle.
    let mut is_cut = vec![false; len + 1];
    is_cut[0] = true;
    is_cut[len] = true;
    for (r, _) in spans {
        is_cut[r.start.min(len)] = true;
        is_cut[r.end.min(len)] = true;
    }
    let cuts: Vec<usize> = (0..=len).filter(|&i| is_cut[i]).collect();
    // A span covers the runs from the cut at its start to the cut at its end (both are cuts).
    let at = |x: usize| cuts.binary_search(&x.min(len)).unwrap_or(0);
    let mut claims: Vec<Vec<usize>> = vec![Vec::new(); cuts.len().saturating_sub(1)];
    for (r, c) in spans {
        for run in claims.iter_mut().take(at(r.end)).skip(at(r.start)) {
            // Kept in ascending order, each claim once.
            if let Err(i) = run.binary_search(c) {
                run.insert(i, *c);
            }
        }
    }
    cuts.windows(2).zip(claims).map(|(pair, claims)| Segment { range: pair[0]..pair[1], claims }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(segments: &[Segment]) -> Vec<(Range<usize>, Vec<usize>)> {
        segments.iter().map(|s| (s.range.clone(), s.claims.clone())).collect()
    }

    #[test]
    fn no_spans_is_one_plain_segment() {
        assert_eq!(shape(&segment(10, &[])), vec![(0..10, vec![])]);
    }

    #[test]
    fn overlapping_nested_and_adjacent_spans() {
        let spans = [(2..8, 0), (5..12, 1), (6..7, 2), (12..14, 3)];
        assert_eq!(
            shape(&segment(16, &spans)),
            vec![
                (0..2, vec![]),
                (2..5, vec![0]),
                (5..6, vec![0, 1]),
                (6..7, vec![0, 1, 2]),
                (7..8, vec![0, 1]),
                (8..12, vec![1]),
                (12..14, vec![3]),
                (14..16, vec![]),
            ]
        );
    }

    #[test]
    fn identical_spans_share_segments() {
        assert_eq!(shape(&segment(4, &[(0..4, 1), (0..4, 0)])), vec![(0..4, vec![0, 1])]);
    }
}
