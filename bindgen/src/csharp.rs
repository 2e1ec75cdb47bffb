//! The C# bindings: interoptopus's C# backend, customised by [`FerryCSharp`] (a
//! `CSharpWriter`) and [`SpanOverloads`] (an `OverloadWriter`).
//!
//! Four files, all in namespace `Ferry`, all `internal` except `FerryStatus`,
//! `FerryException` and the plain data types:
//! - `Interop.g.cs` — the raw P/Invoke layer (`Interop`): one `DllImport` per function, with
//!   SafeHandle parameters for handles (except in `*_destroy`), the ABI guard in its static
//!   constructor, and span/string overloads that pin with `fixed`;
//! - `Types.g.cs` — the status enum and the structs;
//! - `Handles.g.cs` — one SafeHandle class per service, whose methods throw
//!   `FerryException` for failures (wrapped in a standard exception for misuse, see
//!   [`MISUSE_STATUSES`]) and return the status for outcomes;
//! - `FerryException.g.cs` — the one exception type, and the UTF-8 helper.
//!
//! The two writers, one file each: [`FerryCSharp`] (`csharp/writer.rs`) writes every file, and
//! calls [`SpanOverloads`] (`csharp/overloads.rs`) for each raw function. This file holds what
//! both use: how a parameter is declared (`param_type`) and each function's role.

use std::collections::HashMap;

use interoptopus::lang::c::{CType, Function, Parameter};
use interoptopus::patterns::{LibraryPattern, TypePattern};
use interoptopus::writer::IndentWriter;
use interoptopus::{Error, Inventory};
use interoptopus_backend_csharp::{CSharpTypeConverter, CSharpWriter, Converter};

use crate::GeneratedFile;

mod overloads;
mod writer;

pub use overloads::SpanOverloads;
pub use writer::FerryCSharp;

/// Statuses that report an outcome, not a failure: the generated wrappers return them
/// instead of throwing. Each must be a variant of the status enum (checked at generation).
pub const OUTCOME_STATUSES: [&str; 3] = ["NotFound", "BufferTooSmall", "CasMismatch"];

/// Statuses that report a misuse by the caller, thrown as the standard .NET exception for it,
/// with the `FerryException` (status and native message) as its `InnerException`: BUSY, a
/// batch or cursor used by two threads at once, is `InvalidOperationException`, as .NET's own
/// collections report concurrent use. Each must be a variant of the status enum.
pub const MISUSE_STATUSES: [(&str, &str); 1] = [("Busy", "InvalidOperationException")];

/// Writes the body of one file.
type WritePart<'a> = dyn Fn(&mut IndentWriter) -> Result<(), Error> + 'a;

/// The C# files for `inventory`.
pub fn files(inventory: &Inventory) -> Result<Vec<GeneratedFile>, Error> {
    let writer = FerryCSharp::new(inventory.clone());
    let parts: [(&str, &WritePart); 4] = [
        ("Interop.g.cs", &|w| writer.write_interop_class(w)),
        ("Types.g.cs", &|w| writer.write_type_definitions(w)),
        ("Handles.g.cs", &|w| writer.write_patterns(w)),
        ("FerryException.g.cs", &|w| writer.write_builtins(w)),
    ];
    parts
        .iter()
        .map(|(name, body)| {
            let mut out = Vec::new();
            {
                let mut w = IndentWriter::new(&mut out);
                writer.write_file_header_comments(&mut w)?;
                w.newline()?;
                writer.write_imports(&mut w)?;
                w.newline()?;
                writer.write_namespace_context(&mut w, |w| body(w))?;
            }
            Ok(GeneratedFile {
                path: format!("generated/csharp/{name}"),
                contents: String::from_utf8(out).expect("the C# backend writes UTF-8"),
            })
        })
        .collect()
}

/// What a function is to the service it belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Constructor,
    Destructor,
    Method,
    Free,
}

/// Function name → role, from the inventory's service patterns.
struct Roles(HashMap<String, Role>);

