//! The Yew view. It renders what the [`Reader`] model hands it. What only changes with the data
//! (article, table, legend, notices, paragraphs, print notes) and the details' contents are
//! written as JSON and built in one call by `static_dom.js` (`layout.rs`, `paragraph.rs`,
//! `crate::view_tree`); hover, focus and the legend then set classes and attributes on what was
//! built (`emphasis.rs`, `stance_table.rs`, `legend.rs`), and [`dom`] measures, places and focuses.

mod app;
mod article;
mod details;
mod dom;
mod emphasis;
mod events;
mod layout;
mod legend;
mod notices;
mod paragraph;
mod print_notes;
mod stance_table;
mod static_dom;

use std::ops::Deref;
use std::rc::Rc;

use crate::reader::Reader;

pub use app::ClaimReader;
pub use notices::error_panel;

/// A shared [`Reader`] compared by identity, so props comparisons stay O(1).
#[derive(Clone, Debug)]
pub struct ReaderRef(pub Rc<Reader>);

impl PartialEq for ReaderRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for ReaderRef {
    type Target = Reader;
    fn deref(&self) -> &Reader {
        &self.0
    }
}

/// The CSS class that colours an issue: the palette has eight entries and repeats after that.
fn issue_class(issue: usize) -> &'static str {
    const CLASSES: [&str; 8] =
        ["cr-issue-0", "cr-issue-1", "cr-issue-2", "cr-issue-3", "cr-issue-4", "cr-issue-5", "cr-issue-6", "cr-issue-7"];
    CLASSES[issue % 8]
}
