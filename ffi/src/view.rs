//! `FerryView`: a zero-copy read. The handle keeps the value alive and exposes its bytes.

use ferry_core::Value;
use interoptopus::patterns::slice::FFISlice;
use interoptopus::{ffi_function, ffi_type};

use crate::args::{bytes, destroy, exclusive, handle, new_handle};
use crate::status::{guard, FerryStatus};
use crate::tree::{not_found, FerryTree};

/// A value read without copying. Create with `ferry_view_get`, read with `ferry_view_bytes`,
/// free with `ferry_view_destroy`. The bytes stay valid and unchanged until the view is
/// destroyed, whatever happens to the tree meanwhile. Safe to use from many threads (it is
/// never changed), but not to destroy while another thread uses it or its bytes.
#[ffi_type(opaque)]
pub struct FerryView {
    value: Value,
}

/// A pointer and a length: the bytes of a view.
#[ffi_type]
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct FerryBytes {
    /// The first byte; valid for `len` bytes while the view lives (may be null when `len` is 0).
    pub data: *const u8,
    /// The number of bytes.
    pub len: u64,
}

/// Reads the value at `key` without copying it and stores a view of it in `*view` (null on
/// failure). `FERRY_STATUS_NOT_FOUND` if the key is absent. Free with `ferry_view_destroy`.
///
/// # Safety
/// `view` must point to a writable `ferry_view*`; `tree` must be null or a live handle; `key`
/// must describe readable memory.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_view_get(
    view: *mut *mut FerryView,
    tree: *const FerryTree,
    key: FFISlice<u8>,
) -> FerryStatus {
    guard("ferry_view_get", || {
        // SAFETY: per the contract above.
        let out = unsafe { exclusive(view, "view")? };
        *out = std::ptr::null_mut();
        // SAFETY: per the contract above.
        let tree = unsafe { handle(tree, "tree")? };
        let value = tree.tree.get(bytes(key, "key")?)?.ok_or_else(not_found)?;
        // Boxed by `new_handle`: the bytes (even short, inline ones) do not move until
        // the view is destroyed.
        new_handle(out, FerryView { value });
        Ok(())
    })
}

/// Stores the view's pointer and length in `*bytes`.
///
/// # Safety
/// `view` must be null or a live handle; `bytes` must point to a writable `ferry_bytes`.
/// (Null handles and out-parameters return `FERRY_STATUS_NULL`.)
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_view_bytes(
    view: *const FerryView,
    bytes: *mut FerryBytes,
) -> FerryStatus {
    guard("ferry_view_bytes", || {
        // SAFETY: per the contract above.
        let (view, out) = unsafe { (handle(view, "view")?, exclusive(bytes, "bytes")?) };
        *out = FerryBytes {
            data: view.value.as_ptr(),
            len: view.value.len() as u64,
        };
        Ok(())
    })
}

/// Frees the view in `*view` and sets `*view` to null; a null `*view` is a no-op. Pointers
/// obtained from it are invalid afterwards.
///
/// # Safety
/// `view` must point to a handle from `ferry_view_get` (or null), not used afterwards.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_view_destroy(view: *mut *mut FerryView) -> FerryStatus {
    // SAFETY: forwarded contract.
    guard("ferry_view_destroy", || unsafe { destroy(view, "view") })
}
