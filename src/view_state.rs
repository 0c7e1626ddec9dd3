//! What the reader is showing right now, and how each user action changes it.
//!
//! Plain Rust with no DOM, so every interaction rule is tested natively; the reader's component
//! applies the user's actions to it as messages.

/// How the details were opened; it decides what closes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    /// Pointer over the passage: closes when the pointer leaves both passage and details.
    Hover,
    /// Keyboard focus on the passage: closes when focus leaves.
    Focus,
    /// A click or tap: stays until Escape, the close button, or a tap elsewhere.
    Tap,
    /// A link to the claim in the page's URL: stays as a tap's do.
    Link,
}

impl Opener {
    /// Pinned details stay when the pointer or focus leaves.
    pub fn is_pinned(self) -> bool {
        matches!(self, Opener::Tap | Opener::Link)
    }

    /// How the host page's events name it.
    pub fn word(self) -> &'static str {
        match self {
            Opener::Hover => "hover",
            Opener::Focus => "focus",
            Opener::Tap => "tap",
            Opener::Link => "link",
        }
    }
}

/// The details being shown: which segment opened them and the claims over it.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenDetails {
    /// (paragraph, segment) of the passage that opened the details.
    pub trigger: (usize, usize),
    pub claims: Vec<usize>,
    pub opener: Opener,
    /// Where the pointer was, for openings by hover.
    pub pointer: Option<(i32, i32)>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    pub open: Option<OpenDetails>,
    /// The stance-table cell (party, issue) under the pointer or focus.
    pub hovered_cell: Option<(usize, usize)>,
    /// Per issue: true when the reader has switched its highlights off in the legend.
    pub muted: Vec<bool>,
    /// Where the pointer stood when the close button was pressed. The passage that the closed
    /// details uncover is then under a pointer that has not moved, and must not open by itself.
    pub dismissed_at: Option<(i32, i32)>,
    /// The table cell whose activation moved focus to a passage, and that passage once it
    /// opened: the way back to the table, offered while that passage's details are shown.
    pub came_from: Option<(Cell, Option<(usize, usize)>)>,
}

/// A stance-table cell: (party, issue).
pub type Cell = (usize, usize);

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Open(OpenDetails),
    /// The pointer or focus left what opened the details (`opener` says which).
    Leave(Opener),
    /// A tap outside, or Escape before the pointer was ever seen.
    Close,
    /// The close button or Escape, with the pointer resting at this place.
    Dismiss { pointer: (i32, i32) },
    HoverCell(Option<(usize, usize)>),
    /// A table cell was activated and is about to move focus to its first passage.
    GoFromCell((usize, usize)),
    ToggleIssue(usize),
}

