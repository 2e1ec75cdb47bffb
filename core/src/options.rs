//! [`Options`]: how a store is opened.

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// How [`Store::open`](crate::Store::open) opens a store.
///
/// Deserializable with serde (unknown fields are rejected, missing ones take their default),
/// so it can come straight from a configuration file:
///
/// ```
/// let options: ferry_core::Options =
///     serde_json::from_str(r#"{ "cache_capacity": 8388608, "flush_every_ms": null }"#).unwrap();
/// assert_eq!(options.cache_capacity, 8 << 20);
/// assert_eq!(options.flush_every_ms, None);
/// assert!(!options.temporary);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Bytes of memory the page cache may use. Default: 64 MiB
    /// ([`Options::DEFAULT_CACHE_CAPACITY`]). Must be at least
    /// [`Options::MIN_CACHE_CAPACITY`] (256 bytes).
    pub cache_capacity: u64,
    /// How often, in milliseconds, a background thread flushes recent writes to disk;
    /// `None` disables it. Default: `Some(500)`. Must not be `Some(0)`.
    ///
    /// Background flushes narrow the window of writes a crash can lose, but they are not a
    /// promise: only a successful [`Store::flush`](crate::Store::flush) is.
    pub flush_every_ms: Option<u64>,
    /// Delete the store's files when the last handle to it is dropped. Default: `false`.
    pub temporary: bool,
}

impl Options {
    /// The default [`Options::cache_capacity`]: 64 MiB.
    pub const DEFAULT_CACHE_CAPACITY: u64 = 64 * 1024 * 1024;
    /// The smallest [`Options::cache_capacity`] the engine accepts: 256 bytes.
    pub const MIN_CACHE_CAPACITY: u64 = 256;
    /// The default [`Options::flush_every_ms`]: 500 ms.
    pub const DEFAULT_FLUSH_EVERY_MS: u64 = 500;

    pub(crate) fn validate(&self) -> Result<()> {
        // sled asserts this (a panic) rather than returning an error.
        if self.cache_capacity < Self::MIN_CACHE_CAPACITY {
            return Err(Error::InvalidOptions(format!(
                "cache_capacity must be at least {} bytes, not {}",
                Self::MIN_CACHE_CAPACITY,
                self.cache_capacity
            )));
        }
        if self.flush_every_ms == Some(0) {
            return Err(Error::InvalidOptions(
                "flush_every_ms must be at least 1; use null (None) to disable background flushes"
                    .into(),
            ));
        }
        Ok(())
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            cache_capacity: Self::DEFAULT_CACHE_CAPACITY,
            flush_every_ms: Some(Self::DEFAULT_FLUSH_EVERY_MS),
            temporary: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_json_gives_the_defaults() {
        let o: Options = serde_json::from_str("{}").unwrap();
        assert_eq!(o, Options::default());
        assert_eq!(o.cache_capacity, 64 << 20);
        assert_eq!(o.flush_every_ms, Some(500));
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let err = serde_json::from_str::<Options>(r#"{"cache_size": 1}"#).unwrap_err();
        assert!(err.to_string().contains("cache_size"), "{err}");
    }

    #[test]
    fn out_of_range_fields_are_rejected() {
        for tiny in [0, 1, Options::MIN_CACHE_CAPACITY - 1] {
            let options = Options {
                cache_capacity: tiny,
                ..Options::default()
            };
            assert!(
                matches!(options.validate(), Err(Error::InvalidOptions(m)) if m.contains("cache_capacity"))
            );
        }
        let smallest = Options {
            cache_capacity: Options::MIN_CACHE_CAPACITY,
            ..Options::default()
        };
        assert!(smallest.validate().is_ok());
        let zero_flush = Options {
            flush_every_ms: Some(0),
            ..Options::default()
        };
        assert!(
            matches!(zero_flush.validate(), Err(Error::InvalidOptions(m)) if m.contains("flush_every_ms"))
        );
    }
}
