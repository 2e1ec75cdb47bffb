//! The Rust half of `scripts/quick-bench.sh`: times ferry-core's point get and 10-item scan on
//! the store that `build` writes, with the same keys, lookups and rounds as
//! `bench/quick/QuickBench.cs`, and prints one `name value` line per figure.
//!
//! ```text
//! ferry-quick-bench build DIR   # 100,000 random 16-byte keys, 100-byte values, flushed
//! ferry-quick-bench run DIR     # get_ns, scan10_ns (median of 5 rounds), check sums
//! ```

use std::process::ExitCode;
use std::time::Instant;

use ferry_core::{Options, Scan, Store};

/// Keys in the store.
const KEYS: usize = 100_000;
/// Bytes per value.
const VALUE_LEN: usize = 100;
/// Timed rounds; the median is reported. One untimed warm-up round comes first.
const ROUNDS: usize = 5;
/// Point gets per round.
const GETS: usize = 100_000;
/// 10-item scans per round.
const SCANS: usize = 20_000;
/// Entries per scan.
const SCAN_LEN: usize = 10;

/// SplitMix64, the generator QuickBench.cs implements too, so both sides use the same keys.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The store's keys: 16 bytes each, two generator outputs (seed 1), little-endian.
fn keys() -> Vec<[u8; 16]> {
    let mut rng = SplitMix64(1);
    (0..KEYS)
        .map(|_| {
            let mut key = [0u8; 16];
            key[..8].copy_from_slice(&rng.next().to_le_bytes());
            key[8..].copy_from_slice(&rng.next().to_le_bytes());
            key
        })
        .collect()
}

/// `count` keys picked at random from `keys` (generator seeded with `seed`).
fn picks(keys: &[[u8; 16]], seed: u64, count: usize) -> Vec<[u8; 16]> {
    let mut rng = SplitMix64(seed);
    (0..count)
        .map(|_| keys[(rng.next() % keys.len() as u64) as usize])
        .collect()
}

fn build(dir: &str) -> ferry_core::Result<()> {
    let store = Store::open(dir, Options::default())?;
    let tree = store.default_tree();
    let mut rng = SplitMix64(9);
    let mut value = [0u8; VALUE_LEN];
    for key in keys() {
        for chunk in value.chunks_mut(8) {
            let bytes = rng.next().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
        tree.insert(key, value)?;
    }
    store.flush()?;
    println!("built {} keys", tree.len());
    Ok(())
}

/// Runs `op` over a warm-up round and `ROUNDS` timed rounds of `n` operations; returns the
/// median nanoseconds per operation and the last round's check sum.
fn time(
    n: usize,
    mut op: impl FnMut() -> ferry_core::Result<u64>,
) -> ferry_core::Result<(f64, u64)> {
    op()?;
    let mut per_op = Vec::with_capacity(ROUNDS);
    let mut sum = 0;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        sum = op()?;
        per_op.push(start.elapsed().as_nanos() as f64 / n as f64);
    }
    per_op.sort_by(f64::total_cmp);
    Ok((per_op[ROUNDS / 2], sum))
}

fn run(dir: &str) -> ferry_core::Result<()> {
    let store = Store::open(dir, Options::default())?;
    let tree = store.default_tree();
    let keys = keys();
    let gets = picks(&keys, 2, GETS);
    let scans = picks(&keys, 3, SCANS);

    let (get_ns, found_bytes) = time(GETS, || {
        let mut bytes = 0u64;
        for key in &gets {
            if let Some(value) = tree.get(key)? {
                bytes += value.len() as u64;
            }
        }
        Ok(bytes)
    })?;
    let (scan_ns, entries) = time(SCANS, || {
        let mut entries = 0u64;
        for key in &scans {
            for entry in tree.scan(&Scan::range(&key[..]..).limit(SCAN_LEN))? {
                let (_key, _value) = entry?;
                entries += 1;
            }
        }
        Ok(entries)
    })?;
    println!("get_ns {get_ns:.0}");
    println!("scan10_ns {scan_ns:.0}");
    println!("check get_bytes {found_bytes} scan_entries {entries}");
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let result = match (args.get(1).map(String::as_str), args.get(2), args.len()) {
        (Some("build"), Some(dir), 3) => build(dir),
        (Some("run"), Some(dir), 3) => run(dir),
        _ => {
            eprintln!("usage: ferry-quick-bench build|run DIR");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ferry-quick-bench: {e}");
            ExitCode::FAILURE
        }
    }
}
