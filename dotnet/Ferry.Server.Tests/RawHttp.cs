using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Ferry.Server.Tests
{
    /// <summary>
    /// HTTP/1.1 over a bare socket, for requests HttpClient would normalise or refuse: '..'
    /// segments, "%2F", bad percent-encoding, a Content-Length with no body.
    /// </summary>
    internal sealed class RawResponse
    {
        public int Status;
        public Dictionary<string, string> Headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public byte[] Body;

        public string Text => Encoding.UTF8.GetString(Body);

        public string Header(string name)
        {
            string value;
            return Headers.TryGetValue(name, out value) ? value : null;
        }
    }

    internal static class RawHttp
    {
        /// <summary>Sends "<paramref name="method"/> <paramref name="target"/>" with Connection: close; reads the whole response.</summary>
        public static RawResponse Send(int port, string method, string target, byte[] body = null, string extraHeaders = "", bool sendBody = true)
        {
            var head = new StringBuilder();
            head.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
            head.Append("Host: 127.0.0.1:").Append(port).Append("\r\n");
            head.Append("Connection: close\r\n");
            if (body != null && extraHeaders.IndexOf("Content-Length", StringComparison.OrdinalIgnoreCase) < 0) head.Append("Content-Length: ").Append(body.Length).Append("\r\n");
            head.Append(extraHeaders);
            head.Append("\r\n");
            using (var tcp = new TcpClient("127.0.0.1", port))
            {
                tcp.ReceiveTimeout = 20000;
                tcp.SendTimeout = 20000;
                var stream = tcp.GetStream();
                var headBytes = Encoding.UTF8.GetBytes(head.ToString());
                stream.Write(headBytes, 0, headBytes.Length);
                if (body != null && sendBody) stream.Write(body, 0, body.Length);
                var all = new MemoryStream();
                var buffer = new byte[8192];
                try
                {
                    int n;
                    while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) all.Write(buffer, 0, n);
                }
                catch (IOException)
                {
                    // A reset after the response: keep what arrived.
                }
                return Parse(all.ToArray());
            }
        }

        private static RawResponse Parse(byte[] data)
        {
            var text = Encoding.GetEncoding("ISO-8859-1").GetString(data);
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end < 0) throw new InvalidDataException("no complete response: " + text);
            var response = ParseHead(text.Substring(0, end));
            var body = new byte[data.Length - end - 4];
            Buffer.BlockCopy(data, end + 4, body, 0, body.Length);
            if (string.Equals(response.Header("Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase)) body = Dechunk(body);
            response.Body = body;
            return response;
        }

        /// <summary>The status line and headers (without the blank line that ends them).</summary>
        internal static RawResponse ParseHead(string head)
        {
            var lines = head.Split(new[] { "\r\n" }, StringSplitOptions.None);
            var response = new RawResponse { Status = int.Parse(lines[0].Split(' ')[1]) };
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                response.Headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
            return response;
        }

        private static byte[] Dechunk(byte[] data)
        {
            var output = new MemoryStream();
            var at = 0;
            while (true)
            {
                var lineEnd = IndexOfCrlf(data, at);
                var size = Convert.ToInt32(Encoding.ASCII.GetString(data, at, lineEnd - at).Split(';')[0].Trim(), 16);
                at = lineEnd + 2;
                if (size == 0) return output.ToArray();
                output.Write(data, at, size);
                at += size + 2;
            }
        }

        private static int IndexOfCrlf(byte[] data, int from)
        {
            for (var i = from; i + 1 < data.Length; i++)
            {
                if (data[i] == '\r' && data[i + 1] == '\n') return i;
            }
            throw new InvalidDataException("truncated chunked body");
        }
    }

    /// <summary>
    /// One keep-alive HTTP/1.1 connection for many requests, without HttpClient's retries and
    /// pooling: a request either gets its whole response from <see cref="Send"/> or throws, so a
    /// test knows exactly which requests were answered. Responses must carry a Content-Length
    /// (every write response does). Reconnects when the server said "Connection: close".
    /// </summary>
    internal sealed class RawConnection : IDisposable
    {
        private readonly int _port;
        private TcpClient _tcp;
        private Stream _stream;

        public RawConnection(int port)
        {
            _port = port;
        }

        /// <summary>Sends one request and reads its response.</summary>
        /// <exception cref="IOException">The connection failed or closed before the whole response came.</exception>
        /// <exception cref="SocketException">The server could not be reached.</exception>
        public RawResponse Send(string method, string target, byte[] body = null)
        {
            if (_tcp == null)
            {
                _tcp = new TcpClient("127.0.0.1", _port) { NoDelay = true, ReceiveTimeout = 30000, SendTimeout = 30000 };
                _stream = new BufferedStream(_tcp.GetStream());
            }
            var head = new StringBuilder();
            head.Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
            head.Append("Host: 127.0.0.1:").Append(_port).Append("\r\n");
            if (body != null) head.Append("Content-Type: application/json\r\nContent-Length: ").Append(body.Length).Append("\r\n");
            head.Append("\r\n");
            var headBytes = Encoding.ASCII.GetBytes(head.ToString());
            _stream.Write(headBytes, 0, headBytes.Length);
            if (body != null) _stream.Write(body, 0, body.Length);
            _stream.Flush();

            var response = RawHttp.ParseHead(ReadHead());
            long length;
            if (!long.TryParse(response.Header("Content-Length") ?? "0", out length)) throw new InvalidDataException("bad Content-Length");
            response.Body = new byte[length];
            for (var at = 0; at < length;)
            {
                var n = _stream.Read(response.Body, at, (int)length - at);
                if (n <= 0) throw new IOException("the connection closed inside a response body");
                at += n;
            }
            if (string.Equals(response.Header("Connection"), "close", StringComparison.OrdinalIgnoreCase)) Dispose();
            return response;
        }

        private string ReadHead()
        {
            var head = new StringBuilder();
            while (true)
            {
                var b = _stream.ReadByte();
                if (b < 0) throw new IOException("the connection closed before a whole response head");
                head.Append((char)b);
                var n = head.Length;
                if (n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n') return head.ToString(0, n - 4);
            }
        }

        public void Dispose()
        {
            _stream?.Dispose();
            _tcp?.Close();
            _stream = null;
            _tcp = null;
        }
    }
}
