//! The reader's page, built once per article: the article beside the table, the legend and the
//! notices. Only what hover, focus and the legend change is set on it later.

use web_sys::{Document, Element};

use super::article::article;
use super::legend::legend;
use super::notices::{unplaced, warnings};
use super::stance_table::stance_table;
use super::static_dom::build;
use crate::reader::Reader;
use crate::view_tree::Tree;

/// The built page and the elements that later changes are set on.
pub struct Layout {
    pub root: Element,
    /// The stance table's body, whose cells [`super::stance_table::link_cells`] marks.
    pub table_body: Option<Element>,
    /// The legend, which [`super::legend::show_muted`] updates.
    pub legend: Option<Element>,
}

/// `<div class="cr-layout">`, with `paragraphs` placed in the article's body. `id_prefix` makes
/// the ids of unplaced claims unique on the page.
pub fn build_layout(document: &Document, reader: &Reader, id_prefix: &str, paragraphs: &Element) -> Layout {
    let mut t = Tree::default();
    t.open("div", &[("class", "cr-layout")]);
    article(&mut t, reader);
    t.open("aside", &[("class", "cr-aside"), ("aria-label", "Who wants what")]);
    stance_table(&mut t, reader);
    legend(&mut t, reader);
    unplaced(&mut t, reader, id_prefix);
    warnings(&mut t, &reader.warnings);
    t.close().close();
    let root = build(&t, document, &[paragraphs]);
    let find = |selector: &str| root.query_selector(selector).ok().flatten();
    Layout { table_body: find(".cr-stance-table > tbody"), legend: find(".cr-legend-box"), root }
}
