// Included (`include!`) by every proptest! block: tests/properties.rs, tests/w3c.rs,
// tests/write.rs and the properties in src/anchor/fold.rs and src/anchor/loose.rs. Not a test of its own (files in subfolders of tests/ are not).

/// proptest's settings for a property that runs `cases` cases in `cargo test`. `PROPTEST_CASES`
/// in the environment, when set, wins (`./scripts/soak` sets it to 1,000,000), and so do the
/// other `PROPTEST_*` variables proptest reads. The rejects allowed grow with the cases, so that
/// a property that discards a few per cent of its inputs can run a million of them.
#[allow(dead_code)]
fn proptest_config(cases: u32) -> proptest::test_runner::Config {
    // `default()` is proptest's defaults with the environment's PROPTEST_* applied.
    let env = proptest::test_runner::Config::default();
    let cases = if std::env::var_os("PROPTEST_CASES").is_some() { env.cases } else { cases };
    proptest::test_runner::Config {
        cases,
        max_local_rejects: env.max_local_rejects.max(cases),
        max_global_rejects: env.max_global_rejects.max(cases / 5),
        ..env
    }
}
