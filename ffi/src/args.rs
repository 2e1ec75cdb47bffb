//! Checked access to the raw arguments of exported functions: handles, out-parameters,
//! byte slices and C strings. Null pointers become `FERRY_STATUS_NULL`, never UB.

use interoptopus::patterns::slice::{FFISlice, FFISliceMut};
use interoptopus::patterns::string::AsciiPointer;

use crate::status::{FerryStatus, FfiError};

/// The layout of `FFISlice<u8>` and `FFISliceMut<u8>` (`#[repr(C)] { data, len }` in the
/// pinned interoptopus 0.14.27), whose fields are private. Reading it lets a null `data` with
/// a non-zero `len` be reported instead of silently read as empty.
#[repr(C)]
struct RawSlice {
    data: *const u8,
    len: u64,
}

const _: () = assert!(std::mem::size_of::<FFISlice<u8>>() == std::mem::size_of::<RawSlice>());
const _: () = assert!(std::mem::size_of::<FFISliceMut<u8>>() == std::mem::size_of::<RawSlice>());

fn check_slice_parts(raw: RawSlice, what: &'static str) -> Result<(), FfiError> {
    if raw.data.is_null() && raw.len != 0 {
        return Err(FfiError::new(
            FerryStatus::Null,
            format!("{what}: data pointer is null but length is {}", raw.len),
        ));
    }
    if raw.len > isize::MAX as u64 {
        return Err(FfiError::invalid(format!(
            "{what}: length {} is too large",
            raw.len
        )));
    }
    Ok(())
}

/// The bytes of a caller's slice (empty when `data` is null and `len` is 0).
pub(crate) fn bytes<'a>(slice: FFISlice<'a, u8>, what: &'static str) -> Result<&'a [u8], FfiError> {
    // SAFETY: `FFISlice<u8>` is `#[repr(C)] { *const u8, u64, PhantomData }`, the same size
    // and field layout as `RawSlice` (checked above); both are `Copy` plain data.
    let raw: RawSlice = unsafe { std::mem::transmute(slice) };
    check_slice_parts(raw, what)?;
    // `as_slice` builds the slice from the pointer the caller vouched for (see # Safety on the
    // exported functions); null with length 0 gives the empty slice.
    Ok(slice.as_slice())
}

/// The writable bytes of a caller's buffer (empty when `data` is null and `len` is 0).
pub(crate) fn bytes_mut<'a>(
    mut slice: FFISliceMut<'a, u8>,
    what: &'static str,
) -> Result<&'a mut [u8], FfiError> {
    // SAFETY: as in `bytes`: `FFISliceMut<u8>` is `#[repr(C)] { *mut u8, u64, PhantomData }`.
    // Only the two plain fields are read, by copying them out of a shared reference.
    let raw: RawSlice =
        unsafe { std::ptr::read(&slice as *const FFISliceMut<u8> as *const RawSlice) };
    check_slice_parts(raw, what)?;
    Ok(slice.as_slice_mut())
}

/// A UTF-8 C string argument (`const char*` in C).
///
/// The caller of the exported function promises that a non-null pointer is NUL-terminated
/// and stays valid for `'a` (each function's `# Safety` section says so).
pub(crate) fn utf8<'a>(text: AsciiPointer<'a>, what: &'static str) -> Result<&'a str, FfiError> {
    let c = text.as_c_str().ok_or_else(|| FfiError::null(what))?;
    c.to_str()
        .map_err(|e| FfiError::invalid(format!("{what} is not valid UTF-8 ({e})")))
}

/// A shared borrow of a handle argument. Handles are only ever borrowed shared, by as many
/// threads as call at once; the state of those that one call at a time may use sits in an
/// [`Exclusive`](crate::exclusive::Exclusive), entered after this borrow.
///
/// # Safety
/// `ptr` must be null or a live handle of type `T` created by Ferry, not destroyed for `'a`.
pub(crate) unsafe fn handle<'a, T>(ptr: *const T, what: &'static str) -> Result<&'a T, FfiError> {
    // SAFETY: per this function's contract, a non-null `ptr` is a live, aligned `T`.
    unsafe { ptr.as_ref() }.ok_or_else(|| FfiError::null(what))
}

