//! The party × issue stance table: who wants what, and which claims say so.

use crate::model::{Document, Stance};

/// What a cell reports. A cell with no claim is "not stated", never inferred.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellStance {
    NotStated,
    One(Stance),
    /// The article gives the party more than one stance on the issue, in order of first mention.
    Mixed(Vec<Stance>),
}

impl CellStance {
    /// The value of the cell's `data-stance` attribute.
    pub fn word(&self) -> &'static str {
        match self {
            CellStance::NotStated => "not-stated",
            CellStance::One(s) => s.word(),
            CellStance::Mixed(_) => "mixed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub stance: CellStance,
    /// Claims (indices into the document) backing the cell, in document order.
    pub claims: Vec<usize>,
}

/// Rows are parties and columns issues, both in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceTable {
    pub parties: usize,
    pub issues: usize,
    cells: Vec<Cell>,
}

impl StanceTable {
    /// Every claim whose party and issue are known is counted, placed in the text or not.
    pub fn build(doc: &Document) -> Self {
        let (parties, issues) = (doc.parties.len(), doc.issues.len());
        let mut claims_by_cell: Vec<Vec<usize>> = vec![Vec::new(); parties * issues];
        for (c, claim) in doc.claims.iter().enumerate() {
            let party = doc.parties.iter().position(|p| p.id == claim.party);
            let issue = doc.issues.iter().position(|i| i.id == claim.issue);
            if let (Some(p), Some(i)) = (party, issue) {
                claims_by_cell[p * issues + i].push(c);
            }
        }
        let cells = claims_by_cell
            .into_iter()
            .map(|claims| {
                let mut stances: Vec<Stance> = Vec::new();
                for &c in &claims {
                    let s = doc.claims[c].stance;
                    if !stances.contains(&s) {
                        stances.push(s);
                    }
                }
                let stance = match stances.len() {
                    0 => CellStance::NotStated,
                    1 => CellStance::One(stances[0]),
                    _ => CellStance::Mixed(stances),
                };
                Cell { stance, claims }
            })
            .collect();
        StanceTable { parties, issues, cells }
    }

    pub fn cell(&self, party: usize, issue: usize) -> &Cell {
        &self.cells[party * self.issues + issue]
    }

    /// The (party, issue) cell a claim counts in, if its ids are known.
    pub fn cell_of(&self, doc: &Document, claim: usize) -> Option<(usize, usize)> {
        let c = doc.claims.get(claim)?;
        Some((
            doc.parties.iter().position(|p| p.id == c.party)?,
            doc.issues.iter().position(|i| i.id == c.issue)?,
        ))
    }
}
