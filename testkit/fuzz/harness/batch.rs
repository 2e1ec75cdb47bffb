//! Batches: new, insert, remove, apply to a tree, destroy; the model keeps each batch's writes
//! and applies them when the batch is applied.

use std::ptr::null_mut;

use ferry::*;

use super::{destroy_twice, s, Harness, BATCH_SLOTS};
use crate::input::{Key, Val};
use crate::model;

impl Harness {
    /// Makes a batch in an empty slot.
    pub(super) fn batch_new(&mut self, batch: u8) {
        let i = usize::from(batch) % BATCH_SLOTS;
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

    /// Adds an insert to a batch; the model records it.
    pub(super) fn batch_insert(&mut self, batch: u8, key: &Key, value: &Val) {
        let i = usize::from(batch) % BATCH_SLOTS;
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

    /// Adds a remove to a batch; the model records it.
    pub(super) fn batch_remove(&mut self, batch: u8, key: &Key) {
        let i = usize::from(batch) % BATCH_SLOTS;
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

    /// Applies a batch to a tree: all its writes or none, and the batch is empty after.
    pub(super) fn batch_apply(&mut self, batch: u8, slot: u8) {
        let b = usize::from(batch) % BATCH_SLOTS;
        let ptr = self.batches[b].as_ref().map_or(null_mut(), |b| b.0);
        let (tree, instance) = self.tree(slot);
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

    /// Destroys a batch, then again through the nulled slot.
    pub(super) fn batch_destroy(&mut self, batch: u8) {
        let i = usize::from(batch) % BATCH_SLOTS;
        let ptr = self.batches[i].take().map_or(null_mut(), |b| b.0);
        destroy_twice(ptr, ferry_batch_destroy);
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
}
