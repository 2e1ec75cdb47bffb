//! The Rust harness of Ferry's cross-language benchmark: `ferry-core` called directly.
//!
//! Protocol, workloads and key sequence are specified in `bench/README.md` and shared by every
//! harness: `ferry-bench dir=PATH keys=N` loads N keys into a fresh store in PATH, prints a
//! `ready` line, then runs the commands it reads on stdin (`run WORKLOAD OPS`, `quit`),
//! answering each with one JSON line on stdout. Progress goes to stderr.

use std::collections::HashMap;
use std::hint::black_box;
use std::io::BufRead;
use std::path::PathBuf;
use std::sync::Barrier;
use std::time::Instant;

use ferry_core::{Batch, Options, Scan, Store, Tree};

const VALUE_LEN: usize = 100;
const KEY_LEN: usize = 16;
const BATCH_SIZE: usize = 1000;
const LOAD_BATCH: u64 = 10_000;
const SEED: u64 = 42;
const CACHE_BYTES: u64 = 512 << 20;

/// splitmix64, as in every harness.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % n
    }
}

/// The key stream of a workload: `Rng(SEED + id)`, the ids in bench/README.md.
fn stream_id(workload: &str) -> Option<u64> {
    Some(match workload {
        "get" => 2,
        "range10" => 3,
        "insert" => 5,
        "batch_insert" => 6,
        "durable" => 7,
        _ => return None,
    })
}

/// The writer count of a group-commit command `durable_wN` (1 to 16), if `workload` is one.
fn writers(workload: &str) -> Option<u64> {
    let n: u64 = workload.strip_prefix("durable_w")?.parse().ok()?;
    (1..=16).contains(&n).then_some(n)
}

/// The key stream of writer `thread` (0-based) of `durable_wN`: `Rng(SEED + 10 * N + thread)`.
fn writer_stream_id(writers: u64, thread: u64) -> u64 {
    10 * writers + thread
}

