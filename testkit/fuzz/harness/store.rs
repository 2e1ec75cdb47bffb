//! The store and the thread: flush, stats, dropping a tree, opening a path that is not UTF-8,
//! `ferry_last_error`, and arming injected I/O errors. (Reopening, null arguments and the end
//! of an input: `lifecycle.rs`.)

use std::ffi::CString;
use std::ptr::null_mut;

use ferry::*;
use interoptopus::patterns::slice::FFISliceMut;
use interoptopus::patterns::string::AsciiPointer;

use super::{options, Harness};
use crate::faults;
use crate::input::Name;
use crate::model;

impl Harness {
    /// Flushes the store: OK unless an injected fault fired.
    pub(super) fn flush(&mut self) {
        // SAFETY: null or a live store.
        let status = unsafe { ferry_store_flush(self.store) };
        let status = self.status("store_flush", status);
        if self.store.is_null() {
            assert_eq!(status, FerryStatus::Null);
        } else if self.strict() {
            assert_eq!(status, FerryStatus::Ok, "flush: {}", self.context());
        }
    }

    /// The store's statistics: entries and trees as the model counts them.
    pub(super) fn stats(&mut self) {
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

    /// Opens a store at a path that is not UTF-8: INVALID_ARGUMENT, and no handle.
    pub(super) fn bad_path(&mut self, bytes: &[u8]) {
        let mut path = self.dir.as_bytes().to_vec();
        path.extend_from_slice(b"/\xff");
        path.extend(bytes.iter().copied().filter(|&b| b != 0));
        let path = CString::new(path).expect("NULs were filtered out");
        let mut out = null_mut();
        // SAFETY: a live out-pointer and a NUL-terminated path.
        let status =
            unsafe { ferry_store_open(&mut out, AsciiPointer::from_cstr(&path), &options()) };
        assert_eq!(
            self.status("store_open", status),
            FerryStatus::InvalidArgument,
            "a path that is not UTF-8"
        );
        assert!(out.is_null());
    }

    /// `ferry_last_error` reports the last failure, NUL-terminated, into buffers of any size.
    pub(super) fn last_error(&mut self, buffer: u8) {
        let mut buf = vec![0xEEu8; usize::from(buffer)];
        let mut len = u64::MAX;
        // SAFETY: a live buffer and out-parameter.
        let status = unsafe { ferry_last_error(FFISliceMut::from_slice(&mut buf), &mut len) };
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

    /// Arms an I/O error at the `nth` (1 to 8) interposed call from now.
    pub(super) fn io_fault(&mut self, nth: u8) {
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

    pub(super) fn drop_tree(&mut self, name: &Name) {
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
