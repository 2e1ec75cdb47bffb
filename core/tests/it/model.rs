//! Model-based property test: random operation sequences, including clean close and reopen,
//! run against the store and against a `BTreeMap` per tree; every answer must agree.

use std::collections::BTreeMap;
use std::ops::Bound;

use ferry_core::{Batch, CasOutcome, Error, Scan, Store};
use proptest::prelude::*;

use crate::small_options;

const TREES: [&str; 3] = ["default", "a", "b"];

type Model = BTreeMap<String, BTreeMap<Vec<u8>, Vec<u8>>>;

#[derive(Debug, Clone)]
enum Op {
    Insert(usize, Vec<u8>, Vec<u8>),
    Remove(usize, Vec<u8>),
    Get(usize, Vec<u8>),
    Contains(usize, Vec<u8>),
    Cas(usize, Vec<u8>, Option<Vec<u8>>, Option<Vec<u8>>),
    Batch(usize, Vec<(Vec<u8>, Option<Vec<u8>>)>),
    Range(usize, Bound<Vec<u8>>, Bound<Vec<u8>>, bool, Option<usize>),
    Prefix(usize, Vec<u8>, bool, Option<usize>),
    FirstLast(usize),
    DropTree(usize),
    Stats,
    Flush,
    Reopen,
}

/// Keys from a tiny alphabet (with 0xFF, which prefix scans must handle), so that operations
/// collide often.
fn key() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop_oneof![0u8..3, Just(0xFF)], 0..4)
}

fn value() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(0u8..3, 0..3)
}

