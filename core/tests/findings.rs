//! Regression tests for findings of the crash test's fault layer, one per finding, named after
//! it. A test whose fix has not landed yet is `#[ignore]`d with the finding in the reason (run
//! those with `cargo test -p ferry-core --test findings -- --ignored`); its `#[ignore]` goes
//! with the fix.

#[path = "../../testkit/faults.rs"]
mod faults;
#[path = "../../testkit/power.rs"]
mod power;
#[path = "../../testkit/workload.rs"]
mod workload;

use std::path::{Path, PathBuf};

use ferry_core::{Batch, Options, Store};
use power::{Cut, Disk, Record};

/// The power-loss recorder journals one directory at a time, for the whole process.
static RECORDING: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Options without a background flusher: every sync is the test's.
fn quiet() -> Options {
    Options {
        flush_every_ms: None,
        ..Options::default()
    }
}

/// A store directory whose I/O is being journaled (`testkit/power.rs`).
struct Recording {
    root: tempfile::TempDir,
    _only_one: std::sync::MutexGuard<'static, ()>,
}

impl Recording {
    fn start() -> Recording {
        let only_one = RECORDING.lock().unwrap_or_else(|e| e.into_inner());
        let root = tempfile::tempdir().unwrap();
        std::fs::create_dir(root.path().join("store")).unwrap();
        power::record(&root.path().join("journal"), &root.path().join("store"));
        Recording {
            root,
            _only_one: only_one,
        }
    }

    fn dir(&self) -> PathBuf {
        self.root.path().join("store")
    }

    /// The journal so far, decoded.
    fn records(&self) -> Vec<Record> {
        Record::decode_all(&std::fs::read(self.root.path().join("journal")).unwrap()).unwrap()
    }
}

impl Drop for Recording {
    fn drop(&mut self) {
        power::stop();
    }
}

/// Cuts the power after the first `k` journal records (`cut`, seeded with `seed`), opens what
/// is left in `at` and runs `check` on it; a panic is an error too.
fn after_power_cut(
    records: &[Record],
    k: usize,
    cut: Cut,
    seed: u64,
    at: &Path,
    check: &dyn Fn(&Store) -> Result<(), String>,
) -> Result<(), String> {
    let mut disk = Disk::default();
    disk.replay(&records[..k])?;
    let image = disk.cut(cut, &mut workload::Rng::new(&[seed]));
    power::materialize(at, &image).map_err(|e| e.to_string())?;
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let store = Store::open(at, quiet()).map_err(|e| format!("open: {e:?}"))?;
        check(&store)
    }))
    .unwrap_or_else(|_| Err("panicked".to_string()))
    .map_err(|e| {
        format!(
            "power cut ({cut:?}, seed {seed}) after record {k} of {}: {e}",
            records.len()
        )
    })
}

/// The calls to fsync(2) and fdatasync(2) so far.
fn syncs() -> u64 {
    faults::calls_to("fsync") + faults::calls_to("fdatasync")
}

/// Finding (fault layer's call counters): `Store::flush` never calls fsync(2) or
/// fdatasync(2). sled 0.34.7's `Db::flush` writes its log with `pwrite64` and makes it stable
/// with `sync_file_range(WAIT_BEFORE | WRITE | WAIT_AFTER)`, which persists neither the
/// file's metadata (the log grows, so its new length and blocks are metadata) nor the disk's
/// write cache; values stored as blob files are written with `write_all` and never synced.
/// Only sled's periodic flusher calls fsync, and it only logs a failure. So `flush` returning
/// `Ok` does not make writes durable against power loss or an OS crash, as `Store::flush`
/// and `ferry_store_flush` ("written and fsync'd") promise. A killed process loses nothing
/// (the crash soak agrees): the page cache survives it.
///
/// Fixed by c7da021 ("Make Store::flush durable"): `Store::flush` fdatasynced the log and
/// the blob files sled left unsynced. This test failed before it. Since issue 14 the patched
/// sled does both syncs itself (`vendor/README.md`, fixes 7 and 8) and Ferry's pass is gone.
#[test]
fn finding_flush_does_not_fsync() {
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        flush_every_ms: None, // no background flusher: every sync below is flush's
        ..Options::default()
    };
    let store = Store::open(dir.path(), options).unwrap();
    for (i, len) in [10usize, 3000, 1 << 20].into_iter().enumerate() {
        store
            .default_tree()
            .insert(format!("k{i}"), vec![7u8; len])
            .unwrap();
        let before = syncs();
        store.flush().unwrap();
        assert!(
            syncs() > before,
            "Store::flush after a {len}-byte value returned Ok without fsync or fdatasync"
        );
    }
}

