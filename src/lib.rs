//! claim-reader: shows who wants what in a news article.
//!
//! Data flows one way: JSON → [`model`] (decode, validate) → [`anchor`] → [`segment`] →
//! [`stance`] → [`reader::Reader`] → the Yew view. Everything before the view is plain Rust,
//! tested natively and shared with the `claim-reader check` command.

pub mod anchor;
pub mod heap;
pub mod model;
pub mod reader;
pub mod segment;
pub mod stance;
pub mod view_state;
pub mod view_tree;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;

/// The format tag a claims file carries in its `format` field.
pub const FORMAT: &str = "claim-reader/1";

/// The seed article's claims, built into the bundle as the default data.
pub const SEED_JSON: &str = include_str!("../static/seed.json");
