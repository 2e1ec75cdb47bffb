using System;
using System.IO;
using System.Net;

namespace Ferry.Server
{
    /// <summary>
    /// One request and its response: the raw path and query (from the request line, not
    /// HttpListener's decoded URL, so "%2F" stays inside a key), and the ways to answer. Once a
    /// response has <see cref="Started"/>, a failure can only abort the connection.
    /// </summary>
    internal sealed class Exchange
    {
        public const string JsonType = "application/json; charset=utf-8";

        private readonly Cors _cors;

        public Exchange(HttpListenerContext context, Cors cors)
        {
            Context = context;
            Request = context.Request;
            Response = context.Response;
            _cors = cors;
            Method = Request.HttpMethod;
            string path, query;
            SplitTarget(Request.RawUrl, out path, out query);
            Path = path;
            Query = query;
        }

        public HttpListenerContext Context { get; }

        public HttpListenerRequest Request { get; }

        public HttpListenerResponse Response { get; }

        public string Method { get; }

        /// <summary>The path as sent, still percent-encoded.</summary>
        public string Path { get; }

        /// <summary>The query string as sent, without '?'; empty when there is none.</summary>
        public string Query { get; }

        /// <summary>The status sent, for the log.</summary>
        public int Status { get; private set; }

        /// <summary>Body bytes written, for the log.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>True once the status and headers are committed.</summary>
        public bool Started { get; private set; }

        /// <summary>Splits a request target (origin form, or absolute form) into path and query.</summary>
        internal static void SplitTarget(string raw, out string path, out string query)
        {
            raw = string.IsNullOrEmpty(raw) ? "/" : raw;
            if (raw[0] != '/')
            {
                // Absolute form (http://host/path?query): drop the scheme and authority.
                var scheme = raw.IndexOf("://", StringComparison.Ordinal);
                var start = scheme < 0 ? -1 : raw.IndexOf('/', scheme + 3);
                var q = scheme < 0 ? -1 : raw.IndexOf('?', scheme + 3);
                if (start < 0 || (q >= 0 && q < start)) raw = "/" + (q >= 0 ? raw.Substring(q) : "");
                else raw = raw.Substring(start);
            }
            var hash = raw.IndexOf('#');
            if (hash >= 0) raw = raw.Substring(0, hash);
            var question = raw.IndexOf('?');
            path = question < 0 ? raw : raw.Substring(0, question);
            query = question < 0 ? "" : raw.Substring(question + 1);
        }

        /// <summary>Sends <paramref name="body"/> whole, with a Content-Length.</summary>
        public void Send(int status, string contentType, byte[] body) => Send(status, contentType, body, 0, body.Length);

        public void Send(int status, string contentType, byte[] body, int offset, int count)
        {
            Begin(status, contentType);
            Response.ContentLength64 = count;
            if (count > 0) Write(body, offset, count);
            Finish();
        }

        /// <summary>Sends a status without a body (204).</summary>
        public void SendEmpty(int status)
        {
            Begin(status, null);
            Finish();
        }

        /// <summary>Sends a JSON error body.</summary>
        public void SendError(int status, string code, string message, string allow = null)
        {
            if (allow != null) Response.AddHeader("Allow", allow);
            Send(status, JsonType, JsonOut.Error(code, message));
        }

        /// <summary>Starts a chunked response; write the body to the returned stream, then call <see cref="Finish"/>.</summary>
        public Stream SendChunked(int status, string contentType)
        {
            Begin(status, contentType);
            Response.SendChunked = true;
            return new ResponseStream(this);
        }

        /// <summary>Completes the response (sends the last chunk).</summary>
        public void Finish()
        {
            try
            {
                Response.Close();
            }
            catch (Exception e) when (IsConnectionError(e))
            {
                throw new ClientGoneException(e);
            }
        }

        /// <summary>Drops the connection: the client sees a truncated response, never a false success.</summary>
        /// <param name="status">The status to log when no response had started.</param>
        public void Abort(int status = 0)
        {
            if (!Started && status != 0) Status = status;
            try
            {
                Response.Abort();
            }
            catch (Exception)
            {
                // Already gone.
            }
        }

        /// <summary>Adds a response header; before the response has started.</summary>
        public void AddHeader(string name, string value) => Response.AddHeader(name, value);

        private void Begin(int status, string contentType)
        {
            if (Started) throw new InvalidOperationException("The response has already started.");
            Status = status;
            Response.StatusCode = status;
            if (contentType != null) Response.ContentType = contentType;
            _cors.Apply(this, Method == "OPTIONS");
            Started = true;
        }

        internal void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                Response.OutputStream.Write(buffer, offset, count);
            }
            catch (Exception e) when (IsConnectionError(e))
            {
                throw new ClientGoneException(e);
            }
            BytesWritten += count;
        }

        internal static bool IsConnectionError(Exception e) =>
            e is IOException || e is HttpListenerException || e is ObjectDisposedException || e is System.Net.Sockets.SocketException;

        /// <summary>The response body as a write-only stream that counts bytes and maps connection errors.</summary>
        private sealed class ResponseStream : Stream
        {
            private readonly Exchange _x;

            public ResponseStream(Exchange x)
            {
                _x = x;
            }

            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => throw new NotSupportedException();

            public override long Position
            {
                get => throw new NotSupportedException();
                set => throw new NotSupportedException();
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                if (count > 0) _x.Write(buffer, offset, count);
            }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();
        }
    }
}
