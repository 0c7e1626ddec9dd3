//! claim-reader: shows who wants what in a news article.
//!
//! Data flows one way: JSON → [`model`] (decode, validate) → [`anchor`] → [`segment`] →
//! [`stance`] → [`reader::Reader`] → the Yew view. Everything before the view is plain Rust,
//! tested natively and shared with the `claim-reader check` command.

pub mod anchor;
pub mod claim_link;
/// The editor page's code: natively for its tests, in the browser only in the editor's bundle.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod editor;
/// The other formats: in the command, and (CSV and Markdown) in the editor's bundle.
#[cfg(any(feature = "editor", not(target_arch = "wasm32")))]
pub mod export;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod oembed;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod reader;
pub mod segment;
pub mod stance;
pub mod view_state;

pub mod components;
pub mod embed;

/// The format tag a claims file carries in its `format` field.
pub const FORMAT: &str = "claim-reader/1";

/// The fingerprint of the source the reader's markup is made from (`build.rs`): a reader rendered
/// ahead carries it (`data-build`), and the browser's build hydrates only a reader with its own.
pub const MARKUP_BUILD: &str = env!("CLAIM_READER_MARKUP");

/// The seed article's claims, for the native tests and the command; the seed page carries them
/// as a JSON island (see `scripts/post-build`), so no embedding downloads them.
#[cfg(any(test, not(target_arch = "wasm32")))]
pub const SEED_JSON: &str = include_str!("../static/seed.json");

/// The wasm heap: talc, smaller and faster than Rust's default dlmalloc in this bundle.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
