// The C# harness of Ferry's cross-language benchmark: the Ferry library (Ferry.dll, referenced
// under the extern alias FerryLib) for every workload, and, for the no-op, the generated
// Interop.ferry_version() compiled into this assembly from generated/csharp/*.g.cs (it is
// internal) against the direct [DllImport] in Direct.cs. Protocol, workloads and key
// sequence: bench/README.md.
//
//   mono Bench.exe dir=PATH keys=N     load, "ready", then stdin commands.

extern alias FerryLib;

using System;
using System.Diagnostics;
using Store = FerryLib::Ferry.Store;
using StoreOptions = FerryLib::Ferry.StoreOptions;
using Tree = FerryLib::Ferry.Tree;
using WriteBatch = FerryLib::Ferry.WriteBatch;
#if FERRY_VISIT
using EntryVisitor = FerryLib::Ferry.EntryVisitor;
#endif

namespace FerryBench
{
    internal sealed class Bench
    {
        private const string Who = "csharp";

        private readonly ulong _n;
        private readonly Store _store;
        private readonly Tree _tree;
        private readonly WriteBatch _batch = new WriteBatch();
        private readonly Keys _keys;
        private readonly byte[] _buffer = new byte[4096];
        private readonly byte[] _start = new byte[Common.KeyLength];

        private Bench(string dir, ulong n)
        {
            _n = n;
            _keys = new Keys(n);
            _store = Store.Open(dir, new StoreOptions { CacheCapacity = Common.CacheBytes, FlushEveryMilliseconds = 0 });
            _tree = _store.DefaultTree;
            if (_tree.Count() != 0) Common.Die(Who, "the store in " + dir + " is not empty");
        }

        private static int Main(string[] args)
        {
            var a = Common.Args(args, Who);
            var n = ulong.Parse(a["keys"]);
            var bench = new Bench(a["dir"], n);
            var loaded = bench.Load();
            Protocol.Ready(Who, n, loaded, ",\"ferry_version\":" + global::Ferry.Interop.ferry_version());
            Protocol.Serve(bench.Run);
            bench._batch.Dispose();
            bench._store.Dispose();
            Protocol.Bye();
            return 0;
        }

        private double Load()
        {
            var watch = Stopwatch.StartNew();
            var value = Common.Filled(0x5A);
            var key = new byte[Common.KeyLength];
            ulong shown = 0;
            for (ulong next = 0; next < _n;)
            {
                var end = Math.Min(next + Common.LoadBatch, _n);
                for (var i = next; i < end; i++)
                {
                    Common.MakeKey(i, key, 0);
                    _batch.Set(key, value);
                }
                _tree.Apply(_batch);
                next = end;
                if (next * 10 / _n > shown)
                {
                    shown = next * 10 / _n;
                    Console.Error.WriteLine(Who + ": loaded " + next + "/" + _n + " keys");
                }
            }
            _store.Flush();
            return watch.Elapsed.TotalSeconds;
        }

        private Timing Run(string workload, long ops)
        {
            var writers = Common.Writers(workload);
            if (writers > 0) return GroupCommit(writers, ops);
            var keys = _keys.Draw(workload, ops);
            switch (workload)
            {
                case "noop": return NoopGenerated(ops);
                case "noop_direct": return NoopDirect(ops);
                case "get": return Get(keys, ops);
                case "get_span": return GetSpan(keys, ops);
                case "range10": return Range10(keys, ops);
                case "full_scan": return FullScan(ops);
                case "insert": return Insert(keys, ops);
                case "batch_insert": return BatchInsert(keys, ops);
                case "durable": return Durable(keys, ops);
#if FERRY_VISIT
                case "range10_visit": return Range10Visit(keys, ops);
                case "full_scan_visit": return FullScanVisit(ops);
#endif
                default: throw new BenchException("unknown workload " + workload);
            }
        }

        /// <summary>The generated binding, compiled into this assembly.</summary>
        private static Timing NoopGenerated(long ops)
        {
            ulong sum = 0;
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++) sum += global::Ferry.Interop.ferry_version();
            var timing = clocks.Stop(ops);
            if (sum == 0) throw new BenchException("ferry_version returned 0");
            return timing;
        }

