//! The error story of the C ABI: one status enum, a per-thread last-error message, and the
//! guard every exported function runs its body under.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ffi::CStr;
use std::panic::{catch_unwind, AssertUnwindSafe};

use interoptopus::patterns::result::{get_panic_message, FFIError};
use interoptopus::patterns::slice::FFISliceMut;
use interoptopus::patterns::string::AsciiPointer;
use interoptopus::{ffi_function, ffi_type};

/// The status every Ferry function returns. `FERRY_STATUS_OK` (0) is success; for any other
/// value, `ferry_last_error` returns the same status and a message describing the failure.
///
/// Three statuses report an outcome rather than a failure: `NOT_FOUND`, `BUFFER_TOO_SMALL`
/// and `CAS_MISMATCH`. Values may be added in later versions; treat unknown ones as errors.
#[ffi_type(patterns(ffi_error))]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FerryStatus {
    /// Success.
    Ok = 0,
    /// A required pointer argument was null, or a slice's data pointer was null while its
    /// length was not 0 (a null data pointer with length 0 is the empty slice).
    Null = 1,
    /// Ferry panicked (a bug); the message says where. The handle involved may be unusable.
    Panic = 2,
    /// The key is not in the tree (get, view, remove, drop tree).
    NotFound = 3,
    /// The caller's buffer is too small; the length out-parameter holds the size needed and
    /// nothing was consumed, so the call can be repeated with a larger buffer.
    BufferTooSmall = 4,
    /// Compare-and-swap found a different current value; nothing was written.
    CasMismatch = 5,
    /// A key is longer than `FERRY_MAX_KEY_LEN`.
    KeyTooLong = 6,
    /// A value is longer than `FERRY_MAX_VALUE_LEN`.
    ValueTooLong = 7,
    /// A tree name is empty, too long, starts with `__`, or holds control characters.
    InvalidTreeName = 8,
    /// A scan's start bound lies after its end bound.
    InvalidRange = 9,
    /// An argument is malformed: a path or name that is not UTF-8, an unknown bound kind,
    /// out-of-range options, a slice length above `isize::MAX`.
    InvalidArgument = 10,
    /// The store is already open, in this process or another.
    Locked = 11,
    /// The operating system reported an I/O error.
    Io = 12,
    /// The store's files are corrupt.
    Corruption = 13,
    /// The storage engine does not support the operation.
    Unsupported = 14,
    /// The storage engine reported an internal error.
    Internal = 15,
    /// The tree was dropped (`ferry_store_drop_tree`) while this handle to it was in use.
    TreeDropped = 16,
    /// The batch or cursor is in use by a call on another thread: this call did nothing. A
    /// batch or cursor takes one call at a time (a misuse that Ferry detects rather than a
    /// data race); the message names the function and the handle.
    Busy = 17,
}

impl FerryStatus {
    /// Every status, in discriminant order.
    pub const ALL: [FerryStatus; 18] = [
        FerryStatus::Ok,
        FerryStatus::Null,
        FerryStatus::Panic,
        FerryStatus::NotFound,
        FerryStatus::BufferTooSmall,
        FerryStatus::CasMismatch,
        FerryStatus::KeyTooLong,
        FerryStatus::ValueTooLong,
        FerryStatus::InvalidTreeName,
        FerryStatus::InvalidRange,
        FerryStatus::InvalidArgument,
        FerryStatus::Locked,
        FerryStatus::Io,
        FerryStatus::Corruption,
        FerryStatus::Unsupported,
        FerryStatus::Internal,
        FerryStatus::TreeDropped,
        FerryStatus::Busy,
    ];

    /// The status's name as the C header spells it.
    pub fn c_name(self) -> &'static CStr {
        match self {
            FerryStatus::Ok => c"FERRY_STATUS_OK",
            FerryStatus::Null => c"FERRY_STATUS_NULL",
            FerryStatus::Panic => c"FERRY_STATUS_PANIC",
            FerryStatus::NotFound => c"FERRY_STATUS_NOT_FOUND",
            FerryStatus::BufferTooSmall => c"FERRY_STATUS_BUFFER_TOO_SMALL",
            FerryStatus::CasMismatch => c"FERRY_STATUS_CAS_MISMATCH",
            FerryStatus::KeyTooLong => c"FERRY_STATUS_KEY_TOO_LONG",
            FerryStatus::ValueTooLong => c"FERRY_STATUS_VALUE_TOO_LONG",
            FerryStatus::InvalidTreeName => c"FERRY_STATUS_INVALID_TREE_NAME",
            FerryStatus::InvalidRange => c"FERRY_STATUS_INVALID_RANGE",
            FerryStatus::InvalidArgument => c"FERRY_STATUS_INVALID_ARGUMENT",
            FerryStatus::Locked => c"FERRY_STATUS_LOCKED",
            FerryStatus::Io => c"FERRY_STATUS_IO",
            FerryStatus::Corruption => c"FERRY_STATUS_CORRUPTION",
            FerryStatus::Unsupported => c"FERRY_STATUS_UNSUPPORTED",
            FerryStatus::Internal => c"FERRY_STATUS_INTERNAL",
            FerryStatus::TreeDropped => c"FERRY_STATUS_TREE_DROPPED",
            FerryStatus::Busy => c"FERRY_STATUS_BUSY",
        }
    }
}

