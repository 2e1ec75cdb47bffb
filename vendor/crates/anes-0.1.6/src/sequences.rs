pub(crate) mod attribute;
pub(crate) mod buffer;
pub(crate) mod color;
pub(crate) mod cursor;
pub(crate) mod terminal;
