//! Fingerprints the source the reader's markup is made from, as `CLAIM_READER_MARKUP`: the
//! reader rendered ahead (`claim-reader render`) carries it, and the browser's build hydrates a
//! reader only when it carries its own. Yew stops with a panic on markup it did not render
//! itself, which on a page stops every reader; one rendered by another build is rendered afresh.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let mut paths = Vec::new();
    files(Path::new("src"), &mut paths);
    paths.push(PathBuf::from("Cargo.lock"));
    paths.sort();
    // The standard library's hasher, with its fixed keys: the same toolchain gives the same value
    // to the command and to the browser's build of one tree, which is all that is compared.
    let mut hasher = DefaultHasher::new();
    for path in &paths {
        hasher.write(path.to_string_lossy().as_bytes());
        hasher.write(&fs::read(path).unwrap_or_default());
    }
    println!("cargo:rustc-env=CLAIM_READER_MARKUP={:016x}", hasher.finish());
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=build.rs");
}
