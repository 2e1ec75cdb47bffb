//! The generator behind `cargo run -p bindgen`: everything in `generated/` comes from
//! [`generate`], which reads `ferry::ffi_inventory()`.
//!
//! - `generated/c/ferry.h` — interoptopus's C backend, plus `FERRY_API_HASH`.
//! - `generated/csharp/*.g.cs` — interoptopus's C# backend driven by [`csharp::FerryCSharp`],
//!   our own `CSharpWriter`: an internal raw P/Invoke layer whose handle parameters are
//!   SafeHandles, span and string overloads that pin with `fixed` (no `GCHandle` per call),
//!   one SafeHandle class per service, and `FerryException`.
#![warn(missing_docs)]

pub mod c;
pub mod csharp;

use std::io;
use std::path::Path;

/// One file under the repository root and its full contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the repository root, with `/` separators.
    pub path: String,
    /// The file's contents.
    pub contents: String,
}

/// The folder, relative to the repository root, that [`generate`] owns entirely.
pub const GENERATED_DIR: &str = "generated";

/// Produces every generated file from the FFI inventory.
pub fn generate() -> Result<Vec<GeneratedFile>, interoptopus::Error> {
    let inventory = ferry::ffi_inventory();
    let mut files = vec![c::header(&inventory)?];
    files.extend(csharp::files(&inventory)?);
    Ok(files)
}

/// Lists how `root/generated/` differs from `files`: missing or different files, and files
/// that are there but would not be generated.
pub fn stale_files(root: &Path, files: &[GeneratedFile]) -> io::Result<Vec<String>> {
    let mut stale = Vec::new();
    for f in files {
        match std::fs::read_to_string(root.join(&f.path)) {
            Ok(existing) if existing == f.contents => {}
            Ok(_) => stale.push(format!("{} (differs)", f.path)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                stale.push(format!("{} (missing)", f.path))
            }
            Err(e) => return Err(e),
        }
    }
    for existing in list(&root.join(GENERATED_DIR), GENERATED_DIR)? {
        if !files.iter().any(|f| f.path == existing) {
            stale.push(format!("{existing} (not generated; delete it)"));
        }
    }
    Ok(stale)
}

/// Writes `files` under `root`, and removes other files from `root/generated/`.
pub fn write_files(root: &Path, files: &[GeneratedFile]) -> io::Result<()> {
    for existing in list(&root.join(GENERATED_DIR), GENERATED_DIR)? {
        if !files.iter().any(|f| f.path == existing) {
            std::fs::remove_file(root.join(&existing))?;
        }
    }
    for f in files {
        let path = root.join(&f.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, &f.contents)?;
    }
    Ok(())
}

/// Files below `dir` (recursively), as `prefix/...` paths; none if `dir` does not exist.
fn list(dir: &Path, prefix: &str) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = format!("{prefix}/{}", entry.file_name().to_string_lossy());
        if entry.file_type()?.is_dir() {
            out.extend(list(&entry.path(), &name)?);
        } else {
            out.push(name);
        }
    }
    out.sort();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, contents: &str) -> GeneratedFile {
        GeneratedFile {
            path: path.into(),
            contents: contents.into(),
        }
    }

    #[test]
    fn check_names_missing_changed_and_extra_files() {
        let root = tempfile::tempdir().unwrap();
        let files = vec![file("generated/c/a.h", "A"), file("generated/b.cs", "B")];
        assert_eq!(
            stale_files(root.path(), &files).unwrap().len(),
            2,
            "both missing"
        );

        write_files(root.path(), &files).unwrap();
        assert!(stale_files(root.path(), &files).unwrap().is_empty());

        std::fs::write(root.path().join("generated/b.cs"), "B, edited by hand").unwrap();
        std::fs::write(root.path().join("generated/c/extra.h"), "").unwrap();
        assert_eq!(
            stale_files(root.path(), &files).unwrap(),
            [
                "generated/b.cs (differs)",
                "generated/c/extra.h (not generated; delete it)"
            ]
        );

        write_files(root.path(), &files).unwrap();
        assert!(
            stale_files(root.path(), &files).unwrap().is_empty(),
            "rewrite removes extras"
        );
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(generate().unwrap(), generate().unwrap());
    }
}
