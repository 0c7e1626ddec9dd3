//! Writes a claims file: the fields in the order `docs/data-format.md` documents them,
//! pretty-printed two spaces deep, so that a file diffs well in version control.
//!
//! One serde view of the file, serialised by `serde_json` natively (the command) and, in the
//! editor's bundle, by the platform's `JSON.stringify` through `serde-wasm-bindgen`, which
//! writes the same text: the reader's bundle carries no JSON library, and the editor's needs none.

use serde::Serialize;

use super::claim_out::ClaimOut;
use super::types::Document;

/// A claims file in the documented field order; absent optional fields and empty `kicker` and
/// `aliases` lists are left out.
#[derive(Serialize)]
pub struct ClaimsFile<'a> {
    format: &'static str,
    article: Article<'a>,
    parties: Vec<Party<'a>>,
    issues: Vec<Issue<'a>>,
    claims: Vec<ClaimOut<'a>>,
}
#[derive(Serialize)]
pub struct Article<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    kicker: &'a [String],
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subheadline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Publisher<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dateline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<&'a str>,
    paragraphs: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    footer_note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    direction: Option<&'static str>,
}
#[derive(Serialize)]
pub struct Publisher<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}
#[derive(Serialize)]
pub struct Party<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    short_name: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    aliases: &'a [String],
}
#[derive(Serialize)]
pub struct Issue<'a> {
    id: &'a str,
    label: &'a str,
    description: &'a str,
}
impl<'a> From<&'a Document> for ClaimsFile<'a> {
    fn from(doc: &'a Document) -> Self {
        let a = &doc.article;
        ClaimsFile {
            format: crate::FORMAT,
            article: Article {
                kicker: &a.kicker,
                headline: &a.headline,
                subheadline: a.subheadline.as_deref(),
                author: a.author.as_deref(),
                publisher: a.publisher.as_ref().map(|p| Publisher { name: &p.name, url: p.url.as_deref() }),
                dateline: a.dateline.as_deref(),
                published: a.published.as_deref(),
                updated: a.updated.as_deref(),
                paragraphs: &a.paragraphs,
                footer_note: a.footer_note.as_deref(),
                language: a.language.as_deref(),
                direction: a.direction.map(|d| d.word()),
            },
            parties: doc
                .parties
                .iter()
                .map(|p| Party { id: &p.id, name: &p.name, short_name: p.short_name.as_deref(), aliases: &p.aliases })
                .collect(),
            issues: doc.issues.iter().map(|i| Issue { id: &i.id, label: &i.label, description: &i.description }).collect(),
            claims: doc.claims.iter().map(ClaimOut::from).collect(),
        }
    }
}

/// The claims file of `doc`, ending with a line break.
pub fn write_claims_file(doc: &Document) -> String {
    pretty_json(&ClaimsFile::from(doc))
}

/// `value` as JSON pretty-printed two spaces deep, ending with a line break: by `serde_json`
/// natively, by the platform's `JSON.stringify` in the editor's bundle (maps as objects), which
/// writes the same text (`tests/write.rs`).
#[cfg(not(target_arch = "wasm32"))]
pub fn pretty_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// `value` as JSON pretty-printed two spaces deep, ending with a line break: by `serde_json`
/// natively, by the platform's `JSON.stringify` in the editor's bundle (maps as objects), which
/// writes the same text (`tests/write.rs`).
#[cfg(target_arch = "wasm32")]
pub fn pretty_json<T: Serialize>(value: &T) -> String {
    let serializer = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    let value = value.serialize(&serializer).unwrap_or(wasm_bindgen::JsValue::NULL);
    let text = js_sys::JSON::stringify_with_replacer_and_space(&value, &wasm_bindgen::JsValue::NULL, &2.into());
    text.ok().and_then(|t| t.as_string()).unwrap_or_default() + "\n"
}
