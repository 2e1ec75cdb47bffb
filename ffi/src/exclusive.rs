//! [`Exclusive`]: the state of a handle that one call at a time may use (`FerryBatch`,
//! `FerryCursor`). A call that finds another call in progress on the handle returns
//! `FERRY_STATUS_BUSY` instead of racing with it.
//!
//! # Design
//! - An exported function never makes a `&mut` handle from the caller's pointer: it makes a
//!   shared `&FerryBatch` (any number of threads may hold one at once) and then
//!   [`enter`](Exclusive::enter)s the handle's `Exclusive`: one atomic swap of its in-use flag,
//!   with `Acquire` ordering. Only the call that turned the flag from false to true gets an
//!   [`InUse`] guard, and only through the guard does anyone reach the state (`&mut T`, out of
//!   an `UnsafeCell`): two `&mut T` to one handle never exist at once.
//! - Dropping the guard clears the flag with `Release` ordering, so the next call, on any
//!   thread, sees every write the last one made. The guard is a local of the exported function's
//!   body, so it is dropped on success, on an early `?` return and while a panic unwinds to the
//!   `catch_unwind` in `status::guard`: a failed or panicked call leaves the handle free for
//!   the next call. After it clears the flag, a call touches the handle no more.
//! - A call that finds the flag set returns BUSY at once, without waiting (misuse cannot
//!   deadlock) and without touching the state. It is not a lock to queue on: the caller's use
//!   is wrong, and BUSY says so.
//! - `*_destroy` [`retire`](Exclusive::retire)s the handle first: a destroy that overlaps a call
//!   in progress returns BUSY and frees nothing. A call that *starts* while or after a destroy
//!   runs is still undefined (it reads freed memory); that part of the contract stays the
//!   caller's.
//!
//! Cost: one uncontended atomic swap and one plain store per call: about 2 ns in a tight loop
//! on the 2-core AMD EPYC machine it was measured on, and 4 more instructions in
//! `ferry_batch_len` (35 → 39 under callgrind). Through `ferry.h` it is below the noise of
//! `bench/c/handle_calls.c` (fastest rounds before → after: `ferry_batch_len` 5.8 → 5.4 ns,
//! `ferry_batch_insert` 96 → 103 ns, `ferry_cursor_next` 524 → 518 ns).

use std::cell::UnsafeCell;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::status::{FerryStatus, FfiError};

/// A value that one call at a time may use, from any thread: the state of a handle that is not
/// thread-safe. See the module documentation.
pub(crate) struct Exclusive<T> {
    /// True while a call holds the state (or after `retire`).
    in_use: AtomicBool,
    /// What the handle is called in messages: `"batch"`, `"cursor"`.
    what: &'static str,
    state: UnsafeCell<T>,
}

// SAFETY: `state` is reached only through an `InUse` guard, and at most one guard exists at a
// time (the flag is taken by an atomic swap that only one caller can win), so sharing an
// `Exclusive` between threads lets them take turns with `T`, never use it at once: like a
// `Mutex<T>`, that needs `T: Send` (the state moves between threads), not `T: Sync`.
unsafe impl<T: Send> Sync for Exclusive<T> {}

impl<T> Exclusive<T> {
    /// Wraps `state`, not in use.
    pub(crate) fn new(what: &'static str, state: T) -> Exclusive<T> {
        Exclusive {
            in_use: AtomicBool::new(false),
            what,
            state: UnsafeCell::new(state),
        }
    }

    /// Begins a call of `function` on the handle: the state, until the guard is dropped; or
    /// `FERRY_STATUS_BUSY` if a call is in progress on another thread.
    #[inline]
    pub(crate) fn enter(&self, function: &'static str) -> Result<InUse<'_, T>, FfiError> {
        // Acquire: pairs with the Release in `InUse::drop`, so this call sees the state as the
        // previous call left it, whichever thread made it.
        if self.in_use.swap(true, Ordering::Acquire) {
            return Err(self.busy(function));
        }
        Ok(InUse {
            cell: self,
            _state: PhantomData,
        })
    }

    /// Before the handle is freed: takes the flag for good, so that the state can be dropped;
    /// `FERRY_STATUS_BUSY` if a call is in progress (then nothing changes).
    pub(crate) fn retire(&self, function: &'static str) -> Result<(), FfiError> {
        // Acquire, as in `enter`: dropping the state reads what the last call wrote.
        if self.in_use.swap(true, Ordering::Acquire) {
            return Err(self.busy(function));
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn busy(&self, function: &'static str) -> FfiError {
        FfiError::new(
            FerryStatus::Busy,
            format!("{function}: the {} is in use by another thread", self.what),
        )
    }
}

/// The state of an [`Exclusive`] while one call holds it; dropping it ends the call.
pub(crate) struct InUse<'a, T> {
    cell: &'a Exclusive<T>,
    /// Send and Sync as `&mut T` is: the guard stands for exclusive access to the state.
    _state: PhantomData<&'a mut T>,
}

impl<T> Deref for InUse<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: this guard exists only while its call holds the flag (taken in `enter`,
        // cleared in `drop`), and only one guard can: no other reference to the state exists
        // but the ones made through this guard, whose borrows the signature ties to it.
        unsafe { &*self.cell.state.get() }
    }
}

impl<T> DerefMut for InUse<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `deref`; `&mut self` makes this the only live reference made through
        // the guard.
        unsafe { &mut *self.cell.state.get() }
    }
}

