//! Cursors: opening them (over a range or a prefix) against the model's expectation, checking
//! what `ferry_cursor_next` writes (exactly while the tree is unchanged, by order, bounds and
//! limit once it changed), and destroying them.

use std::collections::VecDeque;
use std::ops::Bound;
use std::ptr::null_mut;

use ferry::*;
use interoptopus::patterns::slice::FFISliceMut;

use super::{destroy_twice, s, Harness, CURSOR_SLOTS};
use crate::input::{EndBound, Key};
use crate::model::{self, Bounds, Entry};

/// A cursor and what the model expects of it.
pub(super) struct CursorModel {
    pub(super) ptr: *mut FerryCursor,
    instance: usize,
    /// The instance's version when the cursor opened; while unchanged, `expected` is exact.
    version: u64,
    expected: VecDeque<Entry>,
    bounds: Bounds,
    reverse: bool,
    limit: Option<u64>,
    returned: u64,
    last: Option<Vec<u8>>,
}

impl Harness {
    /// Opens a cursor over a range (`ferry_cursor_open`).
    pub(super) fn cursor_range(
        &mut self,
        cursor: u8,
        slot: u8,
        start: &EndBound,
        end: &EndBound,
        reverse: bool,
        limit: Option<u8>,
    ) {
        let (sk, skind) = start.raw();
        let (ek, ekind) = end.raw();
        let bounds = start.model().and_then(|s| end.model().map(|e| (s, e)));
        self.cursor_open(cursor, slot, bounds, reverse, limit, |out, tree, limit| {
            // SAFETY: a live out-pointer, null or a live tree, live slices.
            unsafe {
                ferry_cursor_open(
                    out,
                    tree,
                    s(&sk),
                    skind,
                    s(&ek),
                    ekind,
                    u8::from(reverse),
                    limit,
                )
            }
        });
    }

    /// Opens a cursor over the keys with a prefix (`ferry_cursor_open_prefix`).
    pub(super) fn cursor_prefix(
        &mut self,
        cursor: u8,
        slot: u8,
        prefix: &Key,
        reverse: bool,
        limit: Option<u8>,
    ) {
        let prefix = prefix.bytes();
        let bounds = Ok(model::prefix_bounds(&prefix));
        self.cursor_open(cursor, slot, bounds, reverse, limit, |out, tree, limit| {
            // SAFETY: a live out-pointer, null or a live tree, a live slice.
            unsafe { ferry_cursor_open_prefix(out, tree, s(&prefix), u8::from(reverse), limit) }
        });
    }

    /// Opens a cursor with `open` into an empty slot, and records what the model expects of it.
    fn cursor_open(
        &mut self,
        cursor: u8,
        slot: u8,
        bounds: Result<Bounds, FerryStatus>,
        reverse: bool,
        limit: Option<u8>,
        open: impl FnOnce(*mut *mut FerryCursor, *const FerryTree, u64) -> FerryStatus,
    ) {
        let i = usize::from(cursor) % CURSOR_SLOTS;
        if self.cursors[i].is_some() {
            return;
        }
        let (tree, instance) = self.tree(slot);
        let limit = limit.map(u64::from);
        let mut ptr = null_mut();
        let status = open(&mut ptr, tree, limit.unwrap_or(FERRY_NO_LIMIT));
        let status = self.status("cursor_open", status);
        let Some(instance) = instance else {
            assert_eq!(status, FerryStatus::Null);
            return assert!(ptr.is_null());
        };
        let expected = bounds.and_then(|b| {
            let entries = model::scan(&self.instances[instance].entries, &b, reverse, limit)?;
            Ok((b, entries))
        });
        if self.exact(instance) {
            assert_eq!(
                status,
                expected.as_ref().err().copied().unwrap_or(FerryStatus::Ok),
                "cursor_open"
            );
        }
        if status != FerryStatus::Ok {
            return assert!(ptr.is_null());
        }
        let (bounds, expected) =
            expected.unwrap_or_else(|_| ((Bound::Unbounded, Bound::Unbounded), Vec::new()));
        self.cursors[i] = Some(CursorModel {
            ptr,
            instance,
            version: self.instances[instance].version,
            expected: expected.into(),
            bounds,
            reverse,
            limit,
            returned: 0,
            last: None,
        });
    }

