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
use crate::input::{Key, Name, Op, Val};
use crate::model::{self, Instance};

// Paths spelled out: `ffi/tests/fuzz_corpus.rs` includes this file with `#[path]`, which would
// otherwise look for these modules next to it rather than under `harness/`.
#[path = "harness/cursor.rs"]
mod cursor;
#[path = "harness/lifecycle.rs"]
mod lifecycle;

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

    pub(crate) fn run(&mut self, op: &Op) {
        match op {
            Op::OpenTree { slot, name } => self.open_tree(*slot, name),
            Op::DestroyTree { slot } => {
                let i = usize::from(*slot) % TREE_SLOTS;
                let mut ptr = self.trees[i].map_or(null_mut(), |t| t.0);
                // SAFETY: null or a live handle from this harness; the slot is emptied below.
                let status = unsafe { ferry_tree_destroy(&mut ptr) };
                assert_eq!(self.status("tree_destroy", status), FerryStatus::Ok);
                assert!(ptr.is_null(), "destroy nulls the caller's pointer");
                // SAFETY: destroying through the nulled slot is a documented no-op.
                assert_eq!(unsafe { ferry_tree_destroy(&mut ptr) }, FerryStatus::Ok);
                self.trees[i] = None;
            }
            Op::Insert { slot, key, value } => {
                let (tree, instance) = self.tree(*slot);
                let (key, value) = (key.bytes(), value.bytes());
                // SAFETY: null or a live handle; the slices borrow live buffers.
                let status = unsafe { ferry_tree_insert(tree, s(&key), s(&value)) };
                let status = self.status("tree_insert", status);
                let Some(instance) = instance else {
                    return assert_eq!(status, FerryStatus::Null);
                };
                let want = model::check_key(&key).and_then(|()| model::check_value(&value));
                if self.exact(instance) {
                    assert_eq!(status, want.err().unwrap_or(FerryStatus::Ok), "insert");
                }
                if status == FerryStatus::Ok {
                    self.instances[instance].entries.insert(key, value.to_vec());
                    self.changed(instance);
                }
            }
            Op::Get { slot, key, buffer } => self.get(*slot, key, usize::from(*buffer)),
            Op::Remove { slot, key } => {
                let (tree, instance) = self.tree(*slot);
                let key = key.bytes();
                // SAFETY: null or a live handle; a live key buffer.
                let status = unsafe { ferry_tree_remove(tree, s(&key)) };
                let status = self.status("tree_remove", status);
                let Some(instance) = instance else {
                    return assert_eq!(status, FerryStatus::Null);
                };
                if self.exact(instance) {
                    let want = match model::check_key(&key) {
                        Err(e) => e,
                        Ok(()) if self.instances[instance].entries.contains_key(&key) => {
                            FerryStatus::Ok
                        }
                        Ok(()) => FerryStatus::NotFound,
                    };
                    assert_eq!(status, want, "remove");
                }
                if status == FerryStatus::Ok {
                    self.instances[instance].entries.remove(&key);
                    self.changed(instance);
                }
            }
            Op::Cas {
                slot,
                key,
                expected,
                new,
            } => self.cas(*slot, key, expected, new),
            Op::Len { slot } => {
                let (tree, instance) = self.tree(*slot);
                if let Some(i) = instance {
                    if self.instances[i].dropped && !self.known_findings {
                        return; // known finding: never returns (ffi/tests/findings.rs)
                    }
                }
                let mut count = u64::MAX;
                // SAFETY: null or a live handle; a live out-parameter.
                let status = unsafe { ferry_tree_len(tree, &mut count) };
                let status = self.status("tree_len", status);
                match instance {
                    None => assert_eq!(status, FerryStatus::Null),
                    Some(i) if self.exact(i) => {
                        assert_eq!(status, FerryStatus::Ok, "{}", self.context());
                        assert_eq!(count, self.instances[i].entries.len() as u64, "len");
                    }
                    Some(_) => {}
                }
            }
            Op::BatchNew { batch } => {
                let i = usize::from(*batch) % BATCH_SLOTS;
                if self.batches[i].is_some() {
                    return;
                }
                let mut ptr = null_mut();
                // SAFETY: a live out-pointer.
                let status = unsafe { ferry_batch_new(&mut ptr) };
                assert_eq!(self.status("batch_new", status), FerryStatus::Ok);
                assert!(!ptr.is_null());
                self.batches[i] = Some((ptr, Vec::new()));
            }
            Op::BatchInsert { batch, key, value } => {
                let i = usize::from(*batch) % BATCH_SLOTS;
                let ptr = self.batches[i].as_ref().map_or(null_mut(), |b| b.0);
                let (key, value) = (key.bytes(), value.bytes());
                // SAFETY: null or a live batch used by this thread only; live slices.
                let status = unsafe { ferry_batch_insert(ptr, s(&key), s(&value)) };
                let status = self.status("batch_insert", status);
                let Some((_, writes)) = &mut self.batches[i] else {
                    return assert_eq!(status, FerryStatus::Null);
                };
                let want = model::check_key(&key).and_then(|()| model::check_value(&value));
                assert_eq!(
                    status,
                    want.err().unwrap_or(FerryStatus::Ok),
                    "batch insert"
                );
                if status == FerryStatus::Ok {
                    writes.push((key, Some(value.to_vec())));
                }
                self.check_batch_len(i);
            }
            Op::BatchRemove { batch, key } => {
                let i = usize::from(*batch) % BATCH_SLOTS;
                let ptr = self.batches[i].as_ref().map_or(null_mut(), |b| b.0);
                let key = key.bytes();
                // SAFETY: null or a live batch; a live key.
                let status = unsafe { ferry_batch_remove(ptr, s(&key)) };
                let status = self.status("batch_remove", status);
                let Some((_, writes)) = &mut self.batches[i] else {
                    return assert_eq!(status, FerryStatus::Null);
                };
                assert_eq!(
                    status,
                    model::check_key(&key).err().unwrap_or(FerryStatus::Ok)
                );
                if status == FerryStatus::Ok {
                    writes.push((key, None));
                }
                self.check_batch_len(i);
            }
            Op::BatchApply { batch, slot } => {
                let b = usize::from(*batch) % BATCH_SLOTS;
                let ptr = self.batches[b].as_ref().map_or(null_mut(), |b| b.0);
                let (tree, instance) = self.tree(*slot);
                // SAFETY: null or live handles; the batch is used by this thread only.
                let status = unsafe { ferry_tree_apply_batch(tree, ptr) };
                let status = self.status("tree_apply_batch", status);
                let (Some(instance), Some((_, writes))) = (instance, &mut self.batches[b]) else {
                    return assert_eq!(status, FerryStatus::Null);
                };
                // The batch is emptied whether or not the apply succeeds.
                let writes = std::mem::take(writes);
                if self.exact(instance) {
                    assert_eq!(status, FerryStatus::Ok, "apply batch: {}", self.context());
                }
                if status == FerryStatus::Ok {
                    let entries = &mut self.instances[instance].entries;
                    for (key, value) in writes {
                        match value {
                            Some(v) => entries.insert(key, v),
                            None => entries.remove(&key),
                        };
                    }
                    self.changed(instance);
                }
                self.check_batch_len(b);
            }
            Op::BatchDestroy { batch } => {
                let i = usize::from(*batch) % BATCH_SLOTS;
                let mut ptr = self.batches[i].take().map_or(null_mut(), |b| b.0);
                // SAFETY: null or a live batch; destroyed once, then through the null slot.
                unsafe {
                    assert_eq!(ferry_batch_destroy(&mut ptr), FerryStatus::Ok);
                    assert!(ptr.is_null());
                    assert_eq!(ferry_batch_destroy(&mut ptr), FerryStatus::Ok);
                }
            }
            Op::ViewGet { view, slot, key } => self.view_get(*view, *slot, key),
            Op::ViewCheck { view } => {
                let i = usize::from(*view) % VIEW_SLOTS;
                let ptr = self.views[i].as_ref().map_or(null(), |v| v.0);
                let mut bytes = FerryBytes {
                    data: null(),
                    len: u64::MAX,
                };
                // SAFETY: null or a live view; a live out-parameter.
                let status = unsafe { ferry_view_bytes(ptr, &mut bytes) };
                let status = self.status("view_bytes", status);
                match &self.views[i] {
                    None => assert_eq!(status, FerryStatus::Null),
                    Some((_, want)) => {
                        assert_eq!(status, FerryStatus::Ok, "{}", self.context());
                        assert_eq!(bytes.len, want.len() as u64);
                        if bytes.len > 0 {
                            // SAFETY: the view is live: its bytes are valid for `len`.
                            let seen =
                                unsafe { std::slice::from_raw_parts(bytes.data, want.len()) };
                            assert_eq!(seen, want.as_slice(), "a view's bytes changed");
                        }
                    }
                }
            }
            Op::ViewDestroy { view } => {
                let i = usize::from(*view) % VIEW_SLOTS;
                let mut ptr = self.views[i].take().map_or(null_mut(), |v| v.0);
                // SAFETY: null or a live view; destroyed once, then through the null slot.
                unsafe {
                    assert_eq!(ferry_view_destroy(&mut ptr), FerryStatus::Ok);
                    assert!(ptr.is_null());
                    assert_eq!(ferry_view_destroy(&mut ptr), FerryStatus::Ok);
                }
            }
            Op::CursorOpen {
                cursor,
                slot,
                start,
                end,
                reverse,
                limit,
            } => {
                let (sk, skind) = start.raw();
                let (ek, ekind) = end.raw();
                let bounds = start.model().and_then(|s| end.model().map(|e| (s, e)));
                self.cursor_open(
                    *cursor,
                    *slot,
                    bounds,
                    *reverse,
                    *limit,
                    |out, tree, limit| {
                        // SAFETY: a live out-pointer, null or a live tree, live slices.
                        unsafe {
                            ferry_cursor_open(
                                out,
                                tree,
                                s(&sk),
                                skind,
                                s(&ek),
                                ekind,
                                u8::from(*reverse),
                                limit,
                            )
                        }
                    },
                );
            }
            Op::CursorPrefix {
                cursor,
                slot,
                prefix,
                reverse,
                limit,
            } => {
                let prefix = prefix.bytes();
                let bounds = Ok(model::prefix_bounds(&prefix));
                self.cursor_open(
                    *cursor,
                    *slot,
                    bounds,
                    *reverse,
                    *limit,
                    |out, tree, limit| {
                        // SAFETY: a live out-pointer, null or a live tree, a live slice.
                        unsafe {
                            ferry_cursor_open_prefix(
                                out,
                                tree,
                                s(&prefix),
                                u8::from(*reverse),
                                limit,
                            )
                        }
                    },
                );
            }
            Op::CursorNext { cursor, buffer } => self.cursor_next(*cursor, usize::from(*buffer)),
            Op::CursorDestroy { cursor } => {
                let i = usize::from(*cursor) % CURSOR_SLOTS;
                let mut ptr = self.cursors[i].take().map_or(null_mut(), |c| c.ptr);
                // SAFETY: null or a live cursor; destroyed once, then through the null slot.
                unsafe {
                    assert_eq!(ferry_cursor_destroy(&mut ptr), FerryStatus::Ok);
                    assert!(ptr.is_null());
                    assert_eq!(ferry_cursor_destroy(&mut ptr), FerryStatus::Ok);
                }
            }
            Op::Flush => {
                // SAFETY: null or a live store.
                let status = unsafe { ferry_store_flush(self.store) };
                let status = self.status("store_flush", status);
                if self.store.is_null() {
                    assert_eq!(status, FerryStatus::Null);
                } else if self.strict() {
                    assert_eq!(status, FerryStatus::Ok, "flush: {}", self.context());
                }
            }
            Op::Stats => {
                let mut stats = FerryStats::default();
                // SAFETY: null or a live store; a live out-parameter.
                let status = unsafe { ferry_store_stats(self.store, &mut stats) };
                let status = self.status("store_stats", status);
                if self.store.is_null() {
                    return assert_eq!(status, FerryStatus::Null);
                }
                if self.strict() {
                    assert_eq!(status, FerryStatus::Ok, "{}", self.context());
                    let entries: usize = self
                        .by_name
                        .values()
                        .map(|&i| self.instances[i].entries.len())
                        .sum();
                    assert_eq!(stats.entries, entries as u64, "stats.entries");
                    assert_eq!(stats.trees, self.by_name.len() as u64, "stats.trees");
                }
            }
            Op::DropTree { name } => self.drop_tree(name),
            Op::Reopen => self.reopen(),
            Op::Nulls { which } => self.nulls(*which),
            Op::BadPath { bytes } => {
                let mut path = self.dir.as_bytes().to_vec();
                path.extend_from_slice(b"/\xff");
                path.extend(bytes.iter().copied().filter(|&b| b != 0));
                let path = CString::new(path).expect("NULs were filtered out");
                let mut out = null_mut();
                // SAFETY: a live out-pointer and a NUL-terminated path.
                let status = unsafe {
                    ferry_store_open(&mut out, AsciiPointer::from_cstr(&path), &options())
                };
                assert_eq!(
                    self.status("store_open", status),
                    FerryStatus::InvalidArgument,
                    "a path that is not UTF-8"
                );
                assert!(out.is_null());
            }
            Op::LastError { buffer } => {
                let mut buf = vec![0xEEu8; usize::from(*buffer)];
                let mut len = u64::MAX;
                // SAFETY: a live buffer and out-parameter.
                let status =
                    unsafe { ferry_last_error(FFISliceMut::from_slice(&mut buf), &mut len) };
                assert_eq!(
                    status, self.last_failure,
                    "ferry_last_error reports the last failure"
                );
                if let Some(room) = buf.len().checked_sub(1) {
                    let n = room.min(len as usize);
                    assert_eq!(buf[n], 0, "the message is NUL-terminated");
                    assert!(std::str::from_utf8(&buf[..n]).is_ok() || n < len as usize);
                }
            }
            Op::IoFault { nth } => {
                let plan = faults::Plan {
                    action: faults::Action::Eio,
                    site: faults::Site::Io,
                    nth: u64::from(nth % 8) + 1,
                };
                // An earlier plan may have fired on one of sled's own threads (it writes full
                // log buffers there) since the last call returned; arming again forgets that,
                // so take note. Missing it made the store's later I/O errors look like bugs.
                if faults::arm(plan) {
                    self.degraded = true;
                }
            }
        }
    }

    fn open_tree(&mut self, slot: u8, name: &Name) {
        let i = usize::from(slot) % TREE_SLOTS;
        if self.trees[i].is_some() {
            return;
        }
        let bytes = name.bytes();
        let c = CString::new(bytes.clone()).expect("cut at the first NUL");
        let mut ptr = null_mut::<FerryTree>();
        // SAFETY: a live out-pointer, null or a live store, a NUL-terminated name.
        let status = unsafe { ferry_tree_open(&mut ptr, self.store, AsciiPointer::from_cstr(&c)) };
        let status = self.status("tree_open", status);
        if self.store.is_null() {
            assert_eq!(status, FerryStatus::Null);
            return assert!(ptr.is_null());
        }
        let want = model::check_tree_name(&bytes);
        if self.strict() {
            assert_eq!(
                status,
                want.as_ref().err().copied().unwrap_or(FerryStatus::Ok),
                "tree_open"
            );
        }
        if status != FerryStatus::Ok {
            return assert!(ptr.is_null(), "a failed open leaves the handle null");
        }
        let instance = match want
            .ok()
            .and_then(|n| self.by_name.get(&n).copied().map(Ok).or(Some(Err(n))))
        {
            Some(Ok(instance)) => instance,
            Some(Err(name)) => {
                self.instances.push(Instance::default());
                let instance = self.instances.len() - 1;
                self.by_name.insert(name, instance);
                instance
            }
            // Degraded and opened anyway: track it without a model.
            None => {
                self.instances.push(Instance {
                    dropped: true,
                    ..Instance::default()
                });
                self.instances.len() - 1
            }
        };
        self.trees[i] = Some((ptr, instance));
    }

    fn get(&mut self, slot: u8, key: &Key, buffer: usize) {
        let (tree, instance) = self.tree(slot);
        let key = key.bytes();
        let mut buf = vec![0xAAu8; buffer];
        let mut len = u64::MAX;
        // SAFETY: null or a live handle; a live key, buffer and out-parameter.
        let status =
            unsafe { ferry_tree_get(tree, s(&key), FFISliceMut::from_slice(&mut buf), &mut len) };
        let status = self.status("tree_get", status);
        let Some(instance) = instance else {
            return assert_eq!(status, FerryStatus::Null);
        };
        if !self.exact(instance) {
            return;
        }
        if let Err(e) = model::check_key(&key) {
            return assert_eq!(status, e);
        }
        match self.instances[instance].entries.get(&key) {
            None => assert_eq!(status, FerryStatus::NotFound),
            Some(value) if value.len() <= buffer => {
                assert_eq!(status, FerryStatus::Ok, "{}", self.context());
                assert_eq!(len, value.len() as u64);
                assert_eq!(&buf[..value.len()], value.as_slice());
                assert!(
                    buf[value.len()..].iter().all(|&b| b == 0xAA),
                    "get wrote past the value"
                );
            }
            Some(value) => {
                assert_eq!(status, FerryStatus::BufferTooSmall);
                assert_eq!(len, value.len() as u64, "the size needed");
                assert!(
                    buf.iter().all(|&b| b == 0xAA),
                    "BUFFER_TOO_SMALL copied something"
                );
            }
        }
    }

    fn cas(&mut self, slot: u8, key: &Key, expected: &Option<Val>, new: &Option<Val>) {
        let (tree, instance) = self.tree(slot);
        let key = key.bytes();
        let expected = expected.as_ref().map(Val::bytes);
        let new = new.as_ref().map(Val::bytes);
        let (e, has_e) = expected.as_deref().map_or((&[][..], 0), |e| (e, 1));
        let (n, has_n) = new.as_deref().map_or((&[][..], 0), |n| (n, 1));
        // SAFETY: null or a live handle; live slices.
        let status =
            unsafe { ferry_tree_compare_and_swap(tree, s(&key), s(e), has_e, s(n), has_n) };
        let status = self.status("tree_compare_and_swap", status);
        let Some(instance) = instance else {
            return assert_eq!(status, FerryStatus::Null);
        };
        if self.exact(instance) {
            let current = self.instances[instance]
                .entries
                .get(&key)
                .map(Vec::as_slice);
            let want = match model::check_key(&key)
                .and_then(|()| new.as_deref().map_or(Ok(()), model::check_value))
            {
                Err(e) => e,
                Ok(()) if current == expected.as_deref() => FerryStatus::Ok,
                Ok(()) => FerryStatus::CasMismatch,
            };
            assert_eq!(status, want, "compare_and_swap");
        }
        if status == FerryStatus::Ok {
            let entries = &mut self.instances[instance].entries;
            match new {
                Some(v) => entries.insert(key, v.to_vec()),
                None => entries.remove(&key),
            };
            self.changed(instance);
        }
    }

    fn check_batch_len(&mut self, i: usize) {
        let Some((ptr, writes)) = &self.batches[i] else {
            return;
        };
        let mut count = u64::MAX;
        // SAFETY: a live batch and out-parameter.
        let status = unsafe { ferry_batch_len(*ptr, &mut count) };
        assert_eq!(status, FerryStatus::Ok, "{}", self.context());
        assert_eq!(count, writes.len() as u64, "batch_len");
    }

    fn view_get(&mut self, view: u8, slot: u8, key: &Key) {
        let i = usize::from(view) % VIEW_SLOTS;
        if self.views[i].is_some() {
            return;
        }
        let (tree, instance) = self.tree(slot);
        let key = key.bytes();
        let mut ptr = null_mut();
        // SAFETY: a live out-pointer, null or a live tree, a live key.
        let status = unsafe { ferry_view_get(&mut ptr, tree, s(&key)) };
        let status = self.status("view_get", status);
        let Some(instance) = instance else {
            assert_eq!(status, FerryStatus::Null);
            return assert!(ptr.is_null());
        };
        let want = model::check_key(&key).and_then(|()| {
            self.instances[instance]
                .entries
                .get(&key)
                .cloned()
                .ok_or(FerryStatus::NotFound)
        });
        if self.exact(instance) {
            assert_eq!(
                status,
                want.as_ref().err().copied().unwrap_or(FerryStatus::Ok),
                "view_get"
            );
        }
        if status != FerryStatus::Ok {
            return assert!(ptr.is_null());
        }
        match want {
            Ok(value) if self.exact(instance) => self.views[i] = Some((ptr, value)),
            _ => {
                // Nothing to compare it with: let it go.
                // SAFETY: a handle just made by ferry_view_get.
                unsafe { ferry_view_destroy(&mut ptr) };
            }
        }
    }

    fn drop_tree(&mut self, name: &Name) {
        let bytes = name.bytes();
        let c = CString::new(bytes.clone()).expect("cut at the first NUL");
        // SAFETY: null or a live store; a NUL-terminated name.
        let status = unsafe { ferry_store_drop_tree(self.store, AsciiPointer::from_cstr(&c)) };
        let status = self.status("store_drop_tree", status);
        if self.store.is_null() {
            return assert_eq!(status, FerryStatus::Null);
        }
        let want = match model::check_tree_name(&bytes) {
            Err(e) => Err(e),
            Ok(n) if n == "default" => Err(FerryStatus::InvalidTreeName),
            Ok(n) => self
                .by_name
                .get(&n)
                .map(|&i| (n, i))
                .ok_or(FerryStatus::NotFound),
        };
        if self.strict() {
            assert_eq!(
                status,
                want.as_ref().err().copied().unwrap_or(FerryStatus::Ok),
                "drop_tree"
            );
        }
        if let (FerryStatus::Ok, Ok((n, i))) = (status, want) {
            self.by_name.remove(&n);
            self.instances[i].dropped = true;
        }
    }
}