/// `key-%012d`.
fn key(i: u64) -> [u8; KEY_LEN] {
    let mut k = *b"key-000000000000";
    let mut rest = i;
    for digit in k[4..].iter_mut().rev() {
        *digit = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    k
}

fn fail(message: &str) -> ! {
    eprintln!("rust: {message}");
    std::process::exit(2);
}

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

extern "C" {
    fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
}

const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;

/// CPU time of the whole process (all threads), in nanoseconds: unlike the wall clock, it does
/// not count the time other processes on a shared machine take from this one.
fn cpu_ns() -> u128 {
    let mut t = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a live, writable timespec of the C layout (x86_64/aarch64 Linux: two
    // 64-bit fields), and CLOCK_PROCESS_CPUTIME_ID is a valid clock on Linux.
    let rc = unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)");
    t.tv_sec as u128 * 1_000_000_000 + t.tv_nsec as u128
}

/// The Rust no-op: a plain call to a function the optimizer may not inline or fold, the
/// counterpart of the `ferry_version()` calls the other harnesses make.
#[inline(never)]
fn version() -> u32 {
    black_box(100)
}

struct Harness {
    n: u64,
    store: Store,
    tree: Tree,
    streams: HashMap<u64, Rng>,
}

impl Harness {
    fn load(&self) -> f64 {
        let started = Instant::now();
        let value = [0x5Au8; VALUE_LEN];
        let (n, mut next, mut shown) = (self.n, 0, 0);
        while next < n {
            let end = (next + LOAD_BATCH).min(n);
            let mut batch = Batch::new();
            for i in next..end {
                batch.insert(key(i), value).expect("batch insert");
            }
            self.tree.apply_batch(batch).expect("apply batch");
            next = end;
            if next * 10 / n > shown {
                shown = next * 10 / n;
                eprintln!("rust: loaded {next}/{n} keys");
            }
        }
        self.store.flush().expect("flush");
        started.elapsed().as_secs_f64()
    }

    /// The keys of one run, drawn before the clock starts.
    fn draw(&mut self, workload: &str, count: u64) -> Vec<[u8; KEY_LEN]> {
        let n = self.n;
        let rng = match stream_id(workload) {
            Some(id) => self.streams.entry(id).or_insert(Rng(SEED + id)),
            None => return Vec::new(),
        };
        (0..count).map(|_| key(rng.below(n))).collect()
    }

    /// Group commit: `writers` threads share `ops` commits (the first `ops % writers` one
    /// more), each inserting keys of its own stream and flushing after every insert; the clocks
    /// run from the threads' common start to the last one's end.
    fn group_commit(&mut self, writers: u64, ops: u64) -> (u128, u128) {
        let n = self.n;
        let shares: Vec<Vec<[u8; KEY_LEN]>> = (0..writers)
            .map(|t| {
                let count = ops / writers + u64::from(t < ops % writers);
                let id = writer_stream_id(writers, t);
                let rng = self.streams.entry(id).or_insert(Rng(SEED + id));
                (0..count).map(|_| key(rng.below(n))).collect()
            })
            .collect();
        let (store, tree) = (&self.store, &self.tree);
        let start = Barrier::new(writers as usize + 1);
        let value = [0x3Cu8; VALUE_LEN];
        std::thread::scope(|scope| {
            let threads: Vec<_> = shares
                .iter()
                .map(|keys| {
                    let start = &start;
                    scope.spawn(move || {
                        start.wait();
                        for k in keys {
                            tree.insert(k, value).expect("insert");
                            store.flush().expect("flush");
                        }
                    })
                })
                .collect();
            start.wait();
            let cpu = cpu_ns();
            let t = Instant::now();
            for thread in threads {
                thread.join().expect("writer thread");
            }
            (t.elapsed().as_nanos(), cpu_ns() - cpu)
        })
    }

    /// Runs `ops` operations of `workload`; returns (operations timed, wall and CPU nanoseconds).
    fn run(&mut self, workload: &str, ops: u64) -> Result<(u64, u128, u128), String> {
        if let Some(writers) = writers(workload) {
            let (wall, cpu) = self.group_commit(writers, ops);
            return Ok((ops, wall, cpu));
        }
        let keys = self.draw(workload, ops);
        let tree = &self.tree;
        let cpu = cpu_ns();
        let t = Instant::now();
        let timed = match workload {
            "noop" => {
                let mut sink = 0u64;
                for _ in 0..ops {
                    sink = sink.wrapping_add(version() as u64);
                }
                black_box(sink);
                ops
            }
            "get" => {
                let mut sum = 0u64;
                for k in &keys {
                    let v = tree.get(k).expect("get").expect("present");
                    sum += v.len() as u64;
                }
                if sum != ops * VALUE_LEN as u64 {
                    return Err("get read values of the wrong length".into());
                }
                ops
            }
            "range10" => {
                let mut entries = 0u64;
                for k in &keys {
                    let scan = Scan::range(&k[..]..).limit(10);
                    for entry in tree.scan(&scan).expect("scan") {
                        let (key, value) = entry.expect("entry");
                        entries += u64::from(key.len() + value.len() == KEY_LEN + VALUE_LEN);
                    }
                }
                if entries < ops {
                    return Err("range10 returned too few entries".into());
                }
                ops
            }
            "full_scan" => {
                let mut entries = 0u64;
                for _ in 0..ops {
                    for entry in tree.scan(&Scan::all()).expect("scan") {
                        let (key, value) = entry.expect("entry");
                        entries += u64::from(key.len() + value.len() == KEY_LEN + VALUE_LEN);
                    }
                }
                if entries != ops * self.n {
                    return Err(format!("full_scan saw {entries} entries"));
                }
                entries
            }
            "insert" => {
                let value = [0xA5u8; VALUE_LEN];
                for k in &keys {
                    tree.insert(k, value).expect("insert");
                }
                ops
            }
            "batch_insert" => {
                let value = [0xB6u8; VALUE_LEN];
                for chunk in keys.chunks(BATCH_SIZE) {
                    let mut batch = Batch::new();
                    for k in chunk {
                        batch.insert(k, value).expect("batch insert");
                    }
                    tree.apply_batch(batch).expect("apply batch");
                }
                ops
            }
            "durable" => {
                let value = [0x3Cu8; VALUE_LEN];
                for k in &keys {
                    tree.insert(k, value).expect("insert");
                    self.store.flush().expect("flush");
                }
                ops
            }
            other => return Err(format!("unknown workload {other}")),
        };
        let wall = t.elapsed().as_nanos();
        Ok((timed, wall, cpu_ns() - cpu))
    }
}

fn main() {
    let args: HashMap<String, String> = std::env::args()
        .skip(1)
        .map(|arg| match arg.split_once('=') {
            Some((k, v)) => (k.to_string(), v.to_string()),
            None => fail(&format!("argument {arg:?} is not NAME=VALUE")),
        })
        .collect();
    let n: u64 = match args.get("keys").map(|v| v.parse()) {
        Some(Ok(n)) if n > 0 => n,
        _ => fail("usage: ferry-bench dir=PATH keys=N"),
    };
    let dir = PathBuf::from(args.get("dir").unwrap_or_else(|| fail("missing dir=PATH")));
    let _ = std::fs::remove_dir_all(&dir);
    // No background flusher: its timer-driven work would land in whichever round happens to
    // be running (bench/README.md, "Store settings").
    let options = Options {
        cache_capacity: CACHE_BYTES,
        flush_every_ms: None,
        ..Options::default()
    };
    let store = Store::open(&dir, options).expect("open store");
    let tree = store.default_tree();
    let mut h = Harness {
        n,
        store,
        tree,
        streams: HashMap::new(),
    };
    let secs = h.load();
    println!("{{\"ready\":true,\"impl\":\"rust\",\"keys\":{n},\"load_seconds\":{secs:.3}}}");

    for line in std::io::stdin().lock().lines() {
        let line = line.expect("stdin");
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["run", workload, ops] => {
                let ops: u64 = ops.parse().unwrap_or_else(|_| fail("bad op count"));
                match h.run(workload, ops) {
                    Ok((timed, ns, cpu)) => println!(
                        "{{\"workload\":\"{workload}\",\"ops\":{timed},\"ns\":{ns},\"cpu_ns\":{cpu}}}"
                    ),
                    Err(e) => println!("{{\"error\":\"{e}\"}}"),
                }
            }
            ["quit"] => break,
            _ => println!("{{\"error\":\"bad command\"}}"),
        }
    }
    drop(h);
    let _ = std::fs::remove_dir_all(&dir);
    println!("{{\"bye\":true}}");
}
