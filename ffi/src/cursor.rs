//! `FerryCursor`: ordered scans that return many entries per call in a packed layout.
//!
//! # Packed entry layout, version 1 (`FERRY_CURSOR_LAYOUT_VERSION`)
//! `ferry_cursor_next` and `ferry_cursor_fill` fill the caller's buffer with whole entries, back
//! to back, each:
//!
//! | bytes | content |
//! |---|---|
//! | 4 | key length `k`, unsigned little-endian |
//! | 4 | value length `v`, unsigned little-endian |
//! | k | key |
//! | v | value |
//!
//! There is no padding and no alignment: decode the lengths byte by byte (or `memcpy` on a
//! little-endian machine). An entry needs
//! `FERRY_ENTRY_HEADER_LEN + k + v` bytes.

use std::ops::Bound;

use ferry_core::{Iter, Scan, Value};
use interoptopus::patterns::slice::{FFISlice, FFISliceMut};
use interoptopus::{ffi_constant, ffi_function, ffi_type};

use crate::args::{
    bytes, bytes_mut, destroy_unless, exclusive, handle, new_handle, write_optional,
};
use crate::exclusive::Exclusive;
use crate::status::{guard, FerryStatus, FfiError};
use crate::tree::FerryTree;

/// The version of the packed entry layout `ferry_cursor_next` writes. Version 1: entries back
/// to back, no padding, each `[key length: 4 bytes][value length: 4 bytes][key][value]`, the
/// lengths unsigned little-endian (decode them byte by byte to stay endian-neutral).
#[ffi_constant]
pub const FERRY_CURSOR_LAYOUT_VERSION: u32 = 1;
/// Bytes before each entry's key: the key length, then the value length, each 32-bit
/// unsigned little-endian.
#[ffi_constant]
pub const FERRY_ENTRY_HEADER_LEN: u32 = 8;
/// Bound kind: no bound on this side (the key argument is ignored).
#[ffi_constant]
pub const FERRY_BOUND_UNBOUNDED: u32 = 0;
/// Bound kind: the bound key itself is in the range.
#[ffi_constant]
pub const FERRY_BOUND_INCLUDED: u32 = 1;
/// Bound kind: the bound key itself is not in the range.
#[ffi_constant]
pub const FERRY_BOUND_EXCLUDED: u32 = 2;
/// `limit` value meaning "no limit".
#[ffi_constant]
pub const FERRY_NO_LIMIT: u64 = u64::MAX;

/// An ordered walk over part of a tree. Create with `ferry_cursor_open` or
/// `ferry_cursor_open_prefix`, read with `ferry_cursor_next`, free with
/// `ferry_cursor_destroy`. It sees a live view of the tree (no snapshot) and visits each key
/// at most once, in order.
///
/// One call at a time: a cursor may be used from any thread, but a call on it made while
/// another thread's call on it is in progress returns `FERRY_STATUS_BUSY` and does nothing.
#[ffi_type(opaque)]
pub struct FerryCursor {
    pub(crate) state: Exclusive<CursorState>,
}

/// Where a cursor is.
pub(crate) struct CursorState {
    iter: Iter,
    /// An entry read from `iter` that did not fit in the last buffer.
    pending: Option<(Value, Value)>,
    /// Whether `iter` has ended (and `pending` is empty).
    finished: bool,
}

fn bound(key: FFISlice<u8>, kind: u32, what: &'static str) -> Result<Bound<Vec<u8>>, FfiError> {
    match kind {
        FERRY_BOUND_UNBOUNDED => Ok(Bound::Unbounded),
        FERRY_BOUND_INCLUDED => Ok(Bound::Included(bytes(key, what)?.to_vec())),
        FERRY_BOUND_EXCLUDED => Ok(Bound::Excluded(bytes(key, what)?.to_vec())),
        other => Err(FfiError::invalid(format!(
            "{what}: unknown bound kind {other} (use FERRY_BOUND_UNBOUNDED, _INCLUDED or _EXCLUDED)"
        ))),
    }
}

