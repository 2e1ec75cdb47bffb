//! The harness: the store, the handles in their slots, the model, and what each [`Op`] calls
//! and checks.

use std::collections::BTreeMap;
use std::ffi::CString;
use std::path::PathBuf;
use std::ptr::{null, null_mut};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use ferry::*;
use interoptopus::patterns::slice::{FFISlice, FFISliceMut};
use interoptopus::patterns::string::AsciiPointer;

use crate::faults;
use crate::input::Op;
use crate::model::Instance;

// One module per handle, each with the calls on it. Paths spelled out: the including binaries
// name this file with `#[path]`, and Rust would otherwise look for these modules next to them.
#[path = "harness/batch.rs"]
mod batch;
#[path = "harness/cursor.rs"]
mod cursor;
#[path = "harness/lifecycle.rs"]
mod lifecycle;
#[path = "harness/store.rs"]
mod store;
#[path = "harness/tree.rs"]
mod tree;
#[path = "harness/view.rs"]
mod view;

use cursor::CursorModel;
#[allow(unused_imports)] // Used by the corpus replay only.
pub(crate) use lifecycle::close_pooled_store;
use lifecycle::{Pooled, POOL};

/// A batch's writes as the model records them (`None`: a remove).
type BatchWrites = Vec<(Vec<u8>, Option<Vec<u8>>)>;

const TREE_SLOTS: usize = 4;
const BATCH_SLOTS: usize = 2;
const VIEW_SLOTS: usize = 2;
const CURSOR_SLOTS: usize = 2;

/// Everything one input works on: the store, handles in slots, and the model.
pub(crate) struct Harness {
    dir: CString,
    store: *mut FerryStore,
    instances: Vec<Instance>,
    by_name: BTreeMap<String, usize>,
    trees: [Option<(*mut FerryTree, usize)>; TREE_SLOTS],
    batches: [Option<(*mut FerryBatch, BatchWrites)>; BATCH_SLOTS],
    views: [Option<(*mut FerryView, Vec<u8>)>; VIEW_SLOTS],
    cursors: [Option<CursorModel>; CURSOR_SLOTS],
    /// The status of the most recent call that did not return OK.
    last_failure: FerryStatus,
    /// How many inputs used this store before this one (it is pooled between inputs).
    store_age: u64,
    /// An injected I/O error fired: the store is no longer compared with the model.
    degraded: bool,
    known_findings: bool,
}

fn s(bytes: &[u8]) -> FFISlice<'_, u8> {
    FFISlice::from_slice(bytes)
}

/// A slice with a null data pointer and a non-zero length (C's `{ NULL, 5 }`).
fn null_data() -> FFISlice<'static, u8> {
    #[repr(C)]
    struct Raw(*const u8, u64);
    // SAFETY: FFISlice<u8> is #[repr(C)] { *const u8, u64 } in interoptopus 0.14 (ferry-ffi
    // asserts the same layout in args.rs); Ferry rejects it before reading.
    unsafe { std::mem::transmute(Raw(null(), 5)) }
}

/// The calling thread's last error message (`ferry_last_error`), which the call leaves as is.
fn last_error_message() -> String {
    let mut buf = vec![0u8; 512];
    let mut len = 0u64;
    // SAFETY: a live buffer and out-parameter.
    unsafe { ferry_last_error(FFISliceMut::from_slice(&mut buf), &mut len) };
    buf.truncate((len as usize).min(buf.len() - 1));
    String::from_utf8_lossy(&buf).into_owned()
}

/// Destroys a handle taken out of its slot (or null), then again through the pointer the first
/// call nulled: both calls must return OK.
fn destroy_twice<T>(mut ptr: *mut T, destroy: unsafe extern "C" fn(*mut *mut T) -> FerryStatus) {
    // SAFETY: `ptr` is null or a live handle that has left its slot, so it is destroyed once;
    // the second call goes through the pointer the first one nulled, a documented no-op.
    unsafe {
        assert_eq!(destroy(&mut ptr), FerryStatus::Ok);
        assert!(ptr.is_null());
        assert_eq!(destroy(&mut ptr), FerryStatus::Ok);
    }
}

fn store_dir() -> CString {
    static BASE: OnceLock<PathBuf> = OnceLock::new();
    static N: AtomicU64 = AtomicU64::new(0);
    let base = BASE.get_or_init(|| {
        let root = std::env::var_os("FERRY_FUZZ_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                let shm = PathBuf::from("/dev/shm");
                if shm.is_dir() {
                    shm
                } else {
                    std::env::temp_dir()
                }
            });
        root.join(format!("ferry-fuzz-{}", std::process::id()))
    });
    let dir = base.join(N.fetch_add(1, Ordering::Relaxed).to_string());
    let _ = std::fs::remove_dir_all(&dir);
    CString::new(dir.to_str().expect("UTF-8 temp path")).expect("no NUL in the path")
}

fn options() -> FerryOptions {
    FerryOptions {
        cache_capacity: 1 << 20,
        // No background flusher: the only I/O is the harness's own, so runs are repeatable.
        flush_every_ms: 0,
        temporary: 0,
    }
}

