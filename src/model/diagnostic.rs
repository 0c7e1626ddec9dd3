//! Problems found in a claims file, each tied to the JSON path where it was found and to the
//! byte offset where that value starts in the text.
//!
//! Diagnostics are made where the text is no longer at hand (the decoder walks parsed values,
//! the later checks typed data), so they carry the offset from the parse, and
//! [`fill_line_cols`] turns all of them into lines and columns in one pass over the text.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file still shows, but something in it deserves the editor's attention.
    Warning,
    /// The file cannot be shown as written.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A JSON path such as `claims[3].issue`; empty for the whole file.
    pub path: String,
    pub message: String,
    /// What would probably fix it, when something can be suggested.
    pub hint: Option<String>,
    /// 1-based line and column in the JSON text, when known; columns count characters (code
    /// points). Set from `offset` by [`fill_line_cols`].
    pub line_col: Option<(usize, usize)>,
    /// Byte offset in the JSON text where the value the problem is about starts (for a missing
    /// field, the object it should be in), when known.
    pub offset: Option<u32>,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path.into(), message.into())
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path.into(), message.into())
    }

    fn new(severity: Severity, path: String, message: String) -> Self {
        Diagnostic { severity, path, message, hint: None, line_col: None, offset: None }
    }

    /// Places the problem at byte `offset` of the text.
    pub fn at(mut self, offset: u32) -> Self {
        self.offset = Some(offset);
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}")?;
        if !self.path.is_empty() {
            write!(f, " at {}", self.path)?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// True when any diagnostic is an error.
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// Sets `line_col` from `offset` on every diagnostic that has an offset.
/// Lines are counted by `\n` (so a `\r` before it is the line's last character); columns count
/// characters, from 1. An offset past the end or inside a character is placed at the character
/// it falls in or, past the end, just after the last one.
pub fn fill_line_cols(text: &str, diagnostics: &mut [Diagnostic]) {
    if diagnostics.iter().all(|d| d.offset.is_none()) {
        return;
    }
    // Where each line starts: a diagnostic's line is then a binary search, in any order.
    let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    for d in diagnostics.iter_mut() {
        let Some(offset) = d.offset else { continue };
        let offset = (offset as usize).min(text.len());
        let line = starts.partition_point(|&s| s <= offset);
        let start = starts[line - 1];
        let column = text[start..].char_indices().take_while(|&(i, c)| start + i + c.len_utf8() <= offset).count() + 1;
        d.line_col = Some((line, column));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_every_diagnostic_with_an_offset_in_one_pass() {
        let text = "{\n  \"é\": [1,\r\n 2]\n}";
        let mut diagnostics = vec![
            Diagnostic::error("é[1]", "later in the text, earlier in the list").at(16),
            Diagnostic::error("", "whole file").at(0),
            Diagnostic::warning("é", "no offset"),
            Diagnostic::error("kept", "kept as it was"),
            Diagnostic::error("é[0]", "same line").at(11),
            Diagnostic::error("é[0]", "same offset twice").at(11),
        ];
        diagnostics[3].line_col = Some((40, 2));
        fill_line_cols(text, &mut diagnostics);
        let found: Vec<_> = diagnostics.iter().map(|d| d.line_col).collect();
        assert_eq!(found, [Some((3, 2)), Some((1, 1)), None, Some((40, 2)), Some((2, 9)), Some((2, 9))]);
    }

    #[test]
    fn offsets_outside_the_text_or_inside_a_character_still_get_a_place() {
        let mut diagnostics = [Diagnostic::error("", "").at(2), Diagnostic::error("", "").at(99), Diagnostic::error("", "").at(u32::MAX)];
        fill_line_cols("\"é\"\n", &mut diagnostics);
        let found: Vec<_> = diagnostics.iter().map(|d| d.line_col).collect();
        assert_eq!(found, [Some((1, 2)), Some((2, 1)), Some((2, 1))]);
        let mut empty = [Diagnostic::error("", "").at(5)];
        fill_line_cols("", &mut empty);
        assert_eq!(empty[0].line_col, Some((1, 1)));
    }
}
