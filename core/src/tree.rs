//! [`Tree`]: one ordered collection of key-value pairs inside a store.

use std::sync::Arc;

use crate::error::Engine;
use crate::limits::{check_key, check_value};
use crate::owned::Owned;
use crate::{Batch, Iter, Result, Scan, Value};

/// One named, ordered collection of key-value pairs in a [`Store`](crate::Store).
///
/// Obtained from [`Store::tree`](crate::Store::tree) or
/// [`Store::default_tree`](crate::Store::default_tree). Cloning is cheap, and a `Tree` may be
/// used from many threads at once. Every single-key operation is atomic; [`Tree::apply_batch`]
/// makes several writes atomic together.
#[derive(Clone)]
pub struct Tree {
    inner: Owned<sled::Tree>,
    name: Arc<str>,
}

/// What [`Tree::compare_and_swap`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CasOutcome {
    /// The current value matched `expected` and was replaced by `new`.
    Swapped,
    /// The current value did not match; nothing was written.
    Mismatch {
        /// The value found instead of `expected` (`None`: the key was absent).
        current: Option<Value>,
    },
}

impl CasOutcome {
    /// Whether the swap happened.
    pub fn is_swapped(&self) -> bool {
        matches!(self, CasOutcome::Swapped)
    }
}

impl Tree {
    pub(crate) fn new(inner: sled::Tree, name: &str) -> Tree {
        Tree {
            inner: Owned::new(inner),
            name: name.into(),
        }
    }

    /// The tree's name ([`DEFAULT_TREE`](crate::DEFAULT_TREE) for the default tree).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The value stored at `key`, if any.
    pub fn get(&self, key: impl AsRef<[u8]>) -> Result<Option<Value>> {
        let key = key.as_ref();
        check_key(key)?;
        Ok(self.inner.get(key).engine()?.map(Value::from_engine))
    }

    /// Stores `value` at `key`, returning the value it replaced, if any.
    pub fn insert(&self, key: impl AsRef<[u8]>, value: impl AsRef<[u8]>) -> Result<Option<Value>> {
        let (key, value) = (key.as_ref(), value.as_ref());
        check_key(key)?;
        check_value(value)?;
        Ok(self
            .inner
            .insert(key, value)
            .engine()?
            .map(Value::from_engine))
    }

    /// Removes `key`, returning the value it held, if any.
    pub fn remove(&self, key: impl AsRef<[u8]>) -> Result<Option<Value>> {
        let key = key.as_ref();
        check_key(key)?;
        Ok(self.inner.remove(key).engine()?.map(Value::from_engine))
    }

    /// Whether a value is stored at `key`.
    pub fn contains(&self, key: impl AsRef<[u8]>) -> Result<bool> {
        let key = key.as_ref();
        check_key(key)?;
        self.inner.contains_key(key).engine()
    }

    /// Atomically replaces the value at `key` with `new` if it currently equals `expected`.
    ///
    /// `expected: None` means "the key is absent"; `new: None` removes the key.
    ///
    /// ```
    /// # let store = ferry_core::Store::open_temporary()?;
    /// let t = store.default_tree();
    /// assert!(t.compare_and_swap(b"k", None, Some(b"1"))?.is_swapped());
    /// assert!(!t.compare_and_swap(b"k", None, Some(b"2"))?.is_swapped());
    /// assert!(t.compare_and_swap(b"k", Some(b"1"), None)?.is_swapped());
    /// assert_eq!(t.get(b"k")?, None);
    /// # Ok::<(), ferry_core::Error>(())
    /// ```
    pub fn compare_and_swap(
        &self,
        key: impl AsRef<[u8]>,
        expected: Option<&[u8]>,
        new: Option<&[u8]>,
    ) -> Result<CasOutcome> {
        let key = key.as_ref();
        check_key(key)?;
        if let Some(new) = new {
            check_value(new)?;
        }
        Ok(
            match self.inner.compare_and_swap(key, expected, new).engine()? {
                Ok(()) => CasOutcome::Swapped,
                Err(e) => CasOutcome::Mismatch {
                    current: e.current.map(Value::from_engine),
                },
            },
        )
    }

    /// Applies every write in `batch` atomically.
    pub fn apply_batch(&self, batch: Batch) -> Result<()> {
        self.inner.apply_batch(batch.inner).engine()
    }

    /// Starts the walk described by `scan`.
    ///
    /// Fails only with [`Error::InvalidRange`](crate::Error::InvalidRange) when the start bound lies after the end bound;
    /// read errors surface as `Err` items of the iterator.
    pub fn scan(&self, scan: &Scan) -> Result<Iter> {
        let inner = scan
            .engine_bounds()?
            .map(|bounds| Owned::new(self.inner.range::<&[u8], _>(bounds)));
        Ok(Iter::new(inner, scan))
    }

    /// The entry with the smallest key, if the tree is not empty.
    pub fn first(&self) -> Result<Option<(Value, Value)>> {
        Ok(self
            .inner
            .first()
            .engine()?
            .map(|(k, v)| (Value::from_engine(k), Value::from_engine(v))))
    }

    /// The entry with the largest key, if the tree is not empty.
    pub fn last(&self) -> Result<Option<(Value, Value)>> {
        Ok(self
            .inner
            .last()
            .engine()?
            .map(|(k, v)| (Value::from_engine(k), Value::from_engine(v))))
    }

    /// The number of entries. This walks the whole tree: O(n).
    ///
    /// Fails with [`Error::TreeDropped`](crate::Error::TreeDropped) for a dropped tree (sled's
    /// own `len` counts its endless errors and never returns).
    pub fn len(&self) -> Result<usize> {
        count_entries(&self.inner)
    }

    /// Whether the tree has no entries (O(1) in practice: it looks for a first entry).
    pub fn is_empty(&self) -> Result<bool> {
        Ok(self.inner.first().engine()?.is_none())
    }
}

/// Counts a sled tree's entries, stopping at the first error.
pub(crate) fn count_entries(tree: &sled::Tree) -> Result<usize> {
    let mut n = 0;
    for key in tree.iter().keys() {
        key.engine()?;
        n += 1;
    }
    Ok(n)
}

impl std::fmt::Debug for Tree {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tree").field("name", &self.name).finish()
    }
}