impl Harness {
    pub(crate) fn new() -> Harness {
        faults::reset();
        let pooled = POOL.lock().unwrap_or_else(|e| e.into_inner()).take();
        let (dir, store, store_age) = match pooled {
            Some(Pooled(dir, store, age)) => (dir, store, age),
            None => {
                let dir = store_dir();
                let mut store = null_mut();
                // SAFETY: a live out-pointer, a NUL-terminated path and live options.
                let status = unsafe {
                    ferry_store_open(&mut store, AsciiPointer::from_cstr(&dir), &options())
                };
                assert_eq!(
                    status,
                    FerryStatus::Ok,
                    "opening a fresh store: {}",
                    last_error_message()
                );
                (dir, store, 0)
            }
        };
        let mut instances = Vec::new();
        let mut by_name = BTreeMap::new();
        instances.push(Instance::default());
        by_name.insert("default".to_string(), 0);
        // The last error is per thread and outlives inputs: start from what it holds.
        // SAFETY: an empty buffer and a null length are allowed.
        let last_failure = unsafe { ferry_last_error(FFISliceMut::empty(), null_mut()) };
        Harness {
            dir,
            store,
            instances,
            by_name,
            trees: Default::default(),
            batches: Default::default(),
            views: Default::default(),
            cursors: Default::default(),
            last_failure,
            store_age,
            degraded: false,
            // Both findings it used to avoid are fixed; FERRY_FUZZ_AVOID_FIXED=1 avoids them again.
            known_findings: std::env::var_os("FERRY_FUZZ_AVOID_FIXED").is_none(),
        }
    }

    /// Records a call's status; no call may panic, whatever happened before, and none may be
    /// BUSY: one thread makes every call, so a BUSY would mean that a batch or cursor was left
    /// marked in use by an earlier call (one that failed, say).
    fn status(&mut self, what: &str, status: FerryStatus) -> FerryStatus {
        assert!(
            !matches!(status, FerryStatus::Panic | FerryStatus::Busy),
            "{what} returned {status:?}: {}",
            last_error_message()
        );
        if status != FerryStatus::Ok {
            self.last_failure = status;
        }
        if faults::fired() {
            self.degraded = true;
        }
        status
    }

    /// What a failed check prints besides its own message: the last failure and the store.
    /// Successful calls leave the thread's last error in place, so its message is still the
    /// last failure's.
    fn context(&self) -> String {
        format!(
            "last failure {:?}: \"{}\"; store {:?}, used by {} inputs before this one",
            self.last_failure,
            last_error_message(),
            self.dir,
            self.store_age
        )
    }

    /// Whether results are still compared with the model.
    fn strict(&self) -> bool {
        !self.degraded
    }

    /// Whether handles on `instance` are compared with the model.
    fn exact(&self, instance: usize) -> bool {
        self.strict() && !self.instances[instance].dropped
    }

    fn tree(&self, slot: u8) -> (*const FerryTree, Option<usize>) {
        match self.trees[usize::from(slot) % TREE_SLOTS] {
            Some((ptr, instance)) => (ptr, Some(instance)),
            None => (null(), None),
        }
    }

    fn changed(&mut self, instance: usize) {
        self.instances[instance].version += 1;
    }

    /// Makes the calls `op` stands for and checks their results; each handle's calls live in
    /// the module named after it.
    pub(crate) fn run(&mut self, op: &Op) {
        match op {
            Op::OpenTree { slot, name } => self.open_tree(*slot, name),
            Op::DestroyTree { slot } => self.destroy_tree(*slot),
            Op::Insert { slot, key, value } => self.insert(*slot, key, value),
            Op::Get { slot, key, buffer } => self.get(*slot, key, usize::from(*buffer)),
            Op::Remove { slot, key } => self.remove(*slot, key),
            Op::Cas {
                slot,
                key,
                expected,
                new,
            } => self.cas(*slot, key, expected, new),
            Op::Len { slot } => self.len(*slot),
            Op::BatchNew { batch } => self.batch_new(*batch),
            Op::BatchInsert { batch, key, value } => self.batch_insert(*batch, key, value),
            Op::BatchRemove { batch, key } => self.batch_remove(*batch, key),
            Op::BatchApply { batch, slot } => self.batch_apply(*batch, *slot),
            Op::BatchDestroy { batch } => self.batch_destroy(*batch),
            Op::ViewGet { view, slot, key } => self.view_get(*view, *slot, key),
            Op::ViewCheck { view } => self.view_check(*view),
            Op::ViewDestroy { view } => self.view_destroy(*view),
            Op::CursorOpen {
                cursor,
                slot,
                start,
                end,
                reverse,
                limit,
            } => self.cursor_range(*cursor, *slot, start, end, *reverse, *limit),
            Op::CursorPrefix {
                cursor,
                slot,
                prefix,
                reverse,
                limit,
            } => self.cursor_prefix(*cursor, *slot, prefix, *reverse, *limit),
            Op::CursorNext { cursor, buffer } => self.cursor_next(*cursor, usize::from(*buffer)),
            Op::CursorDestroy { cursor } => self.cursor_destroy(*cursor),
            Op::Flush => self.flush(),
            Op::Stats => self.stats(),
            Op::DropTree { name } => self.drop_tree(name),
            Op::Reopen => self.reopen(),
            Op::Nulls { which } => self.nulls(*which),
            Op::BadPath { bytes } => self.bad_path(bytes),
            Op::LastError { buffer } => self.last_error(*buffer),
            Op::IoFault { nth } => self.io_fault(*nth),
        }
    }
}
