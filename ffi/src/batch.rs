//! `FerryBatch`: writes collected to be applied atomically to one tree.

use interoptopus::patterns::slice::FFISlice;
use interoptopus::{ffi_function, ffi_type};

use crate::args::{bytes, destroy_unless, exclusive, handle, new_handle};
use crate::exclusive::Exclusive;
use crate::status::{guard, FerryStatus};

/// A list of writes that `ferry_tree_apply_batch` applies atomically. Create with
/// `ferry_batch_new`, free with `ferry_batch_destroy`.
///
/// One call at a time: a batch may be used from any thread, but a call on it made while
/// another thread's call on it is in progress returns `FERRY_STATUS_BUSY` and does nothing.
#[ffi_type(opaque)]
pub struct FerryBatch {
    pub(crate) batch: Exclusive<ferry_core::Batch>,
}

/// Creates an empty batch and stores its handle in `*batch`.
///
/// # Safety
/// `batch` must point to a writable `ferry_batch*`.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_batch_new(batch: *mut *mut FerryBatch) -> FerryStatus {
    guard("ferry_batch_new", || {
        // SAFETY: per the contract above.
        let out = unsafe { exclusive(batch, "batch")? };
        new_handle(
            out,
            FerryBatch {
                batch: Exclusive::new("batch", ferry_core::Batch::new()),
            },
        );
        Ok(())
    })
}

/// Frees the batch handle in `*batch` and sets `*batch` to null; a null `*batch` is a no-op.
/// `FERRY_STATUS_BUSY` if a call on the batch is in progress on another thread: nothing is
/// freed and `*batch` is left as it is.
///
/// # Safety
/// `batch` must point to a handle from `ferry_batch_new` (or null), not used afterwards: a
/// call that starts while or after it is destroyed is undefined behaviour (only one already in
/// progress is detected).
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_batch_destroy(batch: *mut *mut FerryBatch) -> FerryStatus {
    guard("ferry_batch_destroy", || {
        // SAFETY: forwarded contract.
        unsafe {
            destroy_unless(batch, "batch", |b: &FerryBatch| {
                b.batch.retire("ferry_batch_destroy")
            })
        }
    })
}

/// Adds an insert of `value` at `key`. Limits are checked now, so a batch built without error
/// cannot fail validation when applied.
///
/// # Safety
/// `batch` must be null or a live handle; slices must be readable.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_batch_insert(
    batch: *mut FerryBatch,
    key: FFISlice<u8>,
    value: FFISlice<u8>,
) -> FerryStatus {
    guard("ferry_batch_insert", || {
        // SAFETY: per the contract above.
        let batch = unsafe { handle(batch, "batch")? };
        let mut batch = batch.batch.enter("ferry_batch_insert")?;
        Ok(batch.insert(bytes(key, "key")?, bytes(value, "value")?)?)
    })
}

/// Adds a remove of `key` (not an error if the key is absent when the batch is applied).
///
/// # Safety
/// `batch` must be null or a live handle; `key` must be readable.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_batch_remove(
    batch: *mut FerryBatch,
    key: FFISlice<u8>,
) -> FerryStatus {
    guard("ferry_batch_remove", || {
        // SAFETY: per the contract above.
        let batch = unsafe { handle(batch, "batch")? };
        let mut batch = batch.batch.enter("ferry_batch_remove")?;
        Ok(batch.remove(bytes(key, "key")?)?)
    })
}

/// Stores the number of writes added so far into `*count`.
///
/// # Safety
/// `batch` must be null or a live handle; `count` must point to a writable `uint64_t`.
/// (Null handles and out-parameters return `FERRY_STATUS_NULL`.)
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_batch_len(batch: *const FerryBatch, count: *mut u64) -> FerryStatus {
    guard("ferry_batch_len", || {
        // SAFETY: per the contract above.
        let (batch, count) = unsafe { (handle(batch, "batch")?, exclusive(count, "count")?) };
        *count = batch.batch.enter("ferry_batch_len")?.len() as u64;
        Ok(())
    })
}
