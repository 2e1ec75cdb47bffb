//! The crash test's workload: an endless, deterministic sequence of store operations
//! ([`Workload::op`]) and the writer that performs it (child process side).
//!
//! Operation `i` of generation `gen` depends only on `(seed, gen, i)`, so the verifier in the
//! parent process recomputes what every acknowledged operation wrote. Inserted keys are never
//! written twice: a key's presence and exact value tell which operations reached the disk.

// Included by several binaries (the crash test, the soak, the findings tests), each of which
// uses a part of it.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use ferry_core::{Batch, Options, Store, Tree};

use crate::faults;

/// The trees single inserts go to (chosen by operation index).
pub const TREES: [&str; 3] = ["t0", "t1", "t2"];
/// The tree batches go to.
pub const BATCH_TREE: &str = "batches";
/// The default-tree key of the compare-and-swap counter.
pub const COUNTER: &[u8] = b"counter";
/// What the writer's protocol lines on stdout start with.
pub const LINE_PREFIX: &str = "ferry-crash: ";
/// A remove targets one of the inserts this many operations back, at most.
pub const REMOVE_REACH: u64 = 64;

/// SplitMix64: small, fast, and good enough to pick operations and fill values.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded from `parts`.
    pub fn new(parts: &[u64]) -> Rng {
        let mut rng = Rng(0x5EED_F0E1_2024_0001);
        for &p in parts {
            rng.0 ^= p;
            rng.next();
        }
        rng
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The kinds of operation, in the order [`Workload::kind`] draws them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One key into one of [`TREES`].
    Insert,
    /// Removes the key of an earlier insert.
    Remove,
    /// Several keys into [`BATCH_TREE`], atomically.
    Batch,
    /// Increments [`COUNTER`] by compare-and-swap.
    Count,
    /// `Store::flush`, then an acknowledgement line.
    Flush,
}

/// One operation of the workload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Insert `value` at `key` in `TREES[tree]`.
    Insert {
        /// Index into [`TREES`].
        tree: usize,
        /// The key, `g{gen}/i{index}`.
        key: Vec<u8>,
        /// The value.
        value: Vec<u8>,
    },
    /// Remove the key inserted by operation `target` (an [`Op::Insert`]).
    Remove {
        /// The index of the insert.
        target: u64,
    },
    /// Insert these entries into [`BATCH_TREE`] atomically; keys are `g{gen}/b{index}/{k}`.
    Batch(Vec<(Vec<u8>, Vec<u8>)>),
    /// Increment [`COUNTER`].
    Count,
    /// Flush, then acknowledge every operation before this one.
    Flush,
}

/// The operations of one generation (one writer process) on one store.
#[derive(Debug, Clone, Copy)]
pub struct Workload {
    /// The trial's seed.
    pub seed: u64,
    /// The generation: each writer process on a store gets the next one.
    pub gen: u32,
}

impl Workload {
    fn rng(&self, i: u64, salt: u64) -> Rng {
        Rng::new(&[self.seed, u64::from(self.gen), i, salt])
    }

    /// The kind of operation `i`.
    pub fn kind(&self, i: u64) -> Kind {
        match self.rng(i, 0).below(100) {
            0..=44 => Kind::Insert,
            45..=54 if self.remove_target(i).is_some() => Kind::Remove,
            45..=54 => Kind::Count,
            55..=69 => Kind::Batch,
            70..=79 => Kind::Count,
            _ => Kind::Flush,
        }
    }

    /// For a remove drawn at `i`: the insert it targets, if the drawn index is an insert.
    fn remove_target(&self, i: u64) -> Option<u64> {
        if i == 0 {
            return None;
        }
        let j = i - 1 - self.rng(i, 1).below(i.min(REMOVE_REACH));
        (self.kind(j) == Kind::Insert).then_some(j)
    }

    /// Operation `i`.
    pub fn op(&self, i: u64) -> Op {
        match self.kind(i) {
            Kind::Insert => Op::Insert {
                tree: self.rng(i, 2).below(TREES.len() as u64) as usize,
                key: self.insert_key(i),
                value: self.value(i, 0),
            },
            Kind::Remove => Op::Remove {
                target: self.remove_target(i).expect("drawn only with a target"),
            },
            Kind::Batch => {
                let n = 1 + self.rng(i, 3).below(8);
                Op::Batch(
                    (0..n)
                        .map(|k| (self.batch_key(i, k), self.value(i, k + 1)))
                        .collect(),
                )
            }
            Kind::Count => Op::Count,
            Kind::Flush => Op::Flush,
        }
    }

    /// The first remove, among the operations that may follow insert `i`, that removes it.
    pub fn removed_by(&self, i: u64) -> Option<u64> {
        (i + 1..=i + REMOVE_REACH)
            .find(|&j| self.kind(j) == Kind::Remove && self.remove_target(j) == Some(i))
    }

    /// The key of insert `i`.
    pub fn insert_key(&self, i: u64) -> Vec<u8> {
        format!("g{:03}/i{i:09}", self.gen).into_bytes()
    }

    /// The key of entry `k` of batch `i`.
    pub fn batch_key(&self, i: u64, k: u64) -> Vec<u8> {
        format!("g{:03}/b{i:09}/{k}", self.gen).into_bytes()
    }

    /// Parses a key written by this generation: `(index, None)` for an insert key,
    /// `(index, Some(k))` for a batch entry key.
    pub fn parse_key(&self, key: &[u8]) -> Option<(u64, Option<u64>)> {
        let key = std::str::from_utf8(key).ok()?;
        let rest = key.strip_prefix(&format!("g{:03}/", self.gen))?;
        if let Some(i) = rest.strip_prefix('i') {
            return Some((i.parse().ok()?, None));
        }
        let (i, k) = rest.strip_prefix('b')?.split_once('/')?;
        Some((i.parse().ok()?, Some(k.parse().ok()?)))
    }

