//! Criterion benchmarks of `ferry-core` on 1M keys (16-byte keys, 100-byte values):
//! point get, insert (overwrite), 10-item range scan, and insert + flush.
//!
//! `cargo bench -p ferry-core` (or `make bench`). `FERRY_BENCH_KEYS=N` changes the key count.

use std::time::Instant;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use ferry_core::{Batch, Options, Scan, Store, Tree};

const VALUE_LEN: usize = 100;

fn key_count() -> u64 {
    std::env::var("FERRY_BENCH_KEYS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000)
}

/// The i-th key: 16 bytes, ordered like i.
fn key(i: u64) -> [u8; 16] {
    let mut k = *b"key-000000000000";
    let mut rest = i;
    for digit in k[4..].iter_mut().rev() {
        *digit = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    k
}

/// splitmix64: a fixed, fast sequence of pseudo-random indexes (no dependency needed).
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

fn load(n: u64) -> (tempfile::TempDir, Store, Tree) {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = Options {
        cache_capacity: 512 << 20,
        ..Options::default()
    };
    let store = Store::open(dir.path(), options).expect("open");
    let tree = store.default_tree();
    let started = Instant::now();
    let value = [0x5Au8; VALUE_LEN];
    for chunk in (0..n).collect::<Vec<_>>().chunks(10_000) {
        let mut batch = Batch::new();
        for &i in chunk {
            batch.insert(key(i), value).expect("batch insert");
        }
        tree.apply_batch(batch).expect("apply batch");
    }
    store.flush().expect("flush");
    eprintln!(
        "loaded {n} keys of {VALUE_LEN}-byte values in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    (dir, store, tree)
}

fn benches(c: &mut Criterion) {
    let n = key_count();
    let (_dir, store, tree) = load(n);
    let mut rng = Rng(42);
    let mut group = c.benchmark_group(format!("{n}_keys"));

    group.bench_function("get", |b| {
        b.iter(|| tree.get(key(rng.below(n))).expect("get").expect("present"))
    });
    group.bench_function("insert", |b| {
        let value = [0xA5u8; VALUE_LEN];
        b.iter(|| tree.insert(key(rng.below(n)), value).expect("insert"))
    });
    group.bench_function("range_10", |b| {
        b.iter(|| {
            let scan = Scan::range(key(rng.below(n))..).limit(10);
            let mut count = 0;
            for entry in tree.scan(&scan).expect("scan") {
                entry.expect("item");
                count += 1;
            }
            assert!(count > 0);
        })
    });
    group.bench_function("insert_flush", |b| {
        let value = [0x3Cu8; VALUE_LEN];
        b.iter_batched(
            || key(rng.below(n)),
            |k| {
                tree.insert(k, value).expect("insert");
                store.flush().expect("flush");
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group! {
    name = store;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(4));
    targets = benches
}
criterion_main!(store);
