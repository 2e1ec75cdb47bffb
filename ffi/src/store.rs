//! `FerryStore`: opening, flushing and inspecting a store.

use ferry_core::{Options, Store};
use interoptopus::patterns::string::AsciiPointer;
use interoptopus::{ffi_function, ffi_type};

use crate::args::{destroy, exclusive, handle, new_handle, utf8};
use crate::status::{guard, FerryStatus, FfiError};

/// An open store. Create with `ferry_store_open`, free with `ferry_store_destroy`.
///
/// A store handle may be used from many threads at once. Trees, cursors and views opened
/// from it stay valid after it is destroyed; the files close when the last of them is gone.
#[ffi_type(opaque)]
pub struct FerryStore {
    pub(crate) store: Store,
}

/// How `ferry_store_open` opens a store; start from `ferry_options_default()`.
#[ffi_type]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FerryOptions {
    /// Bytes of memory the page cache may use (default 64 MiB); at least 256.
    pub cache_capacity: u64,
    /// Milliseconds between background flushes (default 500); 0 disables them.
    pub flush_every_ms: u64,
    /// 1: delete the store's files when it closes; 0: keep them (default).
    pub temporary: u8,
}

/// Figures about a store, from `ferry_store_stats`.
#[ffi_type]
#[repr(C)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FerryStats {
    /// Entries in all trees together.
    pub entries: u64,
    /// Number of trees, counting the default tree.
    pub trees: u64,
    /// Bytes the store's files take on disk.
    pub size_on_disk: u64,
}

impl From<FerryOptions> for Options {
    fn from(o: FerryOptions) -> Options {
        Options {
            cache_capacity: o.cache_capacity,
            flush_every_ms: (o.flush_every_ms != 0).then_some(o.flush_every_ms),
            temporary: o.temporary != 0,
        }
    }
}

/// The default options: 64 MiB cache, background flush every 500 ms, not temporary.
#[ffi_function]
#[no_mangle]
pub extern "C" fn ferry_options_default() -> FerryOptions {
    let d = Options::default();
    FerryOptions {
        cache_capacity: d.cache_capacity,
        flush_every_ms: d.flush_every_ms.unwrap_or(0),
        temporary: u8::from(d.temporary),
    }
}

/// Opens (creating if needed) the store in directory `path` and stores its handle in `*store`.
///
/// `path` is a UTF-8, NUL-terminated path. `options` may be null for the defaults. On
/// failure `*store` is set to null. Fails with `FERRY_STATUS_LOCKED` if the store is open
/// already, `FERRY_STATUS_IO`, `FERRY_STATUS_CORRUPTION` or `FERRY_STATUS_INVALID_ARGUMENT`.
/// The caller owns the handle and frees it with `ferry_store_destroy`.
///
/// # Safety
/// `store` must point to a writable `ferry_store*`; `path` must be a NUL-terminated string;
/// `options` must be null or point to a `ferry_options`.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_store_open(
    store: *mut *mut FerryStore,
    path: AsciiPointer,
    options: *const FerryOptions,
) -> FerryStatus {
    guard("ferry_store_open", || {
        // SAFETY: `store` is a writable pointer slot per the contract above.
        let out = unsafe { exclusive(store, "store")? };
        *out = std::ptr::null_mut();
        let path = utf8(path, "path")?;
        // SAFETY: null or a valid FerryOptions per the contract above.
        let options = unsafe { options.as_ref() }
            .copied()
            .unwrap_or_else(|| ferry_options_default());
        if path.is_empty() {
            return Err(FfiError::invalid("path must not be empty"));
        }
        let opened = Store::open(path, options.into())?;
        new_handle(out, FerryStore { store: opened });
        Ok(())
    })
}

/// Frees the store handle in `*store` and sets `*store` to null; a null `*store` is a no-op.
///
/// Does not flush: call `ferry_store_flush` first for durability.
///
/// # Safety
/// `store` must point to a handle from `ferry_store_open` (or null) that no other thread is
/// using; the handle must not be used afterwards.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_store_destroy(store: *mut *mut FerryStore) -> FerryStatus {
    // SAFETY: forwarded contract.
    guard("ferry_store_destroy", || unsafe { destroy(store, "store") })
}

/// Makes every write that returned before this call durable (written and fsync'd).
///
/// May be called from several threads at once: a flush that finds another one running waits
/// for it, then one flush covers all the callers that waited (group commit).
///
/// # Safety
/// `store` must be null or a live handle from `ferry_store_open`.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_store_flush(store: *const FerryStore) -> FerryStatus {
    guard("ferry_store_flush", || {
        // SAFETY: null or live per the contract above.
        let store = unsafe { handle(store, "store")? };
        Ok(store.store.flush()?)
    })
}

/// Counts entries and trees and measures the files on disk into `*stats` (walks every tree).
///
/// # Safety
/// `store` must be null or a live handle; `stats` must point to a writable `ferry_stats`.
/// (Null handles and out-parameters return `FERRY_STATUS_NULL`.)
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_store_stats(
    store: *const FerryStore,
    stats: *mut FerryStats,
) -> FerryStatus {
    guard("ferry_store_stats", || {
        // SAFETY: null or live/writable per the contract above.
        let (store, out) = unsafe { (handle(store, "store")?, exclusive(stats, "stats")?) };
        let s = store.store.stats()?;
        *out = FerryStats {
            entries: s.entries,
            trees: s.trees,
            size_on_disk: s.size_on_disk,
        };
        Ok(())
    })
}

/// Deletes the tree called `name` with all its entries. `FERRY_STATUS_NOT_FOUND` if it did not
/// exist; the default tree cannot be dropped (`FERRY_STATUS_INVALID_TREE_NAME`).
///
/// # Safety
/// `store` must be null or a live handle; `name` must be null or NUL-terminated.
#[ffi_function]
#[no_mangle]
pub unsafe extern "C" fn ferry_store_drop_tree(
    store: *const FerryStore,
    name: AsciiPointer,
) -> FerryStatus {
    guard("ferry_store_drop_tree", || {
        // SAFETY: null or live per the contract above.
        let store = unsafe { handle(store, "store")? };
        let name = utf8(name, "name")?;
        if store.store.drop_tree(name)? {
            Ok(())
        } else {
            Err(FfiError::new(
                FerryStatus::NotFound,
                format!("no tree named {name:?}"),
            ))
        }
    })
}
