//! [`SpanOverloads`], Ferry's `OverloadWriter`: the span and string overloads of the raw
//! functions in `Interop`.

use interoptopus::lang::c::{CType, Field, Function};
use interoptopus::patterns::service::Service;
use interoptopus::patterns::TypePattern;
use interoptopus::writer::{IndentWriter, WriteFor};
use interoptopus::{indented, Error};
use interoptopus_backend_csharp::overloads::{Helper, OverloadWriter};
use interoptopus_backend_csharp::Converter;

use super::{forward, is_pinned, param_type, Roles};

/// Whether `f` takes a slice or a string, and so gets a span overload.
fn has_overload(f: &Function) -> bool {
    f.signature().params().iter().any(is_pinned)
}

/// Span and string overloads of raw functions: `ReadOnlySpan<byte>` for input slices,
/// `Span<byte>` for output buffers, `string` (UTF-8) for C strings. Each pins with `fixed` on
/// `MemoryMarshal.GetReference`, so no `GCHandle` is allocated per call.
pub struct SpanOverloads {
    pub(super) roles: Roles,
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
        // Inside the internal Interop class: a plain comment (see `Docs`).
        indented!(
            w,
            r#"// Overload of {} taking spans and strings; pins with fixed, allocates no GCHandle."#,
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
