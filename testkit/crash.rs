//! The crash test's parent side: start a writer process on a store, kill it (from outside at a
//! random moment, or from inside through a [`faults`] plan), reopen the store, and check that
//! every acknowledged write is there, batches are whole, and the store still works.
//!
//! A trial is one kill and one check. Trials come in chains on one store directory: each
//! writer (a generation) starts on what the previous crash left, so recovery of recovered
//! stores is exercised too.
//!
//! With [`Config::power`] set, each kill is also a power cut (`power.rs`): the writer journals
//! its file I/O, and before the check the store directory is replaced by what the power-loss
//! model says a power failure at the moment of the kill may leave on disk.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ferry_core::{Options, Scan, Store};

use crate::faults::{Action, Plan, Site};
use crate::power::{self, Cut, Disk};
use crate::workload::{
    counter_value, Op, Rng, Workload, BATCH_TREE, COUNTER, ENV_DIR, ENV_FLUSH_MS, ENV_GEN,
    ENV_SEED, LINE_PREFIX, TREES,
};

/// How a run of trials is set up.
#[derive(Debug, Clone)]
pub struct Config {
    /// How many trials (kills) to run.
    pub trials: u64,
    /// The seed every trial's choices derive from.
    pub seed: u64,
    /// External kills land uniformly in `0..max_delay_ms` after the writer starts.
    pub max_delay_ms: u64,
    /// Arguments for re-executing the current binary as a writer.
    pub child_args: Vec<String>,
    /// Where a failing trial's store is copied to, for inspection.
    pub keep_failures: Option<PathBuf>,
    /// Print a progress line every this many trials (0: never).
    pub progress_every: u64,
    /// Power-loss trials instead of process kills alone (`None`: SIGKILL only).
    pub power: Option<Power>,
}

/// How power-loss trials are run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Power {
    /// Always this kind of cut (`None`: drawn per trial, see [`run`]).
    pub cut: Option<Cut>,
    /// Treat every `fdatasync` as a no-op: the log and blob syncs switched off (sled's log and
    /// blob writes sync with `fdatasync`, its directories with `fsync`), to show that the
    /// model finds the loss.
    pub ignore_fdatasync: bool,
}

/// What a run of trials found.
#[derive(Debug, Default, Clone)]
pub struct Report {
    /// Trials run.
    pub trials: u64,
    /// Acknowledged writes missing or changed after a reopen (removes undone count too).
    pub lost: u64,
    /// Reopens that failed, panicked, could not read everything, or left an unusable store.
    pub corrupt: u64,
    /// Batches seen in part after a crash.
    pub torn_batches: u64,
    /// Entries no operation wrote (garbage) or with a value no operation wrote.
    pub unexpected: u64,
    /// Writers that failed on their own (an operation returned an error).
    pub writer_errors: u64,
    /// Operations acknowledged by writers, over all trials.
    pub acked_ops: u64,
    /// Trials by how the writer died.
    pub by_mode: BTreeMap<&'static str, u64>,
    /// Power-loss trials by kind of cut.
    pub by_cut: BTreeMap<&'static str, u64>,
    /// Data operations (writes, size changes) not yet synced at the power cuts, over all
    /// trials: what the model could drop.
    pub unsynced_data_ops: u64,
    /// One line per problem, with what reproduces it.
    pub failures: Vec<String>,
}

impl Report {
    /// Whether nothing went wrong.
    pub fn ok(&self) -> bool {
        self.lost == 0
            && self.corrupt == 0
            && self.torn_batches == 0
            && self.unexpected == 0
            && self.writer_errors == 0
    }

    /// `trials: N, lost writes: L, corrupt opens: C`.
    pub fn final_line(&self) -> String {
        format!(
            "trials: {}, lost writes: {}, corrupt opens: {}",
            self.trials, self.lost, self.corrupt
        )
    }

