using System;

namespace Ferry
{
    /// <summary>
    /// Writes collected to be applied atomically to one tree with <see cref="Tree.Apply(WriteBatch)"/>:
    /// after a crash, either all of them are visible or none. Later writes to the same key win.
    /// Dispose it when done.
    /// </summary>
    /// <remarks>
    /// A batch takes one call at a time. It may be used from any thread, but a call on it
    /// (<see cref="Set(ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>, <see cref="Remove(ReadOnlySpan{byte})"/>,
    /// <see cref="Count"/>, <see cref="Tree.Apply(WriteBatch)"/>) made while another thread's
    /// call on the same batch is in progress throws <see cref="InvalidOperationException"/> and
    /// changes nothing; its <see cref="Exception.InnerException"/> is the
    /// <see cref="FerryException"/> with status <see cref="FerryStatus.Busy"/> and the native
    /// message. Share a batch between threads only with a lock of your own.
    /// </remarks>
    public sealed class WriteBatch : IDisposable
    {
        private readonly FerryBatchHandle _handle;

        /// <summary>An empty batch.</summary>
        public WriteBatch()
        {
            FerryBatchHandle handle;
            FerryBatchHandle.New(out handle);
            _handle = handle;
        }

        internal FerryBatchHandle Live()
        {
            if (_handle.IsClosed) throw new ObjectDisposedException(nameof(WriteBatch));
            return _handle;
        }

        /// <summary>Adds a write of <paramref name="value"/> at <paramref name="key"/>.</summary>
        /// <exception cref="ArgumentException">The key or value is too long.</exception>
        /// <exception cref="InvalidOperationException">Another thread's call on this batch is in progress (nothing was added).</exception>
        public WriteBatch Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
        {
            Limits.CheckKey(key, nameof(key));
            Limits.CheckValue(value, nameof(value));
            Live().Insert(key, value);
            return this;
        }

        /// <summary>Adds a write of <paramref name="value"/> at <paramref name="key"/>.</summary>
        public WriteBatch Set(byte[] key, byte[] value) =>
            Set(new ReadOnlySpan<byte>(Limits.NotNull(key, nameof(key))), new ReadOnlySpan<byte>(Limits.NotNull(value, nameof(value))));

        /// <summary>Adds a write of the UTF-8 <paramref name="value"/> at the UTF-8 <paramref name="key"/>.</summary>
        public WriteBatch Set(string key, string value) =>
            Set(new ReadOnlySpan<byte>(Limits.Encode(key, nameof(key))), new ReadOnlySpan<byte>(Limits.Encode(value, nameof(value))));

        /// <summary>Adds a write of <paramref name="value"/> at the UTF-8 <paramref name="key"/>.</summary>
        public WriteBatch Set(string key, byte[] value) =>
            Set(new ReadOnlySpan<byte>(Limits.Encode(key, nameof(key))), new ReadOnlySpan<byte>(Limits.NotNull(value, nameof(value))));

        /// <summary>Adds a removal of <paramref name="key"/> (not an error if it is absent when applied).</summary>
        /// <exception cref="ArgumentException">The key is too long.</exception>
        /// <exception cref="InvalidOperationException">Another thread's call on this batch is in progress (nothing was added).</exception>
        public WriteBatch Remove(ReadOnlySpan<byte> key)
        {
            Limits.CheckKey(key, nameof(key));
            Live().Remove(key);
            return this;
        }

        /// <summary>Adds a removal of <paramref name="key"/>.</summary>
        public WriteBatch Remove(byte[] key) => Remove(new ReadOnlySpan<byte>(Limits.NotNull(key, nameof(key))));

        /// <summary>Adds a removal of the UTF-8 <paramref name="key"/>.</summary>
        public WriteBatch Remove(string key) => Remove(new ReadOnlySpan<byte>(Limits.Encode(key, nameof(key))));

        /// <summary>The number of writes added since the batch was created or last applied.</summary>
        /// <exception cref="InvalidOperationException">Another thread's call on this batch is in progress.</exception>
        public int Count
        {
            get
            {
                ulong count;
                Live().Len(out count);
                return (int)count;
            }
        }

        /// <summary>Releases the batch's native memory. Disposing twice is harmless.</summary>
        public void Dispose() => _handle.Dispose();
    }
}
