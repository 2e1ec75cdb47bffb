using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Ferry.Server
{
    /// <summary>/api/data and /api/data/{key}: list, read, write, delete documents.</summary>
    internal sealed class DataHandlers
    {
        /// <summary>How much of a limited page is buffered to learn its last key before sending.</summary>
        internal const int PageBufferBytes = 512 * 1024;

        private static readonly byte[] EmptyArray = Encoding.ASCII.GetBytes("[]");

        private readonly App _app;

        public DataHandlers(App app)
        {
            _app = app;
        }

        private Tree Tree => _app.Documents;

        /// <summary>GET /api/data/{key}: the stored document, byte for byte.</summary>
        public void Get(Exchange x, byte[] key, string keyText)
        {
            var value = Tree.Get(key);
            if (value == null) throw ApiException.NotFound($"no document with key '{keyText}'");
            x.Send(200, Exchange.JsonType, value);
        }

        /// <summary>POST or PUT /api/data/{key}: validates the body as JSON and stores it (durably, unless --durability relaxed).</summary>
        public void Put(Exchange x, byte[] key, string keyText, string rawSegment)
        {
            int length;
            var body = BodyReader.Read(x, _app.MaxBodyBytes, out length);
            var start = 0;
            if (length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF) start = 3; // a UTF-8 BOM is not stored
            var problem = JsonValidator.Check(body, start, length);
            if (problem != null) throw ApiException.InvalidJson("the body is not valid JSON: " + problem);
            var created = Upsert(key, new ReadOnlySpan<byte>(body, start, length - start));
            _app.Commits.Commit();
            if (created) x.AddHeader("Location", "/api/data/" + rawSegment);
            x.Send(created ? 201 : 200, Exchange.JsonType, JsonOut.Written(keyText, created));
        }

        /// <summary>
        /// Stores <paramref name="value"/> and says whether the key was new, atomically: the
        /// library's Set does not report a previous value, so this uses compare-and-swap.
        /// </summary>
        private bool Upsert(byte[] key, ReadOnlySpan<byte> value)
        {
            while (true)
            {
                if (Tree.CompareAndSwap(key, ReadOnlySpan<byte>.Empty, false, value, true)) return true;
                var current = Tree.Get(key);
                if (current == null) continue; // deleted meanwhile: try to create again
                if (Tree.CompareAndSwap(key, current, true, value, true)) return false;
            }
        }

        /// <summary>DELETE /api/data/{key} (durably, unless --durability relaxed).</summary>
        public void Delete(Exchange x, byte[] key, string keyText)
        {
            if (!Tree.Remove(key)) throw ApiException.NotFound($"no document with key '{keyText}'");
            _app.Commits.Commit();
            x.SendEmpty(204);
        }

        /// <summary>
        /// GET /api/data: a JSON array of {"key","value"} written while the scan runs. Without a
        /// limit it streams from the first entry. With one, the X-Next-After header must precede
        /// the body, so the page is buffered up to <see cref="PageBufferBytes"/>; a larger page
        /// keeps scanning keys only to find its last one, sends the buffered part, then streams the
        /// rest with a second scan bounded by that key.
        /// </summary>
        public void List(Exchange x)
        {
            var q = ListQuery.Parse(x.Query);
            if (q.IsEmpty)
            {
                x.Send(200, Exchange.JsonType, EmptyArray);
                return;
            }
            if (q.Limit < 0)
            {
                WriteStreamed(x, Tree.Range(q.Start, q.End, q.Reverse), null);
                return;
            }

            var page = new MemoryStream();
            page.WriteByte((byte)'[');
            int count = 0, buffered = 0;
            byte[] lastKey = null, lastBuffered = null;
            using (var entries = Tree.Range(q.Start, q.End, q.Reverse, q.Limit).GetEnumerator())
            {
                while (entries.MoveNext())
                {
                    var entry = entries.Current;
                    count++;
                    lastKey = entry.Key;
                    if (page.Length >= PageBufferBytes) continue; // past the buffer: keys only
                    if (buffered > 0) page.WriteByte((byte)',');
                    JsonOut.WriteEntry(page, entry.Key, entry.Value);
                    lastBuffered = entry.Key;
                    buffered++;
                }
            }
            if (count == q.Limit) x.AddHeader("X-Next-After", Keys.ForHeader(lastKey));
            if (buffered == count)
            {
                page.WriteByte((byte)']');
                x.Send(200, Exchange.JsonType, page.GetBuffer(), 0, (int)page.Length);
                return;
            }

            // The rest of the page, after lastBuffered: up to lastKey inclusive when the limit was
            // reached (the header names it), else to the end of the range.
            byte[] start, end;
            if (!q.Reverse)
            {
                start = Successor(lastBuffered);
                end = count == q.Limit ? Successor(lastKey) : q.End;
            }
            else
            {
                start = count == q.Limit ? lastKey : q.Start;
                end = lastBuffered;
            }
            var limit = count == q.Limit ? -1 : q.Limit - buffered;
            WriteStreamed(x, Tree.Range(start, end, q.Reverse, limit), page);
        }

        private static void WriteStreamed(Exchange x, IEnumerable<KeyValuePair<byte[], byte[]>> entries, MemoryStream head)
        {
            var body = x.SendChunked(200, Exchange.JsonType);
            var output = new BufferedStream(body, 64 * 1024);
            var first = true;
            if (head != null)
            {
                output.Write(head.GetBuffer(), 0, (int)head.Length);
                first = false;
            }
            else
            {
                output.WriteByte((byte)'[');
            }
            foreach (var entry in entries)
            {
                if (!first) output.WriteByte((byte)',');
                JsonOut.WriteEntry(output, entry.Key, entry.Value);
                first = false;
            }
            output.WriteByte((byte)']');
            output.Flush();
            x.Finish();
        }

        private static byte[] Successor(byte[] key)
        {
            var next = new byte[key.Length + 1];
            Buffer.BlockCopy(key, 0, next, 0, key.Length);
            return next;
        }
    }
}
