//! `FerryTree`: point reads and writes, compare-and-swap, batches.

use ferry_core::{CasOutcome, Tree};
use interoptopus::patterns::slice::{FFISlice, FFISliceMut};
use interoptopus::patterns::string::AsciiPointer;
use interoptopus::{ffi_function, ffi_type};

use crate::args::{bytes, bytes_mut, destroy, exclusive, handle, new_handle, utf8};
use crate::batch::FerryBatch;
use crate::status::{guard, FerryStatus, FfiError};
use crate::store::FerryStore;

/// One named, ordered collection of key-value pairs in a store. Create with
/// `ferry_tree_open`, free with `ferry_tree_destroy`. Safe to use from many threads.
#[ffi_type(opaque)]
pub struct FerryTree {
    pub(crate) tree: Tree,
}

pub(crate) fn not_found() -> FfiError {
    FfiError::new(FerryStatus::NotFound, "key not found")
}

/// Opens the tree called `name` (created empty if new; `"default"` is the default tree)
/// and stores its handle in `*tree` (null on failure). The caller frees it with
/// `ferry_tree_destroy`. `FERRY_STATUS_INVALID_TREE_NAME` for a name breaking the rules.
///
/// # Safety
/// `tree` must point to a writable `ferry_tree*`; `store` must be null or a live handle;
/// `name` must be null or NUL-terminated.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_tree_open(
    tree: *mut *mut FerryTree,
    store: *const FerryStore,
    name: AsciiPointer,
) -> FerryStatus {
    guard("ferry_tree_open", || {
        // SAFETY: per the contract above.
        let out = unsafe { exclusive(tree, "tree")? };
        *out = std::ptr::null_mut();
        // SAFETY: per the contract above.
        let store = unsafe { handle(store, "store")? };
        let name = utf8(name, "name")?;
        let opened = store.store.tree(name)?;
        new_handle(out, FerryTree { tree: opened });
        Ok(())
    })
}

/// Frees the tree handle in `*tree` and sets `*tree` to null; a null `*tree` is a no-op.
///
/// # Safety
/// `tree` must point to a handle from `ferry_tree_open` (or null) that no other thread is
/// using; the handle must not be used afterwards.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_tree_destroy(tree: *mut *mut FerryTree) -> FerryStatus {
    // SAFETY: forwarded contract.
    guard("ferry_tree_destroy", || unsafe { destroy(tree, "tree") })
}

/// Copies the value stored at `key` into `buffer` and its length into `*value_len`.
///
/// `FERRY_STATUS_NOT_FOUND` if the key is absent. `FERRY_STATUS_BUFFER_TOO_SMALL` if the
/// value is longer than `buffer`: nothing is copied and `*value_len` is the length needed,
/// so the call can be repeated with a larger buffer. For a read without a copy, see
/// `ferry_view_get`.
///
/// # Safety
/// `tree` must be null or a live handle; `key` and `buffer` must describe readable /
/// writable memory of their lengths; `value_len` must point to a writable `uint64_t`.
/// (Null handles and out-parameters return `FERRY_STATUS_NULL`.)
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_tree_get(
    tree: *const FerryTree,
    key: FFISlice<u8>,
    buffer: FFISliceMut<u8>,
    value_len: *mut u64,
) -> FerryStatus {
    guard("ferry_tree_get", || {
        // SAFETY: per the contract above.
        let (tree, len_out) =
            unsafe { (handle(tree, "tree")?, exclusive(value_len, "value_len")?) };
        let key = bytes(key, "key")?;
        let buffer = bytes_mut(buffer, "buffer")?;
        let value = tree.tree.get(key)?.ok_or_else(not_found)?;
        *len_out = value.len() as u64;
        match buffer.get_mut(..value.len()) {
            Some(dst) => {
                dst.copy_from_slice(&value);
                Ok(())
            }
            None => Err(FfiError::new(
                FerryStatus::BufferTooSmall,
                format!(
                    "the value is {} bytes; the buffer holds {}",
                    value.len(),
                    buffer.len()
                ),
            )),
        }
    })
}

