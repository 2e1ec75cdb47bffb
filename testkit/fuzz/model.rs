//! The reference model the fuzz target checks the C ABI against: trees as `BTreeMap`s, and the
//! argument rules of `ferry-core` restated independently.

use std::collections::BTreeMap;
use std::ops::Bound;

use ferry::FerryStatus;

/// The longest key (`FERRY_MAX_KEY_LEN`).
pub const MAX_KEY: usize = 1024;
/// The longest value (`FERRY_MAX_VALUE_LEN`).
pub const MAX_VALUE: usize = 64 * 1024 * 1024;

/// A key and its value.
pub type Entry = (Vec<u8>, Vec<u8>);
/// A scan's start and end bounds.
pub type Bounds = (Bound<Vec<u8>>, Bound<Vec<u8>>);

/// One tree's contents as the model knows them. A tree dropped while handles to it were open
/// becomes a separate instance: reopening the name gives a new, empty one.
#[derive(Debug, Default)]
pub struct Instance {
    /// Entries, in key order.
    pub entries: BTreeMap<Vec<u8>, Vec<u8>>,
    /// Dropped by `ferry_store_drop_tree` (handles to it are not compared to the model).
    pub dropped: bool,
    /// Bumped by every change, so cursors know whether the tree changed under them.
    pub version: u64,
}

/// What `ferry_tree_open` and `ferry_store_drop_tree` should say about a name, given as the
/// bytes before its NUL: `Ok(name)` or the status of the rule it breaks.
pub fn check_tree_name(bytes: &[u8]) -> Result<String, FerryStatus> {
    let name = std::str::from_utf8(bytes).map_err(|_| FerryStatus::InvalidArgument)?;
    if name == "default" {
        return Ok(name.to_string());
    }
    let bad = name.is_empty()
        || name.len() > 255
        || name.starts_with("__")
        || name.chars().any(char::is_control);
    if bad {
        Err(FerryStatus::InvalidTreeName)
    } else {
        Ok(name.to_string())
    }
}

/// The status a key of this length gets, if it is refused.
pub fn check_key(key: &[u8]) -> Result<(), FerryStatus> {
    if key.len() > MAX_KEY {
        Err(FerryStatus::KeyTooLong)
    } else {
        Ok(())
    }
}

/// The status a value of this length gets, if it is refused.
pub fn check_value(value: &[u8]) -> Result<(), FerryStatus> {
    if value.len() > MAX_VALUE {
        Err(FerryStatus::ValueTooLong)
    } else {
        Ok(())
    }
}

/// The entries a cursor over `bounds` visits, in order, at most `limit`; or the status a bad
/// range gets.
pub fn scan(
    entries: &BTreeMap<Vec<u8>, Vec<u8>>,
    bounds: &Bounds,
    reverse: bool,
    limit: Option<u64>,
) -> Result<Vec<Entry>, FerryStatus> {
    use Bound::*;
    if let (Included(s) | Excluded(s), Included(e) | Excluded(e)) = (&bounds.0, &bounds.1) {
        if s > e {
            return Err(FerryStatus::InvalidRange);
        }
        if s == e && !matches!(bounds, (Included(_), Included(_))) {
            return Ok(Vec::new());
        }
    }
    let range = entries.range::<Vec<u8>, _>((bounds.0.clone(), bounds.1.clone()));
    let all: Box<dyn Iterator<Item = (&Vec<u8>, &Vec<u8>)>> = if reverse {
        Box::new(range.rev())
    } else {
        Box::new(range)
    };
    let take = limit.map_or(usize::MAX, |n| usize::try_from(n).unwrap_or(usize::MAX));
    Ok(all
        .take(take)
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect())
}

/// The bounds of a prefix scan: `[prefix, next prefix)`.
pub fn prefix_bounds(prefix: &[u8]) -> Bounds {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < u8::MAX {
            end.push(last + 1);
            return (Bound::Included(prefix.to_vec()), Bound::Excluded(end));
        }
    }
    (Bound::Included(prefix.to_vec()), Bound::Unbounded)
}

/// Whether `key` lies within `bounds`.
pub fn within(key: &[u8], bounds: &Bounds) -> bool {
    let lower = match &bounds.0 {
        Bound::Included(s) => key >= s.as_slice(),
        Bound::Excluded(s) => key > s.as_slice(),
        Bound::Unbounded => true,
    };
    let upper = match &bounds.1 {
        Bound::Included(e) => key <= e.as_slice(),
        Bound::Excluded(e) => key < e.as_slice(),
        Bound::Unbounded => true,
    };
    lower && upper
}

/// Decodes `count` entries of the packed layout version 1 from `buf`; `None` if they do not
/// add up to exactly `buf.len()` bytes.
pub fn unpack(buf: &[u8], count: u64) -> Option<Vec<Entry>> {
    let mut at = 0usize;
    let mut out = Vec::new();
    for _ in 0..count {
        let header = buf.get(at..at + 8)?;
        let k = u32::from_le_bytes(header[..4].try_into().ok()?) as usize;
        let v = u32::from_le_bytes(header[4..].try_into().ok()?) as usize;
        at += 8;
        let key = buf.get(at..at + k)?.to_vec();
        let value = buf.get(at + k..at + k + v)?.to_vec();
        at += k + v;
        out.push((key, value));
    }
    (at == buf.len()).then_some(out)
}
