//! Fuzzes Ferry's C ABI: random sequences of calls to the `extern "C"` functions of the
//! `ferry` library, as a C caller would make them, checked against a `BTreeMap` model
//! (`testkit/fuzz/model.rs`).
//!
//! Covered: trees (open, destroy, then destroy through the nulled slot), get into buffers
//! of every size (BUFFER_TOO_SMALL must report the size and leave the buffer alone), insert,
//! remove, compare-and-swap, len, batches, views (bytes unchanged while the tree changes),
//! cursors with bounds, prefixes, limits and buffers too small for the next entry, drop tree,
//! flush, stats, reopen, null handles and out-parameters (NULL), null
//! data with a length (NULL), names and paths that are not UTF-8 (via `AsciiPointer`), empty,
//! maximal and oversized keys and values, `ferry_last_error`, and I/O errors injected into the
//! store's writes by the fault layer shared with the crash test
//! (`testkit/faults.rs`); after one fires, results are no longer compared with the
//! model, but nothing may panic or hang. No call may return `FERRY_STATUS_BUSY` either: the
//! target calls from one thread, so a BUSY would mean that a call (a failed one, say) left a
//! batch or cursor marked in use (two threads sharing one: `ffi/tests/concurrency.rs`).
//!
//! Stores live under `FERRY_FUZZ_DIR` (default `/dev/shm`, else the temporary directory). One
//! store serves input after input: each input starts from an empty store (every tree dropped,
//! the default tree emptied), which is ten times faster than opening a new one; an input after
//! which the store cannot be trusted (an injected I/O error fired) leaves it to be deleted and
//! the next input opens a fresh one.
//!
//! Not covered: a second open of an open store (`FERRY_STATUS_LOCKED`): `Store::open` now
//! retries a held lock for a second, which would make each such input take that long
//! (`ffi/tests/abi.rs` covers it).
//!
//! Findings (see `ffi/tests/findings.rs`): `ferry_tree_len` on a handle of a dropped tree never
//! returned: fixed, and exercised again (`FERRY_FUZZ_AVOID_FIXED=1` steers around it). An I/O
//! error in the fsync sled makes when a store closes panics inside sled: ferry-core now
//! contains that panic, but libFuzzer's panic hook aborts on any panic, caught or not, so no
//! fault is armed while handles close (`regression input panic-sled-close-fsync-eio` replays
//! without reaching it). sled leaked the error it records after an I/O error, and a flush
//! could wait forever for a log write that failed on sled's thread pool: both fixed in the
//! patched sled Ferry builds (`vendor/README.md`). sled writes on its own threads, so a fault
//! can fire after the call that caused the write returned: the harness notices it when it
//! re-arms (`faults::arm`) and when an input ends (`finish`).
//!
//! `make test` replays the committed inputs (`fuzz/corpus/ffi_ops/`, `fuzz/artifacts/ffi_ops/`)
//! through this harness without cargo-fuzz: `ffi/tests/fuzz_corpus.rs`.
#![no_main]

// The harness and the fault layer live in the test kit (`testkit/README.md`), shared with the
// corpus replay of `make test` (`ffi/tests/fuzz_corpus.rs`).
#[path = "../../testkit/faults.rs"]
mod faults;
#[path = "../../testkit/fuzz/harness.rs"]
mod harness;
#[path = "../../testkit/fuzz/input.rs"]
mod input;
#[path = "../../testkit/fuzz/model.rs"]
mod model;

use libfuzzer_sys::fuzz_target;

use harness::Harness;
use input::Op;

fuzz_target!(|ops: Vec<Op>| {
    let mut harness = Harness::new();
    for op in ops.iter().take(200) {
        harness.run(op);
    }
    harness.finish();
});
