using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("Ferry")]
[assembly: AssemblyDescription("Ferry: an embedded key-value store (Rust, on sled) for .NET.")]
[assembly: InternalsVisibleTo("Ferry.Tests")]
