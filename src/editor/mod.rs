//! The editor page (`editor.html`, its own bundle): an editor pastes an article or opens the
//! seed, selects the words of a claim, says who wants what in a form beside them, and exports a
//! claims file that `claim-reader check` accepts. Built from the same pipeline as the reader —
//! the file is written ([`crate::model::write_claims_file`]) and read back through
//! [`crate::reader::Reader`] after every change — so its diagnostics are the command's and its
//! live preview is the reader itself ([`crate::components::ReaderRoot`]).
//!
//! Everything that changes the file is here, plain Rust tested natively; the page itself comes
//! with its components.

pub mod draft;
