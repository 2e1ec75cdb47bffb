//! The C ABI exercised from Rust exactly as C would call it: raw pointers, slices, statuses.

use std::ptr::{null, null_mut};

use ferry::*;
use interoptopus::patterns::slice::{FFISlice, FFISliceMut};
use interoptopus::patterns::string::AsciiPointer;

fn s(bytes: &[u8]) -> FFISlice<'_, u8> {
    FFISlice::from_slice(bytes)
}

fn cstr(text: &std::ffi::CStr) -> AsciiPointer<'_> {
    AsciiPointer::from_cstr(text)
}

/// The calling thread's last error, as (status, message).
fn last_error() -> (FerryStatus, String) {
    let mut buf = vec![0u8; 1024];
    let mut len = 0u64;
    // SAFETY: buf and len are live locals.
    let status = unsafe { ferry_last_error(FFISliceMut::from_slice(&mut buf), &mut len) };
    buf.truncate(len as usize);
    (status, String::from_utf8(buf).unwrap())
}

/// A store in a temporary directory and its default tree, destroyed on drop.
struct Fixture {
    _dir: tempfile::TempDir,
    store: *mut FerryStore,
    tree: *mut FerryTree,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let path = std::ffi::CString::new(dir.path().to_str().unwrap()).unwrap();
        let mut store = null_mut();
        let mut tree = null_mut();
        let mut options = ferry_options_default();
        options.cache_capacity = 4 << 20;
        // SAFETY: out-pointers are live locals; path is NUL-terminated.
        unsafe {
            assert_eq!(
                ferry_store_open(&mut store, cstr(&path), &options),
                FerryStatus::Ok
            );
            assert_eq!(
                ferry_tree_open(&mut tree, store, cstr(c"t")),
                FerryStatus::Ok
            );
        }
        Fixture {
            _dir: dir,
            store,
            tree,
        }
    }

    fn insert(&self, key: &[u8], value: &[u8]) {
        assert_eq!(
            // SAFETY: live handle, live slices.
            unsafe { ferry_tree_insert(self.tree, s(key), s(value)) },
            FerryStatus::Ok
        );
    }

    fn get(&self, key: &[u8]) -> Result<Vec<u8>, FerryStatus> {
        let mut buf = vec![0u8; 64];
        let mut len = 0u64;
        // SAFETY: live handle, live buffers.
        let mut status = unsafe {
            ferry_tree_get(
                self.tree,
                s(key),
                FFISliceMut::from_slice(&mut buf),
                &mut len,
            )
        };
        if status == FerryStatus::BufferTooSmall {
            buf.resize(len as usize, 0);
            // SAFETY: as above.
            status = unsafe {
                ferry_tree_get(
                    self.tree,
                    s(key),
                    FFISliceMut::from_slice(&mut buf),
                    &mut len,
                )
            };
        }
        match status {
            FerryStatus::Ok => {
                buf.truncate(len as usize);
                Ok(buf)
            }
            other => Err(other),
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        // SAFETY: the handles were made by the fixture and are destroyed once.
        unsafe {
            assert_eq!(ferry_tree_destroy(&mut self.tree), FerryStatus::Ok);
            assert_eq!(ferry_store_destroy(&mut self.store), FerryStatus::Ok);
        }
        assert!(
            self.tree.is_null() && self.store.is_null(),
            "destroy nulls the pointer"
        );
    }
}

/// A key and its value.
type Entry = (Vec<u8>, Vec<u8>);

/// Parses the packed layout version 1 written by `ferry_cursor_next`.
fn unpack(buf: &[u8], count: u64) -> Vec<Entry> {
    assert_eq!(FERRY_CURSOR_LAYOUT_VERSION, 1);
    let mut at = 0;
    let mut out = Vec::new();
    for _ in 0..count {
        let k = u32::from_le_bytes(buf[at..at + 4].try_into().unwrap()) as usize;
        let v = u32::from_le_bytes(buf[at + 4..at + 8].try_into().unwrap()) as usize;
        at += FERRY_ENTRY_HEADER_LEN as usize;
        out.push((buf[at..at + k].to_vec(), buf[at + k..at + k + v].to_vec()));
        at += k + v;
    }
    out
}