    /// The other figures, on one line.
    pub fn detail_line(&self) -> String {
        let modes: Vec<String> = self
            .by_mode
            .iter()
            .map(|(m, n)| format!("{m} {n}"))
            .collect();
        let mut line = format!(
            "acked ops: {}, torn batches: {}, unexpected entries: {}, writer errors: {}; kills: {}",
            self.acked_ops,
            self.torn_batches,
            self.unexpected,
            self.writer_errors,
            modes.join(", ")
        );
        if !self.by_cut.is_empty() {
            let cuts: Vec<String> = self
                .by_cut
                .iter()
                .map(|(m, n)| format!("{m} {n}"))
                .collect();
            line += &format!(
                "; {}; unsynced data ops at the cuts: {}",
                cuts.join(", "),
                self.unsynced_data_ops
            );
        }
        line
    }
}

/// How one writer is to die.
#[derive(Debug, Clone, Copy)]
enum Kill {
    /// SIGKILL from the parent after this long.
    After(Duration),
    /// A fault plan inside the writer.
    Fault(Plan),
}

/// What one generation's writer did.
struct Run {
    acked: u64,
    mode: &'static str,
    /// Set when the writer ended in an unexpected way.
    trouble: Option<String>,
}

/// What one check found.
#[derive(Default)]
struct Check {
    lost: u64,
    corrupt: bool,
    torn_batches: u64,
    unexpected: u64,
    notes: Vec<String>,
}

/// One store directory and what is known to be durable in it.
struct Chain {
    root: tempfile::TempDir,
    gen: u32,
    /// Everything read at the last check (it was on disk, so it must stay).
    durable: BTreeMap<(String, Vec<u8>), Vec<u8>>,
}

impl Chain {
    fn new() -> Chain {
        Chain {
            root: tempfile::tempdir().expect("temp dir"),
            gen: 0,
            durable: BTreeMap::new(),
        }
    }

    fn store_dir(&self) -> PathBuf {
        self.root.path().join("store")
    }
}