/// Returns the name of `status` as a static NUL-terminated string, such as
/// `"FERRY_STATUS_NOT_FOUND"`, or `"FERRY_STATUS_UNKNOWN"` for a value this library does not
/// define. The string must not be freed.
#[ffi_function]
#[no_mangle]
pub extern "C" fn ferry_status_name(status: u32) -> AsciiPointer<'static> {
    AsciiPointer::from_cstr(status_name(status))
}

// Outside the annotated function: interoptopus's macro does not parse `c"..."` literals.
fn status_name(status: u32) -> &'static CStr {
    usize::try_from(status)
        .ok()
        .and_then(|i| FerryStatus::ALL.get(i))
        .map_or(c"FERRY_STATUS_UNKNOWN", |s| s.c_name())
}

impl FFIError for FerryStatus {
    const SUCCESS: Self = FerryStatus::Ok;
    const NULL: Self = FerryStatus::Null;
    const PANIC: Self = FerryStatus::Panic;
}

/// A failure inside the C ABI: a status and the message `ferry_last_error` will report.
#[derive(Debug)]
pub(crate) struct FfiError {
    pub(crate) status: FerryStatus,
    pub(crate) message: Cow<'static, str>,
}

impl FfiError {
    pub(crate) fn new(status: FerryStatus, message: impl Into<Cow<'static, str>>) -> FfiError {
        FfiError {
            status,
            message: message.into(),
        }
    }

    pub(crate) fn null(what: &'static str) -> FfiError {
        FfiError::new(FerryStatus::Null, format!("{what} must not be null"))
    }

    pub(crate) fn invalid(message: impl Into<Cow<'static, str>>) -> FfiError {
        FfiError::new(FerryStatus::InvalidArgument, message)
    }
}

impl From<ferry_core::Error> for FfiError {
    fn from(err: ferry_core::Error) -> FfiError {
        use ferry_core::Error as E;
        let status = match &err {
            E::KeyTooLong { .. } => FerryStatus::KeyTooLong,
            E::ValueTooLong { .. } => FerryStatus::ValueTooLong,
            E::InvalidTreeName { .. } => FerryStatus::InvalidTreeName,
            E::InvalidRange => FerryStatus::InvalidRange,
            E::InvalidOptions(_) => FerryStatus::InvalidArgument,
            E::Locked { .. } => FerryStatus::Locked,
            E::Io(_) => FerryStatus::Io,
            E::Corruption { .. } => FerryStatus::Corruption,
            E::Unsupported(_) => FerryStatus::Unsupported,
            E::TreeDropped { .. } => FerryStatus::TreeDropped,
            _ => FerryStatus::Internal,
        };
        FfiError::new(status, err.to_string())
    }
}

/// What the calling thread's most recent failed call reported.
struct LastError {
    status: FerryStatus,
    message: Cow<'static, str>,
}

thread_local! {
    static LAST_ERROR: RefCell<LastError> = const {
        RefCell::new(LastError { status: FerryStatus::Ok, message: Cow::Borrowed("") })
    };
}

fn record(err: FfiError) -> FerryStatus {
    let status = err.status;
    // `try_with` fails only while the thread is being torn down; the status still tells.
    let _ = LAST_ERROR.try_with(|last| {
        if let Ok(mut last) = last.try_borrow_mut() {
            *last = LastError {
                status,
                message: err.message,
            };
        }
    });
    status
}

/// Runs an exported function's body: a panic becomes `FERRY_STATUS_PANIC`, an error its
/// status, and either records the message for `ferry_last_error`. Nothing unwinds past it.
pub(crate) fn guard(
    function: &'static str,
    body: impl FnOnce() -> Result<(), FfiError>,
) -> FerryStatus {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => FerryStatus::Ok,
        Ok(Err(err)) => record(err),
        Err(panic) => record(FfiError::new(
            FerryStatus::Panic,
            format!("{function} panicked: {}", get_panic_message(panic.as_ref())),
        )),
    }
}

