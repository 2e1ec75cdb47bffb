using System;
using System.IO;

namespace Ferry.Server
{
    /// <summary>
    /// Reads a request body up to --max-body-bytes: a Content-Length over the limit is refused
    /// before reading, and a chunked body is counted as it arrives. A refused body is drained (up
    /// to <see cref="DrainLimit"/>) so the client can read the 413; beyond that the connection is
    /// closed after the response.
    /// </summary>
    internal static class BodyReader
    {
        /// <summary>The most bytes read and thrown away after refusing a body.</summary>
        public const long DrainLimit = 4 * 1024 * 1024;

        private const int ChunkSize = 16 * 1024;

        /// <summary>The body, as bytes [0, length) of the returned array.</summary>
        public static byte[] Read(Exchange x, long max, out int length)
        {
            var request = x.Request;
            length = 0;
            if (!request.HasEntityBody) return new byte[0];
            var declared = request.ContentLength64;
            var input = request.InputStream;
            if (declared > max)
            {
                Drain(x, input, declared <= DrainLimit);
                throw ApiException.PayloadTooLarge(max);
            }
            if (declared >= 0)
            {
                var body = new byte[declared];
                while (length < body.Length)
                {
                    var n = ReadSome(input, body, length, body.Length - length);
                    if (n == 0) throw new ClientGoneException(new EndOfStreamException($"the body ended after {length} of {declared} bytes"));
                    length += n;
                }
                return body;
            }
            // Chunked: grow as it comes, refuse at max + 1.
            var buffer = new byte[ChunkSize];
            while (true)
            {
                if (buffer.Length - length < ChunkSize) Array.Resize(ref buffer, (int)Math.Min(Math.Max(buffer.Length * 2L, length + ChunkSize), max + ChunkSize + 1));
                var n = ReadSome(input, buffer, length, (int)Math.Min(buffer.Length - length, max + 1 - length));
                if (n == 0) return buffer;
                length += n;
                if (length > max)
                {
                    Drain(x, input, true);
                    throw ApiException.PayloadTooLarge(max);
                }
            }
        }

        /// <summary>Reads and discards what is left, up to the drain limit; else asks to close the connection.</summary>
        private static void Drain(Exchange x, Stream input, bool tryDrain)
        {
            if (tryDrain)
            {
                var scratch = new byte[ChunkSize];
                long drained = 0;
                try
                {
                    int n;
                    while (drained <= DrainLimit && (n = input.Read(scratch, 0, scratch.Length)) > 0) drained += n;
                    if (drained <= DrainLimit) return; // all read: the connection can be kept
                }
                catch (Exception e) when (Exchange.IsConnectionError(e))
                {
                    // Fall through: close it.
                }
            }
            x.Response.KeepAlive = false;
        }

        private static int ReadSome(Stream input, byte[] buffer, int offset, int count)
        {
            try
            {
                return input.Read(buffer, offset, count);
            }
            catch (Exception e) when (Exchange.IsConnectionError(e))
            {
                throw new ClientGoneException(e);
            }
        }
    }
}