impl Roles {
    fn new(inventory: &Inventory) -> Roles {
        let mut roles = HashMap::new();
        for LibraryPattern::Service(s) in inventory.patterns() {
            for f in s.constructors() {
                roles.insert(f.name().to_string(), Role::Constructor);
            }
            roles.insert(s.destructor().name().to_string(), Role::Destructor);
            for f in s.methods() {
                roles.insert(f.name().to_string(), Role::Method);
            }
        }
        Roles(roles)
    }

    fn of(&self, f: &Function) -> Role {
        self.0.get(f.name()).copied().unwrap_or(Role::Free)
    }
}

/// The SafeHandle class name for an opaque type: `FerryTree` → `FerryTreeHandle`.
fn handle_class(opaque: &str) -> String {
    format!("{opaque}Handle")
}

/// How a parameter is declared in C#: in the raw `DllImport` (`span = false`) or in the
/// overloads and wrappers (`span = true`).
fn param_type(converter: &Converter, role: Role, p: &Parameter, span: bool) -> String {
    match p.the_type() {
        CType::ReadWritePointer(inner) => match inner.as_ref() {
            CType::ReadWritePointer(o) if matches!(o.as_ref(), CType::Opaque(_)) => {
                let CType::Opaque(o) = o.as_ref() else {
                    unreachable!()
                };
                match role {
                    // ReleaseHandle passes the raw pointer.
                    Role::Destructor => "ref IntPtr".to_string(),
                    _ => format!("out {}", handle_class(o.rust_name())),
                }
            }
            CType::Opaque(o) => handle_class(o.rust_name()),
            _ => converter.to_typespecifier_in_param(p.the_type()),
        },
        CType::ReadPointer(inner) => match inner.as_ref() {
            CType::Opaque(o) => handle_class(o.rust_name()),
            _ => converter.to_typespecifier_in_param(p.the_type()),
        },
        CType::Pattern(TypePattern::AsciiPointer) => {
            if span { "string" } else { "IntPtr" }.to_string()
        }
        CType::Pattern(TypePattern::Slice(_)) if span => "ReadOnlySpan<byte>".to_string(),
        CType::Pattern(TypePattern::SliceMut(_)) if span => "Span<byte>".to_string(),
        other => converter.to_typespecifier_in_param(other),
    }
}

/// Whether a parameter needs pinning in the span overload.
fn is_pinned(p: &Parameter) -> bool {
    matches!(
        p.the_type(),
        CType::Pattern(
            TypePattern::AsciiPointer | TypePattern::Slice(_) | TypePattern::SliceMut(_)
        )
    )
}

/// `out x` / `ref x` / `x`, as the argument that forwards parameter `p` of type `ty`.
fn forward(ty: &str, name: &str) -> String {
    if ty.starts_with("out ") {
        format!("out {name}")
    } else if ty.starts_with("ref ") {
        format!("ref {name}")
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_service_gets_a_safe_handle_and_no_gchandle_pinning() {
        let files = files(&ferry::ffi_inventory()).unwrap();
        let all: String = files.iter().map(|f| f.contents.as_str()).collect();
        for class in [
            "FerryStoreHandle",
            "FerryTreeHandle",
            "FerryBatchHandle",
            "FerryCursorHandle",
            "FerryViewHandle",
        ] {
            assert!(
                all.contains(&format!(
                    "internal sealed partial class {class} : SafeHandle"
                )),
                "{class}"
            );
        }
        let interop = &files
            .iter()
            .find(|f| f.path.ends_with("Interop.g.cs"))
            .unwrap()
            .contents;
        assert!(interop.contains("fixed (byte* key_ptr = &MemoryMarshal.GetReference(key))"));
        assert!(
            !interop.contains("GCHandle.Alloc"),
            "overloads must not allocate a GCHandle"
        );
        assert!(interop
            .contains("public static extern FerryStatus ferry_tree_get(FerryTreeHandle tree,"));
        assert!(interop.contains("ferry_tree_destroy(ref IntPtr tree)"));
    }
}
