//! The claims file: its types, how it is read from JSON, and how it is checked.

mod decode;
mod diagnostic;
pub mod json;
pub mod suggest;
mod types;
mod validate;

pub use decode::{decode_document, decode_value, empty_file, parse_json};
pub use diagnostic::{fill_line_cols, has_errors, Diagnostic, Severity};
pub use json::{Json, Value};
pub use types::*;
pub use validate::{check_size, continues_a_character, is_valid_id, is_web_url, validate, MAX_BYTES, MAX_CLAIMS, MAX_ISSUES, MAX_PARAGRAPHS, MAX_PARTIES};
