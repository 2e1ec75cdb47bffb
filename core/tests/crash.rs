//! Crash safety: a writer process is killed at random moments (SIGKILL from outside, or a
//! fault plan inside it: SIGKILL at an I/O call, a torn write, `abort()` at an operation);
//! after each kill the store must reopen with every acknowledged (flushed) write, whole
//! batches, and must still work. The writer is this test binary, re-executed. The power-loss
//! trials also cut the power at the kill (`testkit/power.rs`): what was not synced may be lost.
//!
//! This runs short versions (24 trials each; `CRASH_TRIALS` and `POWER_TRIALS` change them,
//! `CRASH_SEED` replays a run). The soak is `make soak` (`TRIALS=N`, `MODE=power`).

#[path = "../../testkit/crash.rs"]
mod crash;
#[path = "../../testkit/faults.rs"]
mod faults;
#[path = "../../testkit/power.rs"]
mod power;
#[path = "../../testkit/workload.rs"]
mod workload;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use power::{Cut, Disk, Record};

/// Tests that arm the process-wide I/O fault point, or do I/O it must not see, take this.
static IO: Mutex<()> = Mutex::new(());

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn time_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

/// Runs `trials` trials with the writer re-executed as the test `test`; returns the report.
fn run_trials(test: &str, trials: u64, power: Option<crash::Power>) -> crash::Report {
    let config = crash::Config {
        trials,
        seed: env_or("CRASH_SEED", time_seed()),
        max_delay_ms: 150,
        child_args: [test, "--exact", "--nocapture", "--test-threads=1", "-q"]
            .map(String::from)
            .to_vec(),
        keep_failures: Some(Path::new(env!("CARGO_TARGET_TMPDIR")).join("crash-failures")),
        progress_every: 0,
        power,
    };
    let report = crash::run(&config, &mut |line| println!("{line}"));
    println!("{test} (seed {}): {}", config.seed, report.detail_line());
    println!("{test} (seed {}): {}", config.seed, report.final_line());
    assert!(
        report.acked_ops > 0,
        "no writer acknowledged a flush: nothing was checked"
    );
    report
}

fn assert_ok(report: &crash::Report) {
    assert!(
        report.ok(),
        "crash safety violated; replay with the seed above (CRASH_SEED=N):\n{}",
        report.failures.join("\n")
    );
}

#[test]
fn acknowledged_flushes_survive_sigkill() {
    // In the writer child this never returns.
    workload::become_writer_if_asked();
    let _io = IO.lock().unwrap_or_else(|e| e.into_inner());
    let report = run_trials(
        "acknowledged_flushes_survive_sigkill",
        env_or("CRASH_TRIALS", 24),
        None,
    );
    assert_ok(&report);
}

#[test]
fn acknowledged_flushes_survive_power_loss() {
    workload::become_writer_if_asked();
    let _io = IO.lock().unwrap_or_else(|e| e.into_inner());
    let report = run_trials(
        "acknowledged_flushes_survive_power_loss",
        env_or("POWER_TRIALS", 24),
        Some(crash::Power::default()),
    );
    assert!(
        report.unsynced_data_ops > 0,
        "no power cut had anything unsynced to lose: the model was not exercised"
    );
    assert_ok(&report);
}

/// The power-loss model can fail: with every `fdatasync` ignored (the log and blob syncs that
/// make a flush durable), a power cut that loses everything unsynced loses acknowledged writes
/// (the `fsync`s sled still makes, of directories and `conf`, do not cover a flush).
#[test]
fn the_power_model_finds_lost_writes_without_fdatasync() {
    workload::become_writer_if_asked();
    let _io = IO.lock().unwrap_or_else(|e| e.into_inner());
    let report = run_trials(
        "the_power_model_finds_lost_writes_without_fdatasync",
        8,
        Some(crash::Power {
            cut: Some(Cut::AllLost),
            ignore_fdatasync: true,
        }),
    );
    assert!(
        report.lost > 0,
        "8 power cuts without fdatasync lost nothing: {}",
        report.detail_line()
    );
}

