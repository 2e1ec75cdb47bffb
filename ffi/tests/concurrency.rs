//! Eight threads share one store through the C ABI, as C callers would: each opens its own
//! tree handles from the one store handle and mixes inserts, removes, batches, gets, views,
//! cursors and compare-and-swap counters. Afterwards every thread's key range is complete,
//! the shared counter equals the increments made, and scans are ordered.
//!
//! Then two threads share one batch, and two one cursor, which the C ABI allows one call at a
//! time: the calls that overlap another return FERRY_STATUS_BUSY, and the ones that returned
//! OK account exactly for what the batch applied or the cursor read.

use std::ptr::{null, null_mut};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Barrier;
use std::time::{Duration, Instant};

use ferry::*;
use interoptopus::patterns::slice::{FFISlice, FFISliceMut};
use interoptopus::patterns::string::AsciiPointer;

const THREADS: u64 = 8;
const ROUNDS: u64 = 600;
/// The tree every thread writes its key range, scratch keys and the hot keys into.
const SHARED: &std::ffi::CStr = c"shared";
/// The tree of the compare-and-swap counters.
const COUNTERS: &std::ffi::CStr = c"counters";

/// Every extern "C" call made by the test, over all threads.
static CALLS: AtomicU64 = AtomicU64::new(0);

/// Calls one extern "C" function and counts it.
macro_rules! call {
    ($e:expr) => {{
        CALLS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: every handle passed is live (opened by this test and destroyed only at the
        // end of its owner's scope), every slice borrows a live local, and a batch or cursor
        // shared by threads is destroyed only after they are joined.
        unsafe { $e }
    }};
}

fn s(bytes: &[u8]) -> FFISlice<'_, u8> {
    FFISlice::from_slice(bytes)
}

fn last_error() -> String {
    let mut buf = vec![0u8; 512];
    let mut len = 0u64;
    // SAFETY: buf and len are live locals.
    unsafe { ferry_last_error(FFISliceMut::from_slice(&mut buf), &mut len) };
    buf.truncate((len as usize).min(511));
    String::from_utf8_lossy(&buf).into_owned()
}

#[track_caller]
fn ok(status: FerryStatus) {
    assert_eq!(status, FerryStatus::Ok, "{}", last_error());
}

/// The store handle, shared by every thread: the C ABI documents store and tree handles as
/// safe to use from many threads at once.
#[derive(Clone, Copy)]
struct StoreHandle(*mut FerryStore);
// SAFETY: a FerryStore may be used from many threads (ffi/src/store.rs, README "Threads").
unsafe impl Send for StoreHandle {}
// SAFETY: as above; it is only read through `*const` functions.
unsafe impl Sync for StoreHandle {}

/// A store in a temporary directory, destroyed on drop.
struct TestStore {
    _dir: tempfile::TempDir,
    handle: StoreHandle,
}

impl TestStore {
    fn new() -> TestStore {
        let dir = tempfile::tempdir().unwrap();
        let path = std::ffi::CString::new(dir.path().to_str().unwrap()).unwrap();
        let mut store = null_mut();
        let mut options = ferry_options_default();
        options.cache_capacity = 8 << 20;
        ok(call!(ferry_store_open(
            &mut store,
            AsciiPointer::from_cstr(&path),
            &options
        )));
        TestStore {
            _dir: dir,
            handle: StoreHandle(store),
        }
    }
}

impl Drop for TestStore {
    fn drop(&mut self) {
        ok(call!(ferry_store_destroy(&mut self.handle.0)));
    }
}

/// A tree handle owned by one scope, destroyed on drop.
struct TreeHandle(*mut FerryTree);

impl TreeHandle {
    fn open(store: StoreHandle, name: &std::ffi::CStr) -> TreeHandle {
        let mut tree = null_mut();
        ok(call!(ferry_tree_open(
            &mut tree,
            store.0,
            AsciiPointer::from_cstr(name)
        )));
        TreeHandle(tree)
    }