/// Finding (issue 14's profile of a durable commit): `Store::flush` handed the log write to
/// sled's thread pool and slept until a pool thread had written and synced the buffer. Each
/// commit cost two thread hand-offs, and sled woke all of its idle pool threads for each task:
/// about 17 futex calls per commit, and two thirds of the commit's CPU time spent outside the
/// flushing thread. The fix (`vendor/sled.patch`, fix 9) writes the buffer on the thread that
/// waits for it, so a flush's `fdatasync` is made by the flushing thread itself.
#[test]
fn finding_sled_flush_hands_its_write_to_another_thread() {
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        flush_every_ms: None, // no background flusher: every sync below is flush's
        ..Options::default()
    };
    let store = Store::open(dir.path(), options).unwrap();
    let tree = store.default_tree();
    for i in 0..20u32 {
        tree.insert(i.to_be_bytes(), b"value").unwrap();
        let (here, anywhere) = (
            faults::calls_on_this_thread("fdatasync"),
            faults::calls_to("fdatasync"),
        );
        store.flush().unwrap();
        assert!(
            faults::calls_to("fdatasync") > anywhere,
            "flush {i} made no fdatasync at all"
        );
        assert!(
            faults::calls_on_this_thread("fdatasync") > here,
            "flush {i} had its log synced by another thread"
        );
    }
}

/// Finding (power-loss model, `make soak MODE=power`): sled writes its `conf` file when it
/// creates a store (two `write`s: the settings, then their CRC) and never syncs it. A power
/// cut that keeps the CRC's sector but not the settings' leaves a `conf` that fails its CRC,
/// and the store no longer opens (`Corruption { detail: "corrupt data" }`), losing every
/// flushed write in it. Seen in 4 of 24 power-loss trials at first. The fix (`vendor/sled.patch`)
/// writes `conf` to a temporary file, syncs it, renames it over `conf` and syncs the directory.
#[test]
fn finding_sled_never_syncs_its_conf_file() {
    let recording = Recording::start();
    let store = Store::open(recording.dir(), quiet()).unwrap();
    store.default_tree().insert(b"k", b"v").unwrap();
    store.flush().unwrap();
    // The power fails now.
    let records = recording.records();
    drop(store);
    let at = recording.root.path().join("after-the-cut");
    let check = |store: &Store| match store.default_tree().get(b"k") {
        Ok(Some(v)) if v == b"v" => Ok(()),
        other => Err(format!("the flushed write reads {other:?}")),
    };
    let failures: Vec<String> = (0..64)
        .flat_map(|seed| [(Cut::AllLost, seed), (Cut::Random, seed)])
        .filter_map(|(cut, seed)| {
            after_power_cut(&records, records.len(), cut, seed, &at, &check).err()
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of 128 power cuts after a flush lost the flushed write:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Finding (power-loss model, `make soak MODE=power`): sled writes a snapshot to
/// `snap.<lsn>.generating`, syncs it and renames it to `snap.<lsn>`, but when it opens a store
/// it reads the newest file starting with `snap.` — and `snap.<lsn>.generating` sorts after
/// `snap.<lsn>`. After a power cut between the write and the rename (or before the data
/// reached the disk), that file is incomplete, its CRC fails, and the store no longer opens
/// (`Corruption`). Seen in 1 of 100 power-loss trials. The fix (`vendor/sled.patch`) never
/// reads a `.generating` file.
#[test]
fn finding_sled_reads_a_snapshot_that_was_never_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), quiet()).unwrap();
    store.default_tree().insert(b"k", b"v").unwrap();
    store.flush().unwrap();
    drop(store);
    // What a power cut during the next snapshot leaves: its file, half written.
    std::fs::write(
        dir.path().join("snap.FFFFFFFFFFFFFFFF.generating"),
        vec![0x5a; 600],
    )
    .unwrap();
    let store = Store::open(dir.path(), quiet()).unwrap();
    assert_eq!(
        store.default_tree().get(b"k").unwrap().as_deref(),
        Some(&b"v"[..])
    );
}

