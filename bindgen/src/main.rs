//! `cargo run -p bindgen` writes `generated/`; `cargo run -p bindgen -- --check` exits 1 and
//! names the stale files when `generated/` differs from what it would write.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Generate Ferry's C and C# bindings from the annotated API in ffi/.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Compare generated/ with what would be written, change nothing, and fail if it differs.
    #[arg(long)]
    check: bool,
    /// The repository root holding generated/ (default: the workspace root).
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let root = args
        .root
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."));
    let files = match bindgen::generate() {
        Ok(files) => files,
        Err(e) => {
            eprintln!("bindgen: generating the bindings failed: {e}");
            return ExitCode::from(2);
        }
    };
    if args.check {
        match bindgen::stale_files(&root, &files) {
            Ok(stale) if stale.is_empty() => {
                println!("bindgen: generated/ is up to date ({} files)", files.len());
                ExitCode::SUCCESS
            }
            Ok(stale) => {
                eprintln!("bindgen: generated/ is stale:");
                for s in &stale {
                    eprintln!("  {s}");
                }
                eprintln!("Run `cargo run -p bindgen` and commit the result.");
                ExitCode::FAILURE
            }
            Err(e) => {
                eprintln!("bindgen: reading {}: {e}", root.display());
                ExitCode::from(2)
            }
        }
    } else {
        match bindgen::write_files(&root, &files) {
            Ok(()) => {
                for f in &files {
                    println!("bindgen: wrote {}", f.path);
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("bindgen: writing into {}: {e}", root.display());
                ExitCode::from(2)
            }
        }
    }
}