fn open(
    out: *mut *mut FerryCursor,
    tree: *const FerryTree,
    scan: impl FnOnce() -> Result<Scan, FfiError>,
    reverse: u8,
    limit: u64,
) -> Result<(), FfiError> {
    // SAFETY: `out` and `tree` carry the contracts of the exported callers.
    let out = unsafe { exclusive(out, "cursor")? };
    *out = std::ptr::null_mut();
    // SAFETY: as above.
    let tree = unsafe { handle(tree, "tree")? };
    let mut scan = scan()?;
    if reverse != 0 {
        scan = scan.reverse();
    }
    if limit != FERRY_NO_LIMIT {
        scan = scan.limit(usize::try_from(limit).unwrap_or(usize::MAX));
    }
    let iter = tree.tree.scan(&scan)?;
    new_handle(
        out,
        FerryCursor {
            state: Exclusive::new(
                "cursor",
                CursorState {
                    iter,
                    pending: None,
                    finished: false,
                },
            ),
        },
    );
    Ok(())
}

/// Opens a cursor over the keys between two bounds and stores it in `*cursor` (null on
/// failure). Each bound is a key and a kind (`FERRY_BOUND_UNBOUNDED`, `_INCLUDED`,
/// `_EXCLUDED`). `reverse != 0` walks from the end; `limit` caps the entries returned
/// (`FERRY_NO_LIMIT` for none). `FERRY_STATUS_INVALID_RANGE` if start lies after end.
///
/// # Safety
/// `cursor` must point to a writable `ferry_cursor*`; `tree` must be null or a live handle;
/// the slices must describe readable memory.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_cursor_open(
    cursor: *mut *mut FerryCursor,
    tree: *const FerryTree,
    start: FFISlice<u8>,
    start_kind: u32,
    end: FFISlice<u8>,
    end_kind: u32,
    reverse: u8,
    limit: u64,
) -> FerryStatus {
    guard("ferry_cursor_open", || {
        let scan = || {
            Ok(Scan::from_bounds(
                bound(start, start_kind, "start")?,
                bound(end, end_kind, "end")?,
            ))
        };
        open(cursor, tree, scan, reverse, limit)
    })
}

/// Opens a cursor over the keys starting with `prefix` (every key for an empty prefix);
/// otherwise as `ferry_cursor_open`.
///
/// # Safety
/// As for `ferry_cursor_open`.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_cursor_open_prefix(
    cursor: *mut *mut FerryCursor,
    tree: *const FerryTree,
    prefix: FFISlice<u8>,
    reverse: u8,
    limit: u64,
) -> FerryStatus {
    guard("ferry_cursor_open_prefix", || {
        let scan = || Ok(Scan::prefix(bytes(prefix, "prefix")?));
        open(cursor, tree, scan, reverse, limit)
    })
}

fn entry_len(key: &[u8], value: &[u8]) -> usize {
    FERRY_ENTRY_HEADER_LEN as usize + key.len() + value.len()
}

/// Writes one entry at the start of `buf`, which holds at least `entry_len` bytes.
#[inline]
fn put_entry(buf: &mut [u8], key: &[u8], value: &[u8]) {
    // Keys and values are far below 4 GiB (MAX_KEY_LEN, MAX_VALUE_LEN).
    buf[0..4].copy_from_slice(&(key.len() as u32).to_le_bytes());
    buf[4..8].copy_from_slice(&(value.len() as u32).to_le_bytes());
    let (k, v) = buf[8..].split_at_mut(key.len());
    k.copy_from_slice(key);
    v[..value.len()].copy_from_slice(value);
}

/// What one fill of a caller's buffer did.
#[derive(Default)]
struct Filled {
    /// Entries written.
    count: u64,
    /// Bytes written; or, when the first entry did not fit, the bytes it needs.
    used: usize,
    /// Whether the scan has no entry after these.
    finished: bool,
}

impl CursorState {
    /// Appends `(key, value)` to `buf` at `filled.used`; gives the entry back if it does not
    /// fit.
    #[inline]
    fn put(
        buf: &mut [u8],
        filled: &mut Filled,
        key: Value,
        value: Value,
    ) -> Result<(), (Value, Value)> {
        let need = entry_len(&key, &value);
        let at = filled.used;
        match buf.get_mut(at..at + need) {
            Some(slot) => {
                put_entry(slot, &key, &value);
                filled.count += 1;
                filled.used = at + need;
                Ok(())
            }
            None => Err((key, value)),
        }
    }

    /// Fills `buf` with as many of the next entries as fit (see `ferry_cursor_fill`).
    fn fill(&mut self, buf: &mut [u8], filled: &mut Filled) -> Result<(), FfiError> {
        if self.finished {
            filled.finished = true;
            return Ok(());
        }
        let mut first = self.pending.take();
        loop {
            let (key, value) = match first.take() {
                Some(entry) => entry,
                None => match self.iter.next() {
                    Some(entry) => entry?,
                    None => {
                        self.finished = true;
                        filled.finished = true;
                        return Ok(());
                    }
                },
            };
            if let Err((key, value)) = Self::put(buf, filled, key, value) {
                let need = entry_len(&key, &value);
                self.pending = Some((key, value));
                if filled.count == 0 {
                    filled.used = need;
                    return Err(FfiError::new(
                        FerryStatus::BufferTooSmall,
                        format!(
                            "the next entry needs {need} bytes; the buffer holds {}",
                            buf.len()
                        ),
                    ));
                }
                return Ok(());
            }
        }
    }
}