/// Reads a whole cursor with `buffer_len`-byte buffers; returns the entries and the calls.
fn drain(cursor: *mut FerryCursor, buffer_len: usize) -> (Vec<Entry>, usize) {
    let mut buf = vec![0u8; buffer_len];
    let (mut all, mut calls) = (Vec::new(), 0);
    loop {
        let (mut count, mut used) = (0u64, 0u64);
        calls += 1;
        // SAFETY: live cursor, live buffer and out-params.
        let status = unsafe {
            ferry_cursor_next(
                cursor,
                FFISliceMut::from_slice(&mut buf),
                &mut count,
                &mut used,
            )
        };
        assert_eq!(status, FerryStatus::Ok, "{:?}", last_error());
        if count == 0 {
            return (all, calls);
        }
        all.extend(unpack(&buf[..used as usize], count));
    }
}

#[test]
fn get_insert_remove_round_trip_with_statuses() {
    let f = Fixture::new();
    assert_eq!(f.get(b"k"), Err(FerryStatus::NotFound));
    f.insert(b"k", b"value");
    assert_eq!(f.get(b"k").unwrap(), b"value");
    let big = vec![7u8; 1000];
    f.insert(b"big", &big);
    assert_eq!(
        f.get(b"big").unwrap(),
        big,
        "retried after BUFFER_TOO_SMALL"
    );
    // SAFETY: live handle.
    unsafe {
        assert_eq!(ferry_tree_remove(f.tree, s(b"k")), FerryStatus::Ok);
        assert_eq!(ferry_tree_remove(f.tree, s(b"k")), FerryStatus::NotFound);
        let mut n = 0;
        assert_eq!(ferry_tree_len(f.tree, &mut n), FerryStatus::Ok);
        assert_eq!(n, 1);
    }
}

#[test]
fn buffer_too_small_reports_the_length_and_copies_nothing() {
    let f = Fixture::new();
    f.insert(b"k", b"0123456789");
    let mut small = [0xEEu8; 4];
    let mut len = 0;
    // SAFETY: live handle and buffers.
    let status = unsafe {
        ferry_tree_get(
            f.tree,
            s(b"k"),
            FFISliceMut::from_slice(&mut small),
            &mut len,
        )
    };
    assert_eq!(status, FerryStatus::BufferTooSmall);
    assert_eq!(len, 10);
    assert_eq!(small, [0xEE; 4]);
    assert_eq!(
        last_error(),
        (
            FerryStatus::BufferTooSmall,
            "the value is 10 bytes; the buffer holds 4".into()
        )
    );
}

#[test]
fn views_keep_the_value_alive_after_it_is_overwritten() {
    let f = Fixture::new();
    f.insert(b"short", b"abc"); // inline in sled's IVec
    f.insert(b"long", &[9u8; 100]);
    for (key, want) in [
        (&b"short"[..], vec![b'a', b'b', b'c']),
        (&b"long"[..], vec![9u8; 100]),
    ] {
        let mut view = null_mut();
        let mut bytes = FerryBytes {
            data: null(),
            len: 0,
        };
        // SAFETY: live handles; the view's bytes are read before it is destroyed.
        unsafe {
            assert_eq!(ferry_view_get(&mut view, f.tree, s(key)), FerryStatus::Ok);
            f.insert(key, b"overwritten");
            assert_eq!(ferry_tree_remove(f.tree, s(key)), FerryStatus::Ok);
            assert_eq!(ferry_view_bytes(view, &mut bytes), FerryStatus::Ok);
            assert_eq!(
                std::slice::from_raw_parts(bytes.data, bytes.len as usize),
                &want[..]
            );
            assert_eq!(ferry_view_destroy(&mut view), FerryStatus::Ok);
        }
        assert!(view.is_null());
    }
    let mut view = null_mut();
    assert_eq!(
        // SAFETY: live handle.
        unsafe { ferry_view_get(&mut view, f.tree, s(b"missing")) },
        FerryStatus::NotFound
    );
    assert!(view.is_null());
}