impl ViewState {
    pub fn new(issues: usize) -> Self {
        ViewState { open: None, hovered_cell: None, muted: vec![false; issues], dismissed_at: None, came_from: None }
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Open(next) => {
                if next.opener == Opener::Hover && next.pointer.is_some() && next.pointer == self.dismissed_at {
                    return;
                }
                self.dismissed_at = None;
                self.came_from = match self.came_from.take() {
                    Some((cell, None)) => Some((cell, Some(next.trigger))),
                    Some((cell, Some(t))) if t == next.trigger => Some((cell, Some(t))),
                    _ => None,
                };
                // A tap on the passage already shown pins it; pinned details stay pinned.
                let opener = match &self.open {
                    Some(o) if o.trigger == next.trigger && o.opener.is_pinned() => o.opener,
                    _ => next.opener,
                };
                self.open = Some(OpenDetails { opener, ..next });
            }
            Action::Leave(how) => {
                if matches!(&self.open, Some(o) if o.opener == how) {
                    self.open = None;
                }
            }
            Action::Close => {
                self.open = None;
                self.came_from = None;
            }
            Action::Dismiss { pointer } => {
                self.open = None;
                self.came_from = None;
                self.dismissed_at = Some(pointer);
            }
            Action::HoverCell(cell) => self.hovered_cell = cell,
            Action::GoFromCell(cell) => self.came_from = Some((cell, None)),
            Action::ToggleIssue(i) => {
                if let Some(m) = self.muted.get_mut(i) {
                    *m = !*m;
                }
                self.open = None;
            }
        }
    }

    /// The cell to go back to, while the passage reached from it is the one shown.
    pub fn return_cell(&self) -> Option<Cell> {
        match (&self.came_from, &self.open) {
            (Some((cell, Some(t))), Some(o)) if *t == o.trigger => Some(*cell),
            _ => None,
        }
    }

    pub fn is_open_on(&self, trigger: (usize, usize)) -> bool {
        matches!(&self.open, Some(o) if o.trigger == trigger)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(trigger: (usize, usize), opener: Opener) -> Action {
        Action::Open(OpenDetails { trigger, claims: vec![0], opener, pointer: None })
    }

    #[test]
    fn hover_opens_and_leaving_closes() {
        let mut s = ViewState::new(2);
        s.apply(open((0, 1), Opener::Hover));
        assert!(s.is_open_on((0, 1)));
        s.apply(Action::Leave(Opener::Hover));
        assert_eq!(s.open, None);
    }

    #[test]
    fn a_tap_pins_details_against_pointer_and_focus_leaving() {
        let mut s = ViewState::new(2);
        s.apply(open((0, 1), Opener::Hover));
        s.apply(open((0, 1), Opener::Tap));
        s.apply(Action::Leave(Opener::Hover));
        s.apply(Action::Leave(Opener::Focus));
        assert!(s.is_open_on((0, 1)));
        s.apply(open((0, 1), Opener::Focus));
        assert_eq!(s.open.as_ref().map(|o| o.opener), Some(Opener::Tap), "focus after a tap keeps it pinned");
        s.apply(Action::Close);
        assert_eq!(s.open, None);
    }

    #[test]
    fn details_opened_by_a_link_stay_when_pointer_or_focus_passes() {
        let mut s = ViewState::new(1);
        s.apply(open((3, 0), Opener::Link));
        s.apply(open((3, 0), Opener::Hover));
        s.apply(Action::Leave(Opener::Hover));
        s.apply(open((3, 0), Opener::Focus));
        s.apply(Action::Leave(Opener::Focus));
        assert_eq!(s.open.as_ref().map(|o| o.opener), Some(Opener::Link));
        s.apply(open((4, 0), Opener::Hover));
        assert!(s.is_open_on((4, 0)), "another passage still opens");
    }

    #[test]
    fn leaving_by_another_route_does_not_close() {
        let mut s = ViewState::new(1);
        s.apply(open((2, 0), Opener::Focus));
        s.apply(Action::Leave(Opener::Hover));
        assert!(s.is_open_on((2, 0)));
        s.apply(Action::Leave(Opener::Focus));
        assert_eq!(s.open, None);
    }

    #[test]
    fn the_close_button_does_not_let_the_uncovered_passage_open_under_a_still_pointer() {
        let mut s = ViewState::new(1);
        s.apply(open((0, 0), Opener::Tap));
        s.apply(Action::Dismiss { pointer: (40, 300) });
        let hover_at = |pointer| Action::Open(OpenDetails {
            trigger: (1, 0),
            claims: vec![1],
            opener: Opener::Hover,
            pointer: Some(pointer),
        });
        s.apply(hover_at((40, 300)));
        assert_eq!(s.open, None, "the pointer has not moved");
        s.apply(hover_at((41, 300)));
        assert!(s.is_open_on((1, 0)), "a real move opens details again");
    }

    #[test]
    fn the_way_back_to_the_table_lasts_while_the_passage_reached_from_it_is_shown() {
        let mut s = ViewState::new(1);
        s.apply(Action::GoFromCell((0, 2)));
        s.apply(open((4, 1), Opener::Focus));
        assert_eq!(s.return_cell(), Some((0, 2)));
        s.apply(open((4, 1), Opener::Tap));
        assert_eq!(s.return_cell(), Some((0, 2)), "the same passage keeps it");
        s.apply(Action::Leave(Opener::Focus));
        s.apply(open((5, 0), Opener::Focus));
        assert_eq!(s.return_cell(), None, "another passage drops it");
        s.apply(Action::GoFromCell((1, 1)));
        s.apply(open((2, 0), Opener::Focus));
        s.apply(Action::Close);
        assert_eq!(s.return_cell(), None);
    }

    #[test]
    fn muting_an_issue_toggles_and_closes_details() {
        let mut s = ViewState::new(3);
        s.apply(open((0, 0), Opener::Tap));
        s.apply(Action::ToggleIssue(1));
        assert_eq!(s.muted, vec![false, true, false]);
        assert_eq!(s.open, None);
        s.apply(Action::ToggleIssue(1));
        s.apply(Action::ToggleIssue(7));
        assert_eq!(s.muted, vec![false, false, false]);
    }
}
