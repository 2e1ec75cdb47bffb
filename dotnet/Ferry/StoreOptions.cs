using System;

namespace Ferry
{
    /// <summary>
    /// How <see cref="Store.Open(string, StoreOptions)"/> opens a store. The defaults match
    /// ferry-core's: a 64 MiB cache, a background flush every 500 ms, files kept.
    /// </summary>
    public sealed class StoreOptions
    {
        /// <summary>The smallest <see cref="CacheCapacity"/> the engine accepts: 256 bytes.</summary>
        public const long MinCacheCapacity = 256;

        /// <summary>Bytes of memory the page cache may use; at least <see cref="MinCacheCapacity"/>. Default: 64 MiB.</summary>
        public long CacheCapacity { get; set; } = 64L * 1024 * 1024;

        /// <summary>
        /// Milliseconds between background flushes, or 0 to disable them. Default: 500.
        /// Background flushes narrow what a crash can lose; only <see cref="Store.Flush"/> is a promise.
        /// </summary>
        public int FlushEveryMilliseconds { get; set; } = 500;

        /// <summary>Delete the store's files when it is closed. Default: false.</summary>
        public bool Temporary { get; set; }

        internal FerryOptions ToNative()
        {
            if (CacheCapacity < MinCacheCapacity)
                throw new ArgumentOutOfRangeException(nameof(CacheCapacity), CacheCapacity, $"The cache capacity must be at least {MinCacheCapacity} bytes.");
            if (FlushEveryMilliseconds < 0)
                throw new ArgumentOutOfRangeException(nameof(FlushEveryMilliseconds), FlushEveryMilliseconds, "Use 0 to disable background flushes.");
            return new FerryOptions
            {
                cache_capacity = (ulong)CacheCapacity,
                flush_every_ms = (ulong)FlushEveryMilliseconds,
                temporary = (byte)(Temporary ? 1 : 0),
            };
        }
    }

    /// <summary>Figures about a store, from <see cref="Store.GetStats"/>.</summary>
    public struct StoreStats
    {
        /// <summary>Entries in all trees together.</summary>
        public long Entries { get; }

        /// <summary>Number of trees, counting the default tree.</summary>
        public int Trees { get; }

        /// <summary>Bytes the store's files take on disk.</summary>
        public long SizeOnDisk { get; }

        internal StoreStats(FerryStats native)
        {
            Entries = (long)native.entries;
            Trees = (int)native.trees;
            SizeOnDisk = (long)native.size_on_disk;
        }

        /// <summary>The figures as text, for logs.</summary>
        public override string ToString() => $"{Entries} entries in {Trees} trees, {SizeOnDisk} bytes on disk";
    }
}
