// What the C# harnesses (Bench.cs over Ferry.dll, SqliteBench.cs over Mono.Data.Sqlite) share:
// the key sequence, argument parsing, timing and the stdin/stdout protocol of bench/README.md.
// C# 7.2 (Mono's mcs).

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace FerryBench
{
    /// <summary>splitmix64, as in every harness.</summary>
    internal sealed class Rng
    {
        private ulong _state;

        internal Rng(ulong seed)
        {
            _state = seed;
        }

        internal ulong Below(ulong n)
        {
            _state += 0x9E3779B97F4A7C15UL;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (z ^ (z >> 31)) % n;
        }
    }

    /// <summary>Both clocks of a timed loop: the wall clock (a Stopwatch) and the process's CPU time.</summary>
    internal struct Clocks
    {
        private readonly long _cpu;
        private readonly Stopwatch _watch;

        private Clocks(long cpu, Stopwatch watch)
        {
            _cpu = cpu;
            _watch = watch;
        }

        internal static Clocks Start()
        {
            var cpu = CpuClock.Nanoseconds();
            return new Clocks(cpu, Stopwatch.StartNew());
        }

        /// <summary>Stops both clocks: the answer for <paramref name="ops"/> operations.</summary>
        internal Timing Stop(long ops)
        {
            _watch.Stop();
            var cpu = CpuClock.Nanoseconds() - _cpu;
            return new Timing { Ops = ops, Nanoseconds = _watch.ElapsedTicks * (1e9 / Stopwatch.Frequency), CpuNanoseconds = cpu };
        }
    }

    /// <summary>A workload's answer: the operations timed, and the wall and CPU nanoseconds they took.</summary>
    internal struct Timing
    {
        internal long Ops;
        internal double Nanoseconds;
        internal long CpuNanoseconds;
    }

    /// <summary>
    /// CPU time of the whole process (all threads): unlike the wall clock, it does not count the
    /// time other processes on a shared machine take from this one. Linux only, as the benchmark.
    /// </summary>
    internal static class CpuClock
    {
        private const int ClockProcessCputimeId = 2;

        [StructLayout(LayoutKind.Sequential)]
        private struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int clock_gettime(int clock, out Timespec time);

        internal static long Nanoseconds()
        {
            Timespec t;
            if (clock_gettime(ClockProcessCputimeId, out t) != 0) throw new BenchException("clock_gettime failed");
            return t.Seconds * 1000000000L + t.Nanoseconds;
        }
    }

    /// <summary>The failure of a workload, reported as an error line rather than a crash.</summary>
    internal sealed class BenchException : Exception
    {
        internal BenchException(string message) : base(message) { }
    }

    internal static class Common
    {
        internal const int ValueLength = 100;
        internal const int KeyLength = 16;
        internal const int BatchSize = 1000;
        internal const int LoadBatch = 10000;
        internal const ulong Seed = 42;
        internal const long CacheBytes = 512L << 20;
        internal const int MaxWriters = 16;

        /// <summary>The writer count of a group-commit command durable_wN (1 to 16), or 0.</summary>
        internal static int Writers(string workload)
        {
            int n;
            if (!workload.StartsWith("durable_w", StringComparison.Ordinal)) return 0;
            var digits = workload.Substring("durable_w".Length);
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out n)) return 0;
            return n >= 1 && n <= MaxWriters ? n : 0;
        }

        /// <summary>
        /// Group commit: <paramref name="writers"/> threads share <paramref name="ops"/> commits (the first
        /// ops % writers one more), each with keys of its own stream drawn before the clocks start, calling
        /// <paramref name="commit"/>(thread, keys, offset) for each; the clocks run from the threads' common
        /// start to the last one's end. The first failure is thrown as a BenchException.
        /// </summary>
        internal static Timing GroupCommit(Keys keys, int writers, long ops, Action<int, byte[], int> commit)
        {
            var shares = new byte[writers][];
            for (var t = 0; t < writers; t++) shares[t] = keys.DrawWriter(writers, t, ops / writers + (t < ops % writers ? 1 : 0));
            var failures = new Exception[writers];
            var start = new System.Threading.Barrier(writers + 1);
            var threads = new System.Threading.Thread[writers];
            for (var t = 0; t < writers; t++)
            {
                var thread = t;
                threads[t] = new System.Threading.Thread(() =>
                {
                    start.SignalAndWait();
                    try
                    {
                        var share = shares[thread];
                        for (var at = 0; at < share.Length; at += KeyLength) commit(thread, share, at);
                    }
                    catch (Exception e)
                    {
                        failures[thread] = e;
                    }
                });
                threads[t].Start();
            }
            start.SignalAndWait();
            var clocks = Clocks.Start();
            foreach (var thread in threads) thread.Join();
            var timing = clocks.Stop(ops);
            start.Dispose();
            for (var t = 0; t < writers; t++)
                if (failures[t] != null) throw new BenchException("writer " + t + ": " + failures[t].Message);
            return timing;
        }

        /// <summary>The key stream id of a workload, or 0 if it draws no keys (bench/README.md).</summary>
        internal static ulong StreamId(string workload)
        {
            switch (workload)
            {
                case "get":
                case "get_span":
                    return 2;
                case "range10":
                case "range10_visit":
                    return 3;
                case "insert": return 5;
                case "batch_insert": return 6;
                case "durable": return 7;
                default: return 0;
            }
        }

        /// <summary>key-%012d into <paramref name="into"/> at <paramref name="at"/>.</summary>
        internal static void MakeKey(ulong i, byte[] into, int at)
        {
            into[at] = (byte)'k';
            into[at + 1] = (byte)'e';
            into[at + 2] = (byte)'y';
            into[at + 3] = (byte)'-';
            for (var d = KeyLength - 1; d >= 4; d--)
            {
                into[at + d] = (byte)('0' + (int)(i % 10));
                i /= 10;
            }
        }

        internal static byte[] Filled(byte b)
        {
            var value = new byte[ValueLength];
            for (var i = 0; i < value.Length; i++) value[i] = b;
            return value;
        }

        /// <summary>NAME=VALUE arguments.</summary>
        internal static Dictionary<string, string> Args(string[] args, string who)
        {
            var values = new Dictionary<string, string>();
            foreach (var arg in args)
            {
                var eq = arg.IndexOf('=');
                if (eq <= 0) Die(who, "argument '" + arg + "' is not NAME=VALUE");
                values[arg.Substring(0, eq)] = arg.Substring(eq + 1);
            }
            string dir, keys;
            ulong n;
            if (!values.TryGetValue("dir", out dir) || !values.TryGetValue("keys", out keys)
                || !ulong.TryParse(keys, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n == 0)
                Die(who, "usage: mono " + who + ".exe dir=PATH keys=N");
            return values;
        }

        internal static void Die(string who, string message)
        {
            Console.Error.WriteLine(who + ": " + message);
            Environment.Exit(2);
        }

        internal static string MonoVersion()
        {
            var mono = Type.GetType("Mono.Runtime");
            var display = mono?.GetMethod("GetDisplayName", BindingFlags.NonPublic | BindingFlags.Static);
            return display == null ? Environment.Version.ToString() : (string)display.Invoke(null, null);
        }

        internal static string Suspend() => Environment.GetEnvironmentVariable("MONO_THREADS_SUSPEND") ?? "default";

        internal static string Json(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

        internal static string Num(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
    }

    /// <summary>The per-workload key streams and the scratch array holding the keys of one run.</summary>
    internal sealed class Keys
    {
        private readonly Dictionary<string, Rng> _streams = new Dictionary<string, Rng>();
        private readonly ulong _n;
        private byte[] _buffer = new byte[0];

        internal Keys(ulong n)
        {
            _n = n;
        }

        /// <summary>
        /// Draws <paramref name="count"/> keys for writer <paramref name="thread"/> (0-based) of the group-commit
        /// command durable_w<paramref name="writers"/>, from its own stream (seed 42 + 10 * writers + thread), into a new array.
        /// </summary>
        internal byte[] DrawWriter(int writers, int thread, long count)
        {
            var name = "durable_w" + writers + "#" + thread;
            Rng rng;
            if (!_streams.TryGetValue(name, out rng)) _streams[name] = rng = new Rng(Common.Seed + (ulong)(10 * writers + thread));
            var keys = new byte[count * Common.KeyLength];
            for (long i = 0; i < count; i++) Common.MakeKey(rng.Below(_n), keys, (int)(i * Common.KeyLength));
            return keys;
        }

        /// <summary>Draws <paramref name="count"/> keys of the workload's stream, back to back, before the clock starts.</summary>
        internal byte[] Draw(string workload, long count)
        {
            var id = Common.StreamId(workload);
            if (id == 0) return _buffer;
            Rng rng;
            if (!_streams.TryGetValue(workload, out rng)) _streams[workload] = rng = new Rng(Common.Seed + id);
            if (_buffer.Length < count * Common.KeyLength) _buffer = new byte[count * Common.KeyLength];
            for (long i = 0; i < count; i++) Common.MakeKey(rng.Below(_n), _buffer, (int)(i * Common.KeyLength));
            return _buffer;
        }
    }

    /// <summary>Answers "run WORKLOAD OPS" and "quit" lines from stdin, one JSON line each on stdout.</summary>
    internal static class Protocol
    {
        internal static void Serve(Func<string, long, Timing> run)
        {
            var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
            Console.SetOut(stdout);
            string line;
            while ((line = Console.In.ReadLine()) != null)
            {
                var words = line.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 1 && words[0] == "quit") break;
                long ops;
                if (words.Length == 3 && words[0] == "run" && long.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out ops))
                {
                    try
                    {
                        var t = run(words[1], ops);
                        stdout.WriteLine("{\"workload\":" + Common.Json(words[1]) + ",\"ops\":" + t.Ops + ",\"ns\":" + Common.Num(t.Nanoseconds) + ",\"cpu_ns\":" + t.CpuNanoseconds + "}");
                    }
                    catch (BenchException e)
                    {
                        stdout.WriteLine("{\"error\":" + Common.Json(e.Message) + "}");
                    }
                }
                else
                {
                    stdout.WriteLine("{\"error\":\"bad command\"}");
                }
                stdout.Flush();
            }
        }

        internal static void Ready(string impl, ulong keys, double loadSeconds, string extra)
        {
            Console.Out.WriteLine("{\"ready\":true,\"impl\":" + Common.Json(impl) + ",\"keys\":" + keys
                + ",\"load_seconds\":" + Common.Num(loadSeconds) + ",\"runtime\":" + Common.Json(Common.MonoVersion())
                + ",\"suspend\":" + Common.Json(Common.Suspend()) + extra + "}");
            Console.Out.Flush();
        }

        internal static void Bye()
        {
            Console.Out.WriteLine("{\"bye\":true}");
            Console.Out.Flush();
        }
    }
}