fn bound() -> impl Strategy<Value = Bound<Vec<u8>>> {
    prop_oneof![
        Just(Bound::Unbounded),
        key().prop_map(Bound::Included),
        key().prop_map(Bound::Excluded),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let tree = 0..TREES.len();
    let limit = prop::option::of(0usize..5);
    prop_oneof![
        4 => (tree.clone(), key(), value()).prop_map(|(t, k, v)| Op::Insert(t, k, v)),
        2 => (tree.clone(), key()).prop_map(|(t, k)| Op::Remove(t, k)),
        2 => (tree.clone(), key()).prop_map(|(t, k)| Op::Get(t, k)),
        1 => (tree.clone(), key()).prop_map(|(t, k)| Op::Contains(t, k)),
        2 => (tree.clone(), key(), prop::option::of(value()), prop::option::of(value()))
            .prop_map(|(t, k, e, n)| Op::Cas(t, k, e, n)),
        2 => (tree.clone(), prop::collection::vec((key(), prop::option::of(value())), 0..6))
            .prop_map(|(t, w)| Op::Batch(t, w)),
        2 => (tree.clone(), bound(), bound(), any::<bool>(), limit.clone())
            .prop_map(|(t, s, e, r, l)| Op::Range(t, s, e, r, l)),
        2 => (tree.clone(), key(), any::<bool>(), limit)
            .prop_map(|(t, p, r, l)| Op::Prefix(t, p, r, l)),
        1 => tree.clone().prop_map(Op::FirstLast),
        1 => (1..TREES.len()).prop_map(Op::DropTree),
        1 => Just(Op::Stats),
        1 => Just(Op::Flush),
        1 => Just(Op::Reopen),
    ]
}

fn in_bounds(key: &[u8], start: &Bound<Vec<u8>>, end: &Bound<Vec<u8>>) -> bool {
    let above = match start {
        Bound::Unbounded => true,
        Bound::Included(s) => key >= s.as_slice(),
        Bound::Excluded(s) => key > s.as_slice(),
    };
    let below = match end {
        Bound::Unbounded => true,
        Bound::Included(e) => key <= e.as_slice(),
        Bound::Excluded(e) => key < e.as_slice(),
    };
    above && below
}

fn collect(iter: ferry_core::Iter) -> Vec<(Vec<u8>, Vec<u8>)> {
    iter.map(|e| {
        let (k, v) = e.expect("scan item");
        (k.to_vec(), v.to_vec())
    })
    .collect()
}

fn expected_scan(
    tree: &BTreeMap<Vec<u8>, Vec<u8>>,
    keep: impl Fn(&[u8]) -> bool,
    reverse: bool,
    limit: Option<usize>,
) -> Vec<(Vec<u8>, Vec<u8>)> {
    let mut all: Vec<_> = tree
        .iter()
        .filter(|(k, _)| keep(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if reverse {
        all.reverse();
    }
    all.truncate(limit.unwrap_or(usize::MAX));
    all
}

fn apply(op: &Op, slot: &mut Option<Store>, model: &mut Model, dir: &std::path::Path) {
    let store = slot.as_ref().expect("store is open");
    let tree_of = |t: usize, store: &Store, model: &mut Model| {
        let name = TREES[t];
        model.entry(name.to_string()).or_default();
        store.tree(name).unwrap()
    };
    match op {
        Op::Insert(t, k, v) => {
            let tree = tree_of(*t, store, model);
            let old = tree.insert(k, v).unwrap().map(|v| v.to_vec());
            assert_eq!(
                old,
                model
                    .get_mut(TREES[*t])
                    .unwrap()
                    .insert(k.clone(), v.clone())
            );
        }
        Op::Remove(t, k) => {
            let tree = tree_of(*t, store, model);
            let old = tree.remove(k).unwrap().map(|v| v.to_vec());
            assert_eq!(old, model.get_mut(TREES[*t]).unwrap().remove(k));
        }
        Op::Get(t, k) => {
            let tree = tree_of(*t, store, model);
            assert_eq!(
                tree.get(k).unwrap().map(|v| v.to_vec()).as_ref(),
                model[TREES[*t]].get(k)
            );
        }
        Op::Contains(t, k) => {
            let tree = tree_of(*t, store, model);
            assert_eq!(tree.contains(k).unwrap(), model[TREES[*t]].contains_key(k));
        }
        Op::Cas(t, k, expected, new) => {
            let tree = tree_of(*t, store, model);
            let outcome = tree
                .compare_and_swap(k, expected.as_deref(), new.as_deref())
                .unwrap();
            let m = model.get_mut(TREES[*t]).unwrap();
            let current = m.get(k).cloned();
            if current == *expected {
                assert_eq!(outcome, CasOutcome::Swapped);
                match new {
                    Some(n) => m.insert(k.clone(), n.clone()),
                    None => m.remove(k),
                };
            } else {
                match outcome {
                    CasOutcome::Mismatch { current: found } => {
                        assert_eq!(found.map(|v| v.to_vec()), current)
                    }
                    CasOutcome::Swapped => panic!("swapped although {current:?} != {expected:?}"),
                }
            }
        }
        Op::Batch(t, writes) => {
            let tree = tree_of(*t, store, model);
            let mut batch = Batch::new();
            let m = model.get_mut(TREES[*t]).unwrap();
            for (k, v) in writes {
                match v {
                    Some(v) => {
                        batch.insert(k, v).unwrap();
                        m.insert(k.clone(), v.clone());
                    }
                    None => {
                        batch.remove(k).unwrap();
                        m.remove(k);
                    }
                }
            }
            tree.apply_batch(batch).unwrap();
        }
        Op::Range(t, start, end, reverse, limit) => {
            let tree = tree_of(*t, store, model);
            let mut scan = Scan::from_bounds(start.clone(), end.clone());
            if *reverse {
                scan = scan.reverse();
            }
            if let Some(l) = limit {
                scan = scan.limit(*l);
            }
            let inverted = matches!(
                (start, end),
                (Bound::Included(s) | Bound::Excluded(s), Bound::Included(e) | Bound::Excluded(e)) if s > e
            );
            match tree.scan(&scan) {
                Err(Error::InvalidRange) => assert!(inverted, "{start:?}..{end:?}"),
                Err(other) => panic!("unexpected {other:?}"),
                Ok(iter) => {
                    assert!(!inverted);
                    let want = expected_scan(
                        &model[TREES[*t]],
                        |k| in_bounds(k, start, end),
                        *reverse,
                        *limit,
                    );
                    assert_eq!(collect(iter), want);
                }
            }
        }
        Op::Prefix(t, prefix, reverse, limit) => {
            let tree = tree_of(*t, store, model);
            let mut scan = Scan::prefix(prefix);
            if *reverse {
                scan = scan.reverse();
            }
            if let Some(l) = limit {
                scan = scan.limit(*l);
            }
            let want = expected_scan(
                &model[TREES[*t]],
                |k| k.starts_with(prefix),
                *reverse,
                *limit,
            );
            assert_eq!(collect(tree.scan(&scan).unwrap()), want);
        }
        Op::FirstLast(t) => {
            let tree = tree_of(*t, store, model);
            let m = &model[TREES[*t]];
            let pair = |e: Option<(ferry_core::Value, ferry_core::Value)>| {
                e.map(|(k, v)| (k.to_vec(), v.to_vec()))
            };
            assert_eq!(
                pair(tree.first().unwrap()),
                m.first_key_value().map(|(k, v)| (k.clone(), v.clone()))
            );
            assert_eq!(
                pair(tree.last().unwrap()),
                m.last_key_value().map(|(k, v)| (k.clone(), v.clone()))
            );
            assert_eq!(tree.len().unwrap(), m.len());
        }
        Op::DropTree(t) => {
            let existed = store.drop_tree(TREES[*t]).unwrap();
            assert_eq!(existed, model.remove(TREES[*t]).is_some());
        }
        Op::Stats => {
            model.entry("default".to_string()).or_default();
            let stats = store.stats().unwrap();
            let entries: usize = model.values().map(BTreeMap::len).sum();
            assert_eq!(stats.entries as usize, entries);
            assert_eq!(
                store.tree_names(),
                model.keys().cloned().collect::<Vec<_>>()
            );
        }
        Op::Flush => store.flush().unwrap(),
        Op::Reopen => {
            store.flush().unwrap();
            // Close (releasing the directory lock) before opening again.
            drop(slot.take());
            *slot = Some(Store::open(dir, small_options()).unwrap());
        }
    }
}

/// The number of random operation sequences; at least 256, more with `PROPTEST_CASES`.
fn cases() -> u32 {
    let from_env = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok());
    from_env.unwrap_or(0).max(256)
}

#[test]
fn store_matches_a_btreemap_model() {
    let config = ProptestConfig {
        cases: cases(),
        // Failing inputs are saved next to this file and replayed first on the next run.
        source_file: Some(file!()),
        ..ProptestConfig::default()
    };
    let ran = std::sync::atomic::AtomicU32::new(0);
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let result = runner.run(&prop::collection::vec(op(), 1..40), |ops| {
        ran.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = tempfile::tempdir().unwrap();
        let mut slot = Some(Store::open(dir.path(), small_options()).unwrap());
        let mut model = Model::new();
        for op in &ops {
            apply(op, &mut slot, &mut model, dir.path());
        }
        // A final clean reopen: everything must still be there.
        apply(&Op::Reopen, &mut slot, &mut model, dir.path());
        let store = slot.unwrap();
        for (name, entries) in &model {
            let want: Vec<_> = entries
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            prop_assert_eq!(
                collect(store.tree(name).unwrap().scan(&Scan::all()).unwrap()),
                want
            );
        }
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    let ran = ran.into_inner();
    println!("model test: {ran} random operation sequences agreed with the BTreeMap model");
    assert!(ran >= cases());
}
