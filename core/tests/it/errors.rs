//! Every limit and every error variant that the public API can produce.

use std::ops::Bound;

use ferry_core::{Batch, Error, Options, Scan, Store, MAX_KEY_LEN, MAX_VALUE_LEN};

use crate::{small_options, temp_store};

fn is_key_too_long<T: std::fmt::Debug>(r: ferry_core::Result<T>) -> bool {
    matches!(r, Err(Error::KeyTooLong { len, max }) if len == MAX_KEY_LEN + 1 && max == MAX_KEY_LEN)
}

#[test]
fn a_key_over_the_limit_is_rejected_by_every_operation() {
    let (_dir, store) = temp_store();
    let t = store.default_tree();
    let k = vec![1u8; MAX_KEY_LEN + 1];
    assert!(is_key_too_long(t.get(&k)));
    assert!(is_key_too_long(t.insert(&k, b"v")));
    assert!(is_key_too_long(t.remove(&k)));
    assert!(is_key_too_long(t.contains(&k)));
    assert!(is_key_too_long(t.compare_and_swap(&k, None, Some(b"v"))));
    assert!(is_key_too_long(Batch::new().insert(&k, b"v")));
    assert!(is_key_too_long(Batch::new().remove(&k)));
    assert!(t.is_empty().unwrap(), "nothing was written");
    let msg = t.get(&k).unwrap_err().to_string();
    assert_eq!(
        msg,
        format!(
            "key is {} bytes long; the limit is {MAX_KEY_LEN} bytes",
            MAX_KEY_LEN + 1
        )
    );
}

#[test]
fn a_value_over_the_limit_is_rejected_by_every_write() {
    let (_dir, store) = temp_store();
    let t = store.default_tree();
    let v = vec![0u8; MAX_VALUE_LEN + 1];
    let too_long = |r: ferry_core::Result<()>| matches!(r, Err(Error::ValueTooLong { len, max }) if len == MAX_VALUE_LEN + 1 && max == MAX_VALUE_LEN);
    assert!(too_long(t.insert(b"k", &v).map(drop)));
    assert!(too_long(t.compare_and_swap(b"k", None, Some(&v)).map(drop)));
    assert!(too_long(Batch::new().insert(b"k", &v)));
    assert!(t.is_empty().unwrap(), "nothing was written");
}

#[test]
fn invalid_tree_names_are_rejected() {
    let (_dir, store) = temp_store();
    for name in ["", "__sled__default", "tab\there", &"n".repeat(256)] {
        assert!(
            matches!(store.tree(name), Err(Error::InvalidTreeName { .. })),
            "{name:?}"
        );
        assert!(matches!(
            store.drop_tree(name),
            Err(Error::InvalidTreeName { .. })
        ));
    }
    let err = store.drop_tree("default").unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid tree name \"default\": the default tree cannot be dropped"
    );
    assert_eq!(store.tree_names(), ["default"], "no tree was created");
}

#[test]
fn an_inverted_range_is_an_error() {
    let (_dir, store) = temp_store();
    let scan = Scan::from_bounds(
        Bound::Included(b"b".to_vec()),
        Bound::Excluded(b"a".to_vec()),
    );
    assert!(matches!(
        store.default_tree().scan(&scan),
        Err(Error::InvalidRange)
    ));
}

#[test]
fn out_of_range_options_are_rejected_before_touching_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("never-created");
    let options = Options {
        cache_capacity: 0,
        ..Options::default()
    };
    assert!(matches!(
        Store::open(&path, options),
        Err(Error::InvalidOptions(_))
    ));
    assert!(!path.exists());
}

#[test]
fn writes_through_a_handle_to_a_dropped_tree_fail_with_tree_dropped() {
    let (_dir, store) = temp_store();
    let tree = store.tree("doomed").unwrap();
    tree.insert(b"k", b"v").unwrap();
    assert!(store.drop_tree("doomed").unwrap());
    match tree.insert(b"k2", b"v") {
        Err(Error::TreeDropped { name }) => assert_eq!(name, "doomed"),
        other => panic!("expected TreeDropped, got {other:?}"),
    }
    assert_eq!(store.tree("doomed").unwrap().get(b"k2").unwrap(), None);
}

#[test]
fn opening_an_open_store_again_is_locked() {
    let (dir, _store) = temp_store();
    match Store::open(dir.path(), small_options()) {
        Err(Error::Locked { path }) => assert_eq!(path, dir.path()),
        other => panic!("expected Locked, got {other:?}"),
    }
}

#[test]
fn a_path_under_a_file_is_an_io_error() {
    let file = tempfile::NamedTempFile::new().unwrap();
    let err = Store::open(file.path().join("store"), small_options()).unwrap_err();
    match &err {
        Error::Io(io) => assert_eq!(io.kind(), std::io::ErrorKind::NotADirectory),
        other => panic!("expected Io, got {other:?}"),
    }
    assert!(
        std::error::Error::source(&err).is_some(),
        "the io::Error is the source"
    );
}

#[test]
fn a_damaged_config_file_is_corruption() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path(), small_options()).unwrap();
        store.default_tree().insert(b"k", b"v").unwrap();
        store.flush().unwrap();
    }
    std::fs::write(dir.path().join("conf"), b"not a sled config").unwrap();
    assert!(matches!(
        Store::open(dir.path(), small_options()),
        Err(Error::Corruption { .. })
    ));
}
