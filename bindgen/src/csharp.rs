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

use std::collections::HashMap;

use interoptopus::lang::c::{CType, Documentation, Field, Function, Parameter};
use interoptopus::patterns::service::Service;
use interoptopus::patterns::{LibraryPattern, TypePattern};
use interoptopus::util::{longest_common_prefix, NamespaceMappings};
use interoptopus::writer::{IndentWriter, WriteFor};
use interoptopus::{indented, Error, Inventory};
use interoptopus_backend_csharp::overloads::{Helper, OverloadWriter};
use interoptopus_backend_csharp::{
    CSharpTypeConverter, CSharpVisibility, CSharpWriter, Config, Converter, Unsafe, WriteTypes,
};

use crate::GeneratedFile;

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

fn has_overload(f: &Function) -> bool {
    f.signature().params().iter().any(is_pinned)
}

fn xml_escape(line: &str) -> String {
    line.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes Rust doc lines as a C# `<summary>` (XML doc comments must be well-formed).
fn write_summary(w: &mut IndentWriter, doc: &Documentation, fallback: &str) -> Result<(), Error> {
    let lines: Vec<String> = doc.lines().iter().map(|l| xml_escape(l.trim())).collect();
    indented!(w, r#"/// <summary>"#)?;
    if lines.iter().all(|l| l.is_empty()) {
        indented!(w, r#"/// {}"#, fallback)?;
    }
    for line in lines.iter().filter(|l| !l.starts_with('#')) {
        indented!(w, r#"/// {}"#, line)?;
    }
    indented!(w, r#"/// </summary>"#)
}

/// Ferry's `CSharpWriter`.
pub struct FerryCSharp {
    config: Config,
    inventory: Inventory,
    converter: Converter,
    overloads: Vec<Box<dyn OverloadWriter>>,
    roles: Roles,
}

impl FerryCSharp {
    /// A writer for `inventory`, configured for Ferry.
    pub fn new(inventory: Inventory) -> FerryCSharp {
        let config = Config {
            file_header_comment: "// Generated by `cargo run -p bindgen` from ffi/ (ferry-ffi). Do not edit.\n// C# 7.2: compiles with Mono's mcs and modern .NET alike.".to_string(),
            class: "Interop".to_string(),
            dll_name: "ferry".to_string(),
            namespace_mappings: NamespaceMappings::new("Ferry"),
            visibility_types: CSharpVisibility::ForceInternal,
            write_types: WriteTypes::NamespaceAndInteroptopusGlobal,
            use_unsafe: Unsafe::UnsafeKeyword,
            ..Config::default()
        };
        let overloads: Vec<Box<dyn OverloadWriter>> = vec![Box::new(SpanOverloads {
            roles: Roles::new(&inventory),
        })];
        FerryCSharp {
            roles: Roles::new(&inventory),
            config,
            inventory,
            converter: Converter {},
            overloads,
        }
    }

    /// The `Interop` class: library name, ABI guard, constants, raw functions and overloads.
    fn write_interop_class(&self, w: &mut IndentWriter) -> Result<(), Error> {
        indented!(
            w,
            r#"/// <summary>The raw P/Invoke layer over libferry: one method per C function.</summary>"#
        )?;
        self.write_class_context(&self.config.class, w, |w| {
            self.write_native_lib_string(w)?;
            w.newline()?;
            self.write_abi_guard(w)?;
            w.newline()?;
            self.write_constants(w)?;
            self.write_functions(w)
        })
    }

    fn status_enum(&self) -> &interoptopus::lang::c::EnumType {
        self.inventory
            .ctypes()
            .iter()
            .find_map(|t| match t {
                CType::Pattern(TypePattern::FFIErrorEnum(e)) => Some(e.the_enum()),
                _ => None,
            })
            .expect("the inventory has a status enum")
    }
}

impl CSharpWriter for FerryCSharp {
    fn config(&self) -> &Config {
        &self.config
    }

    fn inventory(&self) -> &Inventory {
        &self.inventory
    }

    fn converter(&self) -> &Converter {
        &self.converter
    }

    fn overloads(&self) -> &[Box<dyn OverloadWriter>] {
        &self.overloads
    }

    /// One name for both ways of linking: `ferry` (libferry.so) by default, or
    /// `__Internal` (libferry.a linked into the executable) when compiled with
    /// `-define:FERRY_STATIC`.
    fn write_native_lib_string(&self, w: &mut IndentWriter) -> Result<(), Error> {
        indented!(w, r#"#if FERRY_STATIC"#)?;
        indented!(w, r#"public const string NativeLib = "__Internal";"#)?;
        indented!(w, r#"#else"#)?;
        indented!(
            w,
            r#"public const string NativeLib = "{}";"#,
            self.config.dll_name
        )?;
        indented!(w, r#"#endif"#)
    }

    fn write_documentation(
        &self,
        w: &mut IndentWriter,
        documentation: &Documentation,
    ) -> Result<(), Error> {
        write_summary(w, documentation, "See ferry.h.")
    }

    /// The static constructor of `Interop` compares the library's `ferry_api_guard()` with the
    /// hash these bindings were generated for (`ferry::api_hash`, toolchain-independent).
    fn write_abi_guard(&self, w: &mut IndentWriter) -> Result<(), Error> {
        let hash = ferry::api_hash(&self.inventory);
        let class = &self.config.class;
        indented!(w, r#"static {}()"#, class)?;
        indented!(w, r#"{{"#)?;
        indented!(w, [_], r#"var api_version = {}.ferry_api_guard();"#, class)?;
        indented!(w, [_], r#"if (api_version != {}ul)"#, hash)?;
        indented!(w, [_], r#"{{"#)?;
        indented!(
            w,
            [_ _],
            r#"throw new TypeLoadException($"libferry reports API hash {{api_version}}, but these bindings were generated for {}: the library and the bindings come from different versions. Rebuild both from one checkout.");"#,
            hash
        )?;
        indented!(w, [_], r#"}}"#)?;
        indented!(w, r#"}}"#)
    }

    fn write_function_declaration(
        &self,
        w: &mut IndentWriter,
        function: &Function,
    ) -> Result<(), Error> {
        let role = self.roles.of(function);
        let rval = self.converter.function_rval_to_csharp_typename(function);
        let params: Vec<String> = function
            .signature()
            .params()
            .iter()
            .map(|p| {
                format!(
                    "{} {}",
                    param_type(&self.converter, role, p, false),
                    p.name()
                )
            })
            .collect();
        indented!(
            w,
            r#"public static extern {} {}({});"#,
            rval,
            function.name(),
            params.join(", ")
        )
    }

    /// One SafeHandle class per service.
    fn write_pattern_service(&self, w: &mut IndentWriter, class: &Service) -> Result<(), Error> {
        let opaque = class.the_type().rust_name();
        let name = handle_class(opaque);
        let destroy = class.destructor().name();
        let mut all = class.constructors().to_vec();
        all.extend_from_slice(class.methods());
        all.push(class.destructor().clone());
        let prefix = longest_common_prefix(&all);

        write_summary(w, class.the_type().meta().documentation(), opaque)?;
        indented!(w, r#"internal sealed partial class {} : SafeHandle"#, name)?;
        indented!(w, r#"{{"#)?;
        w.indent();
        indented!(w, r#"private {}() : base(IntPtr.Zero, true) {{ }}"#, name)?;
        w.newline()?;
        indented!(
            w,
            r#"/// <summary>True when no native object is attached.</summary>"#
        )?;
        indented!(
            w,
            r#"public override bool IsInvalid => handle == IntPtr.Zero;"#
        )?;
        w.newline()?;
        indented!(
            w,
            r#"/// <summary>Frees the native object with <c>{}</c>; false if that failed.</summary>"#,
            destroy
        )?;
        indented!(w, r#"protected override bool ReleaseHandle()"#)?;
        indented!(w, r#"{{"#)?;
        indented!(w, [_], r#"var raw = handle;"#)?;
        indented!(
            w,
            [_],
            r#"return {}.{}(ref raw) == FerryStatus.Ok;"#,
            self.config.class,
            destroy
        )?;
        indented!(w, r#"}}"#)?;

        for (functions, is_ctor) in [(class.constructors(), true), (class.methods(), false)] {
            for f in functions {
                w.newline()?;
                self.write_handle_wrapper(w, f, &prefix, is_ctor)?;
            }
        }
        w.unindent();
        indented!(w, r#"}}"#)?;
        w.newline()
    }

    /// `FerryException` (with the status check) and `Utf8`, the string helper.
    fn write_builtins(&self, w: &mut IndentWriter) -> Result<(), Error> {
        let status = self.status_enum();
        let name = status.rust_name();
        for variant in OUTCOME_STATUSES
            .iter()
            .chain(MISUSE_STATUSES.map(|m| m.0).iter())
        {
            assert!(
                status.variants().iter().any(|v| v.name() == *variant),
                "{name} has no variant {variant}"
            );
        }
        let outcomes = OUTCOME_STATUSES
            .map(|o| format!("status == {name}.{o}"))
            .join(" || ");
        let misuses: String = MISUSE_STATUSES
            .iter()
            .map(|(status, exception)| {
                format!(
                    "\n        if (status == {name}.{status}) throw new {exception}(error.Message, error);"
                )
            })
            .collect();
        let misuse_list = MISUSE_STATUSES
            .map(|(status, exception)| format!("{exception} for {status}"))
            .join(", ");
        let class = &self.config.class;
        let text = format!(
            r#"/// <summary>
/// The one exception Ferry throws for a failed native call: the native status and the
/// message libferry gave for it.
/// </summary>
public sealed class FerryException : Exception
{{
    /// <summary>The status the native call returned.</summary>
    public {name} Status {{ get; private set; }}

    /// <summary>Creates an exception for <paramref name="status"/> with the native message.</summary>
    public FerryException({name} status, string message) : base(message + " (" + status + ")")
    {{
        Status = status;
    }}

    /// <summary>
    /// Returns <paramref name="status"/> when it is success or an outcome
    /// ({outcome_list}); throws a <see cref="FerryException"/> for any failure, except for a
    /// misuse, which throws the standard exception for it with the
    /// <see cref="FerryException"/> as its InnerException ({misuse_list}).
    /// </summary>
    internal static {name} Check({name} status)
    {{
        if (status == {name}.Ok || {outcomes}) return status;
        var error = FromLastError(status);{misuses}
        throw error;
    }}

    /// <summary>The exception for a failed call, with this thread's native message.</summary>
    internal static FerryException FromLastError({name} status)
    {{
        var buffer = new byte[512];
        ulong length;
        var last = {class}.ferry_last_error(new Span<byte>(buffer), out length);
        if (length >= (ulong)buffer.Length)
        {{
            buffer = new byte[length + 1];
            last = {class}.ferry_last_error(new Span<byte>(buffer), out length);
        }}
        var message = last == status
            ? Encoding.UTF8.GetString(buffer, 0, (int)Math.Min(length, (ulong)buffer.Length - 1))
            : "native call failed";
        return new FerryException(status, message);
    }}
}}

/// <summary>UTF-8 conversions for string arguments.</summary>
internal static class Utf8
{{
    /// <summary>The NUL-terminated UTF-8 bytes of <paramref name="text"/>; null for null.</summary>
    internal static byte[] Terminated(string text)
    {{
        if (text == null) return null;
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, 0);
        return bytes;
    }}
}}"#,
            outcome_list = OUTCOME_STATUSES.join(", "),
        );
        for line in text.lines() {
            indented!(w, "{}", line)?;
        }
        Ok(())
    }
}

impl FerryCSharp {
    /// A static (constructor) or instance (method) wrapper on a SafeHandle class: span and
    /// string parameters, the handle as `this`, and the status check.
    fn write_handle_wrapper(
        &self,
        w: &mut IndentWriter,
        f: &Function,
        prefix: &str,
        is_ctor: bool,
    ) -> Result<(), Error> {
        let role = self.roles.of(f);
        let short = f.name().strip_prefix(prefix).unwrap_or(f.name());
        let method = snake_to_pascal(short);
        let params = f.signature().params();
        // Methods take the handle as `this`: skip the first parameter.
        let own = if is_ctor { params } else { &params[1..] };
        let decl: Vec<String> = own
            .iter()
            .map(|p| {
                format!(
                    "{} {}",
                    param_type(&self.converter, role, p, true),
                    p.name()
                )
            })
            .collect();
        let mut args: Vec<String> = Vec::new();
        if !is_ctor {
            args.push("this".to_string());
        }
        args.extend(
            own.iter()
                .map(|p| forward(&param_type(&self.converter, role, p, true), p.name())),
        );

        write_summary(w, f.meta().documentation(), f.name())?;
        indented!(
            w,
            r#"/// <returns>The status: success or an outcome; failures throw <see cref="FerryException"/>.</returns>"#
        )?;
        let modifier = if is_ctor { "public static" } else { "public" };
        indented!(
            w,
            r#"{} FerryStatus {}({})"#,
            modifier,
            method,
            decl.join(", ")
        )?;
        indented!(w, r#"{{"#)?;
        indented!(
            w,
            [_],
            r#"return FerryException.Check({}.{}({}));"#,
            self.config.class,
            f.name(),
            args.join(", ")
        )?;
        indented!(w, r#"}}"#)
    }
}

fn snake_to_pascal(s: &str) -> String {
    s.split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut c = part.chars();
            c.next()
                .map(|first| first.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Span and string overloads of raw functions: `ReadOnlySpan<byte>` for input slices,
/// `Span<byte>` for output buffers, `string` (UTF-8) for C strings. Each pins with `fixed` on
/// `MemoryMarshal.GetReference`, so no `GCHandle` is allocated per call.
pub struct SpanOverloads {
    roles: Roles,
}

impl OverloadWriter for SpanOverloads {
    fn write_imports(&self, w: &mut IndentWriter, _h: Helper) -> Result<(), Error> {
        indented!(w, r#"using System.Text;"#)
    }

    fn write_field_decorators(
        &self,
        _w: &mut IndentWriter,
        _h: Helper,
        _field: &Field,
        _strct: &interoptopus::lang::c::CompositeType,
    ) -> Result<(), Error> {
        Ok(())
    }

    fn write_function_overload(
        &self,
        w: &mut IndentWriter,
        h: Helper,
        function: &Function,
        write_for: WriteFor,
    ) -> Result<(), Error> {
        if write_for != WriteFor::Code || !has_overload(function) {
            return Ok(());
        }
        let role = self.roles.of(function);
        let converter = Converter {};
        let params = function.signature().params();
        let decl: Vec<String> = params
            .iter()
            .map(|p| format!("{} {}", param_type(&converter, role, p, true), p.name()))
            .collect();
        let rval = h.converter.function_rval_to_csharp_typename(function);

        w.newline()?;
        indented!(
            w,
            r#"/// <summary>Overload of <c>{}</c> taking spans and strings; pins with <c>fixed</c>, allocates no GCHandle.</summary>"#,
            function.name()
        )?;
        indented!(
            w,
            r#"public static unsafe {} {}({})"#,
            rval,
            function.name(),
            decl.join(", ")
        )?;
        indented!(w, r#"{{"#)?;
        w.indent();
        for p in params {
            if let CType::Pattern(TypePattern::AsciiPointer) = p.the_type() {
                indented!(w, r#"var {0}_utf8 = Utf8.Terminated({0});"#, p.name())?;
            }
        }
        for p in params.iter().filter(|p| is_pinned(p)) {
            match p.the_type() {
                CType::Pattern(TypePattern::AsciiPointer) => {
                    indented!(w, r#"fixed (byte* {0}_ptr = {0}_utf8)"#, p.name())?
                }
                _ => indented!(
                    w,
                    r#"fixed (byte* {0}_ptr = &MemoryMarshal.GetReference({0}))"#,
                    p.name()
                )?,
            }
        }
        let args: Vec<String> = params
            .iter()
            .map(|p| match p.the_type() {
                CType::Pattern(TypePattern::AsciiPointer) => format!("(IntPtr){}_ptr", p.name()),
                CType::Pattern(TypePattern::Slice(s) | TypePattern::SliceMut(s)) => {
                    format!(
                        "new {}((IntPtr){1}_ptr, (ulong){1}.Length)",
                        s.rust_name(),
                        p.name()
                    )
                }
                _ => forward(&param_type(&converter, role, p, true), p.name()),
            })
            .collect();
        indented!(w, r#"{{"#)?;
        indented!(
            w,
            [_],
            r#"return {}({});"#,
            function.name(),
            args.join(", ")
        )?;
        indented!(w, r#"}}"#)?;
        w.unindent();
        indented!(w, r#"}}"#)
    }

    fn write_service_method_overload(
        &self,
        _w: &mut IndentWriter,
        _h: Helper,
        _class: &Service,
        _function: &Function,
        _fn_pretty: &str,
        _write_for: WriteFor,
    ) -> Result<(), Error> {
        // Handles.g.cs is written by FerryCSharp::write_pattern_service.
        Ok(())
    }

    fn write_pattern_slice_overload(
        &self,
        _w: &mut IndentWriter,
        _h: Helper,
        _context_type_name: &str,
        _type_string: &str,
    ) -> Result<(), Error> {
        Ok(())
    }

    fn write_pattern_slice_mut_overload(
        &self,
        _w: &mut IndentWriter,
        _h: Helper,
        _context_type_name: &str,
        _type_string: &str,
    ) -> Result<(), Error> {
        Ok(())
    }

    fn write_pattern_slice_unsafe_copied_fragment(
        &self,
        _w: &mut IndentWriter,
        _h: Helper,
        _type_string: &str,
    ) -> Result<(), Error> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_pascal_case() {
        assert_eq!(snake_to_pascal("compare_and_swap"), "CompareAndSwap");
        assert_eq!(snake_to_pascal("open"), "Open");
    }

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
