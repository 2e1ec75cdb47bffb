//! [`Batch`]: writes applied to one tree atomically.

use crate::limits::{check_key, check_value};
use crate::Result;

/// A list of inserts and removes that [`Tree::apply_batch`](crate::Tree::apply_batch) applies
/// atomically: after a crash, either all of them are visible or none is.
///
/// Each write is checked against the limits when it is added, so a batch that was built
/// without error cannot fail validation when applied. Later writes to the same key win.
///
/// ```
/// let mut batch = ferry_core::Batch::new();
/// batch.insert(b"a", b"1")?;
/// batch.remove(b"b")?;
/// assert_eq!(batch.len(), 2);
/// # Ok::<(), ferry_core::Error>(())
/// ```
#[derive(Debug, Default, Clone)]
pub struct Batch {
    pub(crate) inner: sled::Batch,
    len: usize,
}

impl Batch {
    /// An empty batch.
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Adds an insert of `value` at `key`.
    pub fn insert(&mut self, key: impl AsRef<[u8]>, value: impl AsRef<[u8]>) -> Result<()> {
        let (key, value) = (key.as_ref(), value.as_ref());
        check_key(key)?;
        check_value(value)?;
        self.inner.insert(key, value);
        self.len += 1;
        Ok(())
    }

    /// Adds a remove of `key` (not an error if the key is absent when applied).
    pub fn remove(&mut self, key: impl AsRef<[u8]>) -> Result<()> {
        let key = key.as_ref();
        check_key(key)?;
        self.inner.remove(key);
        self.len += 1;
        Ok(())
    }

    /// How many writes were added (counting repeated keys each time).
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no write was added.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}
