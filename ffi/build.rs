//! Gives `libferry.so` its SONAME, `libferry.so.<major>` (`libferry.so.0` for 0.x), so that a
//! program linked against it records that name and keeps working across compatible updates.
//!
//! `cargo:rustc-cdylib-link-arg` reaches the cdylib's link only: `libferry.a`, the rlib and
//! the test binaries are unaffected. `scripts/install.sh` installs the library under the same
//! name, with the `libferry.so` development link; `scripts/native.sh` adds `libferry.so.0`
//! beside the build in `target/release`, for programs run from the build tree.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    // ELF platforms only: macOS has install names, Windows has DLL names, and neither linker
    // takes -soname.
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if matches!(os.as_str(), "macos" | "ios" | "windows") {
        return;
    }
    let major = std::env::var("CARGO_PKG_VERSION_MAJOR")
        .expect("cargo sets CARGO_PKG_VERSION_MAJOR for build scripts");
    println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libferry.so.{major}");
}