    fn insert(&self, key: &[u8], value: &[u8]) {
        ok(call!(ferry_tree_insert(self.0, s(key), s(value))));
    }

    /// The value at `key`, growing the buffer on BUFFER_TOO_SMALL.
    fn get(&self, key: &[u8]) -> Option<Vec<u8>> {
        let mut buf = vec![0u8; 4];
        loop {
            let mut len = 0u64;
            match call!(ferry_tree_get(
                self.0,
                s(key),
                FFISliceMut::from_slice(&mut buf),
                &mut len
            )) {
                FerryStatus::Ok => {
                    buf.truncate(len as usize);
                    return Some(buf);
                }
                FerryStatus::NotFound => return None,
                FerryStatus::BufferTooSmall => buf.resize(len as usize, 0),
                other => panic!("get: {other:?}: {}", last_error()),
            }
        }
    }

    /// Adds one to the u64 counter at `key` by compare-and-swap; returns the attempts it took.
    fn increment(&self, key: &[u8]) -> u64 {
        for attempt in 1.. {
            let current = self.get(key);
            let next = (current.as_deref().map_or(0, decode) + 1).to_le_bytes();
            let (expected, has_expected) = match &current {
                Some(v) => (&v[..], 1),
                None => (&[][..], 0),
            };
            match call!(ferry_tree_compare_and_swap(
                self.0,
                s(key),
                s(expected),
                has_expected,
                s(&next),
                1
            )) {
                FerryStatus::Ok => return attempt,
                FerryStatus::CasMismatch => continue,
                other => panic!("cas: {other:?}: {}", last_error()),
            }
        }
        unreachable!()
    }

    /// Every entry of a cursor over `prefix`, read with `buffer_len`-byte buffers (growing one
    /// when a single entry does not fit).
    fn scan(&self, prefix: &[u8], reverse: bool, buffer_len: usize) -> Vec<(Vec<u8>, Vec<u8>)> {
        let mut cursor = null_mut();
        ok(call!(ferry_cursor_open_prefix(
            &mut cursor,
            self.0,
            s(prefix),
            u8::from(reverse),
            FERRY_NO_LIMIT
        )));
        let mut buf = vec![0u8; buffer_len];
        let mut entries = Vec::new();
        loop {
            let (mut count, mut used) = (0u64, 0u64);
            match call!(ferry_cursor_next(
                cursor,
                FFISliceMut::from_slice(&mut buf),
                &mut count,
                &mut used
            )) {
                FerryStatus::Ok if count == 0 => break,
                FerryStatus::Ok => entries.extend(unpack(&buf[..used as usize], count)),
                FerryStatus::BufferTooSmall => buf.resize(used as usize, 0),
                other => panic!("cursor_next: {other:?}: {}", last_error()),
            }
        }
        ok(call!(ferry_cursor_destroy(&mut cursor)));
        assert!(cursor.is_null());
        entries
    }
}

impl Drop for TreeHandle {
    fn drop(&mut self) {
        ok(call!(ferry_tree_destroy(&mut self.0)));
    }
}

fn decode(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().expect("counters are 8 bytes"))
}

fn unpack(buf: &[u8], count: u64) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut at = 0;
    (0..count)
        .map(|_| {
            let k = u32::from_le_bytes(buf[at..at + 4].try_into().unwrap()) as usize;
            let v = u32::from_le_bytes(buf[at + 4..at + 8].try_into().unwrap()) as usize;
            at += FERRY_ENTRY_HEADER_LEN as usize;
            let entry = (buf[at..at + k].to_vec(), buf[at + k..at + k + v].to_vec());
            at += k + v;
            entry
        })
        .collect()
}

fn own_key(id: u64, i: u64) -> Vec<u8> {
    format!("t{id}/{i:06}").into_bytes()
}

fn own_value(id: u64, i: u64) -> Vec<u8> {
    // Long enough that some entries do not fit the small cursor buffers below.
    let len = (i % 7) as usize * 9;
    let mut v = format!("{id}:{i}:").into_bytes();
    v.resize(v.len() + len, b'a' + (i % 26) as u8);
    v
}

