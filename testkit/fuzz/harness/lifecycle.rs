//! The store's life: pooling it between inputs, reopening it, calling functions with null
//! arguments, and cleaning up after an input.

use std::ffi::CString;
use std::ptr::{null, null_mut};

use ferry::*;
use interoptopus::patterns::slice::{FFISlice, FFISliceMut};
use interoptopus::patterns::string::AsciiPointer;

use super::{null_data, options, s, Harness};
use crate::{faults, model};

/// The store an input left empty for the next one: its directory, its handle, and how many
/// inputs have used it.
pub(super) struct Pooled(
    pub(super) CString,
    pub(super) *mut FerryStore,
    pub(super) u64,
);
// SAFETY: the handle is only used by the thread running the current input.
unsafe impl Send for Pooled {}
pub(super) static POOL: std::sync::Mutex<Option<Pooled>> = std::sync::Mutex::new(None);

/// A batch or cursor destroyed while cleaning up is not BUSY: one thread makes every call, so a
/// BUSY would mean an earlier call left it marked in use (and it would leak).
fn freed(what: &str, status: FerryStatus) {
    assert_ne!(status, FerryStatus::Busy, "destroying a {what}");
}

/// Closes the store the last input left for the next one and deletes its directory. The
/// fuzzer never needs it (the process ends); the corpus replay in `make test`
/// (`ffi/tests/fuzz_corpus.rs`) leaves nothing behind.
#[allow(dead_code)] // The fuzz target does not call it.
pub(crate) fn close_pooled_store() {
    let pooled = POOL.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some(Pooled(dir, mut store, _)) = pooled {
        // SAFETY: the pooled handle is live (no tree, cursor, batch or view of it is) and is
        // destroyed once: it left the pool above.
        let status = unsafe { ferry_store_destroy(&mut store) };
        assert_eq!(
            status,
            FerryStatus::Ok,
            "closing the pooled store: {}",
            super::last_error_message()
        );
        let _ = std::fs::remove_dir_all(dir.to_str().expect("UTF-8 path"));
    }
}

impl Harness {
    /// Flushes, closes every handle that keeps the store open, and opens it again: everything
    /// must still be there.
    pub(super) fn reopen(&mut self) {
        // SAFETY: null or a live store.
        let status = unsafe { ferry_store_flush(self.store) };
        self.status("store_flush", status);
        self.close_store_handles();
        let mut store = null_mut();
        // SAFETY: a live out-pointer, a NUL-terminated path, live options.
        let status =
            unsafe { ferry_store_open(&mut store, AsciiPointer::from_cstr(&self.dir), &options()) };
        let status = self.status("store_open", status);
        if self.strict() {
            assert_eq!(
                status,
                FerryStatus::Ok,
                "reopening the store: {}",
                self.context()
            );
        }
        self.store = store;
        // Dropped trees are gone for good; the others must hold what the model says.
        for i in 0..self.instances.len() {
            if !self.by_name.values().any(|&j| j == i) {
                self.instances[i].dropped = true;
            }
        }
        if !self.strict() || store.is_null() {
            return;
        }
        let names: Vec<(String, usize)> =
            self.by_name.iter().map(|(n, &i)| (n.clone(), i)).collect();
        for (name, instance) in names {
            let c = CString::new(name.clone()).expect("valid names hold no NUL");
            let mut tree = null_mut();
            // SAFETY: live out-pointer and store, a NUL-terminated name.
            unsafe {
                assert_eq!(
                    ferry_tree_open(&mut tree, store, AsciiPointer::from_cstr(&c)),
                    FerryStatus::Ok
                );
                let mut cursor = null_mut();
                assert_eq!(
                    ferry_cursor_open_prefix(&mut cursor, tree, s(b""), 0, FERRY_NO_LIMIT),
                    FerryStatus::Ok
                );
                let mut buf = vec![0u8; 1 << 20];
                let mut seen = Vec::new();
                loop {
                    let (mut count, mut used) = (0, 0);
                    let status = ferry_cursor_next(
                        cursor,
                        FFISliceMut::from_slice(&mut buf),
                        &mut count,
                        &mut used,
                    );
                    let status = self.status("cursor_next", status);
                    if status == FerryStatus::BufferTooSmall {
                        buf.resize(used as usize, 0);
                        continue;
                    }
                    assert_eq!(status, FerryStatus::Ok, "{}", self.context());
                    if count == 0 {
                        break;
                    }
                    seen.extend(
                        model::unpack(&buf[..used as usize], count).expect("whole entries"),
                    );
                }
                let want: Vec<_> = self.instances[instance]
                    .entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                assert!(seen == want, "tree {name:?} differs after a reopen");
                freed("cursor", ferry_cursor_destroy(&mut cursor));
                ferry_tree_destroy(&mut tree);
            }
        }
    }