#[test]
fn the_checker_reports_a_write_deleted_behind_its_back() {
    let _io = IO.lock().unwrap_or_else(|e| e.into_inner());
    let report = crash::checker_self_test(7, 200);
    assert!(report.acked_ops > 0);
    assert_eq!(report.lost, 1, "{:?}", report.failures);
    assert_eq!(report.corrupt + report.torn_batches + report.unexpected, 0);
    assert!(report.failures[0].starts_with("lost write: op "));
}

#[test]
fn fault_plans_parse_and_print() {
    for text in [
        "kill@io:1",
        "torn@io:17",
        "abort@op:3",
        "kill@op:9",
        "eio@io:2",
    ] {
        assert_eq!(faults::Plan::parse(text).unwrap().to_string(), text);
    }
    for bad in [
        "kill@io:0",
        "torn@op:3",
        "eio@op:1",
        "boom@io:1",
        "kill@disk:1",
        "kill",
    ] {
        assert!(
            faults::Plan::parse(bad).is_err(),
            "{bad} should be rejected"
        );
    }
}

#[test]
fn an_eio_plan_fails_the_planned_io_call_and_nothing_unflushed_survives() {
    let _io = IO.lock().unwrap_or_else(|e| e.into_inner());
    let dir = tempfile::tempdir().unwrap();
    // No background flusher: the flush below makes the only I/O calls.
    let options = ferry_core::Options {
        flush_every_ms: None,
        ..ferry_core::Options::default()
    };
    let store = ferry_core::Store::open(dir.path(), options.clone()).unwrap();
    store.default_tree().insert(b"k", b"v").unwrap();
    faults::arm(faults::Plan::parse("eio@io:1").unwrap());
    let result = store.flush();
    faults::disarm();
    assert_eq!(faults::fired_at(), Some("pwrite64"));
    assert!(
        matches!(result, Err(ferry_core::Error::Io(_))),
        "flush after an EIO: {result:?}"
    );
    assert!(
        store.flush().is_err(),
        "sled keeps failing after an I/O error"
    );
    drop(store);
    let store = ferry_core::Store::open(dir.path(), options).unwrap();
    assert_eq!(store.default_tree().get(b"k").unwrap(), None);
    store.default_tree().insert(b"k", b"again").unwrap();
    store.flush().unwrap();
}

fn write(fd: u32, offset: u64, data: &[u8]) -> Record {
    Record::Write {
        fd,
        offset,
        data: data.to_vec(),
    }
}

fn open(fd: u32, path: &str, create: bool) -> Record {
    Record::Open {
        fd,
        flags: if create { 0o100 | 0o1 } else { 0 },
        path: path.to_string(),
    }
}

fn files(image: &BTreeMap<String, Option<Vec<u8>>>) -> Vec<(&str, Option<&[u8]>)> {
    image
        .iter()
        .map(|(p, c)| (p.as_str(), c.as_deref()))
        .collect()
}

#[test]
fn power_model_keeps_what_was_synced_and_loses_the_rest() {
    let mut disk = Disk::default();
    let journal = [
        open(3, "", false),
        open(4, "db", true),
        write(4, 0, b"synced"),
        Record::Fdatasync { fd: 4 },
        Record::Fsync { fd: 3 },
        write(4, 6, b"+later"),
        open(5, "conf", true),
        write(5, 0, b"never synced"),
    ];
    let replayed = disk.replay(&journal).unwrap();
    assert_eq!(replayed.unsynced_data_ops, 2);
    assert_eq!(replayed.unsynced_meta_ops, 1);
    let mut rng = workload::Rng::new(&[1]);
    assert_eq!(
        files(&disk.cut(Cut::AllLost, &mut rng)),
        [("db", Some(&b"synced"[..]))],
        "the unsynced write and the file created after the directory sync are gone"
    );
    assert_eq!(
        files(&disk.cut(Cut::NoneLost, &mut rng)),
        [
            ("conf", Some(&b"never synced"[..])),
            ("db", Some(&b"synced+later"[..]))
        ]
    );
}

