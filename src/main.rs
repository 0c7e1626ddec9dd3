//! The trunk entry: the seed article, on its own page.

#[cfg(target_arch = "wasm32")]
fn main() {
    claim_reader::embed::mount_seed();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("claim-reader-web runs in the browser: use ./scripts/serve");
}