fn strictly_ordered(entries: &[(Vec<u8>, Vec<u8>)], reverse: bool) -> bool {
    entries.windows(2).all(|w| {
        if reverse {
            w[0].0 > w[1].0
        } else {
            w[0].0 < w[1].0
        }
    })
}

/// One thread's share of the work: `ROUNDS` keys of its own range in the shared tree (by
/// insert or in batches of 4), scratch keys inserted and some removed, two CAS increments per
/// round, and at set rounds a view of a hot key, an ordered scan of its range, a scan of all
/// ranges, a write to a tree of its own. Returns its increments of the shared counter and the
/// CAS attempts they took.
fn worker(store: StoreHandle, id: u64, start: &Barrier) -> (u64, u64) {
    let shared = TreeHandle::open(store, SHARED);
    let counters = TreeHandle::open(store, COUNTERS);
    let own_name = std::ffi::CString::new(format!("own{id}")).unwrap();
    let hot = format!("hot/{}", id % 2).into_bytes();
    let (mut increments, mut attempts) = (0, 0);
    start.wait();
    let mut i = 0;
    while i < ROUNDS {
        match i % 10 {
            // A batch of 4 consecutive keys of this thread's range.
            0 => {
                let mut batch = null_mut();
                ok(call!(ferry_batch_new(&mut batch)));
                for k in i..i + 4 {
                    ok(call!(ferry_batch_insert(
                        batch,
                        s(&own_key(id, k)),
                        s(&own_value(id, k))
                    )));
                }
                // A remove of a scratch key in the same batch.
                ok(call!(ferry_batch_remove(
                    batch,
                    s(format!("scratch/{id}/{i}").as_bytes())
                )));
                let mut len = 0;
                ok(call!(ferry_batch_len(batch, &mut len)));
                assert_eq!(len, 5);
                ok(call!(ferry_tree_apply_batch(shared.0, batch)));
                ok(call!(ferry_batch_destroy(&mut batch)));
                ok(call!(ferry_batch_destroy(&mut batch))); // null slot: a no-op
                i += 4;
                continue;
            }
            // Everyone hammers two hot keys; a view must show one whole value.
            4 => {
                let fill = (id * 31 + i) as u8;
                shared.insert(&hot, &[fill; 48]);
                let mut view = null_mut();
                ok(call!(ferry_view_get(&mut view, shared.0, s(&hot))));
                let mut bytes = FerryBytes {
                    data: null(),
                    len: 0,
                };
                ok(call!(ferry_view_bytes(view, &mut bytes)));
                // SAFETY: the view is live, so its bytes are valid and unchanged.
                let seen = unsafe { std::slice::from_raw_parts(bytes.data, bytes.len as usize) };
                assert_eq!(seen.len(), 48);
                assert!(seen.iter().all(|&b| b == seen[0]), "a torn value: {seen:?}");
                ok(call!(ferry_view_destroy(&mut view)));
            }
            // An ordered scan of this thread's range, with a buffer of 64 bytes.
            6 => {
                let mine = shared.scan(format!("t{id}/").as_bytes(), i % 20 == 6, 64);
                assert!(strictly_ordered(&mine, i % 20 == 6));
                assert_eq!(mine.len() as u64, i, "thread {id} sees all it wrote");
            }
            // A scan of everything, others' writes landing meanwhile.
            8 if i % 40 == 8 => {
                let all = shared.scan(b"t", false, 4096);
                assert!(strictly_ordered(&all, false));
            }
            // A tree of its own, opened and dropped around a few writes.
            9 => {
                let own = TreeHandle::open(store, &own_name);
                own.insert(&i.to_le_bytes(), b"x");
                // The key of the previous visit, 10 rounds ago (none before round 19).
                let previous = call!(ferry_tree_remove(
                    own.0,
                    s(&(i.wrapping_sub(10)).to_le_bytes())
                ));
                let want = if i >= 19 {
                    FerryStatus::Ok
                } else {
                    FerryStatus::NotFound
                };
                assert_eq!(previous, want, "{}", last_error());
            }
            _ => {}
        }
        shared.insert(&own_key(id, i), &own_value(id, i));
        let scratch = format!("scratch/{id}/{i}").into_bytes();
        shared.insert(&scratch, b"temporary");
        if i % 3 == 0 {
            ok(call!(ferry_tree_remove(shared.0, s(&scratch))));
        }
        attempts += counters.increment(b"total");
        increments += 1;
        counters.increment(format!("mine/{id}").as_bytes());
        assert_eq!(shared.get(&own_key(id, i)), Some(own_value(id, i)));
        i += 1;
    }
    (increments, attempts)
}