    /// Reads the next batch of entries into a buffer of `buffer` bytes and checks them.
    pub(super) fn cursor_next(&mut self, cursor: u8, buffer: usize) {
        let i = usize::from(cursor) % CURSOR_SLOTS;
        let ptr = self.cursors[i].as_ref().map_or(null_mut(), |c| c.ptr);
        if let Some(c) = &self.cursors[i] {
            if self.instances[c.instance].dropped && !self.known_findings {
                return; // a cursor on a dropped tree: see the known findings above
            }
        }
        let mut buf = vec![0xCCu8; buffer];
        let (mut count, mut used) = (u64::MAX, u64::MAX);
        // SAFETY: null or a live cursor used by this thread only; live buffer and outs.
        let status = unsafe {
            ferry_cursor_next(
                ptr,
                FFISliceMut::from_slice(&mut buf),
                &mut count,
                &mut used,
            )
        };
        let status = self.status("cursor_next", status);
        let strict = self.strict();
        let Some(c) = &mut self.cursors[i] else {
            return assert_eq!(status, FerryStatus::Null);
        };
        let instance = &self.instances[c.instance];
        if instance.dropped || !strict {
            return;
        }
        let exact = instance.version == c.version;
        if status == FerryStatus::BufferTooSmall {
            assert_eq!(count, 0);
            assert!(
                used as usize > buffer,
                "BUFFER_TOO_SMALL reports more than the buffer"
            );
            assert!(
                buf.iter().all(|&b| b == 0xCC),
                "BUFFER_TOO_SMALL wrote into the buffer"
            );
            if exact {
                let (k, v) = c.expected.front().expect("an entry is pending");
                assert_eq!(
                    used as usize,
                    8 + k.len() + v.len(),
                    "the size the next entry needs"
                );
            }
            return;
        }
        assert_eq!(status, FerryStatus::Ok, "cursor_next: {}", self.context());
        assert!(used as usize <= buffer);
        assert!(
            buf[used as usize..].iter().all(|&b| b == 0xCC),
            "cursor_next wrote past `used`"
        );
        let got = model::unpack(&buf[..used as usize], count)
            .expect("whole entries, exactly `used` bytes");
        if exact {
            let mut fitted = 0;
            for (k, v) in &got {
                assert_eq!(
                    c.expected.pop_front().as_ref(),
                    Some(&(k.clone(), v.clone())),
                    "cursor entry"
                );
                fitted += 8 + k.len() + v.len();
            }
            if count == 0 {
                assert!(c.expected.is_empty(), "the cursor ended early");
            } else if let Some((k, v)) = c.expected.front() {
                assert!(
                    fitted + 8 + k.len() + v.len() > buffer,
                    "the next entry would have fitted"
                );
            }
        } else {
            // The tree changed since the cursor opened: it sees a live view, so check only
            // order, bounds and the limit.
            for (k, _) in &got {
                assert!(
                    model::within(k, &c.bounds),
                    "a key outside the cursor's bounds"
                );
                if let Some(last) = &c.last {
                    assert!(if c.reverse { k < last } else { k > last }, "cursor order");
                }
                c.last = Some(k.clone());
            }
            c.returned += count;
            assert!(
                c.limit.map_or(true, |l| c.returned <= l),
                "more entries than the limit"
            );
            return;
        }
        if let Some((k, _)) = got.last() {
            c.last = Some(k.clone());
        }
        c.returned += count;
    }

    /// Destroys a cursor, then again through the nulled slot.
    pub(super) fn cursor_destroy(&mut self, cursor: u8) {
        let i = usize::from(cursor) % CURSOR_SLOTS;
        let ptr = self.cursors[i].take().map_or(null_mut(), |c| c.ptr);
        destroy_twice(ptr, ferry_cursor_destroy);
    }
}
