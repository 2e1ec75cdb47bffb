// Where the time of a small C# range scan goes: the 10-item range of the benchmark taken apart,
// layer by layer, on one store. Compiled together with dotnet/Ferry/*.cs and
// generated/csharp/*.cs (for internal access) by bench/proto/run.sh; not part of `make bench`.
//
//   mono ScanCost.exe dir=PATH keys=N [ops=20000] [rounds=7]
//
// Prints the median CPU ns per scan of each variant and its median per-round ratio to the
// library's (interleaved rounds).

using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Ferry;

namespace FerryBench
{
    internal static class ScanCost
    {
        private const int Limit = 10;

        [DllImport("ferry", CallingConvention = CallingConvention.Cdecl, EntryPoint = "ferry_cursor_open")]
        private static extern FerryStatus RawOpen(out IntPtr cursor, FerryTreeHandle tree, Sliceu8 start, uint startKind, Sliceu8 end, uint endKind, byte reverse, ulong limit);

        [DllImport("ferry", CallingConvention = CallingConvention.Cdecl, EntryPoint = "ferry_cursor_next")]
        private static extern FerryStatus RawNext(IntPtr cursor, SliceMutu8 buffer, out ulong count, out ulong used);

        [DllImport("ferry", CallingConvention = CallingConvention.Cdecl, EntryPoint = "ferry_cursor_destroy")]
        private static extern FerryStatus RawDestroy(ref IntPtr cursor);

