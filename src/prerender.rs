//! The reader rendered ahead, as HTML that works with no script: the same components, rendered by
//! yew's server renderer (`ssr`), in the form the components take for it (see
//! [`crate::components::ReaderContext::is_static`]). The command's `render` writes it; the seed
//! page's build puts it into `index.html`.
//!
//! With script, the live reader hydrates what was rendered ahead: the markup carries yew's
//! component markers (empty HTML comments) so that the browser's first render adopts these very
//! nodes, then turns them into the live reader in place. Search engines read who claims what
//! from the schema.org JSON-LD written beside it.

use serde_json::{json, Value};

use crate::components::{ReaderRoot, ReaderRootProps, Source};
use crate::model::Diagnostic;
use crate::reader::Reader;

/// What `claim-reader render` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// The reader's markup alone, for a page that links `claim-reader.css` itself.
    Reader,
    /// An element to put in a page: the reader in a declarative shadow root with its stylesheet,
    /// the claims as a JSON island for the loader, and the JSON-LD.
    Embed,
    /// A whole HTML page holding the embed.
    Page,
    /// The schema.org JSON-LD script alone, for a page's head.
    JsonLd,
}

/// Where the rendered HTML finds the reader's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Files {
    /// `claim-reader.css`.
    pub stylesheet: String,
    /// `claim-reader.js`, the loader; `None` for a page without script.
    pub script: Option<String>,
    /// The id of the claims' JSON island.
    pub island: String,
    /// For a page: the URL of its oEmbed response (`claim-reader render --as oembed`), named in
    /// its head so that a CMS given the page's address finds the embed code.
    pub oembed: Option<String>,
}

/// Renders the reader of the claims file `json`. `Err` holds the file's problems when it has
/// errors (the same as `claim-reader check` reports).
pub fn render(json: &str, form: Form, files: &Files) -> Result<String, Vec<Diagnostic>> {
    let reader = Reader::from_json(json)?;
    Ok(match form {
        Form::JsonLd => json_ld_script(&reader) + "\n",
        Form::Reader => reader_markup(json),
        Form::Embed => embed(&reader, json, &reader_markup(json), files),
        Form::Page => page(&reader, &embed(&reader, json, &reader_markup(json), files), files),
    })
}

/// The components' HTML for a claims file, as rendered ahead.
pub fn reader_markup(json: &str) -> String {
    let props = ReaderRootProps {
        source: Source::Json(json.to_string().into()),
        theme: None,
        name: None,
        on_load: Default::default(),
        prerender: true,
        hydrate: false,
    };
    let renderer = yew::LocalServerRenderer::<ReaderRoot>::with_props(props).hydratable(true);
    unnamed_markers(&futures::executor::block_on(renderer.render()))
}

/// Yew's component markers without the component's name (`<!--<[path::Name]>-->` becomes
/// `<!--<[]>-->`, as a release build writes them): hydration reads only their brackets. Every
/// text from the data is escaped, so no `<!--` in the markup is anything but a marker.
fn unnamed_markers(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--") {
        let (before, marker) = rest.split_at(at);
        out.push_str(before);
        let open = ["<!--<[", "<!--</["].into_iter().find(|open| marker.starts_with(open));
        match (open, marker.find("]>-->")) {
            (Some(open), Some(end)) => {
                out.push_str(open);
                out.push_str("]>-->");
                rest = &marker[end + "]>-->".len()..];
            }
            _ => {
                out.push_str("<!--");
                rest = &marker["<!--".len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn attr(value: &str) -> String {
    html_escape::encode_double_quoted_attribute(value).into_owned()
}

/// JSON inside a `<script>` data block: `<` written as `\u003c`, so no `</script>` or `<!--` in
/// the data can end the block (JSON allows `<` only inside strings, where the escape means it).
fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The embed: inside the shadow root, the reader in a `<div>` of its own, which the browser
/// hydrates (yew hydrates an element's children, and a shadow root is no element).
fn embed(reader: &Reader, json: &str, markup: &str, files: &Files) -> String {
    let island = attr(&files.island);
    format!(
        "<div data-claim-reader data-claims=\"{island}\">\
<div class=\"claim-reader-host\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"{}\"><div>{markup}</div></template></div>\
</div>\n<script type=\"application/json\" id=\"{island}\">{}</script>\n{}\n",
        attr(&files.stylesheet),
        script_json(json.trim()),
        json_ld_script(reader),
    )
}

fn page(reader: &Reader, embed: &str, files: &Files) -> String {
    let article = &reader.doc.article;
    let lang = article.language.as_deref().map(|l| format!(" lang=\"{}\"", attr(l))).unwrap_or_default();
    let dir = article.text_direction().map(|d| format!(" dir=\"{}\"", d.word())).unwrap_or_default();
    let script = files.script.as_deref().map(|s| format!("<script type=\"module\" src=\"{}\"></script>\n", attr(s))).unwrap_or_default();
    let title = html_escape::encode_text(&article.headline);
    // oEmbed discovery (<https://oembed.com>, section 4): the page names its response.
    let oembed = files
        .oembed
        .as_deref()
        .map(|url| format!("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">\n", attr(url), attr(&article.headline)))
        .unwrap_or_default();
    format!(
        "<!doctype html>\n<html{lang}{dir}>\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n{oembed}{script}</head>\n<body>\n<main>\n{embed}</main>\n</body>\n</html>\n",
    )
}

/// `<script type="application/ld+json">` with [`json_ld`].
pub fn json_ld_script(reader: &Reader) -> String {
    format!("<script type=\"application/ld+json\">{}</script>", script_json(&json_ld(reader).to_string()))
}

/// The article as a schema.org `NewsArticle` and each claim as a `Claim` that appears in it,
/// whose author is the party holding the position and whose text is the quote.
pub fn json_ld(reader: &Reader) -> Value {
    let doc = &reader.doc;
    let article = &doc.article;
    let mut news = json!({
        "@type": "NewsArticle",
        "@id": "#article",
        "headline": article.headline,
        "articleBody": article.paragraphs.join("\n\n"),
    });
    let fields = [
        ("alternativeHeadline", article.subheadline.clone().map(Value::from)),
        ("inLanguage", article.language.clone().map(Value::from)),
        ("datePublished", article.published.clone().map(Value::from)),
        ("dateModified", article.updated.clone().map(Value::from)),
        ("author", article.author.clone().map(|name| json!({ "@type": "Person", "name": name }))),
        (
            "publisher",
            article.publisher.as_ref().map(|p| {
                let mut org = json!({ "@type": "Organization", "name": p.name });
                if let Some(url) = &p.url {
                    org["url"] = url.clone().into();
                }
                org
            }),
        ),
    ];
    for (key, value) in fields {
        if let Some(value) = value {
            news[key] = value;
        }
    }
    let claims = doc.claims.iter().enumerate().map(|(c, claim)| {
        let (p, i) = reader.cells[c];
        json!({
            "@type": "Claim",
            "@id": format!("#claim={}", claim.id),
            "appearance": { "@id": "#article" },
            "author": { "@type": "Organization", "name": doc.parties[p].name },
            "text": claim.quote.exact,
            "about": doc.issues[i].label,
            "description": claim.summary,
        })
    });
    json!({
        "@context": "https://schema.org",
        "@graph": std::iter::once(news).chain(claims).collect::<Vec<_>>(),
    })
}
