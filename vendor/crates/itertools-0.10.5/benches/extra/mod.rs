pub use self::zipslices::ZipSlices;
mod zipslices;
