//! Replays the fuzzer's committed inputs — the seed corpus `fuzz/corpus/ffi_ops/` and the
//! regression inputs `fuzz/artifacts/ffi_ops/` — through the fuzz target's own harness and
//! `BTreeMap` model, compiled into this ordinary test binary (no cargo-fuzz, no sanitizer), so
//! `make test` checks them on every run.
//!
//! Each file is decoded exactly as `libfuzzer_sys::fuzz_target!` decodes it for
//! `|ops: Vec<Op>|` (the same `arbitrary` version, pinned in `ffi/Cargo.toml`), and run as
//! `fuzz/fuzz_targets/ffi_ops.rs` runs it. A model mismatch or a panicking call fails the test
//! with the input's name. Memory errors are what this replay cannot see: `make fuzz-replay`
//! replays the same files under AddressSanitizer and LeakSanitizer.

use std::path::{Path, PathBuf};

use arbitrary::{Arbitrary, Unstructured};

#[path = "../../testkit/faults.rs"]
mod faults;
#[path = "../../testkit/fuzz/harness.rs"]
mod harness;
#[path = "../../testkit/fuzz/input.rs"]
mod input;
#[path = "../../testkit/fuzz/model.rs"]
mod model;

use harness::Harness;
use input::Op;

/// The fuzz target's name: its corpus and artifact directories are named after it.
const TARGET: &str = "ffi_ops";
/// The fuzz target runs at most this many operations of an input.
const MAX_OPS: usize = 200;

/// The committed inputs of one directory, in name order.
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// Decodes one input as `fuzz_target!` does; `None` where the fuzzer would skip it.
fn decode(bytes: &[u8]) -> Option<Vec<Op>> {
    if bytes.len() < <Vec<Op> as Arbitrary>::size_hint(0).0 {
        return None;
    }
    Vec::<Op>::arbitrary_take_rest(Unstructured::new(bytes)).ok()
}

/// Names the input being replayed if the replay panics (a model mismatch or a failed call).
struct NamedOnPanic<'a>(&'a Path);

impl Drop for NamedOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("the failing input: {}", self.0.display());
        }
    }
}

/// Runs one input; returns how many operations it ran, or `None` for an input the fuzz
/// target would skip (it does not decode).
fn replay(path: &Path) -> Option<usize> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let ops = decode(&bytes)?;
    let _named = NamedOnPanic(path);
    run(&ops);
    Some(ops.len().min(MAX_OPS))
}

/// Runs one decoded input as the fuzz target does: at most [`MAX_OPS`] operations, then the
/// end-of-input checks and cleanup.
fn run(ops: &[Op]) {
    let mut harness = Harness::new();
    for op in ops.iter().take(MAX_OPS) {
        harness.run(op);
    }
    harness.finish();
}

/// The harness, its store pool and the fault plan are process-wide: one test at a time.
static HARNESS: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn harness_lock() -> std::sync::MutexGuard<'static, ()> {
    HARNESS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Points the harness at a directory of its own for its stores; the harness reads it once per
/// process, so every test uses the same one. Each test removes it when done (a static's
/// `TempDir` is never dropped); the next recreates what it needs (sled creates the path).
fn own_store_root() -> &'static Path {
    static ROOT: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();
    let root = ROOT.get_or_init(|| tempfile::tempdir().unwrap().keep());
    std::env::set_var("FERRY_FUZZ_DIR", root);
    root
}

#[test]
fn the_committed_fuzz_inputs_replay_without_a_finding() {
    let _harness = harness_lock();
    let stores = own_store_root();
    let fuzz_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz");
    let seeds = inputs(&fuzz_dir.join("corpus").join(TARGET));
    let regressions = inputs(&fuzz_dir.join("artifacts").join(TARGET));
    assert!(
        seeds.len() >= 300,
        "the seed corpus shrank to {} inputs",
        seeds.len()
    );
    assert!(
        regressions.len() >= 4,
        "regression inputs went missing: {regressions:?}"
    );

    let mut operations = 0;
    let mut skipped = Vec::new();
    for path in seeds.iter().chain(&regressions) {
        match replay(path) {
            Some(n) => operations += n,
            None => skipped.push(path.file_name().unwrap().to_owned()),
        }
    }
    harness::close_pooled_store();
    let _ = std::fs::remove_dir_all(stores);

    eprintln!(
        "replayed {} seeds and {} regression inputs: {operations} operations, no finding",
        seeds.len(),
        regressions.len()
    );
    // An input that does not decode tests nothing (the fuzzer skips it too).
    assert!(skipped.is_empty(), "inputs that do not decode: {skipped:?}");
    assert!(
        operations >= seeds.len(),
        "{operations} operations in all: too few to mean much"
    );
}

/// Finding (fuzzer, a 10 s timeout; inputs `fuzz/artifacts/ffi_ops/hang-flush-after-background-
/// eio` and `io-after-unnoticed-background-eio`, which hang only when run one after the other,
/// many times): `ferry_store_flush` never returns after an I/O error in a log write that sled
/// 0.34.7 makes on its own thread. The last writer to leave a sealed log buffer writes it from
/// `Log::exit_reservation` on sled's thread pool; when that write fails, sled records the
/// error but, unlike its other buffer writer, does not wake the threads waiting in
/// `make_stable`, so a flush already waiting for that buffer waits forever (gdb: stable LSN
/// 318, waiting for 342, the error recorded). A disk error during a flush from another thread
/// would hang the flushing thread the same way.
///
/// Fixed in the patched sled (`vendor/README.md`): that path now wakes the waiters, and the
/// flush returns the error. The hang depends on thread timing, so this test runs the pair
/// 3,000 times (about 7 s) and fails if a round takes over 30 s; with the fix reverted, runs
/// of it hung in round 73 of 1,500, or not at all (about half of the runs at 1,500 rounds).
#[test]
fn finding_flush_never_returns_after_a_failed_background_write() {
    let _harness = harness_lock();
    let stores = own_store_root();
    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/artifacts")
        .join(TARGET);
    let pair: Vec<Vec<Op>> = [
        "hang-flush-after-background-eio",
        "io-after-unnoticed-background-eio",
    ]
    .iter()
    .map(|name| {
        let bytes = std::fs::read(artifacts.join(name)).unwrap();
        decode(&bytes).unwrap_or_else(|| panic!("{name} does not decode"))
    })
    .collect();
    let (done, finished) = std::sync::mpsc::channel();
    let worker = std::thread::spawn(move || {
        for round in 0..3_000 {
            for ops in &pair {
                let _ = done.send(round);
                run(ops);
            }
        }
        harness::close_pooled_store();
        let _ = std::fs::remove_dir_all(stores);
        drop(done);
    });
    let mut last = 0;
    loop {
        match finished.recv_timeout(std::time::Duration::from_secs(30)) {
            Ok(round) => last = round,
            // Finished, or failed a check: join says which.
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                panic!("round {last} of the pair has not returned for 30 s: a flush hangs")
            }
        }
    }
    if let Err(panic) = worker.join() {
        std::panic::resume_unwind(panic);
    }
    eprintln!("the pair of inputs ran 3,000 times without a hang");
}