        /// <summary>The baseline: a minimal [DllImport] declared here.</summary>
        private static Timing NoopDirect(long ops)
        {
            ulong sum = 0;
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++) sum += Direct.ferry_version();
            var timing = clocks.Stop(ops);
            if (sum == 0) throw new BenchException("ferry_version returned 0");
            return timing;
        }

        /// <summary>The idiomatic read: Tree.Get returns a new byte[].</summary>
        private Timing Get(byte[] keys, long ops)
        {
            long sum = 0;
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++)
            {
                var value = _tree.Get(new ReadOnlySpan<byte>(keys, (int)(i * Common.KeyLength), Common.KeyLength));
                sum += value.Length;
            }
            var timing = clocks.Stop(ops);
            if (sum != ops * Common.ValueLength) throw new BenchException("get: wrong lengths");
            return timing;
        }

        /// <summary>The allocation-free read: Tree.TryGet into a reused buffer.</summary>
        private Timing GetSpan(byte[] keys, long ops)
        {
            long sum = 0;
            var buffer = new Span<byte>(_buffer);
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++)
            {
                int written;
                if (_tree.TryGet(new ReadOnlySpan<byte>(keys, (int)(i * Common.KeyLength), Common.KeyLength), buffer, out written))
                    sum += written;
            }
            var timing = clocks.Stop(ops);
            if (sum != ops * Common.ValueLength) throw new BenchException("get_span: wrong lengths");
            return timing;
        }

        private Timing Range10(byte[] keys, long ops)
        {
            long entries = 0;
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++)
            {
                Buffer.BlockCopy(keys, (int)(i * Common.KeyLength), _start, 0, Common.KeyLength);
                foreach (var entry in _tree.Range(_start, null, false, 10))
                {
                    if (entry.Key.Length == Common.KeyLength && entry.Value.Length == Common.ValueLength) entries++;
                }
            }
            var timing = clocks.Stop(ops);
            if (entries < ops) throw new BenchException("range10: too few entries");
            return timing;
        }

#if FERRY_VISIT
        /// <summary>The visitor overload of Tree.Range: no array per entry.</summary>
        private Timing Range10Visit(byte[] keys, long ops)
        {
            long entries = 0;
            EntryVisitor visit = (key, value) =>
            {
                if (key.Length == Common.KeyLength && value.Length == Common.ValueLength) entries++;
                return true;
            };
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++)
            {
                Buffer.BlockCopy(keys, (int)(i * Common.KeyLength), _start, 0, Common.KeyLength);
                _tree.Range(_start, null, false, 10, visit);
            }
            var timing = clocks.Stop(ops);
            if (entries < ops) throw new BenchException("range10_visit: too few entries");
            return timing;
        }

        private Timing FullScanVisit(long passes)
        {
            long entries = 0;
            EntryVisitor visit = (key, value) =>
            {
                if (key.Length == Common.KeyLength && value.Length == Common.ValueLength) entries++;
                return true;
            };
            var clocks = Clocks.Start();
            for (long pass = 0; pass < passes; pass++) _tree.Range(null, null, false, -1, visit);
            var timing = clocks.Stop(entries);
            if (entries != passes * (long)_n) throw new BenchException("full_scan_visit saw " + entries + " entries");
            return timing;
        }
#endif

        private Timing FullScan(long passes)
        {
            long entries = 0;
            var clocks = Clocks.Start();
            for (long pass = 0; pass < passes; pass++)
            {
                foreach (var entry in _tree.Range())
                {
                    if (entry.Key.Length == Common.KeyLength && entry.Value.Length == Common.ValueLength) entries++;
                }
            }
            var timing = clocks.Stop(entries);
            if (entries != passes * (long)_n) throw new BenchException("full_scan saw " + entries + " entries");
            return timing;
        }

        private Timing Insert(byte[] keys, long ops)
        {
            var value = new ReadOnlySpan<byte>(Common.Filled(0xA5));
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++)
                _tree.Set(new ReadOnlySpan<byte>(keys, (int)(i * Common.KeyLength), Common.KeyLength), value);
            var timing = clocks.Stop(ops);
            return timing;
        }

        private Timing BatchInsert(byte[] keys, long ops)
        {
            var value = new ReadOnlySpan<byte>(Common.Filled(0xB6));
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++)
            {
                _batch.Set(new ReadOnlySpan<byte>(keys, (int)(i * Common.KeyLength), Common.KeyLength), value);
                if ((i + 1) % Common.BatchSize == 0 || i + 1 == ops) _tree.Apply(_batch);
            }
            var timing = clocks.Stop(ops);
            return timing;
        }

        /// <summary>durable_wN: N threads, each Set + Flush on the shared store (Store and Tree are thread-safe).</summary>
        private Timing GroupCommit(int writers, long ops)
        {
            var value = Common.Filled(0x3C);
            return Common.GroupCommit(_keys, writers, ops, (thread, keys, at) =>
            {
                _tree.Set(new ReadOnlySpan<byte>(keys, at, Common.KeyLength), new ReadOnlySpan<byte>(value));
                _store.Flush();
            });
        }

        private Timing Durable(byte[] keys, long ops)
        {
            var value = new ReadOnlySpan<byte>(Common.Filled(0x3C));
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++)
            {
                _tree.Set(new ReadOnlySpan<byte>(keys, (int)(i * Common.KeyLength), Common.KeyLength), value);
                _store.Flush();
            }
            var timing = clocks.Stop(ops);
            return timing;
        }
    }
}
