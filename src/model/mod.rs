//! The claims file: its types, how it is read from JSON, and how it is checked.

pub mod claim_out;
mod decode;
mod diagnostic;
pub mod json;
pub mod language;
pub mod suggest;
mod types;
mod validate;
// Writes claims files: the command and the editor page; no part of the reader's bundle.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod write;

pub use decode::{decode_document, decode_value, empty_file, parse_json};
pub use diagnostic::{fill_line_cols, has_errors, Diagnostic, Severity};
pub use json::{Json, Value};
pub use types::*;
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub use write::write_claims_file;
pub use validate::{check_size, continues_a_character, is_valid_id, is_web_url, validate, MAX_BYTES, MAX_CLAIMS, MAX_ISSUES, MAX_PARAGRAPHS, MAX_PARTIES};