    /// The value of insert `i` (`k == 0`) or of batch entry `k - 1`: mostly short, sometimes
    /// a few KiB, rarely up to 256 KiB; it starts with its own name so damage is recognisable.
    fn value(&self, i: u64, k: u64) -> Vec<u8> {
        let mut rng = self.rng(i, 100 + k);
        let len = match rng.below(100) {
            0 => 64 * 1024 + rng.below(192 * 1024),
            1..=9 => rng.below(4096),
            _ => rng.below(100),
        } as usize;
        let mut value = format!("{}/{i}/{k}:", self.gen).into_bytes();
        while value.len() < len {
            value.extend_from_slice(&rng.next().to_le_bytes());
        }
        value.truncate(len);
        value
    }
}

/// Reads the counter's value (0 when absent).
pub fn counter_value(bytes: Option<&[u8]>) -> u64 {
    bytes.map_or(0, |b| {
        u64::from_le_bytes(b.try_into().expect("the counter is 8 bytes"))
    })
}

/// Increments the counter in `tree` by compare-and-swap until it sticks.
pub fn increment(tree: &Tree) -> ferry_core::Result<()> {
    loop {
        let current = tree.get(COUNTER)?;
        let next = (counter_value(current.as_deref()) + 1).to_le_bytes();
        if tree
            .compare_and_swap(COUNTER, current.as_deref(), Some(&next))?
            .is_swapped()
        {
            return Ok(());
        }
    }
}

/// Performs operations `0..stop` (endlessly for `None`) of `work` on `store`, calling
/// [`faults::op`] before each and `ack(n)` after each flush (operations `0..n` are durable).
pub fn perform(
    store: &Store,
    work: Workload,
    stop: Option<u64>,
    mut ack: impl FnMut(u64),
) -> ferry_core::Result<()> {
    let trees: Vec<Tree> = TREES
        .iter()
        .map(|n| store.tree(n))
        .collect::<Result<_, _>>()?;
    let batches = store.tree(BATCH_TREE)?;
    let default = store.default_tree();
    let mut i = 0;
    while stop.map_or(true, |stop| i < stop) {
        faults::op();
        match work.op(i) {
            Op::Insert { tree, key, value } => {
                trees[tree].insert(key, value)?;
            }
            Op::Remove { target } => {
                let Op::Insert { tree, key, .. } = work.op(target) else {
                    unreachable!("removes target inserts")
                };
                trees[tree].remove(key)?;
            }
            Op::Batch(entries) => {
                let mut batch = Batch::new();
                for (key, value) in entries {
                    batch.insert(key, value)?;
                }
                batches.apply_batch(batch)?;
            }
            Op::Count => increment(&default)?,
            Op::Flush => {
                store.flush()?;
                ack(i + 1);
            }
        }
        i += 1;
    }
    Ok(())
}

/// The writer child's settings, passed in environment variables.
pub const ENV_DIR: &str = "FERRY_CRASH_DIR";
/// See [`ENV_DIR`].
pub const ENV_SEED: &str = "FERRY_CRASH_SEED";
/// See [`ENV_DIR`].
pub const ENV_GEN: &str = "FERRY_CRASH_GEN";
/// See [`ENV_DIR`]: milliseconds between background flushes, or `none`.
pub const ENV_FLUSH_MS: &str = "FERRY_CRASH_FLUSH_MS";

/// In a writer child (started with [`ENV_DIR`] set), runs the writer and exits: it arms the
/// fault plan and the power-loss recorder its environment asks for, opens the store, says
/// `ready`, performs the workload and says `ack N` after each flush, until it is killed.
/// Exits with status 3 if an operation fails. Returns at once elsewhere.
pub fn become_writer_if_asked() {
    let Ok(dir) = std::env::var(ENV_DIR) else {
        return;
    };
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"));
    let work = Workload {
        seed: var(ENV_SEED).parse().expect("seed"),
        gen: var(ENV_GEN).parse().expect("generation"),
    };
    let flush_every_ms = match var(ENV_FLUSH_MS).as_str() {
        "none" => None,
        ms => Some(ms.parse().expect("flush interval")),
    };
    faults::arm_from_env();
    crate::power::record_from_env();
    let result = write_until_killed(Path::new(&dir), work, flush_every_ms);
    let _ = writeln!(std::io::stderr(), "writer failed: {result:?}");
    std::process::exit(3);
}

fn write_until_killed(
    dir: &Path,
    work: Workload,
    flush_every_ms: Option<u64>,
) -> ferry_core::Result<()> {
    let options = Options {
        cache_capacity: 1 << 20,
        flush_every_ms,
        temporary: false,
    };
    let store = Store::open(dir, options)?;
    let mut out = std::io::stdout().lock();
    let mut say = move |line: &str| {
        // The parent reads these through a pipe; a failed write means it is gone.
        if writeln!(out, "{LINE_PREFIX}{line}")
            .and_then(|()| out.flush())
            .is_err()
        {
            std::process::exit(4);
        }
    };
    // Two more threads flush all the time, so that the writer's flushes keep meeting others
    // in progress: a flush that another thread's covered (group commit,
    // `core/src/group_commit.rs`) must be as durable as one the writer ran itself. They stop
    // at the first error; the writer's own operations report it.
    for _ in 0..FLUSHERS {
        let store = store.clone();
        std::thread::spawn(move || {
            while store.flush().is_ok() {
                std::thread::sleep(Duration::from_micros(200));
            }
        });
    }
    say("ready");
    perform(&store, work, None, |n| say(&format!("ack {n}")))
}

/// Threads of the writer child that only flush, beside the one that writes.
const FLUSHERS: usize = 2;