/// Stores `value` at `key`, replacing any previous value.
///
/// # Safety
/// `tree` must be null or a live handle; `key` and `value` must describe readable memory.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_tree_insert(
    tree: *const FerryTree,
    key: FFISlice<u8>,
    value: FFISlice<u8>,
) -> FerryStatus {
    guard("ferry_tree_insert", || {
        // SAFETY: per the contract above.
        let tree = unsafe { handle(tree, "tree")? };
        tree.tree
            .insert(bytes(key, "key")?, bytes(value, "value")?)?;
        Ok(())
    })
}

/// Removes `key`; `FERRY_STATUS_NOT_FOUND` if it was absent (nothing changes either way).
///
/// # Safety
/// `tree` must be null or a live handle; `key` must describe readable memory.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_tree_remove(
    tree: *const FerryTree,
    key: FFISlice<u8>,
) -> FerryStatus {
    guard("ferry_tree_remove", || {
        // SAFETY: per the contract above.
        let tree = unsafe { handle(tree, "tree")? };
        tree.tree
            .remove(bytes(key, "key")?)?
            .map(drop)
            .ok_or_else(not_found)
    })
}

/// Atomically replaces the value at `key` with `new_value` if the current value equals
/// `expected`. `has_expected = 0` means "expect the key to be absent" (`expected` ignored);
/// `has_new = 0` means "remove the key" (`new_value` ignored).
///
/// `FERRY_STATUS_CAS_MISMATCH` when the current value differs; nothing is written then.
///
/// # Safety
/// `tree` must be null or a live handle; the slices must describe readable memory.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_tree_compare_and_swap(
    tree: *const FerryTree,
    key: FFISlice<u8>,
    expected: FFISlice<u8>,
    has_expected: u8,
    new_value: FFISlice<u8>,
    has_new: u8,
) -> FerryStatus {
    guard("ferry_tree_compare_and_swap", || {
        // SAFETY: per the contract above.
        let tree = unsafe { handle(tree, "tree")? };
        let expected = if has_expected != 0 {
            Some(bytes(expected, "expected")?)
        } else {
            None
        };
        let new = if has_new != 0 {
            Some(bytes(new_value, "new_value")?)
        } else {
            None
        };
        match tree
            .tree
            .compare_and_swap(bytes(key, "key")?, expected, new)?
        {
            CasOutcome::Swapped => Ok(()),
            CasOutcome::Mismatch { current } => Err(FfiError::new(
                FerryStatus::CasMismatch,
                match current {
                    Some(v) => format!(
                        "the current value ({} bytes) differs from the expected one",
                        v.len()
                    ),
                    None => "the key is absent".to_string(),
                },
            )),
        }
    })
}

/// Applies every write in `batch` atomically. The batch is left empty, ready for reuse,
/// whether or not the apply succeeds (its writes are moved, not copied). The batch handle
/// still has to be destroyed. `FERRY_STATUS_BUSY` if a call on the batch is in progress on
/// another thread (nothing is applied then).
///
/// # Safety
/// `tree` must be null or a live handle; `batch` must be null or a live batch handle.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_tree_apply_batch(
    tree: *const FerryTree,
    batch: *mut FerryBatch,
) -> FerryStatus {
    guard("ferry_tree_apply_batch", || {
        // SAFETY: per the contract above.
        let (tree, batch) = unsafe { (handle(tree, "tree")?, handle(batch, "batch")?) };
        // The batch is free again (emptied) as soon as its writes are taken, before they apply.
        let writes = std::mem::take(&mut *batch.batch.enter("ferry_tree_apply_batch")?);
        Ok(tree.tree.apply_batch(writes)?)
    })
}

/// Counts the tree's entries into `*count` (walks the whole tree).
///
/// # Safety
/// `tree` must be null or a live handle; `count` must point to a writable `uint64_t`.
/// (Null handles and out-parameters return `FERRY_STATUS_NULL`.)
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_tree_len(tree: *const FerryTree, count: *mut u64) -> FerryStatus {
    guard("ferry_tree_len", || {
        // SAFETY: per the contract above.
        let (tree, count) = unsafe { (handle(tree, "tree")?, exclusive(count, "count")?) };
        *count = tree.tree.len()? as u64;
        Ok(())
    })
}