/// An exclusive borrow of an out-parameter argument (never of a handle: see [`handle`]).
///
/// # Safety
/// `ptr` must be null or point to a live, writable `T` that nothing else uses for `'a`.
pub(crate) unsafe fn exclusive<'a, T>(
    ptr: *mut T,
    what: &'static str,
) -> Result<&'a mut T, FfiError> {
    // SAFETY: per this function's contract, a non-null `ptr` is a live, aligned, unaliased `T`.
    unsafe { ptr.as_mut() }.ok_or_else(|| FfiError::null(what))
}

/// Writes `value` through an optional out-parameter (ignored when null).
///
/// # Safety
/// `ptr` must be null or point to a writable `T`.
pub(crate) unsafe fn write_optional<T>(ptr: *mut T, value: T) {
    if !ptr.is_null() {
        // SAFETY: non-null and writable per this function's contract.
        unsafe { ptr.write(value) };
    }
}

/// Moves `value` into a new handle and stores it in `*out`; `destroy` frees it.
pub(crate) fn new_handle<T>(out: &mut *mut T, value: T) {
    *out = Box::into_raw(Box::new(value));
}

/// Destroys the handle in `*handle` and sets `*handle` to null. A null `*handle` is a no-op
/// (so destroying twice through the same variable is harmless); a null `handle` is an error.
///
/// # Safety
/// `handle` must be null or point to a handle pointer that is null or was created by Ferry
/// for type `T` and not yet destroyed, and that no other thread uses from now on.
pub(crate) unsafe fn destroy<T>(handle: *mut *mut T, what: &'static str) -> Result<(), FfiError> {
    // SAFETY: forwarded contract.
    unsafe { destroy_unless(handle, what, |_| Ok(())) }
}

/// As [`destroy`], but first asks `retire` whether the handle may go: if it returns an error
/// (`FERRY_STATUS_BUSY` for a handle a call is using), nothing is freed and `*handle` is left
/// as it is.
///
/// # Safety
/// As for [`destroy`], except that a call in progress on another thread is allowed if `retire`
/// detects it.
pub(crate) unsafe fn destroy_unless<T>(
    handle: *mut *mut T,
    what: &'static str,
    retire: impl FnOnce(&T) -> Result<(), FfiError>,
) -> Result<(), FfiError> {
    // SAFETY: per this function's contract.
    let slot = unsafe { exclusive(handle, what)? };
    let ptr = *slot;
    // SAFETY: null or a live handle (the contract); only borrowed shared, as calls on other
    // threads may borrow it too.
    if let Some(live) = unsafe { ptr.as_ref() } {
        retire(live)?;
        *slot = std::ptr::null_mut();
        // SAFETY: a non-null handle was made by `Box::into_raw` in `new_handle` for this `T`
        // and, per the contract, not yet destroyed; it is nulled above, so it is freed once.
        // `retire` said no call is using it, and no later call may start (the contract).
        drop(unsafe { Box::from_raw(ptr) });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_with_null_data_are_empty_or_rejected() {
        assert_eq!(bytes(FFISlice::default(), "key").unwrap(), b"");
        let bogus = RawSlice {
            data: std::ptr::null(),
            len: 3,
        };
        // SAFETY: same layout, as asserted at the top of this file.
        let bogus: FFISlice<u8> = unsafe { std::mem::transmute(bogus) };
        let err = bytes(bogus, "key").unwrap_err();
        assert_eq!(err.status, FerryStatus::Null);
        assert_eq!(err.message, "key: data pointer is null but length is 3");
        assert_eq!(bytes(FFISlice::from_slice(b"abc"), "key").unwrap(), b"abc");
    }

    #[test]
    fn c_strings_must_be_utf8() {
        assert_eq!(
            utf8(AsciiPointer::from_cstr(c"tree"), "name").unwrap(),
            "tree"
        );
        assert_eq!(
            utf8(AsciiPointer::default(), "name").unwrap_err().status,
            FerryStatus::Null
        );
        let err = utf8(AsciiPointer::from_cstr(c"\xff"), "name").unwrap_err();
        assert_eq!(err.status, FerryStatus::InvalidArgument);
        assert!(err.message.starts_with("name is not valid UTF-8"));
    }
}
