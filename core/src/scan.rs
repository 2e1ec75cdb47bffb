//! [`Scan`] describes an ordered walk over part of a tree; [`Iter`] performs it.

use std::ops::{Bound, RangeBounds};

use crate::owned::Owned;
use crate::{Error, Result, Value};

/// A start and an end bound, borrowed from a [`Scan`].
pub(crate) type BoundsRef<'a> = (Bound<&'a [u8]>, Bound<&'a [u8]>);

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

    /// The bounds to hand to the engine, or `None` when the range is empty. Borrowed: the
    /// engine copies them into its own buffers once, so nothing is cloned here.
    pub(crate) fn engine_bounds(&self) -> Result<Option<BoundsRef<'_>>> {
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
        Ok(Some((self.start(), self.end())))
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
/// it came from, and be sent to another thread. Once it has returned `None` it returns `None`
/// for good, at no cost (it is fused).
pub struct Iter {
    /// The engine's iterator; `None` for an empty range, and once it has ended (its
    /// resources are released then, and a later `next` does not walk the tree again).
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

    // Inlined into callers in other crates (the C ABI's cursor loop), so the item is built
    // where it is used instead of being moved through one more frame.
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.remaining == Some(0) {
            return None;
        }
        let inner = self.inner.as_mut()?;
        let item = if self.reverse {
            inner.next_back()
        } else {
            inner.next()
        };
        let Some(item) = item else {
            // Ended: sled's iterator would walk down the tree again on every later call.
            self.inner = None;
            return None;
        };
        if let Some(n) = &mut self.remaining {
            *n -= 1;
        }
        Some(match item {
            Ok((k, v)) => Ok((Value::from_engine(k), Value::from_engine(v))),
            Err(e) => Err(Error::from_sled(e)),
        })
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
    fn an_ended_iter_stays_ended_even_when_keys_are_added_after_its_end() {
        let store = crate::Store::open_temporary().unwrap();
        let tree = store.default_tree();
        tree.insert(b"a", b"1").unwrap();
        for reverse in [false, true] {
            let scan = if reverse {
                Scan::all().reverse()
            } else {
                Scan::all()
            };
            let mut iter = tree.scan(&scan).unwrap();
            assert_eq!(iter.next().unwrap().unwrap().0, b"a");
            assert!(iter.next().is_none());
            // A live view would see these if it walked again; a fused iterator does not.
            tree.insert(b"0", b"before").unwrap();
            tree.insert(b"z", b"after").unwrap();
            assert!(iter.next().is_none(), "reverse: {reverse}");
            assert!(iter.inner.is_none(), "the engine's iterator is released");
            tree.remove(b"0").unwrap();
            tree.remove(b"z").unwrap();
        }
    }

    #[test]
    fn bounds_reach_the_engine_as_given() {
        let store = crate::Store::open_temporary().unwrap();
        let tree = store.default_tree();
        for k in [&b"a"[..], b"b", b"c", b"d"] {
            tree.insert(k, k).unwrap();
        }
        let keys = |scan: Scan| -> Vec<Vec<u8>> {
            tree.scan(&scan)
                .unwrap()
                .map(|e| e.unwrap().0.to_vec())
                .collect()
        };
        let b = b"b".to_vec();
        let d = b"d".to_vec();
        use Bound::*;
        assert_eq!(
            keys(Scan::from_bounds(Excluded(b.clone()), Included(d.clone()))),
            [b"c".to_vec(), b"d".to_vec()]
        );
        assert_eq!(
            keys(Scan::from_bounds(Included(b), Excluded(d))),
            [b"b".to_vec(), b"c".to_vec()]
        );
    }

    #[test]
    fn reverse_toggles() {
        assert!(Scan::all().reverse().is_reverse());
        assert!(!Scan::all().reverse().reverse().is_reverse());
    }
}