    /// Destroys the store handle and everything that keeps the store open (trees, cursors).
    /// Views and batches do not, and stay.
    pub(super) fn close_store_handles(&mut self) {
        // sled panics inside its Drop when the closing fsync fails. ferry-core contains that
        // panic (core/src/owned.rs; ffi/tests/findings.rs tests it), but libFuzzer's panic hook
        // aborts on every panic, caught or not, so no fault stays armed across a close.
        faults::disarm();
        self.close_cursors_and_trees();
        // SAFETY: null or a live store, destroyed once (the pointer is nulled).
        let status = unsafe { ferry_store_destroy(&mut self.store) };
        assert_eq!(status, FerryStatus::Ok, "{}", self.context());
        assert!(self.store.is_null());
    }

    /// Destroys every cursor and tree handle: they keep the store open.
    fn close_cursors_and_trees(&mut self) {
        for slot in &mut self.cursors {
            if let Some(mut c) = slot.take() {
                // SAFETY: a live cursor, destroyed once.
                freed("cursor", unsafe { ferry_cursor_destroy(&mut c.ptr) });
            }
        }
        for slot in &mut self.trees {
            if let Some((mut ptr, _)) = slot.take() {
                // SAFETY: a live tree, destroyed once.
                unsafe { ferry_tree_destroy(&mut ptr) };
            }
        }
    }

    /// Calls one function with a null handle, out-parameter or data pointer: each must return
    /// FERRY_STATUS_NULL.
    pub(super) fn nulls(&mut self, which: u8) {
        let tree = self.tree(0).0;
        let batch = self.batches[0].as_ref().map_or(null_mut(), |b| b.0);
        let view = self.views[0].as_ref().map_or(null(), |v| v.0);
        let cursor = self.cursors[0].as_ref().map_or(null_mut(), |c| c.ptr);
        let (store, tree_ok) = (self.store, !tree.is_null());
        let mut buf = [0u8; 4];
        let mut n = 0u64;
        let name = AsciiPointer::from_cstr(c"t");
        // SAFETY: every pointer is null, a live handle of the right type, or a live local;
        // each call is one the API promises to answer with FERRY_STATUS_NULL.
        let (what, status) = unsafe {
            match which % 20 {
                0 => ("store_open out", ferry_store_open(null_mut(), name, null())),
                1 => (
                    "store_open path",
                    ferry_store_open(&mut null_mut(), AsciiPointer::default(), null()),
                ),
                2 => ("store_flush", ferry_store_flush(null())),
                3 => ("store_stats out", ferry_store_stats(store, null_mut())),
                4 => ("tree_open out", ferry_tree_open(null_mut(), store, name)),
                5 => (
                    "tree_open name",
                    ferry_tree_open(&mut null_mut(), store, AsciiPointer::default()),
                ),
                6 => (
                    "tree_get value_len",
                    ferry_tree_get(tree, s(b"k"), FFISliceMut::from_slice(&mut buf), null_mut()),
                ),
                7 if tree_ok => (
                    "tree_insert key data",
                    ferry_tree_insert(tree, null_data(), s(b"v")),
                ),
                8 if tree_ok => (
                    "tree_insert value data",
                    ferry_tree_insert(tree, s(b"k"), null_data()),
                ),
                9 => ("tree_len count", ferry_tree_len(tree, null_mut())),
                10 => ("tree_apply_batch", ferry_tree_apply_batch(tree, null_mut())),
                11 => ("batch_new", ferry_batch_new(null_mut())),
                12 => ("batch_len count", ferry_batch_len(batch, null_mut())),
                13 if !batch.is_null() => (
                    "batch_insert key data",
                    ferry_batch_insert(batch, null_data(), s(b"")),
                ),
                14 => ("view_get out", ferry_view_get(null_mut(), tree, s(b"k"))),
                15 => ("view_bytes out", ferry_view_bytes(view, null_mut())),
                16 => (
                    "cursor_open out",
                    ferry_cursor_open(null_mut(), tree, s(b""), 0, s(b""), 0, 0, FERRY_NO_LIMIT),
                ),
                17 if tree_ok => (
                    "cursor_open_prefix data",
                    ferry_cursor_open_prefix(&mut null_mut(), tree, null_data(), 0, FERRY_NO_LIMIT),
                ),
                18 => (
                    "cursor_next handle",
                    ferry_cursor_next(
                        null_mut(),
                        FFISliceMut::from_slice(&mut buf),
                        &mut n,
                        &mut n,
                    ),
                ),
                19 if !cursor.is_null() => (
                    "cursor_next buffer",
                    ferry_cursor_next(
                        cursor,
                        std::mem::transmute::<FFISlice<u8>, FFISliceMut<u8>>(null_data()),
                        &mut n,
                        &mut n,
                    ),
                ),
                _ => (
                    "store_drop_tree name",
                    ferry_store_drop_tree(store, AsciiPointer::default()),
                ),
            }
        };
        let status = self.status(what, status);
        assert_eq!(status, FerryStatus::Null, "{what}");
    }

