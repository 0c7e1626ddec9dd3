//! An article's language (a BCP 47 tag, RFC 5646) and the direction its script is written in.
//!
//! Only the tag's shape is checked, as RFC 5646's grammar states it: whether a well-formed
//! subtag is registered would need the IANA registry in the bundle, and a browser already shows
//! an unknown but well-formed tag as the text's language without harm.

use super::TextDirection;

/// Scripts written right to left (ISO 15924 codes).
const RTL_SCRIPTS: [&str; 12] = ["adlm", "arab", "hebr", "mand", "mend", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi", "nbat"];

/// Languages whose usual script is written right to left, when the tag names no script.
const RTL_LANGUAGES: [&str; 17] =
    ["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "nqo", "prs", "ps", "sd", "syr", "ug", "ur", "yi"];

fn alpha(s: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic())
}

fn alnum(s: &str, len: std::ops::RangeInclusive<usize>) -> bool {
    len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// True when `tag` has the shape of a BCP 47 language tag: language, then optional extended
/// language, script, region, variants, extensions and private use, in that order (case does not
/// matter). The irregular grandfathered tags are not accepted.
pub fn is_well_formed(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    let mut parts = lower.split('-').peekable();
    let Some(first) = parts.next() else { return false };
    if first == "x" {
        return parts.peek().is_some() && parts.all(|p| alnum(p, 1..=8));
    }
    if !alpha(first, 2..=8) {
        return false;
    }
    // Up to three extended language subtags, only after a two- or three-letter language.
    let mut extlangs = 0;
    while first.len() <= 3 && extlangs < 3 && parts.peek().is_some_and(|p| alpha(p, 3..=3)) {
        parts.next();
        extlangs += 1;
    }
    if parts.peek().is_some_and(|p| alpha(p, 4..=4)) {
        parts.next();
    }
    if parts.peek().is_some_and(|p| alpha(p, 2..=2) || (p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))) {
        parts.next();
    }
    let variant = |p: &str| alnum(p, 5..=8) || (p.len() == 4 && p.as_bytes()[0].is_ascii_digit() && alnum(p, 4..=4));
    while parts.peek().is_some_and(|p| variant(p)) {
        parts.next();
    }
    // Extensions: a singleton other than x, then subtags of 2 to 8; private use: x, then 1 to 8.
    while let Some(singleton) = parts.next() {
        if singleton.len() != 1 || !alnum(singleton, 1..=1) {
            return false;
        }
        let (min, private) = if singleton == "x" { (1, true) } else { (2, false) };
        let mut any = false;
        while parts.peek().is_some_and(|p| alnum(p, min..=8) && (private || p.len() > 1)) {
            parts.next();
            any = true;
        }
        if !any {
            return false;
        }
        if private {
            return parts.next().is_none();
        }
    }
    true
}

/// How text in the language `tag` is written: by its script subtag when it has one, else by
/// the language's usual script.
pub fn direction_of(tag: &str) -> TextDirection {
    let lower = tag.to_ascii_lowercase();
    let mut parts = lower.split('-');
    let language = parts.next().unwrap_or_default();
    let script = parts.find(|p| alpha(p, 4..=4));
    let rtl = match script {
        Some(script) => RTL_SCRIPTS.contains(&script),
        None => RTL_LANGUAGES.contains(&language),
    };
    if rtl {
        TextDirection::Rtl
    } else {
        TextDirection::Ltr
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_shapes_newsrooms_use() {
        for tag in ["en", "ar", "tr", "ja", "vi", "ko", "hi", "pt-BR", "zh-Hant-TW", "sr-Latn", "es-419", "de-CH-1996", "en-US-x-twain", "x-newsroom", "zh-yue-HK", "AR-eg"] {
            assert!(is_well_formed(tag), "{tag}");
        }
    }

    #[test]
    fn refuses_what_is_no_tag() {
        for tag in ["", "e", "en_US", "english language", "en-", "-en", "en--US", "123", "en-US-x", "en-a", "toolonglanguage", "ar-عربي"] {
            assert!(!is_well_formed(tag), "{tag}");
        }
    }

    #[test]
    fn knows_right_to_left_by_script_first() {
        assert_eq!(direction_of("ar"), TextDirection::Rtl);
        assert_eq!(direction_of("he-IL"), TextDirection::Rtl);
        assert_eq!(direction_of("ur-PK"), TextDirection::Rtl);
        assert_eq!(direction_of("tr"), TextDirection::Ltr);
        assert_eq!(direction_of("az-Arab"), TextDirection::Rtl);
        assert_eq!(direction_of("ku-Arab"), TextDirection::Rtl);
        assert_eq!(direction_of("ar-Latn"), TextDirection::Ltr);
        assert_eq!(direction_of("ja"), TextDirection::Ltr);
    }
}
