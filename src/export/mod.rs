//! A checked claims file in the formats other tools read: the stance table and the claims as CSV
//! (for spreadsheets and data desks), the table as Markdown (for newsletters), and the claims as
//! W3C Web Annotations. The claims CSV and the annotations also read back into a claims file.
//! Used by the `claim-reader export` and `import` commands, and by the editor page ("Other
//! formats", and opening annotations or a claims CSV over its article); plain Rust, tested
//! natively. None of it is in the reader's bundle.

pub mod csv;
pub mod csv_import;
pub mod import;
pub mod markdown;
pub mod w3c;

use crate::reader::Reader;
use crate::stance::CellStance;

/// A cell's stance in words: "demands", "not stated", or "demands / rejects" when the article
/// gives the party more than one stance on the issue.
pub fn stance_words(stance: &CellStance) -> String {
    match stance {
        CellStance::NotStated => "not stated".to_string(),
        CellStance::One(s) => s.word().to_string(),
        CellStance::Mixed(list) => list.iter().map(|s| s.word()).collect::<Vec<_>>().join(" / "),
    }
}

/// The (party, issue) cells of the table, parties in file order, then issues in file order.
pub fn cells(reader: &Reader) -> impl Iterator<Item = (usize, usize)> + '_ {
    let issues = reader.doc.issues.len();
    (0..reader.doc.parties.len()).flat_map(move |p| (0..issues).map(move |i| (p, i)))
}
