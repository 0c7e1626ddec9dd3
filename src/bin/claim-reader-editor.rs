//! The editor page's entry (`editor.html`, built by `Trunk.editor.toml` into `dist/editor/`): a
//! bundle of its own, so that readers of an article never download the editor.

#[cfg(target_arch = "wasm32")]
fn main() {
    claim_reader::editor::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("claim-reader-editor runs in the browser: use ./scripts/serve and open /editor/");
}
