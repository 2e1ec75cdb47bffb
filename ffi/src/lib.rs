//! `ferry-ffi`: the C ABI of Ferry (`libferry.so`, `libferry.a`).
//!
//! Every function here is `extern "C"`, annotated for interoptopus, and listed in
//! [`ffi_inventory`], from which `bindgen` writes `generated/c/ferry.h` and the C# bindings.
//!
//! # Conventions (for C and C# alike)
//! - Every function returns a [`FerryStatus`]; `ferry_last_error` gives the message of the
//!   calling thread's most recent failure.
//! - Handles (`ferry_store*`, `ferry_tree*`, `ferry_batch*`, `ferry_cursor*`, `ferry_view*`) are
//!   created by `*_open`/`*_new`/`*_get` functions taking a `T**` out-parameter, and freed by
//!   `*_destroy(T**)`, which nulls the caller's pointer; destroying a null handle is a no-op.
//! - A null handle, out-parameter or string argument returns `FERRY_STATUS_NULL`. What cannot
//!   be checked is undefined: a dangling or foreign handle, a destroyed handle passed by a
//!   stale copy of its pointer, a slice whose length exceeds its memory.
//! - Threads: stores, trees and views may be used from many threads at once. Batches and
//!   cursors take one call at a time, from any thread: a call made while another thread's call
//!   on the same batch or cursor is in progress returns `FERRY_STATUS_BUSY` and does nothing
//!   (an atomic in-use flag per handle, `exclusive.rs`). Destroying any handle while another
//!   thread may still call it is undefined; for batches and cursors, a destroy that overlaps a
//!   call in progress is caught and returns `FERRY_STATUS_BUSY`.
//! - No panic crosses the boundary: each body runs under `catch_unwind` and a panic returns
//!   `FERRY_STATUS_PANIC` with its message.
//! - Byte arguments are `{ data, len }` slices; a null `data` with `len == 0` is the empty
//!   string.
#![warn(missing_docs)]

mod args;
mod batch;
mod cursor;
mod exclusive;
mod status;
mod store;
mod tree;
mod view;

pub use batch::*;
pub use cursor::*;
pub use status::{ferry_last_error, ferry_status_name, FerryStatus};
pub use store::*;
pub use tree::*;
pub use view::*;

use interoptopus::lang::c::Function;
use interoptopus::lang::rust::FunctionInfo;
use std::sync::OnceLock;

use interoptopus::patterns::api_guard::APIVersion;
use interoptopus::patterns::service::Service;
use interoptopus::patterns::LibraryPattern;
use interoptopus::{
    constant, ffi_constant, ffi_function, function, Inventory, InventoryBuilder, Symbol,
};

// What the docs promise about threads, checked by the compiler: every handle may be used from
// any thread, and shared between threads (batches and cursors through `Exclusive`, which
// turns a second concurrent call into FERRY_STATUS_BUSY).
const _: () = {
    const fn send_and_sync<T: Send + Sync>() {}
    send_and_sync::<FerryStore>();
    send_and_sync::<FerryTree>();
    send_and_sync::<FerryView>();
    send_and_sync::<FerryBatch>();
    send_and_sync::<FerryCursor>();
};

/// The longest key accepted, in bytes.
#[ffi_constant]
pub const FERRY_MAX_KEY_LEN: u64 = ferry_core::MAX_KEY_LEN as u64;
/// The longest value accepted, in bytes.
#[ffi_constant]
pub const FERRY_MAX_VALUE_LEN: u64 = ferry_core::MAX_VALUE_LEN as u64;

/// Returns the hash of this library's API (functions, types and their layouts, constants).
///
/// The C header defines the hash it was generated for as `FERRY_API_HASH`; a mismatch means
/// the header and the library come from different versions. The C# bindings check it when
/// first loaded.
#[ffi_function]
#[no_mangle]
pub extern "C" fn ferry_api_guard() -> APIVersion {
    static HASH: OnceLock<u64> = OnceLock::new();
    // Building the inventory cannot fail or panic for a library that passed its tests; if it
    // ever did, 0 matches no header and the check reports a mismatch instead of unwinding.
    let hash =
        *HASH.get_or_init(|| std::panic::catch_unwind(|| api_hash(&ffi_inventory())).unwrap_or(0));
    APIVersion::new(hash)
}

