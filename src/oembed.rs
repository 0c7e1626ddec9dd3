//! The reader in an iframe as an oEmbed 1.0 response (<https://oembed.com>, type "rich"): the
//! `<iframe>` of `frame.html` for a claims file's URL, for a CMS that embeds by link or takes the
//! snippet from an oEmbed endpoint. `claim-reader render --as oembed` writes it.

use serde::Serialize;

use crate::model::Diagnostic;
use crate::reader::Reader;

/// What the iframe shows and where `frame.html` is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    /// The absolute http(s) URL of `frame.html`.
    pub frame_url: String,
    /// The claims file's URL, absolute or relative to `frame.html` (its `src` parameter).
    pub src: String,
    /// `light` or `dark`; `None` follows the reader's system.
    pub theme: Option<String>,
    /// The width the height is estimated for, in CSS pixels; the iframe itself fills its column.
    pub width: u32,
}

/// The width `render --as oembed` assumes when given none: a news site's article column.
pub const DEFAULT_WIDTH: u32 = 640;
/// Narrower than this the estimate means little (the reader fits 320 px).
pub const MIN_WIDTH: u32 = 280;
pub const MAX_WIDTH: u32 = 4000;

/// An oEmbed 1.0 "rich" response; the field names are the specification's.
#[derive(Serialize)]
struct Response<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    version: &'static str,
    title: &'a str,
    provider_name: &'static str,
    html: String,
    width: u32,
    height: u32,
}

/// The oEmbed JSON for the claims file `json`, shown through `frame`. `Err` holds the file's
/// problems when it has errors (as `claim-reader check` reports them). `frame`'s URLs are
/// expected to have passed [`check_frame_url`] and [`check_src`].
pub fn oembed(json: &str, frame: &Frame) -> Result<String, Vec<Diagnostic>> {
    let reader = Reader::from_json(json)?;
    let title = reader.doc.article.headline.as_str();
    let height = estimated_height(&reader, frame.width);
    let response = Response {
        kind: "rich",
        version: "1.0",
        title,
        provider_name: "claim-reader",
        html: iframe(frame, title, height),
        width: frame.width,
        height,
    };
    // Serialising plain strings and numbers cannot fail; an empty object would still be JSON.
    Ok(serde_json::to_string_pretty(&response).unwrap_or_else(|_| "{}".to_string()) + "\n")
}

/// The iframe snippet: `frame.html?src=…[&theme=…]`, sized by claim-reader-frames.js when the
/// page has it, else at the estimated height (scrolling inside when the reader is taller).
pub fn iframe(frame: &Frame, title: &str, height: u32) -> String {
    let mut url = frame.frame_url.clone();
    url.push(if url.contains('?') { '&' } else { '?' });
    url.push_str("src=");
    url.push_str(&query_value(&frame.src));
    if let Some(theme) = &frame.theme {
        url.push_str("&theme=");
        url.push_str(&query_value(theme));
    }
    let attr = |value: &str| html_escape::encode_double_quoted_attribute(value).into_owned();
    format!(
        "<iframe data-claim-reader-frame src=\"{}\" title=\"{}\" height=\"{height}\" style=\"display:block;width:100%;border:0\" loading=\"lazy\"></iframe>",
        attr(&url),
        attr(title),
    )
}

/// The height the reader takes at `width`, roughly: its fixed parts and its text by line. The
/// numbers are the reader's stylesheet's, fitted to the heights measured in frame.html (within
/// 8 %: the seed at 400, 640 and 1000 px; the council, Arabic and Japanese samples at 640 px);
/// claim-reader-frames.js replaces the estimate with the real height.
pub fn estimated_height(reader: &Reader, width: u32) -> u32 {
    let article = &reader.doc.article;
    let width = f64::from(width.clamp(MIN_WIDTH, MAX_WIDTH));
    // The reader's padding off the width; the average advance of a character in each text.
    let text_width = (width - 40.0).max(200.0);
    let lines = |text: &str, char_width: f64| (text_units(text) * char_width / text_width).ceil().max(1.0);
    let body: f64 = article.paragraphs.iter().map(|p| lines(p, 8.6) * 28.5 + 22.0).sum();
    let headline = lines(&article.headline, 14.0) * 38.0;
    let subheadline = article.subheadline.as_deref().map_or(0.0, |s| lines(s, 9.5) * 29.0);
    let footer = article.footer_note.as_deref().map_or(0.0, |s| lines(s, 7.0) * 20.0 + 16.0);
    // Kicker, byline and rules; the legend, three issues a line; the stance table, a row a party.
    let fixed = 230.0 + 34.0 * (reader.doc.issues.len() as f64 / 3.0).ceil();
    let table = 100.0 + 70.0 * reader.doc.parties.len() as f64;
    (fixed + headline + subheadline + body + footer + table).round() as u32
}

/// A text's length in character widths: the wide characters of Chinese, Japanese and Korean
/// count twice.
fn text_units(text: &str) -> f64 {
    text.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD => 2.0,
            _ => 1.0,
        })
        .sum()
}

/// Whether `url` can be the frame page's URL in a snippet: an absolute http(s) URL with no
/// fragment (the parameters follow it) and nothing a browser would read differently.
pub fn check_frame_url(url: &str) -> Result<(), String> {
    check_absolute_url("--frame-url", url)?;
    match url.contains('#') {
        true => Err(format!("--frame-url \"{url}\" has a fragment; the frame's parameters go after it")),
        false => Ok(()),
    }
}

