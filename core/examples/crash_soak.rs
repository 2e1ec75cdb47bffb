//! Crash-safety soak test: kills a writer process `TRIALS` times (default 500) at random
//! moments and checks the reopened store each time (see `testkit/crash.rs`).
//! `MODE=power` makes every kill a power cut too (`testkit/power.rs`): what the writer
//! had not synced is lost in part or in full before the check.
//! `POWER_IGNORE_FDATASYNC=1` (power mode only) switches Ferry's syncs off in the model, to
//! see the soak fail.
//!
//! ```sh
//! TRIALS=500 cargo run --release -p ferry-core --example crash_soak
//! MODE=power TRIALS=500 cargo run --release -p ferry-core --example crash_soak
//! SEED=1234 TRIALS=40 cargo run --release -p ferry-core --example crash_soak   # replay
//! ```
//!
//! Prints progress, the failures with what reproduces them, and ends with exactly one line
//! `trials: N, lost writes: L, corrupt opens: C`. Exits 1 if anything went wrong (lost writes,
//! corrupt opens, torn batches, unexpected entries, failed writers). Failing stores are copied
//! to `KEEP_DIR` (default `target/crash-failures`).

#[path = "../../testkit/crash.rs"]
mod crash;
#[path = "../../testkit/faults.rs"]
mod faults;
#[path = "../../testkit/power.rs"]
mod power;
#[path = "../../testkit/workload.rs"]
mod workload;

use std::process::ExitCode;

fn env_or(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v:?} is not a number")),
        Err(_) => default,
    }
}

fn main() -> ExitCode {
    // In the writer child this never returns.
    workload::become_writer_if_asked();

    let self_test = crash::checker_self_test(1, 300);
    if self_test.lost != 1 {
        eprintln!(
            "crash_soak: the checker missed a planted lost write: {:?}",
            self_test.failures
        );
        return ExitCode::FAILURE;
    }

    let seed = env_or(
        "SEED",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64),
    );
    let trials = env_or("TRIALS", 500);
    let power = match std::env::var("MODE").as_deref() {
        Ok("power") => Some(crash::Power {
            cut: None,
            ignore_fdatasync: env_or("POWER_IGNORE_FDATASYNC", 0) == 1,
        }),
        Ok("kill") | Ok("") | Err(_) => None,
        Ok(other) => {
            eprintln!("crash_soak: MODE={other:?}: expected kill (the default) or power");
            return ExitCode::FAILURE;
        }
    };
    let config = crash::Config {
        trials,
        seed,
        max_delay_ms: env_or("MAX_DELAY_MS", 250),
        child_args: Vec::new(),
        keep_failures: Some(
            std::env::var_os("KEEP_DIR").map_or_else(|| "target/crash-failures".into(), Into::into),
        ),
        progress_every: env_or("PROGRESS_EVERY", (trials / 20).max(1)),
        power,
    };
    let mode = match power {
        None => "SIGKILL".to_string(),
        Some(p) if p.ignore_fdatasync => "power loss, with fdatasync IGNORED".to_string(),
        Some(_) => "power loss".to_string(),
    };
    println!("crash_soak: {trials} trials ({mode}), SEED={seed} (the checker's self-test passed)");
    let report = crash::run(&config, &mut |line| println!("{line}"));
    for failure in &report.failures {
        println!("FAIL {failure}");
    }
    println!("{}", report.detail_line());
    println!("{}", report.final_line());
    if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
