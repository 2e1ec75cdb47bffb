//! `FerryBatch`: writes collected to be applied atomically to one tree.

use interoptopus::patterns::slice::FFISlice;
use interoptopus::{ffi_function, ffi_type};

use crate::args::{bytes, destroy, exclusive, handle, new_handle};
use crate::status::{guard, FerryStatus};

/// A list of writes that `ferry_tree_apply_batch` applies atomically. Create with
/// `ferry_batch_new`, free with `ferry_batch_destroy`. Not for concurrent use.
#[ffi_type(opaque)]
pub struct FerryBatch {
    pub(crate) batch: ferry_core::Batch,
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
                batch: ferry_core::Batch::new(),
            },
        );
        Ok(())
    })
}

/// Frees the batch handle in `*batch` and sets `*batch` to null; a null `*batch` is a no-op.
///
/// # Safety
/// `batch` must point to a handle from `ferry_batch_new` (or null), not used afterwards.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_batch_destroy(batch: *mut *mut FerryBatch) -> FerryStatus {
    // SAFETY: forwarded contract.
    guard("ferry_batch_destroy", || unsafe { destroy(batch, "batch") })
}

/// Adds an insert of `value` at `key`. Limits are checked now, so a batch built without error
/// cannot fail validation when applied.
///
/// # Safety
/// `batch` must be null or a live handle used by no other thread; slices must be readable.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_batch_insert(
    batch: *mut FerryBatch,
    key: FFISlice<u8>,
    value: FFISlice<u8>,
) -> FerryStatus {
    guard("ferry_batch_insert", || {
        // SAFETY: per the contract above.
        let batch = unsafe { exclusive(batch, "batch")? };
        Ok(batch
            .batch
            .insert(bytes(key, "key")?, bytes(value, "value")?)?)
    })
}

/// Adds a remove of `key` (not an error if the key is absent when the batch is applied).
///
/// # Safety
/// `batch` must be null or a live handle used by no other thread; `key` must be readable.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_batch_remove(
    batch: *mut FerryBatch,
    key: FFISlice<u8>,
) -> FerryStatus {
    guard("ferry_batch_remove", || {
        // SAFETY: per the contract above.
        let batch = unsafe { exclusive(batch, "batch")? };
        Ok(batch.batch.remove(bytes(key, "key")?)?)
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
        *count = batch.batch.len() as u64;
        Ok(())
    })
}