/// The body of `ferry_cursor_next` and `ferry_cursor_fill`.
///
/// # Safety
/// As for `ferry_cursor_fill`.
unsafe fn next_entries(
    function: &'static str,
    cursor: *mut FerryCursor,
    buffer: FFISliceMut<u8>,
    count: *mut u64,
    used: *mut u64,
    finished: *mut u8,
) -> FerryStatus {
    let mut filled = Filled::default();
    let status = guard(function, || {
        // SAFETY: per the contract of the exported callers.
        let cursor = unsafe { handle(cursor, "cursor")? };
        let mut cursor = cursor.state.enter(function)?;
        let buf = bytes_mut(buffer, "buffer")?;
        cursor.fill(buf, &mut filled)
    });
    // SAFETY: null or writable per the contract of the exported callers.
    unsafe {
        write_optional(count, filled.count);
        write_optional(used, filled.used as u64);
        write_optional(
            finished,
            u8::from(status == FerryStatus::Ok && filled.finished),
        );
    }
    status
}

/// Fills `buffer` with as many of the next entries as fit, in the packed layout (see
/// `FERRY_CURSOR_LAYOUT_VERSION`), and stores the number of entries in `*count` and the
/// bytes used in `*used` (either may be null).
///
/// `*count == 0` with `FERRY_STATUS_OK` means the scan is finished. If the next entry alone
/// does not fit, returns `FERRY_STATUS_BUFFER_TOO_SMALL` with `*used` set to the bytes it
/// needs; the entry is kept, so the call can be repeated with a larger buffer. After any
/// other error, `*count` entries were still written, and they are valid.
/// `ferry_cursor_fill` does the same and also says when the scan is finished, which saves
/// the last call.
///
/// # Safety
/// `cursor` must be null or a live handle; `buffer` must describe writable memory; `count`
/// and `used` must be null or writable.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_cursor_next(
    cursor: *mut FerryCursor,
    buffer: FFISliceMut<u8>,
    count: *mut u64,
    used: *mut u64,
) -> FerryStatus {
    // SAFETY: forwarded contract; `finished` is null.
    unsafe {
        next_entries(
            "ferry_cursor_next",
            cursor,
            buffer,
            count,
            used,
            std::ptr::null_mut(),
        )
    }
}

/// As `ferry_cursor_next`, and stores in `*finished` (may be null) 1 when the scan has no
/// entry after the ones written, else 0. A scan that fits in one buffer thus takes one call,
/// not two: stop when `*finished` is 1 (the cursor may be destroyed right away); further
/// calls return `*count == 0` and `*finished == 1`. `*finished` is 0 after any status but
/// `FERRY_STATUS_OK`.
///
/// # Safety
/// `cursor` must be null or a live handle; `buffer` must describe writable memory; `count`,
/// `used` and `finished` must be null or writable.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_cursor_fill(
    cursor: *mut FerryCursor,
    buffer: FFISliceMut<u8>,
    count: *mut u64,
    used: *mut u64,
    finished: *mut u8,
) -> FerryStatus {
    // SAFETY: forwarded contract.
    unsafe { next_entries("ferry_cursor_fill", cursor, buffer, count, used, finished) }
}

/// Frees the cursor in `*cursor` and sets `*cursor` to null; a null `*cursor` is a no-op.
/// `FERRY_STATUS_BUSY` if a call on the cursor is in progress on another thread: nothing is
/// freed and `*cursor` is left as it is.
///
/// # Safety
/// `cursor` must point to a handle from `ferry_cursor_open*` (or null), not used afterwards:
/// a call that starts while or after it is destroyed is undefined behaviour (only one already
/// in progress is detected).
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_cursor_destroy(cursor: *mut *mut FerryCursor) -> FerryStatus {
    guard("ferry_cursor_destroy", || {
        // SAFETY: forwarded contract.
        unsafe {
            destroy_unless(cursor, "cursor", |c: &FerryCursor| {
                c.state.retire("ferry_cursor_destroy")
            })
        }
    })
}
