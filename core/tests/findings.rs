//! Regression tests for findings of the crash test's fault layer, one per finding, named after
//! it. A test whose fix has not landed yet is `#[ignore]`d with the finding in the reason (run
//! those with `cargo test -p ferry-core --test findings -- --ignored`); its `#[ignore]` goes
//! with the fix.

#[path = "support/faults.rs"]
mod faults;

use ferry_core::{Options, Store};

/// The calls to fsync(2) and fdatasync(2) so far.
fn syncs() -> u64 {
    faults::calls_to("fsync") + faults::calls_to("fdatasync")
}

/// Finding (fault layer's call counters): `Store::flush` never calls fsync(2) or
/// fdatasync(2). sled 0.34.7's `Db::flush` writes its log with `pwrite64` and makes it stable
/// with `sync_file_range(WAIT_BEFORE | WRITE | WAIT_AFTER)`, which persists neither the
/// file's metadata (the log grows, so its new length and blocks are metadata) nor the disk's
/// write cache; values stored as blob files are written with `write_all` and never synced.
/// Only sled's periodic flusher calls fsync, and it only logs a failure. So `flush` returning
/// `Ok` does not make writes durable against power loss or an OS crash, as `Store::flush`
/// and `ferry_store_flush` ("written and fsync'd") promise. A killed process loses nothing
/// (the crash soak agrees): the page cache survives it.
///
/// Fixed by c7da021 ("Make Store::flush durable"): `Store::flush` now fdatasyncs the log and
/// the blob files sled left unsynced (`core/src/durability.rs`). This test failed before it.
#[test]
fn finding_flush_does_not_fsync() {
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        flush_every_ms: None, // no background flusher: every sync below is flush's
        ..Options::default()
    };
    let store = Store::open(dir.path(), options).unwrap();
    for (i, len) in [10usize, 3000, 1 << 20].into_iter().enumerate() {
        store
            .default_tree()
            .insert(format!("k{i}"), vec![7u8; len])
            .unwrap();
        let before = syncs();
        store.flush().unwrap();
        assert!(
            syncs() > before,
            "Store::flush after a {len}-byte value returned Ok without fsync or fdatasync"
        );
    }
}