/// Runs `config.trials` trials, calling `log` with progress lines; returns what was found.
pub fn run(config: &Config, log: &mut dyn FnMut(&str)) -> Report {
    let mut report = Report::default();
    let mut rng = Rng::new(&[config.seed]);
    let mut chain = Chain::new();
    let started = Instant::now();
    for trial in 1..=config.trials {
        let work = Workload {
            seed: rng.next(),
            gen: chain.gen,
        };
        let flush_every_ms = match rng.below(3) {
            0 => None,
            _ => Some(1 + rng.below(200)),
        };
        let kill = match rng.below(100) {
            0..=39 => Kill::After(Duration::from_millis(rng.below(config.max_delay_ms.max(1)))),
            40..=59 => Kill::Fault(plan(Action::Kill, Site::Io, 1 + rng.below(60))),
            60..=74 => Kill::Fault(plan(Action::Torn, Site::Io, 1 + rng.below(60))),
            75..=89 => Kill::Fault(plan(Action::Abort, Site::Op, 1 + rng.below(300))),
            // For a power cut, the moment just before a sync is the interesting one.
            _ if config.power.is_some() => {
                Kill::Fault(plan(Action::Kill, Site::Fsync, 1 + rng.below(20)))
            }
            _ => Kill::Fault(plan(Action::Kill, Site::Op, 1 + rng.below(300))),
        };
        let cut = config.power.map(|p| {
            p.cut.unwrap_or(match rng.below(10) {
                0..=2 => Cut::AllLost,
                3 => Cut::NoneLost,
                _ => Cut::Random,
            })
        });
        let mut repro = format!(
            "trial {trial} (run seed {}, workload seed {}, generation {}, flush_every_ms {flush_every_ms:?}, kill {kill:?}",
            config.seed, work.seed, work.gen
        );
        if let Some(cut) = cut {
            repro += &format!(", {cut:?}");
        }
        repro += ")";
        // The directory as the writer finds it: all of it durable.
        let before = cut.map(|_| {
            std::fs::create_dir_all(chain.store_dir()).expect("create the store directory");
            Disk::load(&chain.store_dir()).expect("read the store directory")
        });
        let mut run = run_writer(config, &chain, work, flush_every_ms, kill);
        if let (Some(cut), Some(mut disk)) = (cut, before) {
            if config.power.is_some_and(|p| p.ignore_fdatasync) {
                disk.ignore_fdatasync();
            }
            match power_cut(&chain, work, disk, cut, &mut rng) {
                Ok(unsynced) => {
                    *report.by_cut.entry(cut.name()).or_default() += 1;
                    report.unsynced_data_ops += unsynced;
                }
                Err(e) => run.trouble = Some(format!("the power cut failed: {e}")),
            }
        }
        report.trials += 1;
        report.acked_ops += run.acked;
        *report.by_mode.entry(run.mode).or_default() += 1;
        if let Some(trouble) = &run.trouble {
            report.writer_errors += 1;
            report.failures.push(format!("{repro}: {trouble}"));
        }
        let check = check(&mut chain, work, run.acked);
        report.lost += check.lost;
        report.torn_batches += check.torn_batches;
        report.unexpected += check.unexpected;
        report.corrupt += u64::from(check.corrupt);
        let failed = run.trouble.is_some() || !check.notes.is_empty();
        for note in &check.notes {
            report
                .failures
                .push(format!("{repro}, acked {}: {note}", run.acked));
        }
        if failed {
            if let Some(keep) = &config.keep_failures {
                let to = keep.join(format!("seed-{}-trial-{trial}", config.seed));
                match copy_dir(&chain.store_dir(), &to) {
                    Ok(()) => report
                        .failures
                        .push(format!("  store kept at {}", to.display())),
                    Err(e) => report
                        .failures
                        .push(format!("  could not keep the store: {e}")),
                }
            }
        }
        // A corrupt store ends its chain; otherwise go on with it two times in three, up to
        // four generations.
        if check.corrupt || chain.gen >= 3 || rng.below(3) == 0 {
            chain = Chain::new();
        } else {
            chain.gen += 1;
        }
        if config.progress_every > 0 && trial % config.progress_every == 0 {
            log(&format!(
                "trial {trial}/{}: lost writes {}, corrupt opens {}, acked ops {}, {:.0} s",
                config.trials,
                report.lost,
                report.corrupt,
                report.acked_ops,
                started.elapsed().as_secs_f64()
            ));
        }
    }
    report
}

fn plan(action: Action, site: Site, nth: u64) -> Plan {
    Plan { action, site, nth }
}

/// Where generation `work.gen`'s writer journals its I/O in a power-loss trial.
fn journal_path(chain: &Chain, work: Workload) -> PathBuf {
    chain
        .root
        .path()
        .join(format!("writer-{}.journal", work.gen))
}

/// Replays the writer's journal on `disk` (the directory before it started) and replaces the
/// store directory with what `cut` leaves; returns the unsynced data operations at the cut.
fn power_cut(
    chain: &Chain,
    work: Workload,
    mut disk: Disk,
    cut: Cut,
    rng: &mut Rng,
) -> Result<u64, String> {
    let journal = journal_path(chain, work);
    let replayed = disk.replay_file(&journal)?;
    let image = disk.cut(cut, rng);
    power::materialize(&chain.store_dir(), &image)
        .map_err(|e| format!("writing the image: {e}"))?;
    let _ = std::fs::remove_file(&journal);
    Ok(replayed.unsynced_data_ops)
}