#[test]
fn power_model_needs_a_directory_fsync_for_new_and_renamed_files() {
    let mut disk = Disk::default();
    let journal = [
        Record::Mkdir {
            path: "blobs".into(),
        },
        open(4, "blobs/7", true),
        write(4, 0, b"blob"),
        Record::Fdatasync { fd: 4 },
        open(5, "snap.1.generating", true),
        write(5, 0, b"snap"),
        Record::Fsync { fd: 5 },
        Record::Rename {
            from: "snap.1.generating".into(),
            to: "snap.1".into(),
        },
    ];
    disk.replay(&journal).unwrap();
    let mut rng = workload::Rng::new(&[2]);
    assert!(
        disk.cut(Cut::AllLost, &mut rng).is_empty(),
        "synced data in files whose names were never synced is lost with them"
    );
    disk.replay(&[open(6, "blobs", false), Record::Fsync { fd: 6 }])
        .unwrap();
    assert!(
        disk.cut(Cut::AllLost, &mut rng).is_empty(),
        "blobs/7 is durable in blobs/, but blobs/ itself is not durable in the store"
    );
    disk.replay(&[open(7, "", false), Record::Fsync { fd: 7 }])
        .unwrap();
    assert_eq!(
        files(&disk.cut(Cut::AllLost, &mut rng)),
        [
            ("blobs", None),
            ("blobs/7", Some(&b"blob"[..])),
            ("snap.1", Some(&b"snap"[..]))
        ]
    );
}

#[test]
fn power_model_tears_writes_at_sector_boundaries_only() {
    let old = vec![b'o'; 3000];
    let new = vec![b'n'; 2000];
    let mut disk = Disk::default();
    let journal = [
        open(3, "", false),
        open(4, "db", true),
        write(4, 0, &old),
        Record::Fsync { fd: 4 },
        Record::Fsync { fd: 3 },
    ];
    disk.replay(&journal).unwrap();
    disk.replay(&[write(4, 300, &new)]).unwrap();
    let mut shapes = std::collections::BTreeSet::new();
    for seed in 0..200 {
        let image = disk.cut(Cut::Random, &mut workload::Rng::new(&[seed]));
        let db = image["db"].as_ref().unwrap();
        assert_eq!(db.len(), 3000);
        // Each 512-byte sector (the first one from offset 300) is wholly old or wholly new.
        let bounds = [0, 300, 512, 1024, 1536, 2048, 2300, 3000];
        let shape: Vec<u8> = bounds
            .windows(2)
            .map(|w| {
                let part = &db[w[0]..w[1]];
                assert!(
                    part.iter().all(|&b| b == part[0]),
                    "a sector was torn inside: seed {seed}, bytes {}..{}",
                    w[0],
                    w[1]
                );
                part[0]
            })
            .collect();
        assert_eq!(shape[0], b'o');
        assert_eq!(shape[6], b'o');
        shapes.insert(shape);
    }
    assert!(
        shapes.len() > 4,
        "a random cut should keep all, none and some sectors: {shapes:?}"
    );
}

#[test]
fn power_journal_drops_a_record_cut_short_and_rejects_garbage() {
    let records = [
        open(4, "db", true),
        write(4, 9, b"abc"),
        Record::Fsync { fd: 4 },
    ];
    let mut bytes = Vec::new();
    for r in &records {
        r.encode(&mut bytes);
    }
    assert_eq!(Record::decode_all(&bytes).unwrap(), records);
    assert_eq!(
        Record::decode_all(&bytes[..bytes.len() - 3]).unwrap(),
        records[..2]
    );
    assert!(Record::decode_all(&[42, 0, 0]).is_err());
}
