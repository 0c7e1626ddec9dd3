//! Who wants what: parties down, issues across, each cell linked to the passages behind it.

use web_sys::Element;

use super::issue_class;
use crate::model::Direction;
use crate::reader::Reader;
use crate::stance::CellStance;
use crate::view_state::Cell;
use crate::view_tree::Tree;

/// The table. Its buttons are handled by `events.rs`, and which cells are linked to what is
/// shown is set by [`link_cells`].
pub fn stance_table(t: &mut Tree, reader: &Reader) {
    let doc = &reader.doc;
    t.open("div", &[("class", "cr-table-wrap"), ("tabindex", "0"), ("role", "region"), ("aria-label", "Stance table, scrolls sideways")]);
    t.open("table", &[("class", "cr-stance-table")]).open("caption", &[]).text("Who wants what");
    t.leaf("span", &[("class", "cr-caption-note")], "Each party's stance on each issue, as this article reports it. Select a cell to see its passage.");
    t.close().open("thead", &[]).open("tr", &[]).leaf("th", &[("scope", "col"), ("class", "cr-corner")], "Party");
    for (i, issue) in doc.issues.iter().enumerate() {
        t.open("th", &[("scope", "col"), ("data-issue", &issue.id), ("class", issue_class(i))]);
        swatch(t).text(&issue.label).close();
    }
    t.close().close().open("tbody", &[]);
    for (p, party) in doc.parties.iter().enumerate() {
        t.open("tr", &[]).leaf("th", &[("scope", "row"), ("data-party", &party.id)], &party.name);
        for i in 0..doc.issues.len() {
            cell(t, reader, p, i);
        }
        t.close();
    }
    t.close().close().close();
}

/// The colour swatch before an issue's name.
pub fn swatch(t: &mut Tree) -> &mut Tree {
    t.leaf("span", &[("class", "cr-swatch"), ("aria-hidden", "true")], "")
}

fn cell(t: &mut Tree, reader: &Reader, p: usize, i: usize) {
    let doc = &reader.doc;
    let cell = reader.table.cell(p, i);
    let (party, issue) = (&doc.parties[p], &doc.issues[i]);
    let stance = &cell.stance;
    t.open("td", &[("class", "cr-cell-td"), ("data-party", &party.id), ("data-issue", &issue.id), ("data-stance", stance.word())]);
    let count = cell.claims.len();
    if count > 0 {
        let direction = match stance {
            CellStance::NotStated => "is-none",
            CellStance::One(s) => direction_word(s.direction()),
            CellStance::Mixed(_) => "is-mixed",
        };
        t.open("button", &[("type", "button"), ("class", &format!("cr-cell {direction}"))]);
        // The button's name is its visible text, with who and what before it for screen
        // readers (WCAG 2.5.3: the name contains the visible label).
        t.leaf("span", &[("class", "cr-sr")], &format!("{}, {}: ", party.name, issue.label));
    }
    match stance {
        CellStance::NotStated => {
            t.leaf("span", &[("class", "cr-not-stated")], "not stated");
        }
        CellStance::One(s) => stance_word(t, s.direction(), s.word()),
        CellStance::Mixed(list) => {
            for (k, s) in list.iter().enumerate() {
                if k > 0 {
                    t.leaf("span", &[("class", "cr-sep")], " / ");
                }
                stance_word(t, s.direction(), s.word());
            }
        }
    }
    if count > 0 {
        let passages = if count == 1 { "1 passage".to_string() } else { format!("{count} passages") };
        t.leaf("span", &[("class", "cr-count")], &passages).close();
    }
    t.close();
}

fn stance_word(t: &mut Tree, direction: Direction, word: &str) {
    t.open("span", &[("class", &format!("cr-stance {}", direction_word(direction)))]);
    t.leaf("span", &[("class", "cr-icon"), ("aria-hidden", "true")], direction.icon()).text(word).close();
}

fn direction_word(direction: Direction) -> &'static str {
    match direction {
        Direction::For => "is-for",
        Direction::Against => "is-against",
        Direction::Neither => "is-neither",
    }
}

/// Marks the cells `linked` (those of the claims whose details are shown, and the one under the
/// pointer or focus) in the table's body `tbody`, after unmarking those in `marked`, which it
/// then replaces.
pub fn link_cells(tbody: &Element, linked: &[Cell], marked: &mut Vec<Element>) {
    for td in marked.drain(..) {
        let _ = td.class_list().remove_1("is-linked");
    }
    for &(p, i) in linked {
        // Row p holds the party's name, then one cell per issue.
        if let Some(td) = tbody.children().item(p as u32).and_then(|row| row.children().item(i as u32 + 1)) {
            let _ = td.class_list().add_1("is-linked");
            marked.push(td);
        }
    }
}