/// Starts a writer on the chain's store, lets it die as `kill` says, and collects its acks.
fn run_writer(
    config: &Config,
    chain: &Chain,
    work: Workload,
    flush_every_ms: Option<u64>,
    kill: Kill,
) -> Run {
    let exe = std::env::current_exe().expect("current exe");
    let stderr_path = chain
        .root
        .path()
        .join(format!("writer-{}.stderr", work.gen));
    let stderr = std::fs::File::create(&stderr_path).expect("stderr file");
    let mut command = Command::new(exe);
    command
        .args(&config.child_args)
        .env(ENV_DIR, chain.store_dir())
        .env(ENV_SEED, work.seed.to_string())
        .env(ENV_GEN, work.gen.to_string())
        .env(
            ENV_FLUSH_MS,
            flush_every_ms.map_or("none".to_string(), |ms| ms.to_string()),
        )
        .env_remove(crate::faults::ENV)
        .env_remove(power::ENV_JOURNAL)
        .env_remove(power::ENV_DIR)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr);
    let deadline = match kill {
        Kill::After(delay) => delay,
        Kill::Fault(plan) => {
            command.env(crate::faults::ENV, plan.to_string());
            // A plan may count past what the writer does in this time; then it is killed.
            Duration::from_secs(3)
        }
    };
    if config.power.is_some() {
        command
            .env(power::ENV_JOURNAL, journal_path(chain, work))
            .env(power::ENV_DIR, chain.store_dir());
    }
    let mut child = command.spawn().expect("spawn the writer");
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(msg) = line.strip_prefix(LINE_PREFIX) {
                if tx.send(msg.to_string()).is_err() {
                    break;
                }
            }
        }
    });
    let until = Instant::now() + deadline;
    let mut acked = 0;
    let take = |msg: String, acked: &mut u64| {
        if let Some(n) = msg.strip_prefix("ack ") {
            *acked = n.parse().expect("ack count");
        }
    };
    // Until the deadline, or until the writer closes its stdout (it is dying by itself).
    let mut closed = false;
    while let Some(left) = until.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(msg) => take(msg, &mut acked),
            Err(mpsc::RecvTimeoutError::Timeout) => break,
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                closed = true;
                break;
            }
        }
    }
    let killed_by_parent = !closed && child.try_wait().expect("try_wait").is_none();
    if killed_by_parent {
        // Child::kill sends SIGKILL.
        let _ = child.kill();
    }
    let status = child.wait().expect("wait for the writer");
    reader.join().expect("reader thread");
    for msg in rx.try_iter() {
        take(msg, &mut acked);
    }
    let stderr_text = || std::fs::read_to_string(&stderr_path).unwrap_or_default();
    let (mode, trouble) = match (kill, status.signal()) {
        (Kill::After(_), Some(9)) if killed_by_parent => ("external SIGKILL", None),
        (Kill::Fault(_), Some(9)) if killed_by_parent => ("fault did not fire; SIGKILL", None),
        (Kill::Fault(p), Some(9)) if p.site == Site::Io && p.action == Action::Torn => {
            ("torn pwrite + SIGKILL", None)
        }
        (Kill::Fault(p), Some(9)) if p.site == Site::Io => ("SIGKILL at an I/O call", None),
        (Kill::Fault(p), Some(9)) if p.site == Site::Fsync => ("SIGKILL before a sync", None),
        (Kill::Fault(p), Some(9)) if p.site == Site::Op => ("SIGKILL at an operation", None),
        (Kill::Fault(_), Some(6)) => ("abort() at an operation", None),
        _ => (
            "writer failed",
            Some(format!(
                "the writer ended with {status} instead of being killed; stderr: {}",
                stderr_text().trim()
            )),
        ),
    };
    Run {
        acked,
        mode,
        trouble,
    }
}

