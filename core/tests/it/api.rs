//! The API's behaviour, one operation at a time.

use ferry_core::{Batch, CasOutcome, Scan, Store, Value, DEFAULT_TREE, MAX_KEY_LEN, MAX_VALUE_LEN};

use crate::{small_options, temp_store};

fn keys(iter: ferry_core::Iter) -> Vec<Vec<u8>> {
    iter.map(|e| e.expect("scan item").0.to_vec()).collect()
}

#[test]
fn get_insert_remove_contains() {
    let (_dir, store) = temp_store();
    let t = store.default_tree();
    assert_eq!(t.get(b"k").unwrap(), None);
    assert!(!t.contains(b"k").unwrap());
    assert_eq!(t.insert(b"k", b"v1").unwrap(), None);
    assert_eq!(t.insert(b"k", b"v2").unwrap().unwrap(), b"v1");
    assert_eq!(t.get(b"k").unwrap().unwrap(), b"v2");
    assert!(t.contains(b"k").unwrap());
    assert_eq!(t.remove(b"k").unwrap().unwrap(), b"v2");
    assert_eq!(t.remove(b"k").unwrap(), None);
    assert!(t.is_empty().unwrap());
}

#[test]
fn empty_and_maximum_keys_and_values_round_trip() {
    let (_dir, store) = temp_store();
    let t = store.tree("limits").unwrap();
    let long_key = vec![0xAB; MAX_KEY_LEN];
    t.insert(b"", b"").unwrap();
    t.insert(&long_key, b"long key").unwrap();
    assert_eq!(t.get(b"").unwrap().unwrap(), b"");
    assert_eq!(t.get(&long_key).unwrap().unwrap(), b"long key");

    let big: Vec<u8> = (0..MAX_VALUE_LEN).map(|i| (i % 251) as u8).collect();
    t.insert(b"big", &big).unwrap();
    store.flush().unwrap();
    assert!(t.get(b"big").unwrap().unwrap() == big[..]);
}

#[test]
fn trees_are_separate_and_named() {
    let (_dir, store) = temp_store();
    let a = store.tree("a").unwrap();
    let b = store.tree("b").unwrap();
    a.insert(b"k", b"in a").unwrap();
    assert_eq!(b.get(b"k").unwrap(), None);
    assert_eq!(
        store.tree("a").unwrap().get(b"k").unwrap().unwrap(),
        b"in a"
    );
    assert_eq!(a.name(), "a");
    assert_eq!(store.tree(DEFAULT_TREE).unwrap().name(), DEFAULT_TREE);
    assert_eq!(store.tree_names(), ["a", "b", DEFAULT_TREE]);

    assert!(store.drop_tree("a").unwrap());
    assert!(!store.drop_tree("a").unwrap());
    assert_eq!(store.tree_names(), ["b", DEFAULT_TREE]);
    assert_eq!(store.tree("a").unwrap().get(b"k").unwrap(), None);
}

#[test]
fn the_default_tree_is_the_same_through_both_names() {
    let (_dir, store) = temp_store();
    store.default_tree().insert(b"k", b"v").unwrap();
    assert_eq!(
        store
            .tree(DEFAULT_TREE)
            .unwrap()
            .get(b"k")
            .unwrap()
            .unwrap(),
        b"v"
    );
}

#[test]
fn compare_and_swap_reports_the_current_value_on_mismatch() {
    let (_dir, store) = temp_store();
    let t = store.default_tree();
    assert_eq!(
        t.compare_and_swap(b"k", None, Some(b"1")).unwrap(),
        CasOutcome::Swapped
    );
    assert_eq!(
        t.compare_and_swap(b"k", Some(b"0"), Some(b"2")).unwrap(),
        CasOutcome::Mismatch {
            current: Some(Value::from(&b"1"[..]))
        }
    );
    assert_eq!(t.get(b"k").unwrap().unwrap(), b"1");
    assert!(t
        .compare_and_swap(b"k", Some(b"1"), None)
        .unwrap()
        .is_swapped());
    assert_eq!(
        t.compare_and_swap(b"k", Some(b"1"), Some(b"3")).unwrap(),
        CasOutcome::Mismatch { current: None }
    );
}

#[test]
fn batches_apply_in_order_and_whole() {
    let (_dir, store) = temp_store();
    let t = store.default_tree();
    t.insert(b"gone", b"x").unwrap();
    let mut batch = Batch::new();
    assert!(batch.is_empty());
    batch.insert(b"a", b"1").unwrap();
    batch.insert(b"a", b"2").unwrap();
    batch.insert(b"b", b"3").unwrap();
    batch.remove(b"gone").unwrap();
    assert_eq!(batch.len(), 4);
    t.apply_batch(batch).unwrap();
    assert_eq!(t.get(b"a").unwrap().unwrap(), b"2");
    assert_eq!(t.get(b"b").unwrap().unwrap(), b"3");
    assert_eq!(t.get(b"gone").unwrap(), None);
    assert_eq!(t.len().unwrap(), 2);
}