impl<T> Drop for InUse<'_, T> {
    fn drop(&mut self) {
        // Release: publishes this call's writes to the state to the next call's Acquire.
        self.cell.in_use.store(false, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use std::ptr::null_mut;

    use interoptopus::patterns::slice::{FFISlice, FFISliceMut};
    use interoptopus::patterns::string::AsciiPointer;

    use super::*;

    #[test]
    fn a_second_entry_is_busy_until_the_first_ends() {
        let cell = Exclusive::new("batch", 0u32);
        let mut first = cell.enter("ferry_first").unwrap();
        *first += 1;
        let err = cell.enter("ferry_second").err().unwrap();
        assert_eq!(err.status, FerryStatus::Busy);
        assert_eq!(
            err.message,
            "ferry_second: the batch is in use by another thread"
        );
        assert_eq!(
            cell.retire("ferry_destroy").unwrap_err().status,
            FerryStatus::Busy
        );
        drop(first);
        assert_eq!(*cell.enter("ferry_third").unwrap(), 1);
        cell.retire("ferry_destroy").unwrap();
        assert!(cell.enter("ferry_after_retire").is_err());
    }

    #[test]
    fn a_panic_under_the_guard_releases_it() {
        let cell = Exclusive::new("cursor", ());
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let _in_use = cell.enter("ferry_boom").unwrap();
            panic!("boom");
        }));
        assert!(caught.is_err());
        assert!(cell.enter("ferry_after").is_ok());
    }

    /// The calling thread's last error, as the C ABI reports it.
    fn last_error() -> (FerryStatus, String) {
        let mut buf = [0u8; 256];
        let mut len = 0u64;
        // SAFETY: a live buffer and out-parameter.
        let status =
            unsafe { crate::ferry_last_error(FFISliceMut::from_slice(&mut buf), &mut len) };
        (
            status,
            String::from_utf8_lossy(&buf[..len as usize]).into_owned(),
        )
    }

    /// Runs `calls` on another thread (a raw handle is not `Send`: it goes as an address) and
    /// checks that each returns BUSY with its own message.
    fn busy_elsewhere(what: &str, calls: &[(&str, &(dyn Fn() -> FerryStatus + Sync))]) {
        std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    for (function, call) in calls {
                        assert_eq!(call(), FerryStatus::Busy, "{function}");
                        assert_eq!(
                            last_error(),
                            (
                                FerryStatus::Busy,
                                format!("{function}: the {what} is in use by another thread")
                            )
                        );
                    }
                })
                .join()
                .unwrap()
        });
    }

    /// Destroys a handle that a call is using: refused, the caller's pointer left as it was.
    fn destroy_refused<T>(
        ptr: *mut T,
        destroy: unsafe extern "C" fn(*mut *mut T) -> FerryStatus,
    ) -> FerryStatus {
        let mut slot = ptr;
        // SAFETY: a live handle, which the caller holds as in use (freed only if that fails).
        let status = unsafe { destroy(&mut slot) };
        assert_eq!(slot, ptr, "a handle in use is not destroyed");
        status
    }

    #[test]
    fn every_call_on_a_batch_or_cursor_in_use_is_busy_and_changes_nothing() {
        use crate::*;
        let dir = tempfile::tempdir().unwrap();
        let path = std::ffi::CString::new(dir.path().to_str().unwrap()).unwrap();
        let (mut store, mut tree, mut batch, mut cursor) =
            (null_mut(), null_mut(), null_mut(), null_mut());
        let mut options = ferry_options_default();
        options.cache_capacity = 1 << 20;
        let s = FFISlice::from_slice;
        // SAFETY: live out-pointers, a NUL-terminated path and name, live slices.
        unsafe {
            assert_eq!(
                ferry_store_open(&mut store, AsciiPointer::from_cstr(&path), &options),
                FerryStatus::Ok
            );
            assert_eq!(
                ferry_tree_open(&mut tree, store, AsciiPointer::from_cstr(c"t")),
                FerryStatus::Ok
            );
            assert_eq!(ferry_tree_insert(tree, s(b"k"), s(b"v")), FerryStatus::Ok);
            assert_eq!(ferry_batch_new(&mut batch), FerryStatus::Ok);
            assert_eq!(ferry_batch_insert(batch, s(b"b"), s(b"1")), FerryStatus::Ok);
            assert_eq!(
                ferry_cursor_open_prefix(&mut cursor, tree, s(b""), 0, FERRY_NO_LIMIT),
                FerryStatus::Ok
            );
        }
        let (tree_at, batch_at, cursor_at) = (tree as usize, batch as usize, cursor as usize);
        let batch_ptr = move || batch_at as *mut FerryBatch;
        let cursor_ptr = move || cursor_at as *mut FerryCursor;

        // This thread holds each handle as a call in progress would; another thread calls.
        // SAFETY: a live handle, borrowed shared as the exported functions borrow it.
        let held = unsafe { &*batch }
            .batch
            .enter("a call in progress")
            .unwrap();
        busy_elsewhere(
            "batch",
            &[
                ("ferry_batch_insert", &|| {
                    // SAFETY: live handles (the held one returns at once), live arguments.
                    unsafe { ferry_batch_insert(batch_ptr(), s(b"x"), s(b"y")) }
                }),
                ("ferry_batch_remove", &|| {
                    // SAFETY: live handles (the held one returns at once), live arguments.
                    unsafe { ferry_batch_remove(batch_ptr(), s(b"x")) }
                }),
                ("ferry_batch_len", &|| {
                    // SAFETY: live handles (the held one returns at once), live arguments.
                    unsafe { ferry_batch_len(batch_ptr(), &mut 0) }
                }),
                ("ferry_tree_apply_batch", &|| {
                    // SAFETY: live handles (the held one returns at once), live arguments.
                    unsafe { ferry_tree_apply_batch(tree_at as *const FerryTree, batch_ptr()) }
                }),
                ("ferry_batch_destroy", &|| {
                    destroy_refused(batch_ptr(), ferry_batch_destroy)
                }),
            ],
        );
        drop(held);
        // SAFETY: as above.
        let held = unsafe { &*cursor }
            .state
            .enter("a call in progress")
            .unwrap();
        busy_elsewhere(
            "cursor",
            &[
                ("ferry_cursor_next", &|| {
                    // SAFETY: live handles (the held one returns at once), live arguments.
                    unsafe {
                        ferry_cursor_next(
                            cursor_ptr(),
                            FFISliceMut::empty(),
                            null_mut(),
                            null_mut(),
                        )
                    }
                }),
                ("ferry_cursor_destroy", &|| {
                    destroy_refused(cursor_ptr(), ferry_cursor_destroy)
                }),
            ],
        );
        drop(held);

        // Free again, and unchanged: the batch holds its one write, the cursor its first entry.
        let mut buf = [0u8; 64];
        let (mut count, mut used) = (0, 0);
        // SAFETY: live handles and out-parameters.
        unsafe {
            let mut len = 0;
            assert_eq!(ferry_batch_len(batch, &mut len), FerryStatus::Ok);
            assert_eq!(len, 1);
            let next = ferry_cursor_next(
                cursor,
                FFISliceMut::from_slice(&mut buf),
                &mut count,
                &mut used,
            );
            assert_eq!((next, count, used), (FerryStatus::Ok, 1, 10));
            assert_eq!(&buf[8..10], b"kv");
            for status in [
                ferry_cursor_destroy(&mut cursor),
                ferry_batch_destroy(&mut batch),
                ferry_tree_destroy(&mut tree),
                ferry_store_destroy(&mut store),
            ] {
                assert_eq!(status, FerryStatus::Ok);
            }
        }
        assert!(batch.is_null() && cursor.is_null());
    }

    #[test]
    fn threads_take_turns_and_see_each_others_writes() {
        let cell = Exclusive::new("batch", Vec::<u32>::new());
        let (mut done, mut busy) = (0, 0);
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..2)
                .map(|t| {
                    let cell = &cell;
                    scope.spawn(move || {
                        let (mut ok, mut busy) = (0u32, 0u32);
                        while ok < 20_000 {
                            match cell.enter("ferry_push") {
                                Ok(mut v) => {
                                    v.push(t);
                                    ok += 1;
                                }
                                Err(_) => busy += 1,
                            }
                        }
                        (ok, busy)
                    })
                })
                .collect();
            for w in workers {
                let (o, b) = w.join().unwrap();
                done += o;
                busy += b;
            }
        });
        let v = cell.enter("ferry_check").unwrap();
        assert_eq!(v.len() as u32, done, "{busy} busy");
        assert_eq!(v.iter().filter(|&&t| t == 0).count(), 20_000);
    }
}