/// Reopens the chain's store, checks it against what generation `work.gen` acknowledged
/// (`acked` operations) and against what earlier checks saw, then probes that it works.
fn check(chain: &mut Chain, work: Workload, acked: u64) -> Check {
    let mut check = Check::default();
    let dir = chain.store_dir();
    let store = match reopen(&dir) {
        Ok(store) => store,
        Err(e) => {
            check.corrupt = true;
            check.notes.push(format!("reopen failed: {e}"));
            return check;
        }
    };
    let seen = match read_all(&store) {
        Ok(seen) => seen,
        Err(e) => {
            check.corrupt = true;
            check
                .notes
                .push(format!("reading the reopened store failed: {e}"));
            return check;
        }
    };
    let get = |tree: &str, key: &[u8]| seen.get(&(tree.to_string(), key.to_vec()));
    let lost = |check: &mut Check, what: String| {
        check.lost += 1;
        check.notes.push(format!("lost write: {what}"));
    };

    // 1. What earlier checks read was on disk: it must all still be there.
    let before = counter_value(chain.durable.get(&counter_key()).map(Vec::as_slice));
    for ((tree, key), value) in &chain.durable {
        let is_counter = tree == ferry_core::DEFAULT_TREE && key == COUNTER;
        if !is_counter && get(tree, key) != Some(value) {
            lost(
                &mut check,
                format!("{tree}/{} from an earlier generation", show(key)),
            );
        }
    }

    // 2. Every acknowledged operation of this generation.
    let mut counted = 0;
    for i in 0..acked {
        match work.op(i) {
            Op::Insert { tree, key, value } => {
                let removed = work.removed_by(i);
                let found = get(TREES[tree], &key);
                match removed {
                    Some(j) if j < acked && found.is_some() => lost(
                        &mut check,
                        format!("op {j} removed {} but it is back", show(&key)),
                    ),
                    Some(j) if j < acked => {}
                    Some(_) if found.is_none() => {} // removed later, maybe durably
                    _ if found != Some(&value) => lost(
                        &mut check,
                        format!(
                            "op {i} inserted {}/{} ({} bytes): {}",
                            TREES[tree],
                            show(&key),
                            value.len(),
                            describe(found)
                        ),
                    ),
                    _ => {}
                }
            }
            Op::Batch(entries) => {
                for (k, (key, value)) in entries.iter().enumerate() {
                    let found = get(BATCH_TREE, key);
                    if found != Some(value) {
                        lost(
                            &mut check,
                            format!("op {i} batch entry {k} {}: {}", show(key), describe(found)),
                        );
                    }
                }
            }
            Op::Count => counted += 1,
            Op::Remove { .. } | Op::Flush => {}
        }
    }
    let counter = counter_value(get(ferry_core::DEFAULT_TREE, COUNTER).map(Vec::as_slice));
    if counter < before + counted {
        check.lost += before + counted - counter;
        check.notes.push(format!(
            "lost write: counter is {counter}, at least {} expected ({before} before + {counted} acked increments)",
            before + counted
        ));
    }

    // 3. Everything else this generation wrote must be exactly what some operation wrote,
    //    and batches must be whole.
    let mut batches: BTreeMap<u64, u64> = BTreeMap::new();
    for ((tree, key), value) in &seen {
        if chain.durable.contains_key(&(tree.clone(), key.clone())) || key == COUNTER {
            continue;
        }
        let ok = match work.parse_key(key) {
            Some((i, None)) => matches!(
                work.op(i),
                Op::Insert { tree: t, key: ref k, value: ref v } if TREES[t] == tree && k == key && v == value
            ),
            Some((i, Some(k))) if tree == BATCH_TREE => {
                *batches.entry(i).or_default() += 1;
                matches!(work.op(i), Op::Batch(ref e) if e.get(k as usize).is_some_and(|(ek, ev)| ek == key && ev == value))
            }
            _ => false,
        };
        if !ok {
            check.unexpected += 1;
            check.notes.push(format!(
                "unexpected entry {tree}/{} ({} bytes)",
                show(key),
                value.len()
            ));
        }
    }
    for (i, present) in batches {
        if let Op::Batch(entries) = work.op(i) {
            if present != entries.len() as u64 {
                check.torn_batches += 1;
                check.notes.push(format!(
                    "torn batch: op {i} has {present} of {} entries",
                    entries.len()
                ));
            }
        }
    }

    // 4. The store works: write, flush, read back.
    let probe = (
        format!("probe/{:03}", work.gen).into_bytes(),
        b"ok".to_vec(),
    );
    let usable = store
        .tree("probe")
        .and_then(|t| {
            t.insert(&probe.0, &probe.1)?;
            store.flush()?;
            t.get(&probe.0)
        })
        .map(|v| v.as_deref() == Some(&b"ok"[..]));
    match usable {
        Ok(true) => {}
        other => {
            check.corrupt = true;
            check
                .notes
                .push(format!("the reopened store is not usable: {other:?}"));
        }
    }
    chain.durable = seen;
    chain
        .durable
        .insert(("probe".to_string(), probe.0), probe.1);
    check
}

