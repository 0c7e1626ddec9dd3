# Shared environment for the project scripts. Source it; do not run it.
# Sets ROOT (repository root), puts project-local and cargo tools on PATH,
# and defines small logging helpers.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export ROOT

# Project-local tools (wasm-opt from npm `binaryen`; terser, esbuild) and cargo-installed tools.
export PATH="$ROOT/.tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Trunk must never try to download a tool; everything it needs is installed by scripts/setup.
export TRUNK_OFFLINE=true

# Versions pinned by the project.
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"
# The release bundle's minifiers (scripts/minify): terser for js, esbuild for css; esbuild also
# bundles Recogito's text annotator for tests/e2e/recogito.test.mjs.
TERSER_VERSION="5.51.4"
ESBUILD_VERSION="0.28.2"

log() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The exact version of the `wasm-bindgen` package recorded in Cargo.lock.
wasm_bindgen_lock_version() {
  awk '
    /^\[\[package\]\]/ { in_wb = 0 }
    /^name = "wasm-bindgen"$/ { in_wb = 1; next }
    in_wb && /^version = / { gsub(/"/, "", $3); print $3; exit }
  ' "$ROOT/Cargo.lock"
}
