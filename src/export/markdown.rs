//! The stance table as a Markdown table (GitHub and CommonMark's table extension), for
//! newsletters: parties down, issues across, each cell the stance in words and how many
//! passages say so.

use super::stance_words;
use crate::reader::Reader;
use crate::stance::CellStance;

pub fn stance_table(reader: &Reader) -> String {
    let doc = &reader.doc;
    let mut out = String::new();
    let headline = escape(&doc.article.headline);
    out.push_str(&format!("**Who wants what** — {headline}\n\n"));
    out.push_str("| Party |");
    for issue in &doc.issues {
        out.push_str(&format!(" {} |", escape(&issue.label)));
    }
    out.push_str("\n| --- |");
    out.push_str(&" --- |".repeat(doc.issues.len()));
    out.push('\n');
    for (p, party) in doc.parties.iter().enumerate() {
        out.push_str(&format!("| **{}** |", escape(&party.name)));
        for i in 0..doc.issues.len() {
            let cell = reader.table.cell(p, i);
            let words = stance_words(&cell.stance);
            let n = cell.claims.len();
            match cell.stance {
                CellStance::NotStated => out.push_str(&format!(" _{words}_ |")),
                _ => out.push_str(&format!(" {words} ({n} {}) |", if n == 1 { "passage" } else { "passages" })),
            }
        }
        out.push('\n');
    }
    out.push_str("\n_Not stated_: the article gives no stance of the party on the issue.\n");
    out
}

/// Text as it reads in a table cell: pipes and Markdown's emphasis and link characters escaped,
/// line breaks as spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_text_cannot_break_the_table() {
        assert_eq!(escape("A | B"), "A \\| B");
        assert_eq!(escape("*bold* and _x_"), "\\*bold\\* and \\_x\\_");
        assert_eq!(escape("two\nlines"), "two lines");
    }
}
