// Candidate fixes for the C# scan path, measured side by side by ScanCost.cs: a copy of
// dotnet/Ferry/Scan.cs's ScanEnumerator whose changes can be switched on one at a time, and a
// span visitor that reads entries in place. Prototype only: the proposed library change is
// bench/proto/scan.patch.

using System;
using System.Buffers;
using System.Collections.Generic;
using Ferry;

namespace FerryBench
{
    [Flags]
    internal enum Fix
    {
        None = 0,
        /// <summary>Stop after `limit` entries instead of asking the cursor for more.</summary>
        StopAtLimit = 1,
        /// <summary>Dispose only once (foreach disposes again after MoveNext already did).</summary>
        DisposeOnce = 2,
        /// <summary>Do not register the enumerator with its store (measures that cost only).</summary>
        NoTrack = 4,
        /// <summary>A per-thread 64 KiB buffer instead of ArrayPool rent/return (measures that cost).</summary>
        NoPool = 8,
    }

    /// <summary>A copy of Ferry's ScanEnumerator with switchable changes.</summary>
    internal sealed class ProtoScanEnumerator : IEnumerator<KeyValuePair<byte[], byte[]>>, IStoreChild
    {
        private const int BufferSize = 64 * 1024;
        private const int HeaderLength = (int)Interop.FERRY_ENTRY_HEADER_LEN;

        [ThreadStatic]
        private static byte[] t_buffer;

        private readonly Tree _tree;
        private readonly FerryCursorHandle _cursor;
        private readonly Fix _fix;
        private readonly long _limit;
        private readonly long _registration = -1;
        private long _returned;
        private byte[] _buffer;
        private int _offset;
        private int _remaining;
        private bool _finished;
        private bool _disposed;
        private KeyValuePair<byte[], byte[]> _current;

        internal ProtoScanEnumerator(Tree tree, byte[] start, long limit, Fix fix)
        {
            _tree = tree;
            _fix = fix;
            _limit = limit;
            FerryCursorHandle.Open(out _cursor, tree.Handle, start, Interop.FERRY_BOUND_INCLUDED, (byte[])null,
                Interop.FERRY_BOUND_UNBOUNDED, 0, limit < 0 ? Interop.FERRY_NO_LIMIT : (ulong)limit);
            if ((fix & Fix.NoTrack) == 0 && (_registration = tree.Store.Track(this)) < 0)
            {
                _cursor.Dispose();
                throw new ObjectDisposedException(nameof(Store));
            }
            _buffer = (fix & Fix.NoPool) != 0
                ? t_buffer ?? (t_buffer = new byte[BufferSize])
                : ArrayPool<byte>.Shared.Rent(BufferSize);
        }

        public KeyValuePair<byte[], byte[]> Current => _current;

        object System.Collections.IEnumerator.Current => _current;

        public bool MoveNext()
        {
            if (_finished) return false;
            if (_cursor.IsClosed) throw new ObjectDisposedException(nameof(Tree));
            if ((_fix & Fix.StopAtLimit) != 0 && _limit >= 0 && _returned == _limit || _remaining == 0 && !Refill())
            {
                _finished = true;
                Dispose();
                return false;
            }
            var keyLength = ReadLength(_offset);
            var valueLength = ReadLength(_offset + 4);
            var at = _offset + HeaderLength;
            var key = new byte[keyLength];
            var value = new byte[valueLength];
            Buffer.BlockCopy(_buffer, at, key, 0, keyLength);
            Buffer.BlockCopy(_buffer, at + keyLength, value, 0, valueLength);
            _offset = at + keyLength + valueLength;
            _remaining--;
            _returned++;
            _current = new KeyValuePair<byte[], byte[]>(key, value);
            return true;
        }

        private bool Refill()
        {
            ulong count, used;
            _cursor.Next(_buffer, out count, out used);
            _offset = 0;
            _remaining = (int)count;
            return count > 0;
        }

        private int ReadLength(int at) =>
            _buffer[at] | (_buffer[at + 1] << 8) | (_buffer[at + 2] << 16) | (_buffer[at + 3] << 24);

        public void Reset() => throw new NotSupportedException();

        void IStoreChild.CloseFromStore() => _cursor.Dispose();

        public void Dispose()
        {
            if ((_fix & Fix.DisposeOnce) != 0)
            {
                if (_disposed) return;
                _disposed = true;
            }
            _cursor.Dispose();
            var buffer = _buffer;
            _buffer = null;
            if (buffer != null && (_fix & Fix.NoPool) == 0) ArrayPool<byte>.Shared.Return(buffer);
            if ((_fix & Fix.NoTrack) == 0) _tree.Store.Untrack(_registration);
        }
    }

    /// <summary>Reads one entry in place; return false to stop the scan.</summary>
    internal delegate bool EntryVisitor(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    internal static class SpanScan
    {
        [ThreadStatic]
        private static byte[] t_buffer;

        /// <summary>
        /// The proposed allocation-free scan: entries are handed to <paramref name="visitor"/> as
        /// spans over the packed buffer, valid during the call only. Returns the entries visited.
        /// </summary>
        internal static long Visit(Tree tree, byte[] start, long limit, EntryVisitor visitor)
        {
            var buffer = t_buffer ?? (t_buffer = new byte[64 * 1024]);
            FerryCursorHandle cursor;
            FerryCursorHandle.Open(out cursor, tree.Handle, start, Interop.FERRY_BOUND_INCLUDED, (byte[])null,
                Interop.FERRY_BOUND_UNBOUNDED, 0, limit < 0 ? Interop.FERRY_NO_LIMIT : (ulong)limit);
            long visited = 0;
            try
            {
                while (limit < 0 || visited < limit)
                {
                    ulong count, used;
                    cursor.Next(buffer, out count, out used);
                    if (count == 0) break;
                    var at = 0;
                    for (ulong e = 0; e < count; e++)
                    {
                        var k = buffer[at] | buffer[at + 1] << 8 | buffer[at + 2] << 16 | buffer[at + 3] << 24;
                        var v = buffer[at + 4] | buffer[at + 5] << 8 | buffer[at + 6] << 16 | buffer[at + 7] << 24;
                        visited++;
                        if (!visitor(new ReadOnlySpan<byte>(buffer, at + 8, k), new ReadOnlySpan<byte>(buffer, at + 8 + k, v)))
                            return visited;
                        at += 8 + k + v;
                    }
                }
                return visited;
            }
            finally
            {
                cursor.Dispose();
            }
        }
    }
}
