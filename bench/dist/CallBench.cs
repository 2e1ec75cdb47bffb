// The call-overhead benchmark of the single-file build: the same program runs bundled by
// scripts/dist.sh (static Mono runtime, libferry.a linked in, the generated layer bound to
// "__Internal", with and without AOT) and under the mono command (libferry.so through
// DllImport("ferry")), so the two can be compared. scripts/dist.sh --bench builds the variants
// into target/dist/, runs them, prints the table and writes bench/results/dist.json.
//
//   CallBench.exe dir=PATH [keys=100000] [rounds=7] [noop=20000000] [gets=300000]
//       loads keys key-%012d (100-byte values) into a fresh store at PATH, then prints one
//       JSON line: the best round of each workload in ns per operation, and the run's facts.
//   CallBench.exe startup dir=PATH
//       opens a store, writes and reads one key, exits: what a process start costs.
//
// Workloads: noop = Interop.ferry_version() (the generated P/Invoke, compiled into this
// assembly from generated/csharp/*.g.cs because it is internal); get = Tree.Get(span) -> byte[]
// and tryget = Tree.TryGet into a reused buffer, on random keys (splitmix64, seed 44, as in
// bench/README.md). The best of the rounds is reported, since the slower rounds measure the
// machine's other work rather than the call.

extern alias FerryLib;

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Store = FerryLib::Ferry.Store;
using StoreOptions = FerryLib::Ferry.StoreOptions;
using Tree = FerryLib::Ferry.Tree;
using WriteBatch = FerryLib::Ferry.WriteBatch;

namespace FerryBench.Dist
{
    internal static class CallBench
    {
        private const int KeyLength = 16;
        private const int ValueLength = 100;
        private const ulong GetSeed = 42 + 2;

        private static int Main(string[] args)
        {
            var startup = args.Length > 0 && args[0] == "startup";
            var rest = new string[startup ? args.Length - 1 : args.Length];
            Array.Copy(args, args.Length - rest.Length, rest, 0, rest.Length);
            var options = ParseArgs(rest);
            if (options == null)
            {
                Console.Error.WriteLine("usage: CallBench.exe [startup] dir=PATH [keys=N] [rounds=N] [noop=N] [gets=N]");
                return 2;
            }
            return startup ? Startup(options) : Measure(options);
        }

        private static Dictionary<string, string> ParseArgs(string[] args)
        {
            var values = new Dictionary<string, string>
            {
                { "keys", "100000" }, { "rounds", "7" }, { "noop", "20000000" }, { "gets", "300000" },
            };
            foreach (var arg in args)
            {
                var eq = arg.IndexOf('=');
                if (eq <= 0) return null;
                values[arg.Substring(0, eq)] = arg.Substring(eq + 1);
            }
            return values.ContainsKey("dir") ? values : null;
        }

        private static int Startup(Dictionary<string, string> options)
        {
            using (var store = Store.Open(options["dir"], new StoreOptions { FlushEveryMilliseconds = 0 }))
            {
                var tree = store.DefaultTree;
                tree.Set("key", "value");
                if (tree.GetString("key") != "value") throw new InvalidOperationException("read back a different value");
            }
            return 0;
        }

