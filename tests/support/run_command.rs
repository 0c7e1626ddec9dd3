// Included (`include!`) by the tests that run the command with something on standard input:
// tests/w3c.rs, tests/csv_import.rs and tests/render.rs. Not a test of its own (files in subfolders of tests/ are
// not).

/// Runs `claim-reader` with `args` from the repository's root, `stdin` on its standard input.
fn run(args: &[&str], stdin: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_claim-reader"))
        .current_dir(root)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command runs");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("written");
    child.wait_with_output().expect("the command ends")
}
