//! The reader's view: Yew function components, one per file, each with its props.
//!
//! ```text
//! ReaderRoot                  source → Loading | ErrorPanel | ClaimReader
//! └─ ClaimReader              view state (use_reducer), context, page listeners
//!    ├─ ArticleHeader         kicker, headline, byline, dates
//!    ├─ ArticleBody           the paragraphs in chunks
//!    │  └─ Chunk (keyed)      up to 16 paragraphs, laid out only near the screen
//!    │     └─ Paragraph (keyed)
//!    │        └─ Passage      one highlighted run of text
//!    ├─ StanceTable           parties × issues, and the same turned for narrow columns
//!    │  └─ StanceCell
//!    ├─ Legend                switches issues off and on
//!    ├─ Notices               warnings and claims not found in the text
//!    ├─ PrintNotes            every claim as a numbered note, on paper
//!    └─ Details               the tooltip of the open passage
//! ```
//!
//! The model arrives through a context ([`ReaderContext`]); what a hover or the legend changes
//! arrives through props, compared cheaply, so a hover re-renders only the chunks, paragraphs,
//! passages and cells it touches.

mod article_body;
mod article_header;
mod chunk;
mod claim_reader;
mod context;
mod details;
mod dom;
mod error_panel;
mod events;
pub(crate) mod hooks;
mod legend;
mod loading;
mod notices;
mod paragraph;
mod passage;
mod print_notes;
mod reader_root;
mod stance_cell;
mod stance_table;

pub use context::{ReaderContext, ReaderRef};
pub use reader_root::{source_print, ReaderRoot, ReaderRootProps, Source};

/// A passage: (paragraph, segment) in [`crate::reader::Reader::paragraphs`].
pub type Seg = (usize, usize);

/// The CSS class that colours an issue: the palette has eight entries and repeats after that.
fn issue_class(issue: usize) -> &'static str {
    const CLASSES: [&str; 8] =
        ["cr-issue-0", "cr-issue-1", "cr-issue-2", "cr-issue-3", "cr-issue-4", "cr-issue-5", "cr-issue-6", "cr-issue-7"];
    CLASSES[issue % 8]
}

/// A `class` attribute from its names, the absent ones left out. A plain join: yew's `classes!`
/// keeps an ordered set per element, which these fixed, distinct names never need.
fn class_list<'a>(names: impl IntoIterator<Item = Option<&'a str>>) -> String {
    let mut list = String::new();
    for name in names.into_iter().flatten() {
        if !list.is_empty() {
            list.push(' ');
        }
        list.push_str(name);
    }
    list
}

/// "1 passage", "3 passages".
fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
