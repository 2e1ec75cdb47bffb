//! [`Owned`]: holds a sled handle and drops it without letting a panic out.
//!
//! Dropping the last handle of a sled store closes it, and sled 0.34.7 ends that with
//! `sync_all().unwrap()` (`Drop for Log`): a failing fsync at close panics, which would make
//! dropping a `Store`, `Tree` or `Iter` panic. Closing promises no durability (only
//! `Store::flush` does), so such a panic is caught and dropped here.

use std::mem::ManuallyDrop;
use std::ops::{Deref, DerefMut};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// A value whose drop runs under `catch_unwind`.
pub(crate) struct Owned<T>(ManuallyDrop<T>);

impl<T> Owned<T> {
    pub(crate) fn new(value: T) -> Owned<T> {
        Owned(ManuallyDrop::new(value))
    }
}

impl<T> Deref for Owned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for Owned<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}

impl<T: Clone> Clone for Owned<T> {
    fn clone(&self) -> Owned<T> {
        Owned::new(T::clone(&self.0))
    }
}

impl<T> Drop for Owned<T> {
    fn drop(&mut self) {
        // SAFETY: this is the drop of the value's only owner, and `self.0` is not used again.
        let value = unsafe { ManuallyDrop::take(&mut self.0) };
        // A panic while closing loses nothing that was promised; see the module docs.
        let _ = catch_unwind(AssertUnwindSafe(move || drop(value)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct PanicsOnDrop<'a>(&'a std::cell::Cell<bool>);

    impl Drop for PanicsOnDrop<'_> {
        fn drop(&mut self) {
            self.0.set(true);
            panic!("close failed");
        }
    }

    #[test]
    fn a_panicking_drop_is_run_and_contained() {
        let dropped = std::cell::Cell::new(false);
        drop(Owned::new(PanicsOnDrop(&dropped)));
        assert!(dropped.get());
    }
}
