using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Ferry.Server.Tests
{
    /// <summary>A response read whole: status, headers (response and content), body.</summary>
    internal sealed class Reply
    {
        public int Status;
        public byte[] Body;
        public HttpResponseMessage Message;

        public string Text => Encoding.UTF8.GetString(Body);

        public JToken Json => JToken.Parse(Text);

        public string Header(string name)
        {
            IEnumerable<string> values;
            if (Message.Headers.TryGetValues(name, out values) || (Message.Content != null && Message.Content.Headers.TryGetValues(name, out values)))
                return string.Join(", ", values);
            return null;
        }

        public string ContentType => Message.Content?.Headers.ContentType?.ToString();
    }

    /// <summary>Requests against one server, and the error-shape assertion used everywhere.</summary>
    internal sealed class Api
    {
        private readonly ServerProcess _server;

        public Api(ServerProcess server)
        {
            _server = server;
        }

        public Reply Get(string path, string origin = null) => Send(HttpMethod.Get, path, null, origin);

        public Reply Post(string path, string json) => Send(HttpMethod.Post, path, Utf8(json));

        public Reply Put(string path, string json) => Send(HttpMethod.Put, path, Utf8(json));

        public Reply Delete(string path) => Send(HttpMethod.Delete, path, null);

        public static HttpContent Utf8(string json) => Bytes(Encoding.UTF8.GetBytes(json));

        public static HttpContent Bytes(byte[] body)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }

        public Reply Send(HttpMethod method, string path, HttpContent content, string origin = null, Action<HttpRequestMessage> tweak = null)
        {
            using (var request = new HttpRequestMessage(method, _server.BaseUrl + path))
            {
                request.Content = content;
                if (origin != null) request.Headers.Add("Origin", origin);
                tweak?.Invoke(request);
                var message = _server.Client.SendAsync(request).Result;
                return new Reply
                {
                    Status = (int)message.StatusCode,
                    Body = message.Content.ReadAsByteArrayAsync().Result,
                    Message = message,
                };
            }
        }

        /// <summary>
        /// Asserts the contract's error shape ({"error","message"} as JSON with that status), then
        /// that the server still answers /health.
        /// </summary>
        public void AssertError(Reply reply, int status, string code, string context = "")
        {
            Assert.AreEqual(status, reply.Status, $"{context}: status; body {reply.Text}");
            AssertErrorBody(reply.ContentType, reply.Text, code, context);
            AssertHealthy();
        }

        public void AssertError(RawResponse reply, int status, string code, string context = "")
        {
            Assert.AreEqual(status, reply.Status, $"{context}: status; body {reply.Text}");
            AssertErrorBody(reply.Header("Content-Type"), reply.Text, code, context);
            AssertHealthy();
        }

        private static void AssertErrorBody(string contentType, string text, string code, string context)
        {
            Assert.AreEqual("application/json; charset=utf-8", contentType, context + ": content type");
            var body = JObject.Parse(text);
            Assert.AreEqual(code, (string)body["error"], context + ": error code; body " + text);
            Assert.IsNotNullOrEmpty((string)body["message"], context + ": message");
            Assert.AreEqual(2, body.Count, context + ": only error and message");
        }

        public void AssertHealthy()
        {
            var health = Get("/health");
            Assert.AreEqual(200, health.Status, "the server stopped answering /health");
            Assert.AreEqual("ok", (string)health.Json["status"]);
        }

        /// <summary>The keys of a list response, in order.</summary>
        public static List<string> Keys(Reply reply) => ((JArray)reply.Json).Select(e => (string)e["key"]).ToList();
    }

    /// <summary>A non-seekable stream, so HttpClient sends its content chunked.</summary>
    internal sealed class ForwardOnlyStream : Stream
    {
        private readonly Stream _inner;

        public ForwardOnlyStream(byte[] data)
        {
            _inner = new MemoryStream(data);
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 4096));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
