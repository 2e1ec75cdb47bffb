// The baseline of the no-op measurement: the smallest P/Invoke there is, declared by hand.
// It lives here because dotnet/ may contain no DllImport (ARCHITECTURE.md, invariants).

using System.Runtime.InteropServices;

namespace FerryBench
{
    internal static class Direct
    {
        [DllImport("ferry", CallingConvention = CallingConvention.Cdecl, EntryPoint = "ferry_version")]
        internal static extern uint ferry_version();
    }
}