    /// Frees everything; empties the store for the next input, or deletes it if it cannot be
    /// trusted any more.
    pub(crate) fn finish(mut self) {
        // sled writes full log buffers on its own threads, so an armed fault can fire after the
        // input's last call, leaving the store failing every write. Stop injecting, wait for
        // those writes (a flush does), and only then judge the store. (Judging first was a race
        // the fuzzer found: the next input's writes failed with FERRY_STATUS_IO.)
        faults::disarm();
        // SAFETY: null or a live store.
        let settled =
            !self.store.is_null() && unsafe { ferry_store_flush(self.store) } == FerryStatus::Ok;
        let reusable = settled && !self.degraded && !faults::fired();
        faults::reset();
        for slot in &mut self.batches {
            if let Some((mut ptr, _)) = slot.take() {
                // SAFETY: a live batch, destroyed once.
                freed("batch", unsafe { ferry_batch_destroy(&mut ptr) });
            }
        }
        for slot in &mut self.views {
            if let Some((mut ptr, _)) = slot.take() {
                // SAFETY: a live view, destroyed once.
                unsafe { ferry_view_destroy(&mut ptr) };
            }
        }
        if reusable && self.empty_store() {
            self.close_cursors_and_trees();
            let pooled = Pooled(self.dir.clone(), self.store, self.store_age + 1);
            *POOL.lock().unwrap_or_else(|e| e.into_inner()) = Some(pooled);
            return;
        }
        self.close_store_handles();
        let _ = std::fs::remove_dir_all(self.dir.to_str().expect("UTF-8 path"));
    }

    /// Drops every tree the model knows and removes every key of the default tree; returns
    /// whether the store is now empty.
    pub(super) fn empty_store(&mut self) -> bool {
        let names: Vec<String> = self
            .by_name
            .keys()
            .filter(|n| *n != "default")
            .cloned()
            .collect();
        for name in names {
            let c = CString::new(name).expect("valid names hold no NUL");
            // SAFETY: a live store, a NUL-terminated name.
            let status = unsafe { ferry_store_drop_tree(self.store, AsciiPointer::from_cstr(&c)) };
            if status != FerryStatus::Ok {
                return false;
            }
        }
        let mut tree = null_mut();
        // SAFETY: live out-pointer and store; the tree is destroyed below.
        unsafe {
            if ferry_tree_open(&mut tree, self.store, AsciiPointer::from_cstr(c"default"))
                != FerryStatus::Ok
            {
                return false;
            }
            for key in self.instances[0].entries.keys() {
                ferry_tree_remove(tree, s(key));
            }
            let mut stats = FerryStats::default();
            let empty = ferry_store_stats(self.store, &mut stats) == FerryStatus::Ok
                && stats.entries == 0
                && stats.trees == 1;
            ferry_tree_destroy(&mut tree);
            // Leave the last error as a fresh input expects to find it: any status is fine,
            // the next harness reads it.
            empty
        }
    }
}
