//! Crash safety: a writer process is killed at random moments (SIGKILL from outside, or a
//! fault plan inside it: SIGKILL at an I/O call, a torn write, `abort()` at an operation);
//! after each kill the store must reopen with every acknowledged (flushed) write, whole
//! batches, and must still work. The writer is this test binary, re-executed.
//!
//! This runs a short version (24 trials; `CRASH_TRIALS` changes it, `CRASH_SEED` replays a
//! run). The soak is `cargo run --release -p ferry-core --example crash_soak` (`TRIALS=N`).

#[path = "support/crash.rs"]
mod crash;
#[path = "support/faults.rs"]
mod faults;
#[path = "support/workload.rs"]
mod workload;

use std::path::Path;
use std::sync::Mutex;

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

#[test]
fn acknowledged_flushes_survive_sigkill() {
    // In the writer child this never returns.
    workload::become_writer_if_asked();
    let _io = IO.lock().unwrap_or_else(|e| e.into_inner());
    let config = crash::Config {
        trials: env_or("CRASH_TRIALS", 24),
        seed: env_or("CRASH_SEED", time_seed()),
        max_delay_ms: 150,
        child_args: [
            "acknowledged_flushes_survive_sigkill",
            "--exact",
            "--nocapture",
            "--test-threads=1",
            "-q",
        ]
        .map(String::from)
        .to_vec(),
        keep_failures: Some(Path::new(env!("CARGO_TARGET_TMPDIR")).join("crash-failures")),
        progress_every: 0,
    };
    let report = crash::run(&config, &mut |line| println!("{line}"));
    println!("crash (seed {}): {}", config.seed, report.detail_line());
    println!("crash (seed {}): {}", config.seed, report.final_line());
    assert!(
        report.acked_ops > 0,
        "no writer acknowledged a flush: nothing was checked"
    );
    assert!(
        report.ok(),
        "crash safety violated; replay with CRASH_SEED={}:\n{}",
        config.seed,
        report.failures.join("\n")
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