        private static int Measure(Dictionary<string, string> options)
        {
            var n = ulong.Parse(options["keys"], CultureInfo.InvariantCulture);
            var rounds = int.Parse(options["rounds"], CultureInfo.InvariantCulture);
            var noopCalls = long.Parse(options["noop"], CultureInfo.InvariantCulture);
            var gets = int.Parse(options["gets"], CultureInfo.InvariantCulture);

            var firstCall = Stopwatch.StartNew();
            var version = global::Ferry.Interop.ferry_version(); // P/Invoke binding + wrapper compile
            var firstCallUs = firstCall.Elapsed.TotalMilliseconds * 1000;

            using (var store = Store.Open(options["dir"], new StoreOptions { CacheCapacity = 512L << 20, FlushEveryMilliseconds = 0 }))
            {
                var tree = store.DefaultTree;
                var load = Stopwatch.StartNew();
                Load(store, tree, n);
                var loadSeconds = load.Elapsed.TotalSeconds;

                var keys = new byte[gets * KeyLength];
                var rng = GetSeed;
                for (var i = 0; i < gets; i++) WriteKey(keys, i * KeyLength, SplitMix(ref rng) % n);

                double noop = double.MaxValue, get = double.MaxValue, tryGet = double.MaxValue;
                for (var round = 0; round <= rounds; round++) // round 0 warms up and is not counted
                {
                    var a = Noop(noopCalls);
                    var b = Get(tree, keys, gets);
                    var c = TryGet(tree, keys, gets);
                    if (round == 0) continue;
                    noop = Math.Min(noop, a);
                    get = Math.Min(get, b);
                    tryGet = Math.Min(tryGet, c);
                }

                var json = new StringBuilder("{");
                json.Append("\"noop_ns\":").Append(Format(noop));
                json.Append(",\"get_ns\":").Append(Format(get));
                json.Append(",\"tryget_ns\":").Append(Format(tryGet));
                json.Append(",\"first_call_us\":").Append(Format(firstCallUs));
                json.Append(",\"keys\":").Append(n);
                json.Append(",\"rounds\":").Append(rounds);
                json.Append(",\"noop_calls\":").Append(noopCalls);
                json.Append(",\"gets\":").Append(gets);
                json.Append(",\"load_seconds\":").Append(Format(loadSeconds));
                json.Append(",\"ferry_version\":").Append(version);
                json.Append(",\"suspend\":\"").Append(Environment.GetEnvironmentVariable("MONO_THREADS_SUSPEND") ?? "default").Append('"');
                json.Append('}');
                Console.WriteLine(json.ToString());
            }
            return 0;
        }

        private static void Load(Store store, Tree tree, ulong n)
        {
            var key = new byte[KeyLength];
            var value = new byte[ValueLength];
            for (var i = 0; i < value.Length; i++) value[i] = (byte)('a' + i % 26);
            var batch = new WriteBatch();
            for (ulong i = 0; i < n; i++)
            {
                WriteKey(key, 0, i);
                batch.Set(key, value);
                if (batch.Count == 10000 || i == n - 1)
                {
                    tree.Apply(batch);
                    batch.Dispose();
                    batch = new WriteBatch();
                }
            }
            batch.Dispose();
            store.Flush();
        }

        private static double Noop(long calls)
        {
            ulong sum = 0;
            var watch = Stopwatch.StartNew();
            for (long i = 0; i < calls; i++) sum += global::Ferry.Interop.ferry_version();
            var ns = watch.Elapsed.TotalMilliseconds * 1e6 / calls;
            if (sum == 0) throw new InvalidOperationException("ferry_version returned 0");
            return ns;
        }

        private static double Get(Tree tree, byte[] keys, int count)
        {
            long bytes = 0;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                var value = tree.Get(new ReadOnlySpan<byte>(keys, i * KeyLength, KeyLength));
                bytes += value.Length;
            }
            var ns = watch.Elapsed.TotalMilliseconds * 1e6 / count;
            if (bytes != (long)count * ValueLength) throw new InvalidOperationException("a get missed");
            return ns;
        }

        private static double TryGet(Tree tree, byte[] keys, int count)
        {
            var buffer = new byte[4096];
            long bytes = 0;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                int written;
                if (tree.TryGet(new ReadOnlySpan<byte>(keys, i * KeyLength, KeyLength), buffer, out written)) bytes += written;
            }
            var ns = watch.Elapsed.TotalMilliseconds * 1e6 / count;
            if (bytes != (long)count * ValueLength) throw new InvalidOperationException("a get missed");
            return ns;
        }

        /// <summary>key-%012d, written into <paramref name="into"/> at <paramref name="at"/>.</summary>
        private static void WriteKey(byte[] into, int at, ulong index)
        {
            into[at] = (byte)'k';
            into[at + 1] = (byte)'e';
            into[at + 2] = (byte)'y';
            into[at + 3] = (byte)'-';
            for (var i = KeyLength - 1; i >= 4; i--)
            {
                into[at + i] = (byte)('0' + index % 10);
                index /= 10;
            }
        }

        private static ulong SplitMix(ref ulong state)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        private static string Format(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
