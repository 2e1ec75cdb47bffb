//! Integration tests for `ferry-core`: one binary, one module per concern.

mod api;
mod corruption;
mod errors;
mod model;
mod threads;

use ferry_core::{Options, Store};

/// A store in a fresh temporary directory, with a small cache; the directory lives as long as
/// the returned guard.
pub fn temp_store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("create temp dir");
    let store = Store::open(dir.path(), small_options()).expect("open store");
    (dir, store)
}

/// Options for tests: a small cache, so many stores can be open at once.
pub fn small_options() -> Options {
    Options {
        cache_capacity: 4 << 20,
        ..Options::default()
    }
}
