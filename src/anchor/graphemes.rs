//! Grapheme clusters: what a reader sees as one character (a letter with its marks, an emoji
//! with its modifiers or joined family, a flag, a Devanagari conjunct, a Hangul syllable in
//! jamo). A highlight that split one would colour half a glyph, or break it apart in the page, so
//! a range that starts or ends inside one is widened to whole clusters (and reported).
//!
//! The boundaries come from the platform, as NFC does in [`super::fold`]: natively the
//! `unicode-segmentation` crate, in the browser `Intl.Segmenter`, so no segmentation tables go
//! into the bundle. Between two characters below U+0300 there is always a boundary (except
//! between CR and LF), so text made of them (most Latin-script text) never asks either.

use std::ops::Range;

/// The clusters of one text, asked about lazily.
pub struct Clusters<'a> {
    text: &'a str,
    /// The browser's segmentation of `text`, made on the first question; `None` in a browser
    /// without `Intl.Segmenter`, which then leaves ranges as they are.
    #[cfg(target_arch = "wasm32")]
    segments: std::cell::OnceCell<Option<web::Segments>>,
}

impl<'a> Clusters<'a> {
    pub fn new(text: &'a str) -> Self {
        Clusters {
            text,
            #[cfg(target_arch = "wasm32")]
            segments: std::cell::OnceCell::new(),
        }
    }

    /// `range` (on character boundaries) widened to the clusters its ends fall inside.
    pub fn widen(&self, range: Range<usize>) -> Range<usize> {
        self.around(range.start).start..self.around(range.end).end
    }

    /// Whether both ends of `range` are cluster boundaries.
    pub fn whole(&self, range: Range<usize>) -> bool {
        self.widen(range.clone()) == range
    }

    /// The cluster byte `at` falls inside, or `at..at` when a cluster starts there.
    fn around(&self, at: usize) -> Range<usize> {
        let before = self.text.get(..at).and_then(|s| s.chars().next_back());
        let after = self.text.get(at..).and_then(|s| s.chars().next());
        match (before, after) {
            (Some(b), Some(a)) if b < '\u{0300}' && a < '\u{0300}' && (b, a) != ('\r', '\n') => at..at,
            (Some(_), Some(_)) => self.platform_around(at),
            _ => at..at,
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn platform_around(&self, at: usize) -> Range<usize> {
        use unicode_segmentation::GraphemeCursor;
        let cursor = || GraphemeCursor::new(at, self.text.len(), true);
        // The whole text is one chunk, so the cursor never asks for more context.
        if cursor().is_boundary(self.text, 0).unwrap_or(true) {
            return at..at;
        }
        let start = cursor().prev_boundary(self.text, 0).ok().flatten().unwrap_or(at);
        let end = cursor().next_boundary(self.text, 0).ok().flatten().unwrap_or(at);
        start..end
    }

    #[cfg(target_arch = "wasm32")]
    fn platform_around(&self, at: usize) -> Range<usize> {
        let Some(segments) = self.segments.get_or_init(|| web::segment(self.text)) else { return at..at };
        // The segmenter counts UTF-16 units.
        let unit = self.text.get(..at).map_or(0, |s| s.encode_utf16().count()) as u32;
        let Some(cluster) = segments.containing(unit) else { return at..at };
        let start = cluster.index();
        if start == unit {
            return at..at;
        }
        byte_of(self.text, start)..byte_of(self.text, start + cluster.segment().length())
    }
}

/// The byte offset of UTF-16 unit `unit` of `text`.
#[cfg(target_arch = "wasm32")]
fn byte_of(text: &str, unit: u32) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= unit {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// `Intl.Segmenter`, bound here so a browser without it (before 2024) is caught, not thrown.
#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = Intl)]
        type Segmenter;
        #[wasm_bindgen(constructor, js_namespace = Intl, catch)]
        fn new() -> Result<Segmenter, JsValue>;
        #[wasm_bindgen(method)]
        fn segment(this: &Segmenter, text: &str) -> Segments;

        pub type Segments;
        #[wasm_bindgen(method)]
        pub fn containing(this: &Segments, unit: u32) -> Option<Segment>;

        pub type Segment;
        #[wasm_bindgen(method, getter)]
        pub fn index(this: &Segment) -> u32;
        #[wasm_bindgen(method, getter)]
        pub fn segment(this: &Segment) -> js_sys::JsString;
    }

    /// The grapheme clusters of `text` (the default granularity).
    pub fn segment(text: &str) -> Option<Segments> {
        Segmenter::new().ok().map(|s| s.segment(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn widened(text: &str, part: &str) -> String {
        let at = text.find(part).unwrap_or(0);
        text[Clusters::new(text).widen(at..at + part.len())].to_string()
    }

    #[test]
    fn ranges_on_boundaries_stay() {
        let text = "Café 👍🏽 and क्षमा";
        assert_eq!(widened(text, "Café"), "Café");
        assert_eq!(widened(text, "👍🏽 and"), "👍🏽 and");
        assert_eq!(widened(text, "क्षमा"), "क्षमा");
        assert_eq!(Clusters::new(text).widen(0..0), 0..0);
        assert_eq!(Clusters::new("a\r\nb").widen(2..4), 1..4);
    }

    #[test]
    fn ends_inside_a_cluster_widen_to_it() {
        assert_eq!(widened("we 👍🏽 it", "👍"), "👍🏽");
        assert_eq!(widened("the 👩\u{200D}👩\u{200D}👧 family", "👧 family"), "👩\u{200D}👩\u{200D}👧 family");
        assert_eq!(widened("🇺🇦🇫🇷", "\u{1F1E6}\u{1F1EB}"), "🇺🇦🇫🇷");
        assert_eq!(widened("cafe\u{0301} noir", "cafe"), "cafe\u{0301}");
        assert_eq!(widened("परीक्षा", "परीक"), "परीक्षा");
        assert_eq!(widened("\u{1112}\u{1161}\u{11AB}", "\u{1112}\u{1161}"), "\u{1112}\u{1161}\u{11AB}");
    }

    #[test]
    fn a_mark_after_a_conjunct_does_not_join_it_to_the_next() {
        // क्ष, an acute, क्ष: two clusters, the acute with the first.
        let text = "x \u{915}\u{94D}\u{937}\u{301}\u{915}\u{94D}\u{937} y";
        let clusters = Clusters::new(text);
        assert_eq!(clusters.widen(5..13), 2..13);
        assert_eq!(clusters.widen(16..22), 13..22);
        assert_eq!(clusters.widen(19..22), 13..22);
        assert_eq!(clusters.widen(13..22), 13..22);
    }

    #[test]
    fn an_empty_range_inside_a_cluster_widens_to_it() {
        let text = "x👍🏽";
        assert_eq!(Clusters::new(text).widen(5..5), 1..9);
    }
}