fn counter_key() -> (String, Vec<u8>) {
    (ferry_core::DEFAULT_TREE.to_string(), COUNTER.to_vec())
}

/// Opens the store on a helper thread, so that a panic inside the engine is reported and a
/// hang is bounded.
fn reopen(dir: &Path) -> Result<Store, String> {
    let (tx, rx) = mpsc::channel();
    let dir = dir.to_path_buf();
    std::thread::spawn(move || {
        let options = Options {
            cache_capacity: 4 << 20,
            flush_every_ms: None,
            temporary: false,
        };
        let result = std::panic::catch_unwind(|| Store::open(&dir, options));
        let _ = tx.send(result);
    });
    match rx.recv_timeout(Duration::from_secs(30)) {
        Ok(Ok(Ok(store))) => Ok(store),
        Ok(Ok(Err(e))) => Err(format!("Store::open returned {e:?}")),
        Ok(Err(panic)) => Err(format!(
            "Store::open panicked: {}",
            panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        )),
        Err(_) => Err("Store::open did not return within 30 s".to_string()),
    }
}

type Contents = BTreeMap<(String, Vec<u8>), Vec<u8>>;

fn read_all(store: &Store) -> Result<Contents, String> {
    // A panic inside the engine is a finding to report, not a reason to stop the run.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut seen = BTreeMap::new();
        for name in store.tree_names() {
            let tree = store.tree(&name).map_err(|e| format!("tree {name}: {e}"))?;
            for entry in tree.scan(&Scan::all()).map_err(|e| e.to_string())? {
                let (k, v) = entry.map_err(|e| format!("scanning {name}: {e}"))?;
                seen.insert((name.clone(), k.to_vec()), v.to_vec());
            }
        }
        Ok(seen)
    }))
    .unwrap_or_else(|_| Err("reading panicked".to_string()))
}

fn show(key: &[u8]) -> String {
    String::from_utf8_lossy(key).into_owned()
}

fn describe(found: Option<&Vec<u8>>) -> String {
    match found {
        None => "missing".to_string(),
        Some(v) => format!("a different value ({} bytes)", v.len()),
    }
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Checks the checker: writes `ops` operations in-process, acknowledges them with a flush,
/// deletes one acknowledged insert behind the workload's back, and returns what [`run`]'s
/// check reports for that store (a working checker reports exactly one lost write).
pub fn checker_self_test(seed: u64, ops: u64) -> Report {
    let mut chain = Chain::new();
    let work = Workload { seed, gen: 0 };
    let store = reopen(&chain.store_dir()).expect("open a fresh store");
    let mut acked = 0;
    crate::workload::perform(&store, work, Some(ops), |n| acked = n).expect("perform");
    store.flush().expect("flush");
    let victim = (0..acked).find_map(|i| match work.op(i) {
        Op::Insert { tree, key, .. } if work.removed_by(i).is_none() => Some((tree, key)),
        _ => None,
    });
    let (tree, key) = victim.expect("the workload inserted something");
    let tree = store.tree(TREES[tree]).expect("tree");
    assert!(tree.remove(&key).expect("remove").is_some());
    store.flush().expect("flush");
    drop((tree, store));
    let check = check(&mut chain, work, acked);
    Report {
        trials: 1,
        lost: check.lost,
        corrupt: u64::from(check.corrupt),
        torn_batches: check.torn_batches,
        unexpected: check.unexpected,
        acked_ops: acked,
        failures: check.notes,
        ..Report::default()
    }
}