#[test]
fn scans_cover_ranges_prefixes_both_directions_and_limits() {
    let (_dir, store) = temp_store();
    let t = store.default_tree();
    for k in ["a", "b/1", "b/2", "b/3", "c", "\u{ff}"] {
        t.insert(k, k).unwrap();
    }
    let s = |x: &[&str]| x.iter().map(|k| k.as_bytes().to_vec()).collect::<Vec<_>>();
    assert_eq!(keys(t.scan(&Scan::all()).unwrap()).len(), 6);
    assert_eq!(
        keys(t.scan(&Scan::prefix("b/")).unwrap()),
        s(&["b/1", "b/2", "b/3"])
    );
    assert_eq!(
        keys(t.scan(&Scan::prefix("b/").reverse()).unwrap()),
        s(&["b/3", "b/2", "b/1"])
    );
    assert_eq!(
        keys(t.scan(&Scan::prefix("b/").reverse().limit(2)).unwrap()),
        s(&["b/3", "b/2"])
    );
    assert_eq!(
        keys(t.scan(&Scan::range("b/2".."c")).unwrap()),
        s(&["b/2", "b/3"])
    );
    assert_eq!(
        keys(t.scan(&Scan::range("b/2"..="c")).unwrap()),
        s(&["b/2", "b/3", "c"])
    );
    assert_eq!(keys(t.scan(&Scan::range("b".."b")).unwrap()), s(&[]));
    assert_eq!(keys(t.scan(&Scan::range(.."b")).unwrap()), s(&["a"]));
    assert_eq!(keys(t.scan(&Scan::all().limit(0)).unwrap()), s(&[]));
    // A prefix ending in 0xFF bytes still finds its keys.
    assert_eq!(
        keys(t.scan(&Scan::prefix([0xC3u8, 0xBF])).unwrap()),
        s(&["\u{ff}"])
    );
}

#[test]
fn first_last_len_and_stats() {
    let (_dir, store) = temp_store();
    let t = store.tree("t").unwrap();
    assert_eq!(t.first().unwrap(), None);
    assert_eq!(t.last().unwrap(), None);
    for i in 0..10u8 {
        t.insert([i], [i]).unwrap();
    }
    store.default_tree().insert(b"x", b"y").unwrap();
    assert_eq!(t.first().unwrap().unwrap().0, &[0u8]);
    assert_eq!(t.last().unwrap().unwrap().1, &[9u8]);
    assert_eq!(t.len().unwrap(), 10);
    store.flush().unwrap();
    let stats = store.stats().unwrap();
    assert_eq!(stats.entries, 11);
    assert_eq!(stats.trees, 2);
    assert!(stats.size_on_disk > 0);
}

#[test]
fn flushed_writes_survive_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path(), small_options()).unwrap();
        store.tree("t").unwrap().insert(b"k", b"v").unwrap();
        store.flush().unwrap();
    }
    let store = Store::open(dir.path(), small_options()).unwrap();
    assert_eq!(store.tree("t").unwrap().get(b"k").unwrap().unwrap(), b"v");
    assert_eq!(store.path(), dir.path());
}

#[test]
fn temporary_stores_delete_their_files() {
    let store = Store::open_temporary().unwrap();
    let path = store.path().to_path_buf();
    store.default_tree().insert(b"k", b"v").unwrap();
    assert!(path.exists());
    drop(store);
    assert!(!path.exists(), "{} should be gone", path.display());
}

#[test]
fn a_store_reopens_right_after_closing_with_unflushed_writes() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..30u32 {
        let store = Store::open(dir.path(), small_options()).unwrap();
        store
            .default_tree()
            .insert(round.to_be_bytes(), [0u8; 512])
            .unwrap();
        drop(store); // no flush: sled's writer may still hold the lock for a moment
    }
    let store = Store::open(dir.path(), small_options()).unwrap();
    assert!(store
        .default_tree()
        .get(29u32.to_be_bytes())
        .unwrap()
        .is_some());
}

#[test]
fn flush_covers_large_values_that_sled_keeps_in_blob_files() {
    let dir = tempfile::tempdir().unwrap();
    let big = vec![0x42u8; 1 << 20];
    {
        let store = Store::open(dir.path(), small_options()).unwrap();
        store.default_tree().insert(b"big", &big).unwrap();
        store.flush().unwrap();
        let blobs = std::fs::read_dir(dir.path().join("blobs")).unwrap().count();
        assert!(
            blobs > 0,
            "a 1 MiB value is stored in a blob file, which flush must sync"
        );
        store.default_tree().insert(b"big", b"small now").unwrap();
        store.flush().unwrap();
    }
    let store = Store::open(dir.path(), small_options()).unwrap();
    assert_eq!(
        store.default_tree().get(b"big").unwrap().unwrap(),
        b"small now"
    );
}