#[test]
fn a_10000_entry_scan_takes_few_calls_and_returns_everything_in_order() {
    let f = Fixture::new();
    let mut batch = null_mut();
    // SAFETY: live handles and locals.
    unsafe {
        assert_eq!(ferry_batch_new(&mut batch), FerryStatus::Ok);
        for i in 0..10_000u32 {
            let key = format!("key/{i:05}");
            assert_eq!(
                ferry_batch_insert(batch, s(key.as_bytes()), s(&i.to_le_bytes())),
                FerryStatus::Ok
            );
        }
        let mut n = 0;
        assert_eq!(ferry_batch_len(batch, &mut n), FerryStatus::Ok);
        assert_eq!(n, 10_000);
        assert_eq!(ferry_tree_apply_batch(f.tree, batch), FerryStatus::Ok);
        assert_eq!(ferry_batch_len(batch, &mut n), FerryStatus::Ok);
        assert_eq!(n, 0, "applying empties the batch");
        assert_eq!(ferry_batch_destroy(&mut batch), FerryStatus::Ok);
    }
    let mut cursor = null_mut();
    // SAFETY: live handles.
    let status =
        unsafe { ferry_cursor_open_prefix(&mut cursor, f.tree, s(b"key/"), 0, FERRY_NO_LIMIT) };
    assert_eq!(status, FerryStatus::Ok);
    let (entries, calls) = drain(cursor, 64 * 1024);
    assert_eq!(entries.len(), 10_000);
    for (i, (k, v)) in entries.iter().enumerate() {
        assert_eq!(k, format!("key/{i:05}").as_bytes());
        assert_eq!(v, &(i as u32).to_le_bytes());
    }
    // 10,000 entries of 8 + 9 + 4 = 21 bytes in 64 KiB buffers: 4 full calls and the end.
    assert_eq!(calls, 10_000 * 21 / (64 * 1024) + 2);
    println!("scan: 10000 entries in {calls} ferry_cursor_next calls with a 64 KiB buffer");
    assert_eq!(
        // SAFETY: live cursor.
        unsafe { ferry_cursor_destroy(&mut cursor) },
        FerryStatus::Ok
    );
}

