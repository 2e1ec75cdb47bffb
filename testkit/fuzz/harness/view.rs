//! Views: a value held by `ferry_view_get`, whose bytes must not change while the tree does.

use std::ptr::{null, null_mut};

use ferry::*;

use super::{destroy_twice, s, Harness, VIEW_SLOTS};
use crate::input::Key;
use crate::model;

impl Harness {
    pub(super) fn view_get(&mut self, view: u8, slot: u8, key: &Key) {
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

    /// A view's bytes are still the value it was made from, whatever the tree did since.
    pub(super) fn view_check(&mut self, view: u8) {
        let i = usize::from(view) % VIEW_SLOTS;
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
                    let seen = unsafe { std::slice::from_raw_parts(bytes.data, want.len()) };
                    assert_eq!(seen, want.as_slice(), "a view's bytes changed");
                }
            }
        }
    }

    /// Destroys a view, then again through the nulled slot.
    pub(super) fn view_destroy(&mut self, view: u8) {
        let i = usize::from(view) % VIEW_SLOTS;
        let ptr = self.views[i].take().map_or(null_mut(), |v| v.0);
        destroy_twice(ptr, ferry_view_destroy);
    }
}
