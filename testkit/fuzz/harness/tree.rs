//! Tree handles: open, destroy, and the single-key calls (insert, get, remove,
//! compare-and-swap) and `len`, each checked against the model.

use std::ffi::CString;
use std::ptr::null_mut;

use ferry::*;
use interoptopus::patterns::slice::FFISliceMut;
use interoptopus::patterns::string::AsciiPointer;

use super::{s, Harness, TREE_SLOTS};
use crate::input::{Key, Name, Val};
use crate::model::{self, Instance};

impl Harness {
    pub(super) fn open_tree(&mut self, slot: u8, name: &Name) {
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

    /// Destroys a tree handle, then again through the slot `ferry_tree_destroy` nulled.
    pub(super) fn destroy_tree(&mut self, slot: u8) {
        let i = usize::from(slot) % TREE_SLOTS;
        let mut ptr = self.trees[i].map_or(null_mut(), |t| t.0);
        // SAFETY: null or a live handle from this harness; the slot is emptied below.
        let status = unsafe { ferry_tree_destroy(&mut ptr) };
        assert_eq!(self.status("tree_destroy", status), FerryStatus::Ok);
        assert!(ptr.is_null(), "destroy nulls the caller's pointer");
        // SAFETY: destroying through the nulled slot is a documented no-op.
        assert_eq!(unsafe { ferry_tree_destroy(&mut ptr) }, FerryStatus::Ok);
        self.trees[i] = None;
    }

    /// Inserts a key and value; the model expects the limits to be checked first.
    pub(super) fn insert(&mut self, slot: u8, key: &Key, value: &Val) {
        let (tree, instance) = self.tree(slot);
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

    /// Removes a key: OK when the model has it, NOT_FOUND when not.
    pub(super) fn remove(&mut self, slot: u8, key: &Key) {
        let (tree, instance) = self.tree(slot);
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
                Ok(()) if self.instances[instance].entries.contains_key(&key) => FerryStatus::Ok,
                Ok(()) => FerryStatus::NotFound,
            };
            assert_eq!(status, want, "remove");
        }
        if status == FerryStatus::Ok {
            self.instances[instance].entries.remove(&key);
            self.changed(instance);
        }
    }

    /// Counts a tree's entries.
    pub(super) fn len(&mut self, slot: u8) {
        let (tree, instance) = self.tree(slot);
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

    pub(super) fn get(&mut self, slot: u8, key: &Key, buffer: usize) {
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

    pub(super) fn cas(&mut self, slot: u8, key: &Key, expected: &Option<Val>, new: &Option<Val>) {
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
}
