// QuickBench.cs: the C# half of scripts/quick-bench.sh. Times Ferry's point get and 10-item
// scan through the public .NET API on the store that `ferry-quick-bench build` wrote, with the
// same keys, lookups and rounds as bench/quick/rust/src/main.rs, and prints one "name value"
// line per figure.
//
//   mcs -langversion:7.2 -optimize+ -r:Ferry.dll -out:QuickBench.exe QuickBench.cs
//   mono QuickBench.exe STORE_DIRECTORY
using System;
using System.Diagnostics;
using Ferry;

internal static class QuickBench
{
    private const int Keys = 100000;
    private const int Rounds = 5;     // timed rounds; the median is reported, after one warm-up
    private const int Gets = 100000;  // point gets per round
    private const int Scans = 20000;  // 10-item scans per round
    private const int ScanLength = 10;

    private static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: QuickBench.exe STORE_DIRECTORY");
            return 2;
        }
        using (var store = Store.Open(args[0]))
        {
            var tree = store.DefaultTree;
            var keys = MakeKeys();
            var gets = Pick(keys, 2, Gets);
            var scans = Pick(keys, 3, Scans);
            var buffer = new byte[256];

            long getBytes = 0, tryGetBytes = 0, entries = 0;
            var getNs = Time(Gets, () =>
            {
                long bytes = 0;
                foreach (var key in gets)
                {
                    var value = tree.Get(key);
                    if (value != null) bytes += value.Length;
                }
                return bytes;
            }, out getBytes);
            var tryGetNs = Time(Gets, () =>
            {
                long bytes = 0;
                foreach (var key in gets)
                {
                    int written;
                    if (tree.TryGet(key, buffer, out written)) bytes += written;
                }
                return bytes;
            }, out tryGetBytes);
            var scanNs = Time(Scans, () =>
            {
                long count = 0;
                foreach (var key in scans)
                    foreach (var entry in tree.Range(key, null, false, ScanLength))
                        count++;
                return count;
            }, out entries);

            Console.WriteLine($"get_ns {getNs:F0}");
            Console.WriteLine($"tryget_ns {tryGetNs:F0}");
            Console.WriteLine($"scan10_ns {scanNs:F0}");
            Console.WriteLine($"check get_bytes {getBytes} tryget_bytes {tryGetBytes} scan_entries {entries}");
        }
        return 0;
    }

    /// <summary>Median nanoseconds per operation over the timed rounds; sum is the last round's result.</summary>
    private static double Time(int n, Func<long> op, out long sum)
    {
        op(); // warm-up: JIT, caches
        var perOp = new double[Rounds];
        sum = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            sum = op();
            watch.Stop();
            perOp[round] = watch.Elapsed.TotalMilliseconds * 1e6 / n;
        }
        Array.Sort(perOp);
        return perOp[Rounds / 2];
    }

    /// <summary>The store's keys: two SplitMix64 outputs (seed 1), little-endian, as the Rust side makes them.</summary>
    private static byte[][] MakeKeys()
    {
        var rng = new SplitMix64(1);
        var keys = new byte[Keys][];
        for (var i = 0; i < Keys; i++)
        {
            var key = new byte[16];
            PutLittleEndian(key, 0, rng.Next());
            PutLittleEndian(key, 8, rng.Next());
            keys[i] = key;
        }
        return keys;
    }

    private static byte[][] Pick(byte[][] keys, ulong seed, int count)
    {
        var rng = new SplitMix64(seed);
        var picks = new byte[count][];
        for (var i = 0; i < count; i++) picks[i] = keys[(int)(rng.Next() % (ulong)keys.Length)];
        return picks;
    }

    private static void PutLittleEndian(byte[] bytes, int at, ulong x)
    {
        for (var i = 0; i < 8; i++) bytes[at + i] = (byte)(x >> (8 * i));
    }

    private struct SplitMix64
    {
        private ulong _state;

        public SplitMix64(ulong seed) { _state = seed; }

        public ulong Next()
        {
            unchecked
            {
                _state += 0x9E3779B97F4A7C15UL;
                var z = _state;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
                return z ^ (z >> 31);
            }
        }
    }
}
