//! The Yew view. It renders what the [`Reader`] model hands it. Outside the virtual DOM it only
//! builds the paragraphs and print notes in one call (`paragraph.rs`, `static_dom.js`), marks
//! the passages that hover and focus emphasise (`emphasis.rs`), and measures, places and
//! focuses (see [`dom`]).

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