#[test]
fn cursors_honour_bounds_direction_and_limit() {
    let f = Fixture::new();
    for k in [b"a", b"b", b"c", b"d"] {
        f.insert(k, k);
    }
    let keys = |start: (&[u8], u32), end: (&[u8], u32), reverse: u8, limit: u64| {
        let mut cursor = null_mut();
        // SAFETY: live handles.
        let status = unsafe {
            ferry_cursor_open(
                &mut cursor,
                f.tree,
                s(start.0),
                start.1,
                s(end.0),
                end.1,
                reverse,
                limit,
            )
        };
        assert_eq!(status, FerryStatus::Ok);
        let (entries, _) = drain(cursor, 100);
        // SAFETY: live cursor.
        unsafe { ferry_cursor_destroy(&mut cursor) };
        entries
            .into_iter()
            .map(|(k, _)| String::from_utf8(k).unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        keys(
            (b"b", FERRY_BOUND_INCLUDED),
            (b"d", FERRY_BOUND_EXCLUDED),
            0,
            FERRY_NO_LIMIT
        ),
        ["b", "c"]
    );
    assert_eq!(
        keys(
            (b"b", FERRY_BOUND_EXCLUDED),
            (b"", FERRY_BOUND_UNBOUNDED),
            1,
            FERRY_NO_LIMIT
        ),
        ["d", "c"]
    );
    assert_eq!(
        keys(
            (b"", FERRY_BOUND_UNBOUNDED),
            (b"", FERRY_BOUND_UNBOUNDED),
            1,
            2
        ),
        ["d", "c"]
    );

    let mut cursor = null_mut();
    // SAFETY: live handles.
    unsafe {
        let inverted = ferry_cursor_open(
            &mut cursor,
            f.tree,
            s(b"d"),
            FERRY_BOUND_INCLUDED,
            s(b"a"),
            FERRY_BOUND_INCLUDED,
            0,
            FERRY_NO_LIMIT,
        );
        assert_eq!(inverted, FerryStatus::InvalidRange);
        assert!(cursor.is_null());
        let bad_kind = ferry_cursor_open(
            &mut cursor,
            f.tree,
            s(b"a"),
            7,
            s(b""),
            FERRY_BOUND_UNBOUNDED,
            0,
            FERRY_NO_LIMIT,
        );
        assert_eq!(bad_kind, FerryStatus::InvalidArgument);
        assert!(last_error().1.contains("unknown bound kind 7"));
    }
}

#[test]
fn an_entry_larger_than_the_buffer_is_kept_for_the_retry() {
    let f = Fixture::new();
    f.insert(b"a", &[1u8; 50]);
    f.insert(b"b", &[2u8; 5]);
    let mut cursor = null_mut();
    // SAFETY: live handles and locals throughout.
    unsafe {
        assert_eq!(
            ferry_cursor_open_prefix(&mut cursor, f.tree, s(b""), 0, FERRY_NO_LIMIT),
            FerryStatus::Ok
        );
        let mut small = [0u8; 20];
        let (mut count, mut used) = (9u64, 0u64);
        let status = ferry_cursor_next(
            cursor,
            FFISliceMut::from_slice(&mut small),
            &mut count,
            &mut used,
        );
        assert_eq!(status, FerryStatus::BufferTooSmall);
        assert_eq!((count, used), (0, 8 + 1 + 50));
        let (entries, _) = drain(cursor, used as usize);
        assert_eq!(
            entries,
            [
                (b"a".to_vec(), vec![1u8; 50]),
                (b"b".to_vec(), vec![2u8; 5])
            ]
        );
        assert_eq!(ferry_cursor_destroy(&mut cursor), FerryStatus::Ok);
    }
}

/// One `ferry_cursor_fill` call: status, entries, bytes used, finished.
fn fill(cursor: *mut FerryCursor, buf: &mut [u8]) -> (FerryStatus, Vec<Entry>, u64, u8) {
    let (mut count, mut used, mut finished) = (99u64, 0u64, 7u8);
    // SAFETY: live cursor (per the callers), live buffer and out-params.
    let status = unsafe {
        ferry_cursor_fill(
            cursor,
            FFISliceMut::from_slice(buf),
            &mut count,
            &mut used,
            &mut finished,
        )
    };
    let entries = if status == FerryStatus::Ok {
        unpack(&buf[..used as usize], count)
    } else {
        Vec::new()
    };
    (status, entries, used, finished)
}

#[test]
fn cursor_fill_says_when_the_scan_is_finished() {
    let f = Fixture::new();
    for k in [b"a", b"b", b"c", b"d"] {
        f.insert(k, k);
    }
    let entry = |k: &[u8]| (k.to_vec(), k.to_vec());
    let open = |limit: u64| {
        let mut cursor = null_mut();
        // SAFETY: live handles.
        let status = unsafe { ferry_cursor_open_prefix(&mut cursor, f.tree, s(b""), 0, limit) };
        assert_eq!(status, FerryStatus::Ok);
        cursor
    };
    let mut buf = [0u8; 100];

    // Everything fits: one call, finished.
    let mut cursor = open(FERRY_NO_LIMIT);
    let (status, entries, _, finished) = fill(cursor, &mut buf);
    assert_eq!(status, FerryStatus::Ok);
    assert_eq!(
        entries,
        [entry(b"a"), entry(b"b"), entry(b"c"), entry(b"d")]
    );
    assert_eq!(finished, 1);
    let (status, entries, used, finished) = fill(cursor, &mut buf);
    assert_eq!(
        (status, entries.len(), used, finished),
        (FerryStatus::Ok, 0, 0, 1)
    );

    // The limit ends the scan: finished without another call.
    let mut limited = open(2);
    let (_, entries, _, finished) = fill(limited, &mut buf);
    assert_eq!((entries.len(), finished), (2, 1));

    // A full buffer is not the end: 2 entries of 10 bytes fit in 25.
    let mut partial = open(FERRY_NO_LIMIT);
    let (_, entries, used, finished) = fill(partial, &mut buf[..25]);
    assert_eq!(
        (entries, used, finished),
        (vec![entry(b"a"), entry(b"b")], 20, 0)
    );
    // Too small for the next entry: not finished either, and the entry is kept.
    let (status, _, used, finished) = fill(partial, &mut buf[..5]);
    assert_eq!(
        (status, used, finished),
        (FerryStatus::BufferTooSmall, 10, 0)
    );
    // The last two fill the buffer exactly; the end is still seen, as it takes no room.
    let (_, entries, _, finished) = fill(partial, &mut buf[..20]);
    assert_eq!((entries, finished), (vec![entry(b"c"), entry(b"d")], 1));
    let (_, entries, _, finished) = fill(partial, &mut buf);
    assert_eq!((entries.len(), finished), (0, 1));

    // SAFETY: live cursors, destroyed once; `finished` may be null.
    unsafe {
        let mut reopened = open(FERRY_NO_LIMIT);
        let status = ferry_cursor_fill(
            reopened,
            FFISliceMut::from_slice(&mut buf),
            null_mut(),
            null_mut(),
            null_mut(),
        );
        assert_eq!(status, FerryStatus::Ok);
        for c in [&mut cursor, &mut limited, &mut partial, &mut reopened] {
            assert_eq!(ferry_cursor_destroy(c), FerryStatus::Ok);
        }
        assert_eq!(
            ferry_cursor_fill(
                null_mut(),
                FFISliceMut::from_slice(&mut buf),
                null_mut(),
                null_mut(),
                null_mut()
            ),
            FerryStatus::Null
        );
    }
}

#[test]
fn compare_and_swap_swaps_or_reports_a_mismatch() {
    let f = Fixture::new();
    // SAFETY: live handle.
    unsafe {
        assert_eq!(
            ferry_tree_compare_and_swap(f.tree, s(b"k"), s(b""), 0, s(b"1"), 1),
            FerryStatus::Ok
        );
        assert_eq!(
            ferry_tree_compare_and_swap(f.tree, s(b"k"), s(b""), 0, s(b"2"), 1),
            FerryStatus::CasMismatch
        );
        assert_eq!(
            ferry_tree_compare_and_swap(f.tree, s(b"k"), s(b"1"), 1, s(b""), 0),
            FerryStatus::Ok
        );
    }
    assert_eq!(f.get(b"k"), Err(FerryStatus::NotFound));
}

#[test]
fn every_null_argument_is_a_status_never_a_crash() {
    let f = Fixture::new();
    let mut len = 0u64;
    let mut out_tree = null_mut();
    let mut out_view = null_mut();
    let mut out_cursor = null_mut();
    let mut buf = [0u8; 8];
    let null_data: FFISlice<u8> = {
        #[repr(C)]
        struct Raw(*const u8, u64);
        // SAFETY: FFISlice<u8> is #[repr(C)] { *const u8, u64 } in interoptopus 0.14.
        unsafe { std::mem::transmute(Raw(null(), 5)) }
    };
    // SAFETY: every pointer is null, a live handle, or a live local.
    let cases: Vec<(&str, FerryStatus)> = unsafe {
        vec![
            (
                "store_open out",
                ferry_store_open(null_mut(), cstr(c"/tmp/x"), null()),
            ),
            (
                "store_open path",
                ferry_store_open(&mut null_mut(), AsciiPointer::default(), null()),
            ),
            ("store_destroy", ferry_store_destroy(null_mut())),
            ("store_flush", ferry_store_flush(null())),
            ("store_stats", ferry_store_stats(null(), null_mut())),
            ("store_stats out", ferry_store_stats(f.store, null_mut())),
            (
                "store_drop_tree",
                ferry_store_drop_tree(f.store, AsciiPointer::default()),
            ),
            (
                "tree_open store",
                ferry_tree_open(&mut out_tree, null(), cstr(c"t")),
            ),
            (
                "tree_open name",
                ferry_tree_open(&mut out_tree, f.store, AsciiPointer::default()),
            ),
            (
                "tree_get",
                ferry_tree_get(null(), s(b"k"), FFISliceMut::from_slice(&mut buf), &mut len),
            ),
            (
                "tree_get len",
                ferry_tree_get(
                    f.tree,
                    s(b"k"),
                    FFISliceMut::from_slice(&mut buf),
                    null_mut(),
                ),
            ),
            (
                "tree_get key data",
                ferry_tree_get(
                    f.tree,
                    null_data,
                    FFISliceMut::from_slice(&mut buf),
                    &mut len,
                ),
            ),
            ("tree_insert", ferry_tree_insert(null(), s(b"k"), s(b"v"))),
            (
                "tree_insert value data",
                ferry_tree_insert(f.tree, s(b"k"), null_data),
            ),
            ("tree_remove", ferry_tree_remove(null(), s(b"k"))),
            (
                "tree_cas",
                ferry_tree_compare_and_swap(null(), s(b"k"), s(b""), 0, s(b""), 0),
            ),
            (
                "tree_apply_batch",
                ferry_tree_apply_batch(f.tree, null_mut()),
            ),
            ("tree_len", ferry_tree_len(null(), &mut len)),
            ("tree_destroy", ferry_tree_destroy(null_mut())),
            ("batch_new", ferry_batch_new(null_mut())),
            (
                "batch_insert",
                ferry_batch_insert(null_mut(), s(b"k"), s(b"v")),
            ),
            ("batch_remove", ferry_batch_remove(null_mut(), s(b"k"))),
            ("batch_len", ferry_batch_len(null(), &mut len)),
            ("view_get", ferry_view_get(&mut out_view, null(), s(b"k"))),
            ("view_bytes", ferry_view_bytes(null(), null_mut())),
            (
                "cursor_open",
                ferry_cursor_open(&mut out_cursor, null(), s(b""), 0, s(b""), 0, 0, 0),
            ),
            (
                "cursor_open_prefix",
                ferry_cursor_open_prefix(null_mut(), f.tree, s(b""), 0, 0),
            ),
            (
                "cursor_next",
                ferry_cursor_next(
                    null_mut(),
                    FFISliceMut::from_slice(&mut buf),
                    &mut len,
                    &mut len,
                ),
            ),
            ("cursor_destroy", ferry_cursor_destroy(null_mut())),
        ]
    };
    for (what, status) in cases {
        assert_eq!(status, FerryStatus::Null, "{what}");
    }
    assert!(out_tree.is_null() && out_view.is_null() && out_cursor.is_null());
    // Destroying through a slot that already holds null is a harmless no-op.
    let mut already_null: *mut FerryTree = null_mut();
    assert_eq!(
        // SAFETY: a live local holding null.
        unsafe { ferry_tree_destroy(&mut already_null) },
        FerryStatus::Ok
    );
}

#[test]
fn bad_input_gets_its_status_and_a_message() {
    let f = Fixture::new();
    let long_key = vec![0u8; FERRY_MAX_KEY_LEN as usize + 1];
    let mut tree = null_mut();
    let mut store = null_mut();
    // SAFETY: live handles and locals.
    unsafe {
        assert_eq!(
            ferry_tree_insert(f.tree, s(&long_key), s(b"v")),
            FerryStatus::KeyTooLong
        );
        assert_eq!(
            last_error(),
            (
                FerryStatus::KeyTooLong,
                "key is 1025 bytes long; the limit is 1024 bytes".into()
            )
        );
        assert_eq!(
            ferry_tree_open(&mut tree, f.store, cstr(c"__reserved")),
            FerryStatus::InvalidTreeName
        );
        assert!(last_error().1.contains("reserved"));
        assert_eq!(
            ferry_tree_open(&mut tree, f.store, cstr(c"\xff\xfe")),
            FerryStatus::InvalidArgument
        );
        assert!(last_error().1.contains("not valid UTF-8"));
        assert_eq!(
            ferry_store_drop_tree(f.store, cstr(c"never-made")),
            FerryStatus::NotFound
        );
        assert_eq!(
            ferry_store_drop_tree(f.store, cstr(c"default")),
            FerryStatus::InvalidTreeName
        );
        assert_eq!(
            ferry_store_open(&mut store, cstr(c""), null()),
            FerryStatus::InvalidArgument
        );
        let mut zero_cache = ferry_options_default();
        zero_cache.cache_capacity = 0;
        assert_eq!(
            ferry_store_open(&mut store, cstr(c"/tmp/ferry-never"), &zero_cache),
            FerryStatus::InvalidArgument
        );
        assert!(last_error().1.contains("cache_capacity"));
    }
    assert!(tree.is_null() && store.is_null());
}

#[test]
fn writing_through_a_dropped_tree_reports_tree_dropped() {
    let f = Fixture::new();
    let mut doomed = null_mut();
    // SAFETY: live handles and locals.
    unsafe {
        assert_eq!(
            ferry_tree_open(&mut doomed, f.store, cstr(c"doomed")),
            FerryStatus::Ok
        );
        assert_eq!(
            ferry_store_drop_tree(f.store, cstr(c"doomed")),
            FerryStatus::Ok
        );
        assert_eq!(
            ferry_tree_insert(doomed, s(b"k"), s(b"v")),
            FerryStatus::TreeDropped
        );
        assert_eq!(
            last_error(),
            (
                FerryStatus::TreeDropped,
                "the tree \"doomed\" was dropped".into()
            )
        );
        assert_eq!(ferry_tree_destroy(&mut doomed), FerryStatus::Ok);
    }
}

#[test]
fn a_second_open_of_the_same_store_is_locked() {
    let dir = tempfile::tempdir().unwrap();
    let path = std::ffi::CString::new(dir.path().to_str().unwrap()).unwrap();
    let (mut first, mut second) = (null_mut(), null_mut());
    // SAFETY: live locals.
    unsafe {
        assert_eq!(
            ferry_store_open(&mut first, cstr(&path), null()),
            FerryStatus::Ok
        );
        assert_eq!(
            ferry_store_open(&mut second, cstr(&path), null()),
            FerryStatus::Locked
        );
        assert!(second.is_null());
        assert_eq!(ferry_store_destroy(&mut first), FerryStatus::Ok);
        assert_eq!(
            ferry_store_open(&mut second, cstr(&path), null()),
            FerryStatus::Ok,
            "the lock is released on destroy"
        );
        assert_eq!(ferry_store_destroy(&mut second), FerryStatus::Ok);
    }
}

#[test]
fn trees_outlive_their_store_handle_and_flushed_data_survives() {
    let dir = tempfile::tempdir().unwrap();
    let path = std::ffi::CString::new(dir.path().to_str().unwrap()).unwrap();
    let (mut store, mut tree) = (null_mut(), null_mut());
    let mut stats = FerryStats::default();
    // SAFETY: live locals; the tree is used after the store handle is destroyed, as documented.
    unsafe {
        assert_eq!(
            ferry_store_open(&mut store, cstr(&path), null()),
            FerryStatus::Ok
        );
        assert_eq!(
            ferry_tree_open(&mut tree, store, cstr(c"t")),
            FerryStatus::Ok
        );
        assert_eq!(ferry_store_flush(store), FerryStatus::Ok);
        assert_eq!(ferry_store_destroy(&mut store), FerryStatus::Ok);
        assert_eq!(ferry_tree_insert(tree, s(b"k"), s(b"v")), FerryStatus::Ok);
        assert_eq!(ferry_tree_destroy(&mut tree), FerryStatus::Ok);

        assert_eq!(
            ferry_store_open(&mut store, cstr(&path), null()),
            FerryStatus::Ok
        );
        assert_eq!(ferry_store_stats(store, &mut stats), FerryStatus::Ok);
        assert_eq!((stats.entries, stats.trees), (1, 2));
        assert_eq!(ferry_store_destroy(&mut store), FerryStatus::Ok);
    }
}

#[test]
fn the_api_guard_is_stable_and_the_version_matches_the_crate() {
    assert_eq!(ferry_api_guard(), ferry_api_guard());
    let v = ferry_version();
    let want: Vec<u32> = env!("CARGO_PKG_VERSION")
        .split('.')
        .map(|p| p.parse().unwrap())
        .collect();
    assert_eq!(v, want[0] * 10000 + want[1] * 100 + want[2]);
}