        private static int Main(string[] args)
        {
            var a = Common.Args(args, "ScanCost");
            var n = ulong.Parse(a["keys"]);
            string text;
            var ops = a.TryGetValue("ops", out text) ? long.Parse(text) : 20000;
            var rounds = a.TryGetValue("rounds", out text) ? int.Parse(text) : 7;
            using (var store = Store.Open(a["dir"], new StoreOptions { FlushEveryMilliseconds = 0, CacheCapacity = Common.CacheBytes }))
            {
                var tree = store.DefaultTree;
                Load(tree, n);
                foreach (var entry in tree.Range()) { }
                var keys = new Keys(n);
                var start = new byte[Common.KeyLength];
                var buffer = new byte[64 * 1024];

                Func<string, Fix, KeyValuePair<string, Func<byte[], long, long>>> P = (name, fix) => V(name, (ks, count) =>
                {
                    long seen = 0;
                    for (long i = 0; i < count; i++)
                    {
                        Buffer.BlockCopy(ks, (int)(i * 16), start, 0, 16);
                        using (var e = new ProtoScanEnumerator(tree, start, Limit, fix))
                        {
                            while (e.MoveNext()) seen++;
                        }
                    }
                    return seen;
                });
                var variants = new List<KeyValuePair<string, Func<byte[], long, long>>>
                {
                    V("library: foreach over tree.Range(start, null, false, 10)", (ks, count) =>
                    {
                        long seen = 0;
                        for (long i = 0; i < count; i++)
                        {
                            Buffer.BlockCopy(ks, (int)(i * 16), start, 0, 16);
                            foreach (var e in tree.Range(start, null, false, Limit)) seen++;
                        }
                        return seen;
                    }),
                    P("copy of the library's enumerator (no change)", Fix.None),
                    P("+ stop at the limit (no second ferry_cursor_next)", Fix.StopAtLimit),
                    P("+ dispose once (foreach disposes again after MoveNext did)", Fix.StopAtLimit | Fix.DisposeOnce),
                    P("+ per-thread buffer instead of ArrayPool", Fix.StopAtLimit | Fix.DisposeOnce | Fix.NoPool),
                    P("(stop + once, without registering with the store: its cost)", Fix.StopAtLimit | Fix.DisposeOnce | Fix.NoTrack),
                    V("proposed API: span visitor, no per-entry arrays", (ks, count) =>
                    {
                        long seen = 0;
                        EntryVisitor visit = (k, v) => k.Length == 16;
                        for (long i = 0; i < count; i++)
                        {
                            Buffer.BlockCopy(ks, (int)(i * 16), start, 0, 16);
                            seen += SpanScan.Visit(tree, start, Limit, visit);
                        }
                        return seen;
                    }),
                    V("handles: Open, one Next, Dispose; no per-entry arrays", (ks, count) =>
                    {
                        long seen = 0;
                        for (long i = 0; i < count; i++)
                        {
                            FerryCursorHandle c;
                            FerryCursorHandle.Open(out c, tree.Handle, new ReadOnlySpan<byte>(ks, (int)(i * 16), 16), Interop.FERRY_BOUND_INCLUDED, default(ReadOnlySpan<byte>), Interop.FERRY_BOUND_UNBOUNDED, 0, Limit);
                            ulong got, used;
                            long mine = 0;
                            while (mine < Limit && c.Next(buffer, out got, out used) == FerryStatus.Ok && got > 0) mine += (long)got;
                            seen += mine;
                            c.Dispose();
                        }
                        return seen;
                    }),
                    V("handles, one Next, plus a byte[] key and value per entry", (ks, count) =>
                    {
                        long seen = 0;
                        for (long i = 0; i < count; i++)
                        {
                            FerryCursorHandle c;
                            FerryCursorHandle.Open(out c, tree.Handle, new ReadOnlySpan<byte>(ks, (int)(i * 16), 16), Interop.FERRY_BOUND_INCLUDED, default(ReadOnlySpan<byte>), Interop.FERRY_BOUND_UNBOUNDED, 0, Limit);
                            ulong got, used;
                            long mine = 0;
                            while (mine < Limit && c.Next(buffer, out got, out used) == FerryStatus.Ok && got > 0)
                            {
                                var at = 0;
                                for (ulong e = 0; e < got; e++)
                                {
                                    var kl = buffer[at] | buffer[at + 1] << 8 | buffer[at + 2] << 16 | buffer[at + 3] << 24;
                                    var vl = buffer[at + 4] | buffer[at + 5] << 8 | buffer[at + 6] << 16 | buffer[at + 7] << 24;
                                    var k = new byte[kl];
                                    var v = new byte[vl];
                                    Buffer.BlockCopy(buffer, at + 8, k, 0, kl);
                                    Buffer.BlockCopy(buffer, at + 8 + kl, v, 0, vl);
                                    var pair = new KeyValuePair<byte[], byte[]>(k, v);
                                    if (pair.Key.Length == 16) mine++;
                                    at += 8 + kl + vl;
                                }
                            }
                            seen += mine;
                            c.Dispose();
                        }
                        return seen;
                    }),
                    V("floor: IntPtr DllImports (no SafeHandle), one Next", (ks, count) =>
                    {
                        long seen = 0;
                        unsafe
                        {
                            fixed (byte* kp = ks)
                            fixed (byte* bp = buffer)
                            {
                                for (long i = 0; i < count; i++)
                                {
                                    IntPtr c;
                                    RawOpen(out c, tree.Handle, new Sliceu8((IntPtr)(kp + i * 16), 16), Interop.FERRY_BOUND_INCLUDED, new Sliceu8(IntPtr.Zero, 0), Interop.FERRY_BOUND_UNBOUNDED, 0, Limit);
                                    ulong got, used;
                                    RawNext(c, new SliceMutu8((IntPtr)bp, (ulong)buffer.Length), out got, out used);
                                    seen += (long)got;
                                    RawDestroy(ref c);
                                }
                            }
                        }
                        return seen;
                    }),
                };

                var times = new List<double>[variants.Count];
                for (var v = 0; v < variants.Count; v++) times[v] = new List<double>();
                for (var r = -1; r < rounds; r++)
                {
                    for (var v = 0; v < variants.Count; v++)
                    {
                        var ks = keys.Draw("range10", ops);
                        var cpu = CpuClock.Nanoseconds();
                        var seen = variants[v].Value(ks, ops);
                        var ns = (double)(CpuClock.Nanoseconds() - cpu) / ops;
                        if (seen < ops * (Limit - 1)) throw new Exception(variants[v].Key + ": too few entries");
                        if (r >= 0) times[v].Add(ns);
                    }
                }
                // Medians of the per-round ratios to the first variant (the library): the rounds
                // are interleaved, so pairing them cancels most of a noisy machine's drift.
                for (var v = 0; v < variants.Count; v++)
                {
                    var ratios = new List<double>();
                    for (var r = 0; r < rounds; r++) ratios.Add(times[v][r] / times[0][r]);
                    ratios.Sort();
                    var sorted = new List<double>(times[v]);
                    sorted.Sort();
                    Console.WriteLine("{0,8:F0} ns/scan  x{1,5:F3} library  {2}", sorted[rounds / 2], ratios[rounds / 2], variants[v].Key);
                }
            }
            return 0;
        }

        private static KeyValuePair<string, Func<byte[], long, long>> V(string name, Func<byte[], long, long> f) =>
            new KeyValuePair<string, Func<byte[], long, long>>(name, f);

        private static void Load(Tree tree, ulong n)
        {
            var value = Common.Filled(0x5A);
            var key = new byte[Common.KeyLength];
            using (var batch = new WriteBatch())
            {
                for (ulong i = 0; i < n; i++)
                {
                    Common.MakeKey(i, key, 0);
                    batch.Set(key, value);
                    if ((i + 1) % Common.LoadBatch == 0 || i + 1 == n) tree.Apply(batch);
                }
            }
        }
    }
}
