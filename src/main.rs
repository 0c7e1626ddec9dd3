//! The trunk entry. On the seed page (`index.html`) it shows the seed article; on pages that
//! embed the reader, the loader (`static/claim-reader.js`) calls the exported API instead.

#[cfg(target_arch = "wasm32")]
fn main() {
    claim_reader::embed::mount_seed_page();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("claim-reader-web runs in the browser: use ./scripts/serve");
}