/// Reports the most recent failure on the calling thread.
///
/// Returns the status of the most recent call on this thread that did not return
/// `FERRY_STATUS_OK` (`FERRY_STATUS_OK` if there was none), and copies its message, UTF-8
/// and NUL-terminated, into `message` (truncated to fit; nothing is written to an empty
/// buffer). `*message_len`, if not null, receives the message's full length in bytes without
/// the NUL, so a caller can retry with a larger buffer. Successful calls do not clear it:
/// read it only right after a call that returned the same status.
///
/// # Safety
/// `message` must be empty or point to `message.len` writable bytes; `message_len` must be
/// null or point to a writable `uint64_t`.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_last_error(
    mut message: FFISliceMut<u8>,
    message_len: *mut u64,
) -> FerryStatus {
    let fill = || -> FerryStatus {
        LAST_ERROR.with(|last| {
            let last = last.borrow();
            let text = last.message.as_bytes();
            let buf = message.as_slice_mut();
            if let Some(room) = buf.len().checked_sub(1) {
                let n = room.min(text.len());
                buf[..n].copy_from_slice(&text[..n]);
                buf[n] = 0;
            }
            if !message_len.is_null() {
                // SAFETY: non-null, and the caller promises it points to a writable u64.
                unsafe { *message_len = text.len() as u64 };
            }
            last.status
        })
    };
    // Formatting cannot panic here, but keep the promise that nothing unwinds into C.
    catch_unwind(AssertUnwindSafe(fill)).unwrap_or(FerryStatus::Panic)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last_error() -> (FerryStatus, String) {
        let mut buf = [0u8; 256];
        let mut len = 0u64;
        // SAFETY: buf and len are live locals.
        let status = unsafe { ferry_last_error(FFISliceMut::from_slice(&mut buf), &mut len) };
        let text = std::ffi::CStr::from_bytes_until_nul(&buf)
            .unwrap()
            .to_str()
            .unwrap();
        assert_eq!(text.len() as u64, len);
        (status, text.to_string())
    }

    #[test]
    fn errors_and_panics_become_statuses_with_messages() {
        let status = guard("t", || Err(FfiError::null("key")));
        assert_eq!(status, FerryStatus::Null);
        assert_eq!(
            last_error(),
            (FerryStatus::Null, "key must not be null".into())
        );

        let status = guard("ferry_boom", || panic!("kaboom"));
        assert_eq!(status, FerryStatus::Panic);
        assert_eq!(
            last_error(),
            (FerryStatus::Panic, "ferry_boom panicked: kaboom".into())
        );

        // Success leaves the last error in place.
        assert_eq!(guard("t", || Ok(())), FerryStatus::Ok);
        assert_eq!(last_error().0, FerryStatus::Panic);
    }

    #[test]
    fn messages_are_truncated_to_the_buffer_and_report_their_length() {
        guard("t", || Err(FfiError::invalid("0123456789")));
        let mut small = [0xFFu8; 4];
        let mut len = 0u64;
        // SAFETY: small and len are live locals.
        let status = unsafe { ferry_last_error(FFISliceMut::from_slice(&mut small), &mut len) };
        assert_eq!(status, FerryStatus::InvalidArgument);
        assert_eq!(&small, b"012\0");
        assert_eq!(len, 10);
        // An empty buffer and a null length are fine.
        // SAFETY: an empty slice and a null pointer are allowed.
        let status = unsafe { ferry_last_error(FFISliceMut::empty(), std::ptr::null_mut()) };
        assert_eq!(status, FerryStatus::InvalidArgument);
    }

    #[test]
    fn every_status_has_its_c_name() {
        for (i, status) in FerryStatus::ALL.iter().enumerate() {
            assert_eq!(*status as usize, i, "ALL is in discriminant order");
            let shouty: String = format!("{status:?}")
                .chars()
                .flat_map(|c| {
                    let sep = c.is_uppercase().then_some('_');
                    sep.into_iter().chain(c.to_uppercase())
                })
                .collect();
            let want = format!("FERRY_STATUS{shouty}");
            assert_eq!(
                ferry_status_name(i as u32)
                    .as_c_str()
                    .unwrap()
                    .to_str()
                    .unwrap(),
                want
            );
        }
        let unknown = ferry_status_name(99);
        assert_eq!(unknown.as_c_str().unwrap(), c"FERRY_STATUS_UNKNOWN");
    }

    #[test]
    fn core_errors_map_to_their_statuses() {
        let err = FfiError::from(ferry_core::Error::InvalidRange);
        assert_eq!(err.status, FerryStatus::InvalidRange);
        assert!(err.message.contains("start bound"));
    }
}