/// The API hash of `inventory`: 64-bit FNV-1a over its debug description, which lists every
/// function signature, every type with its fields, layout and docs, and every constant.
///
/// Unlike interoptopus's `inventory_hash`, it does not depend on `std`'s unspecified
/// `DefaultHasher`, so libraries built with another Rust toolchain agree with the committed
/// bindings.
pub fn api_hash(inventory: &Inventory) -> u64 {
    format!("{inventory:?}")
        .bytes()
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
        })
}

/// Returns the library's version as `major * 10000 + minor * 100 + patch`. Also the cheapest
/// call there is, which benchmarks use to measure the cost of crossing the boundary.
#[ffi_function]
#[no_mangle]
pub extern "C" fn ferry_version() -> u32 {
    const fn parse(s: &str) -> u32 {
        let b = s.as_bytes();
        let mut i = 0;
        let mut n = 0;
        while i < b.len() {
            n = n * 10 + (b[i] - b'0') as u32;
            i += 1;
        }
        n
    }
    const VERSION: u32 = parse(env!("CARGO_PKG_VERSION_MAJOR")) * 10000
        + parse(env!("CARGO_PKG_VERSION_MINOR")) * 100
        + parse(env!("CARGO_PKG_VERSION_PATCH"));
    VERSION
}

/// A service pattern: constructors, destructor and methods of one handle type, so that the
/// C# generator can give it a SafeHandle class.
fn service(constructors: Vec<Function>, destructor: Function, methods: Vec<Function>) -> Symbol {
    let service = Service::new(constructors, destructor, methods);
    service.assert_valid();
    Symbol::Pattern(LibraryPattern::Service(service))
}

macro_rules! infos {
    ($($f:ident),* $(,)?) => { vec![$(<$f as FunctionInfo>::function_info()),*] };
}

/// Everything exported, for the binding generators (`bindgen`) and the API guard.
pub fn ffi_inventory() -> Inventory {
    InventoryBuilder::new()
        .register(constant!(FERRY_MAX_KEY_LEN))
        .register(constant!(FERRY_MAX_VALUE_LEN))
        .register(constant!(FERRY_CURSOR_LAYOUT_VERSION))
        .register(constant!(FERRY_ENTRY_HEADER_LEN))
        .register(constant!(FERRY_BOUND_UNBOUNDED))
        .register(constant!(FERRY_BOUND_INCLUDED))
        .register(constant!(FERRY_BOUND_EXCLUDED))
        .register(constant!(FERRY_NO_LIMIT))
        .register(function!(ferry_api_guard))
        .register(function!(ferry_version))
        .register(function!(ferry_last_error))
        .register(function!(ferry_status_name))
        .register(function!(ferry_options_default))
        .register(service(
            infos![ferry_store_open],
            <ferry_store_destroy as FunctionInfo>::function_info(),
            infos![ferry_store_flush, ferry_store_stats, ferry_store_drop_tree],
        ))
        .register(service(
            infos![ferry_tree_open],
            <ferry_tree_destroy as FunctionInfo>::function_info(),
            infos![
                ferry_tree_get,
                ferry_tree_insert,
                ferry_tree_remove,
                ferry_tree_compare_and_swap,
                ferry_tree_apply_batch,
                ferry_tree_len,
            ],
        ))
        .register(service(
            infos![ferry_batch_new],
            <ferry_batch_destroy as FunctionInfo>::function_info(),
            infos![ferry_batch_insert, ferry_batch_remove, ferry_batch_len],
        ))
        .register(service(
            infos![ferry_view_get],
            <ferry_view_destroy as FunctionInfo>::function_info(),
            infos![ferry_view_bytes],
        ))
        .register(service(
            infos![ferry_cursor_open, ferry_cursor_open_prefix],
            <ferry_cursor_destroy as FunctionInfo>::function_info(),
            infos![ferry_cursor_next, ferry_cursor_fill],
        ))
        .inventory()
}
