using System;
using System.Buffers;
using System.Collections;
using System.Collections.Generic;

namespace Ferry
{
    internal enum ScanKind
    {
        Range,
        Prefix,
    }

    /// <summary>Reads one entry of a scan in place; return false to stop the scan.</summary>
    /// <param name="key">The entry's key, valid only during the call.</param>
    /// <param name="value">The entry's value, valid only during the call.</param>
    public delegate bool EntryVisitor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    // The packed entry layout, version 1, that ferry_cursor_next writes: per entry a u32
    // key length and a u32 value length, little-endian, then the key and value bytes.
    internal static class PackedLayout
    {
        // The buffer size a scan starts with.
        internal const int BufferSize = 64 * 1024;

        // The bytes before an entry's key.
        internal const int HeaderLength = (int)Interop.FERRY_ENTRY_HEADER_LEN;

        // The little-endian u32 length at `at`.
        internal static int ReadLength(byte[] buffer, int at) =>
            buffer[at] | (buffer[at + 1] << 8) | (buffer[at + 2] << 16) | (buffer[at + 3] << 24);
    }

    // Runs a scan to its end within one call, handing out spans over a per-thread buffer.
    internal static class ScanVisit
    {
        private const int BufferSize = PackedLayout.BufferSize;
        private const int HeaderLength = PackedLayout.HeaderLength;

        [ThreadStatic]
        private static byte[] t_buffer;

        internal static long Run(FerryCursorHandle cursor, long limit, EntryVisitor visitor)
        {
            // Taken from the thread for the call, so a visitor that scans again gets its own.
            var buffer = t_buffer ?? new byte[BufferSize];
            t_buffer = null;
            long visited = 0;
            try
            {
                while (visited != limit)
                {
                    ulong count, used;
                    if (cursor.Next(buffer, out count, out used) == FerryStatus.BufferTooSmall)
                    {
                        buffer = new byte[checked((int)used)];
                        continue;
                    }
                    if (count == 0) break;
                    var at = 0;
                    for (ulong e = 0; e < count; e++)
                    {
                        var keyLength = PackedLayout.ReadLength(buffer, at);
                        var valueLength = PackedLayout.ReadLength(buffer, at + 4);
                        at += HeaderLength;
                        visited++;
                        if (!visitor(new ReadOnlySpan<byte>(buffer, at, keyLength), new ReadOnlySpan<byte>(buffer, at + keyLength, valueLength)))
                            return visited;
                        at += keyLength + valueLength;
                    }
                }
                return visited;
            }
            finally
            {
                if (buffer.Length == BufferSize) t_buffer = buffer;
            }
        }

    }

    // A lazily run scan; each enumeration opens its own native cursor.
    internal sealed class Scan : IEnumerable<KeyValuePair<byte[], byte[]>>
    {
        private readonly Tree _tree;
        private readonly ScanKind _kind;
        private readonly byte[] _start;
        private readonly byte[] _end;
        private readonly bool _reverse;
        private readonly long _limit;

        internal Scan(Tree tree, ScanKind kind, byte[] start, byte[] end, bool reverse, long limit)
        {
            _tree = tree;
            _kind = kind;
            // Copied: the caller may change its arrays before enumerating.
            _start = start == null ? null : (byte[])start.Clone();
            _end = end == null ? null : (byte[])end.Clone();
            _reverse = reverse;
            _limit = limit;
        }

        public IEnumerator<KeyValuePair<byte[], byte[]>> GetEnumerator() =>
            new ScanEnumerator(_tree, _tree.OpenCursor(_kind, _start, _end, _reverse, _limit));

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // Reads entries from a native cursor in batches: each ferry_cursor_next call fills a
    // pooled buffer with as many packed entries as fit (layout version 1: u32 key length,
    // u32 value length, little-endian, then the key and value bytes). A library with another
    // layout would fail the API hash check in Interop's static constructor first.
    // One thread at a time, like any enumerator: its position in the buffer is not
    // synchronised; two threads' reads of the native cursor that overlap make one throw
    // InvalidOperationException (FERRY_STATUS_BUSY) instead of racing in native
    // code.
    internal sealed class ScanEnumerator : IEnumerator<KeyValuePair<byte[], byte[]>>, IStoreChild
    {
        private const int BufferSize = PackedLayout.BufferSize;
        private const int HeaderLength = PackedLayout.HeaderLength;

        private readonly Tree _tree;
        private readonly FerryCursorHandle _cursor;
        private readonly long _registration;
        private byte[] _buffer;
        private int _offset;
        private int _remaining;
        private bool _finished;
        private KeyValuePair<byte[], byte[]> _current;

        internal ScanEnumerator(Tree tree, FerryCursorHandle cursor)
        {
            _tree = tree;
            _cursor = cursor;
            _registration = tree.Store.Track(this);
            if (_registration < 0)
            {
                cursor.Dispose();
                throw new ObjectDisposedException(nameof(Store), "The store was disposed.");
            }
            _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        }

        public KeyValuePair<byte[], byte[]> Current => _current;

        object IEnumerator.Current => _current;

        public bool MoveNext()
        {
            if (_finished) return false;
            if (_cursor.IsClosed) throw new ObjectDisposedException(nameof(Tree), "The scan's store was disposed.");
            if (_remaining == 0 && !Refill())
            {
                _finished = true;
                Dispose();
                return false;
            }
            var keyLength = PackedLayout.ReadLength(_buffer, _offset);
            var valueLength = PackedLayout.ReadLength(_buffer, _offset + 4);
            var at = _offset + HeaderLength;
            var key = new byte[keyLength];
            var value = new byte[valueLength];
            Buffer.BlockCopy(_buffer, at, key, 0, keyLength);
            Buffer.BlockCopy(_buffer, at + keyLength, value, 0, valueLength);
            _offset = at + keyLength + valueLength;
            _remaining--;
            _current = new KeyValuePair<byte[], byte[]>(key, value);
            return true;
        }

        // Reads the next batch of entries; false at the end of the scan.
        private bool Refill()
        {
            while (true)
            {
                ulong count, used;
                var status = _cursor.Next(_buffer, out count, out used);
                if (status == FerryStatus.BufferTooSmall)
                {
                    // One entry is larger than the buffer: grow to fit it and ask again.
                    ArrayPool<byte>.Shared.Return(_buffer);
                    _buffer = null;
                    _buffer = ArrayPool<byte>.Shared.Rent(checked((int)used));
                    continue;
                }
                _offset = 0;
                _remaining = (int)count;
                return count > 0;
            }
        }

        public void Reset() => throw new NotSupportedException("A scan cannot be rewound; enumerate it again.");

        // Called by Store.Dispose, maybe from another thread: closes the cursor only, and leaves
        // the buffer to this enumerator's owner, who may be reading it right now.
        void IStoreChild.CloseFromStore() => _cursor.Dispose();

        public void Dispose()
        {
            _cursor.Dispose();
            var buffer = _buffer;
            _buffer = null;
            if (buffer != null) ArrayPool<byte>.Shared.Return(buffer);
            _tree.Store.Untrack(_registration);
        }
    }
}
