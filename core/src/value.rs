//! [`Value`]: bytes handed out by the store without copying.

use std::fmt;
use std::ops::Deref;

/// An immutable byte string read from the store (a key or a value).
///
/// It shares the storage engine's buffer instead of copying it: cloning is cheap (a reference
/// count), and the bytes stay valid for as long as the `Value` lives, whatever happens to the
/// store meanwhile. Short values (up to 22 bytes) are stored inline, so their address changes
/// when the `Value` moves; box it to pin the bytes in place.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Value(sled::IVec);

impl Value {
    /// Wraps a buffer of the storage engine. Crate-private, so that sled stays out of the
    /// public API (ARCHITECTURE.md, invariants).
    pub(crate) fn from_engine(v: sled::IVec) -> Value {
        Value(v)
    }

    /// Copies the bytes into a new `Vec`.
    pub fn to_vec(&self) -> Vec<u8> {
        self.0.to_vec()
    }
}

impl Deref for Value {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for Value {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Value(b\"{}\")", self.0.escape_ascii())
    }
}

impl From<&[u8]> for Value {
    fn from(v: &[u8]) -> Self {
        Value(v.into())
    }
}

impl From<Vec<u8>> for Value {
    fn from(v: Vec<u8>) -> Self {
        Value(v.into())
    }
}

impl PartialEq<[u8]> for Value {
    fn eq(&self, other: &[u8]) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&[u8]> for Value {
    fn eq(&self, other: &&[u8]) -> bool {
        *self.0 == **other
    }
}

impl<const N: usize> PartialEq<&[u8; N]> for Value {
    fn eq(&self, other: &&[u8; N]) -> bool {
        *self.0 == other[..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_and_prints_like_bytes() {
        let v = Value::from(&b"a\x00b"[..]);
        assert_eq!(v, b"a\x00b");
        assert_eq!(v.to_vec(), b"a\x00b".to_vec());
        assert_eq!(format!("{v:?}"), "Value(b\"a\\x00b\")");
        assert!(Value::from(vec![1]) < Value::from(vec![1, 0]));
    }
}