/// Finding (power-loss model, `make soak MODE=power`): sled writes a large value to its own
/// file under `blobs/` and never syncs it, while the log record pointing to it is synced when
/// the log is. A power cut between the two (inside `Store::flush`, before Ferry's own pass
/// synced the blobs, or whenever sled writes its log by itself) leaves a durable record whose
/// blob is empty or missing: reading it fails, and a batch holding it is seen in part. Seen
/// as torn batches and failed scans in 9 of 400 power-loss trials. The fix
/// (`vendor/sled.patch`) syncs each blob file and its directory as sled writes it.
#[test]
fn finding_sled_never_syncs_its_blob_files() {
    let recording = Recording::start();
    let big = vec![0xb1u8; 1 << 20];
    let store = Store::open(recording.dir(), quiet()).unwrap();
    let mut batch = Batch::new();
    batch.insert(b"small", b"s").unwrap();
    batch.insert(b"big", &big).unwrap();
    store.default_tree().apply_batch(batch).unwrap();
    store.flush().unwrap();
    let records = recording.records();
    drop(store);
    let at = recording.root.path().join("after-the-cut");
    // The batch is whole or absent, and whole once the flush has returned.
    let n = records.len();
    let check = |k: usize| {
        let big = &big;
        move |store: &Store| {
            let tree = store.default_tree();
            let small = tree
                .get(b"small")
                .map_err(|e| format!("get small: {e:?}"))?;
            let found = tree.get(b"big").map_err(|e| format!("get big: {e:?}"))?;
            match (small.as_deref(), found.as_deref()) {
                (Some(b"s"), Some(v)) if v == &big[..] => Ok(()),
                (None, None) if k < n => Ok(()),
                (s, b) => Err(format!(
                    "small {:?}, big {:?} bytes",
                    s.map(<[u8]>::len),
                    b.map(<[u8]>::len)
                )),
            }
        }
    };
    let mut failures = Vec::new();
    for k in 0..=records.len() {
        for (cut, seed) in [(Cut::AllLost, 0), (Cut::Random, k as u64)] {
            if let Err(e) = after_power_cut(&records, k, cut, seed, &at, &check(k)) {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} power cuts broke the batch:\n{}",
        failures.len(),
        2 * (records.len() + 1),
        failures.join("\n")
    );
}

/// Finding (power-loss model, `make soak MODE=power`): sled 0.34.7 makes each log write
/// "stable" with `sync_file_range` on Linux, which syncs neither the file's size nor the
/// drive's write cache, and then reuses log space whose live data it believes stable. After
/// a power cut the reuse can survive while the new copies do not: writes acknowledged by an
/// earlier `Store::flush` were lost in 2 of 700 power-loss trials (7 and 8 writes), and this
/// test lost a flushed key in 9 of its power cuts. The fix (`vendor/sled.patch`) syncs each
/// log write with `fdatasync` instead.
#[test]
fn finding_sled_reuses_log_space_it_only_sync_file_ranged() {
    const COLD: u32 = 64;
    const HOT: u32 = 64;
    const ROUNDS: u32 = 30;
    let recording = Recording::start();
    let store = Store::open(recording.dir(), quiet()).unwrap();
    let tree = store.default_tree();
    let value = |round: u32, key: u32| {
        let mut v = vec![(round % 251) as u8; 6000 + (key as usize * 37) % 3000];
        v[..8].copy_from_slice(&[round.to_le_bytes(), key.to_le_bytes()].concat());
        v
    };
    // Cold keys, flushed once and never written again, share the log with hot keys...
    for key in 0..COLD + HOT {
        tree.insert(key.to_be_bytes(), value(0, key)).unwrap();
    }
    store.flush().unwrap();
    let flushed = recording.records().len();
    // ...which are overwritten again and again without a flush, so that sled relocates the
    // cold keys out of mostly dead log space and reuses that space.
    for round in 1..=ROUNDS {
        for key in COLD..COLD + HOT {
            tree.insert(key.to_be_bytes(), value(round, key)).unwrap();
        }
    }
    let records = recording.records();
    drop((tree, store));
    let at = recording.root.path().join("after-the-cut");
    let check = |store: &Store| {
        let tree = store.default_tree();
        for key in 0..COLD + HOT {
            let found = tree.get(key.to_be_bytes()).map_err(|e| format!("{e:?}"))?;
            let ok = found.as_deref().is_some_and(|v| {
                let round = u32::from_le_bytes(v[..4].try_into().unwrap());
                v == &value(round, key)[..]
            });
            if !ok {
                return Err(format!("key {key}'s flushed value is lost"));
            }
        }
        Ok(())
    };
    let mut failures = Vec::new();
    let mut cuts = 0;
    for k in flushed..=records.len() {
        for (cut, seed) in [(Cut::AllLost, 0), (Cut::Random, k as u64)] {
            cuts += 1;
            if let Err(e) = after_power_cut(&records, k, cut, seed, &at, &check) {
                failures.push(e);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cuts} power cuts lost flushed writes:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Finding (seen while ferry-core was built, then by the damaged-file test in `tests/it`):
/// a store whose log file (`db`) has its head overwritten, or any part of it damaged, opens
/// as an empty or partial store with no error: sled reads its log up to the first message it
/// cannot read and takes the rest for the torn tail of a crash. Fixed in Ferry
/// (`core/src/watermark.rs`): every flush numbers itself in the log and beside it, and a log
/// that ends before the last completed flush is `Corruption`.
#[test]
fn finding_a_damaged_log_opens_as_an_empty_store() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), quiet()).unwrap();
    for i in 0..100u32 {
        store
            .tree("t")
            .unwrap()
            .insert(i.to_be_bytes(), vec![7; 100])
            .unwrap();
    }
    store.flush().unwrap();
    drop(store);
    let log = dir.path().join("db");
    let mut bytes = std::fs::read(&log).unwrap();
    bytes[..512].fill(0);
    std::fs::write(&log, bytes).unwrap();
    match Store::open(dir.path(), quiet()) {
        Err(ferry_core::Error::Corruption { detail }) => {
            assert!(
                detail.contains("the log ends before the last flush"),
                "{detail}"
            )
        }
        Err(other) => panic!("expected Corruption, got {other:?}"),
        Ok(store) => panic!(
            "opened with {:?} of 100 entries and no error",
            store.tree("t").unwrap().len()
        ),
    }
}
