//! [`Scan`] describes an ordered walk over part of a tree; [`Iter`] performs it.

use std::ops::{Bound, RangeBounds};

use crate::owned::Owned;
use crate::{Error, Result, Value};

/// A start and an end bound, owned.
pub(crate) type OwnedBounds = (Bound<Vec<u8>>, Bound<Vec<u8>>);

/// Which entries of a tree to visit, in which order, and how many.
///
/// Build one with [`Scan::all`], [`Scan::range`] or [`Scan::prefix`], refine it with
/// [`Scan::reverse`] and [`Scan::limit`], and run it with [`Tree::scan`](crate::Tree::scan).
/// Keys are compared as unsigned bytes (lexicographically).
///
/// ```
/// use ferry_core::Scan;
/// let last_three_users = Scan::prefix("user/").reverse().limit(3);
/// let page = Scan::range(&b"a"[..]..&b"m"[..]).limit(10);
/// # let _ = (last_three_users, page);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    start: Bound<Vec<u8>>,
    end: Bound<Vec<u8>>,
    reverse: bool,
    limit: Option<usize>,
}

impl Scan {
    /// Every entry, in ascending key order, without a limit.
    pub fn all() -> Scan {
        Scan {
            start: Bound::Unbounded,
            end: Bound::Unbounded,
            reverse: false,
            limit: None,
        }
    }

    /// The entries whose keys lie in `range`.
    pub fn range<K: AsRef<[u8]>, R: RangeBounds<K>>(range: R) -> Scan {
        Scan::from_bounds(owned(range.start_bound()), owned(range.end_bound()))
    }

    /// The entries between two explicit bounds (the form the C ABI uses).
    pub fn from_bounds(start: Bound<Vec<u8>>, end: Bound<Vec<u8>>) -> Scan {
        Scan {
            start,
            end,
            ..Scan::all()
        }
    }

    /// The entries whose keys start with `prefix` (all entries for the empty prefix).
    pub fn prefix(prefix: impl AsRef<[u8]>) -> Scan {
        let prefix = prefix.as_ref();
        Scan::from_bounds(Bound::Included(prefix.to_vec()), prefix_end(prefix))
    }

    /// Visit the entries in descending key order instead.
    pub fn reverse(mut self) -> Scan {
        self.reverse = !self.reverse;
        self
    }

    /// Visit at most `limit` entries.
    pub fn limit(mut self, limit: usize) -> Scan {
        self.limit = Some(limit);
        self
    }

    /// The start (lowest) bound.
    pub fn start(&self) -> Bound<&[u8]> {
        self.start.as_ref().map(Vec::as_slice)
    }

    /// The end (highest) bound.
    pub fn end(&self) -> Bound<&[u8]> {
        self.end.as_ref().map(Vec::as_slice)
    }

    /// Whether entries come in descending key order.
    pub fn is_reverse(&self) -> bool {
        self.reverse
    }

    /// The most entries the scan visits, if limited.
    pub fn max_entries(&self) -> Option<usize> {
        self.limit
    }

    /// The bounds to hand to the engine, or `None` when the range is empty.
    pub(crate) fn engine_bounds(&self) -> Result<Option<OwnedBounds>> {
        use Bound::*;
        if let (Included(s) | Excluded(s), Included(e) | Excluded(e)) = (&self.start, &self.end) {
            if s > e {
                return Err(Error::InvalidRange);
            }
            // `x..x`, `(x, x]` and `(x, x)` are empty; only `x..=x` holds a key.
            if s == e && !matches!((&self.start, &self.end), (Included(_), Included(_))) {
                return Ok(None);
            }
        }
        Ok(Some((self.start.clone(), self.end.clone())))
    }
}

impl Default for Scan {
    fn default() -> Self {
        Scan::all()
    }
}

fn owned<K: AsRef<[u8]>>(bound: Bound<&K>) -> Bound<Vec<u8>> {
    bound.map(|k| k.as_ref().to_vec())
}

/// The smallest key greater than every key starting with `prefix`, if any.
fn prefix_end(prefix: &[u8]) -> Bound<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            return Bound::Excluded(end);
        }
    }
    Bound::Unbounded
}

/// The entries of a [`Scan`], as `(key, value)` pairs.
///
/// Created by [`Tree::scan`](crate::Tree::scan). It sees a live view of the tree: it does not
/// hold a snapshot, so entries written after it was created may or may not be visited, but each
/// key is visited at most once and in order. It owns what it needs and may outlive the `Tree`
/// it came from, and be sent to another thread.
pub struct Iter {
    inner: Option<Owned<sled::Iter>>,
    reverse: bool,
    remaining: Option<usize>,
}

impl Iter {
    pub(crate) fn new(inner: Option<Owned<sled::Iter>>, scan: &Scan) -> Iter {
        Iter {
            inner,
            reverse: scan.reverse,
            remaining: scan.limit,
        }
    }
}

impl Iterator for Iter {
    type Item = Result<(Value, Value)>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.remaining == Some(0) {
            return None;
        }
        let inner = self.inner.as_mut()?;
        let item = if self.reverse {
            inner.next_back()
        } else {
            inner.next()
        }?;
        if let Some(n) = &mut self.remaining {
            *n -= 1;
        }
        Some(
            item.map(|(k, v)| (Value::from_engine(k), Value::from_engine(v)))
                .map_err(Error::from_sled),
        )
    }
}

impl std::fmt::Debug for Iter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Iter")
            .field("reverse", &self.reverse)
            .field("remaining", &self.remaining)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_end_increments_the_last_byte_that_can_be() {
        assert_eq!(prefix_end(b"ab"), Bound::Excluded(b"ac".to_vec()));
        assert_eq!(prefix_end(b"a\xff\xff"), Bound::Excluded(b"b".to_vec()));
        assert_eq!(prefix_end(b"\xff\xff"), Bound::Unbounded);
        assert_eq!(prefix_end(b""), Bound::Unbounded);
    }

    #[test]
    fn inverted_bounds_are_an_error_and_touching_bounds_are_empty() {
        let inverted = Scan::range(&b"b"[..]..&b"a"[..]);
        assert!(matches!(inverted.engine_bounds(), Err(Error::InvalidRange)));
        assert_eq!(
            Scan::range(&b"a"[..]..&b"a"[..]).engine_bounds().unwrap(),
            None
        );
        assert!(Scan::range(&b"a"[..]..=&b"a"[..])
            .engine_bounds()
            .unwrap()
            .is_some());
    }

    #[test]
    fn reverse_toggles() {
        assert!(Scan::all().reverse().is_reverse());
        assert!(!Scan::all().reverse().reverse().is_reverse());
    }
}