#[test]
fn eight_threads_share_one_store_through_the_c_abi() {
    let f = TestStore::new();
    let (handle, store) = (f.handle, f.handle.0);
    let start = Barrier::new(THREADS as usize);
    let done: Vec<(u64, u64)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..THREADS)
            .map(|id| {
                let start = &start;
                scope.spawn(move || worker(handle, id, start))
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    ok(call!(ferry_store_flush(store)));

    let shared = TreeHandle::open(handle, SHARED);
    let counters = TreeHandle::open(handle, COUNTERS);
    // Every thread's range is complete, in order, with its values.
    for id in 0..THREADS {
        let mine = shared.scan(format!("t{id}/").as_bytes(), false, 256);
        let want: Vec<_> = (0..ROUNDS)
            .map(|i| (own_key(id, i), own_value(id, i)))
            .collect();
        assert!(mine == want, "thread {id}'s range differs");
        assert_eq!(
            counters
                .get(format!("mine/{id}").as_bytes())
                .as_deref()
                .map(decode),
            Some(done[id as usize].0)
        );
    }
    // The shared counter counts every increment, however many CAS attempts they took.
    let increments: u64 = done.iter().map(|d| d.0).sum();
    let attempts: u64 = done.iter().map(|d| d.1).sum();
    assert!(increments > THREADS * ROUNDS / 2);
    assert_eq!(
        counters.get(b"total").as_deref().map(decode),
        Some(increments)
    );
    assert!(attempts >= increments);
    // Scratch keys: those of rounds divisible by 3 were removed; the others stay.
    let scratch = shared.scan(b"scratch/", false, 1024);
    assert!(strictly_ordered(&scratch, false));
    assert!(scratch.iter().all(|(k, v)| {
        let i: u64 = std::str::from_utf8(k)
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        i % 3 != 0 && v == b"temporary"
    }));
    // Whole-tree scans agree forwards and backwards, and with the length.
    let forward = shared.scan(b"", false, 1 << 16);
    let mut backward = shared.scan(b"", true, 1 << 16);
    assert!(strictly_ordered(&forward, false) && strictly_ordered(&backward, true));
    backward.reverse();
    assert!(forward == backward);
    let mut len = 0;
    ok(call!(ferry_tree_len(shared.0, &mut len)));
    assert_eq!(len, forward.len() as u64);
    assert_eq!(
        len,
        THREADS * ROUNDS + 2 + scratch.len() as u64,
        "own keys, two hot keys and the scratch keys left"
    );
    let mut stats = FerryStats::default();
    ok(call!(ferry_store_stats(store, &mut stats)));
    assert_eq!(
        stats.trees,
        3 + THREADS,
        "default, shared, counters and one per thread"
    );
    drop((shared, counters, f));
    println!(
        "concurrency: {THREADS} threads made {} C ABI calls ({increments} CAS increments in {attempts} attempts)",
        CALLS.load(Ordering::Relaxed)
    );
}

// ---- One batch or cursor, two threads: FERRY_STATUS_BUSY, never a data race ----------------

/// The longest a BUSY test keeps calling while waiting for its first BUSY. Two threads calling
/// back to back on 2 cores meet within microseconds; on one busy core they meet when one is
/// preempted inside a call.
const PATIENCE: Duration = Duration::from_secs(30);

/// A batch or cursor handle shared by two threads on purpose: a call made while the other
/// thread's call on it is in progress must return BUSY and do nothing.
struct Shared<T>(*mut T);
// Not derived: that would ask for `T: Copy`.
impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Shared<T> {}
// SAFETY: the C ABI lets any thread call on a batch or cursor (a concurrent call gets BUSY);
// the test destroys it only after both threads are joined.
unsafe impl<T> Send for Shared<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for Shared<T> {}

/// What one thread of a BUSY test saw.
#[derive(Default)]
struct Seen<E> {
    /// What its calls that returned OK did or read, in call order.
    ok: Vec<E>,
    busy: u64,
    calls: u64,
}

impl<E> Seen<E> {
    /// Takes one call's status: OK goes on, BUSY is counted (its message checked), anything
    /// else fails the test. Returns whether the call did its work.
    fn took(&mut self, status: FerryStatus, function: &str, what: &str, busy: &AtomicU64) -> bool {
        self.calls += 1;
        match status {
            FerryStatus::Ok => true,
            FerryStatus::Busy => {
                if self.busy == 0 {
                    assert_eq!(
                        last_error(),
                        format!("{function}: the {what} is in use by another thread")
                    );
                }
                self.busy += 1;
                busy.fetch_add(1, Ordering::Relaxed);
                false
            }
            other => panic!("{function}: {other:?}: {}", last_error()),
        }
    }
}

/// Whether a BUSY test's threads may stop: `min_calls` made and a BUSY seen, or out of patience.
fn enough(calls: u64, min_calls: u64, busy: &AtomicU64, since: Instant) -> bool {
    calls >= min_calls && (busy.load(Ordering::Relaxed) > 0 || since.elapsed() > PATIENCE)
}

fn batch_key(id: u64, i: u64) -> Vec<u8> {
    format!("b{id}/{i:07}").into_bytes()
}

/// Two threads add to one batch; thread 1 also applies it now and then, and both read its
/// length (which the other thread may change at any time). Each key whose insert returned OK
/// must end up in the tree exactly once, with its value, and no other key may.
#[test]
fn two_threads_sharing_one_batch_get_busy_and_lose_no_write() {
    const MIN_CALLS: u64 = 20_000;
    let f = TestStore::new();
    let tree = TreeHandle::open(f.handle, SHARED);
    let mut batch = null_mut();
    ok(call!(ferry_batch_new(&mut batch)));
    let (shared_batch, shared_tree) = (Shared(batch), Shared(tree.0));
    let busy = AtomicU64::new(0);
    let start = Barrier::new(2);
    let since = Instant::now();
    let seen: Vec<Seen<u64>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..2u64)
            .map(|id| {
                let (busy, start) = (&busy, &start);
                scope.spawn(move || {
                    let (batch, tree) = (shared_batch, shared_tree);
                    let mut seen = Seen::default();
                    start.wait();
                    let mut i = 0;
                    while !enough(seen.calls, MIN_CALLS, busy, since) {
                        let key = batch_key(id, i);
                        let status =
                            call!(ferry_batch_insert(batch.0, s(&key), s(&own_value(id, i))));
                        if seen.took(status, "ferry_batch_insert", "batch", busy) {
                            seen.ok.push(i);
                        }
                        if i % 50 == 7 {
                            let status = call!(ferry_batch_len(batch.0, &mut 0));
                            seen.took(status, "ferry_batch_len", "batch", busy);
                        }
                        if id == 1 && i % 64 == 63 {
                            let status = call!(ferry_tree_apply_batch(tree.0, batch.0));
                            seen.took(status, "ferry_tree_apply_batch", "batch", busy);
                        }
                        i += 1;
                    }
                    seen
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    ok(call!(ferry_tree_apply_batch(tree.0, batch)));
    let mut left = u64::MAX;
    ok(call!(ferry_batch_len(batch, &mut left)));
    assert_eq!(left, 0, "applying empties the batch");
    ok(call!(ferry_batch_destroy(&mut batch)));

    let mut want: Vec<_> = (0..2u64)
        .flat_map(|id| {
            seen[id as usize]
                .ok
                .iter()
                .map(move |&i| (batch_key(id, i), own_value(id, i)))
        })
        .collect();
    want.sort();
    let got = tree.scan(b"b", false, 1 << 16);
    assert!(
        got == want,
        "the tree holds {} keys, the OK inserts were {}",
        got.len(),
        want.len()
    );
    let (calls, busy_seen) = (seen.iter().map(|s| s.calls).sum::<u64>(), busy.into_inner());
    println!(
        "busy: one batch, two threads: {busy_seen} BUSY in {calls} calls, {} inserts applied",
        want.len()
    );
    assert!(
        busy_seen > 0,
        "no BUSY in {calls} calls over {:?}",
        since.elapsed()
    );
}

/// Two threads read one cursor with buffers that hold two entries. Between them they must see
/// every entry exactly once, each thread in key order.
#[test]
fn two_threads_sharing_one_cursor_get_busy_and_see_each_entry_once() {
    const ENTRIES: u64 = 5_000;
    const MIN_CALLS: u64 = 20_000;
    let f = TestStore::new();
    let tree = TreeHandle::open(f.handle, SHARED);
    let all: Vec<_> = (0..ENTRIES)
        .map(|i| {
            (
                format!("c/{i:06}").into_bytes(),
                format!("{i}").into_bytes(),
            )
        })
        .collect();
    for (key, value) in &all {
        tree.insert(key, value);
    }
    let busy = AtomicU64::new(0);
    let since = Instant::now();
    let (mut calls, mut passes) = (0, 0);
    while !enough(calls, MIN_CALLS, &busy, since) {
        let mut cursor = null_mut();
        ok(call!(ferry_cursor_open_prefix(
            &mut cursor,
            tree.0,
            s(b"c/"),
            0,
            FERRY_NO_LIMIT
        )));
        let shared = Shared(cursor);
        let start = Barrier::new(2);
        let seen: Vec<Seen<(Vec<u8>, Vec<u8>)>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..2)
                .map(|_| {
                    let (busy, start) = (&busy, &start);
                    scope.spawn(move || {
                        let cursor = shared;
                        let mut seen = Seen::default();
                        let mut buf = [0u8; 2 * (8 + 8 + 4)];
                        start.wait();
                        loop {
                            let (mut count, mut used) = (0u64, 0u64);
                            let status = call!(ferry_cursor_next(
                                cursor.0,
                                FFISliceMut::from_slice(&mut buf),
                                &mut count,
                                &mut used
                            ));
                            if seen.took(status, "ferry_cursor_next", "cursor", busy) {
                                if count == 0 {
                                    return seen;
                                }
                                seen.ok.extend(unpack(&buf[..used as usize], count));
                            }
                        }
                    })
                })
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        ok(call!(ferry_cursor_destroy(&mut cursor)));
        for one in &seen {
            assert!(
                strictly_ordered(&one.ok, false),
                "a thread saw entries out of order"
            );
        }
        let mut got: Vec<_> = seen.iter().flat_map(|one| one.ok.iter().cloned()).collect();
        got.sort();
        assert!(
            got == all,
            "pass {passes}: the threads saw {} entries of {ENTRIES}",
            got.len()
        );
        calls += seen.iter().map(|one| one.calls).sum::<u64>();
        passes += 1;
    }
    let busy_seen = busy.into_inner();
    println!(
        "busy: one cursor, two threads: {busy_seen} BUSY in {calls} calls \
         ({passes} scans of {ENTRIES} entries)"
    );
    assert!(
        busy_seen > 0,
        "no BUSY in {calls} calls over {:?}",
        since.elapsed()
    );
}
