//! The documented size and naming limits, and the checks that enforce them.

use crate::{Error, Result};

/// The longest key accepted, in bytes. The empty key is a valid key.
///
/// Keys live in the engine's index nodes, so they are kept short; store large data in values.
pub const MAX_KEY_LEN: usize = 1024;

/// The longest value accepted, in bytes (64 MiB). The empty value is a valid value.
pub const MAX_VALUE_LEN: usize = 64 * 1024 * 1024;

/// The longest tree name accepted, in bytes of UTF-8.
pub const MAX_TREE_NAME_LEN: usize = 255;

/// The name of the tree every store has; [`Store::default_tree`](crate::Store::default_tree)
/// returns it, and so does [`Store::tree`](crate::Store::tree) with this name.
pub const DEFAULT_TREE: &str = "default";

pub(crate) fn check_key(key: &[u8]) -> Result<()> {
    if key.len() > MAX_KEY_LEN {
        return Err(Error::KeyTooLong {
            len: key.len(),
            max: MAX_KEY_LEN,
        });
    }
    Ok(())
}

pub(crate) fn check_value(value: &[u8]) -> Result<()> {
    if value.len() > MAX_VALUE_LEN {
        return Err(Error::ValueTooLong {
            len: value.len(),
            max: MAX_VALUE_LEN,
        });
    }
    Ok(())
}

pub(crate) fn check_tree_name(name: &str) -> Result<()> {
    let reason = if name.is_empty() {
        "must not be empty"
    } else if name.len() > MAX_TREE_NAME_LEN {
        "must be at most 255 bytes long"
    } else if name.starts_with("__") {
        "names starting with \"__\" are reserved"
    } else if name.chars().any(char::is_control) {
        "must not contain control characters"
    } else {
        return Ok(());
    };
    Err(Error::InvalidTreeName {
        name: name.to_string(),
        reason,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_up_to_the_limit_pass() {
        assert!(check_key(b"").is_ok());
        assert!(check_key(&[0u8; MAX_KEY_LEN]).is_ok());
        assert!(matches!(
            check_key(&[0u8; MAX_KEY_LEN + 1]),
            Err(Error::KeyTooLong { len, max: MAX_KEY_LEN }) if len == MAX_KEY_LEN + 1
        ));
    }

    #[test]
    fn tree_name_rules() {
        for ok in ["a", "users", "ü-ñ.名前", &"x".repeat(MAX_TREE_NAME_LEN)] {
            assert!(check_tree_name(ok).is_ok(), "{ok:?} should be valid");
        }
        for (bad, why) in [
            ("", "empty"),
            ("__sled__default", "reserved"),
            ("a\nb", "control"),
            (&"x".repeat(MAX_TREE_NAME_LEN + 1) as &str, "255"),
        ] {
            match check_tree_name(bad) {
                Err(Error::InvalidTreeName { name, reason }) => {
                    assert_eq!(name, bad);
                    assert!(reason.contains(why), "{reason:?} should mention {why:?}");
                }
                other => panic!("{bad:?} should be rejected, got {other:?}"),
            }
        }
    }
}