/// Whether `url`, given as `option`, is an absolute http(s) URL with a host and nothing a browser
/// would read differently (spaces, control characters).
pub fn check_absolute_url(option: &str, url: &str) -> Result<(), String> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        None => Err(format!("{option} \"{url}\" is not an absolute http(s) URL")),
        Some(rest) if rest.is_empty() || rest.starts_with(['/', '?', '#']) => Err(format!("{option} \"{url}\" names no host")),
        Some(_) if has_space_or_control(url) => Err(format!("{option} \"{url}\" has spaces or control characters")),
        Some(_) => Ok(()),
    }
}

/// Whether `src` can be the claims file's URL: relative (to the frame page) or http(s), the
/// rules the frame applies as the loader does to `data-src`.
pub fn check_src(src: &str) -> Result<(), String> {
    if src.trim().is_empty() {
        return Err("--src is empty".to_string());
    }
    if has_space_or_control(src.trim()) {
        return Err(format!("--src \"{src}\" has spaces or control characters"));
    }
    // A scheme is letters, digits, + - . before the first ':' that comes before any / ? #.
    let head = src.split(['/', '?', '#']).next().unwrap_or("");
    if let Some((scheme, _)) = head.split_once(':') {
        let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if is_scheme && !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
            return Err(format!("--src \"{src}\" is not an http(s) URL"));
        }
    }
    Ok(())
}

fn has_space_or_control(text: &str) -> bool {
    text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// `value` percent-encoded for a query parameter: UTF-8 bytes, all but the unreserved characters
/// and `/ : @` (which a query may hold as they are) written as `%XX`.
fn query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/' | b':' | b'@') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(src: &str) -> Frame {
        Frame { frame_url: "https://example.org/cr/frame.html".to_string(), src: src.to_string(), theme: None, width: DEFAULT_WIDTH }
    }

    #[test]
    fn query_values_keep_only_what_a_query_may_hold() {
        assert_eq!(query_value("https://example.org/a b.json"), "https://example.org/a%20b.json");
        assert_eq!(query_value("x.json?v=1&w=2#f"), "x.json%3Fv%3D1%26w%3D2%23f");
        assert_eq!(query_value("a+b\"<é>"), "a%2Bb%22%3C%C3%A9%3E");
    }

    #[test]
    fn the_snippet_escapes_its_attributes() {
        let html = iframe(&frame("c.json?a=1&b=\"2\""), "Talks \"resume\" <now> & later", 900);
        assert!(html.contains("src=\"https://example.org/cr/frame.html?src=c.json%3Fa%3D1%26b%3D%222%22\""), "{html}");
        assert!(html.contains("title=\"Talks &quot;resume&quot; &lt;now&gt; &amp; later\""), "{html}");
        assert!(html.contains("height=\"900\""));
        let mut dark = frame("c.json");
        dark.theme = Some("dark".to_string());
        dark.frame_url.push_str("?v=2");
        assert!(iframe(&dark, "t", 1).contains("frame.html?v=2&amp;src=c.json&amp;theme=dark\""));
    }

    #[test]
    fn frame_urls_are_absolute_http_without_a_fragment() {
        assert!(check_frame_url("https://example.org/cr/frame.html").is_ok());
        assert!(check_frame_url("HTTP://example.org/frame.html?v=1").is_ok());
        for bad in ["frame.html", "/cr/frame.html", "javascript:alert(1)", "https://", "https:///x", "https://e.org/f.html#x", "https://e.org/a b"] {
            assert!(check_frame_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sources_are_relative_or_http() {
        for good in ["claims.json", "../data/c.json", "https://e.org/c.json", "HTTPS://e.org/c.json", "data/a:b.json", "c.json?x=a:b"] {
            assert!(check_src(good).is_ok(), "{good}");
        }
        for bad in ["", "  ", "javascript:alert(1)", "data:application/json,{}", "file:///etc/passwd", "a b.json"] {
            assert!(check_src(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_response_is_oembed_rich_with_the_headline_as_title() {
        let out = oembed(crate::SEED_JSON, &frame("https://example.org/claims/seed.json")).expect("the seed checks");
        let value: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        assert_eq!(value["type"], "rich");
        assert_eq!(value["version"], "1.0");
        assert_eq!(value["provider_name"], "claim-reader");
        assert_eq!(value["title"], "US to push Russia to accept Ukraine's military rights in peace talks: Report");
        assert_eq!(value["width"], 640);
        let height = value["height"].as_u64().expect("a number");
        // Measured in frame.html at 640 px: 1,820 px.
        assert!((1640..2000).contains(&height), "{height}");
        let html = value["html"].as_str().expect("a string");
        assert!(html.starts_with("<iframe data-claim-reader-frame src=\"https://example.org/cr/frame.html?src=https://example.org/claims/seed.json\""), "{html}");
        assert!(html.contains(&format!("height=\"{height}\"")));
        assert!(html.contains("title=\"US to push Russia to accept Ukraine's military rights"), "{html}");
    }

    #[test]
    fn a_longer_article_or_a_narrower_column_is_estimated_taller() {
        let seed = Reader::from_json(crate::SEED_JSON).expect("the seed checks");
        assert!(estimated_height(&seed, 400) > estimated_height(&seed, 640));
        assert!(estimated_height(&seed, 640) > estimated_height(&seed, 1000));
        let mut longer = seed.clone();
        longer.doc.article.paragraphs.push("More text. ".repeat(40));
        assert!(estimated_height(&longer, 640) > estimated_height(&seed, 640));
    }

    #[test]
    fn a_file_with_errors_gives_its_problems() {
        assert!(oembed("{", &frame("c.json")).is_err());
    }
}
