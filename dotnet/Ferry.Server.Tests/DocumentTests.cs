using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Ferry.Server.Tests
{
    /// <summary>/api/data/{key}: reads, writes, deletes, keys, bodies, and every error they can give.</summary>
    [TestFixture]
    public sealed class DocumentTests
    {
        private const int MaxBody = 65536;

        private TempDir _dir;
        private ServerProcess _server;
        private Api _api;

        [TestFixtureSetUp]
        public void StartServer()
        {
            _dir = new TempDir("documents");
            _server = ServerProcess.Start(_dir.Sub("data"), "--max-body-bytes", MaxBody.ToString());
            _api = new Api(_server);
        }

        [TearDown]
        public void NoErrorLogged() => _server.AssertNoErrorLogged();

        [TestFixtureTearDown]
        public void StopServer()
        {
            _server?.Dispose();
            _dir?.Dispose();
        }

        [Test]
        public void StoredBytesComeBackExactly()
        {
            const string body = "{ \"a\" : [1, 2.5e3, -0, \"x\\u00e9\\n\", \"ü\"],\n  \"b\": null }";
            var created = _api.Post("/api/data/exact", body);
            Assert.AreEqual(201, created.Status, created.Text);
            Assert.AreEqual("/api/data/exact", created.Header("Location"));
            var read = _api.Get("/api/data/exact");
            Assert.AreEqual(200, read.Status);
            Assert.AreEqual("application/json; charset=utf-8", read.ContentType);
            CollectionAssert.AreEqual(Encoding.UTF8.GetBytes(body), read.Body);
        }

        [Test]
        public void PutCreatesThenReplaces()
        {
            var first = _api.Put("/api/data/replaced", "{\"v\":1}");
            Assert.AreEqual(201, first.Status, first.Text);
            Assert.IsTrue(JToken.DeepEquals(JObject.Parse("{\"key\":\"replaced\",\"created\":true}"), first.Json));
            var second = _api.Put("/api/data/replaced", "{\"v\":2}");
            Assert.AreEqual(200, second.Status, second.Text);
            Assert.IsTrue(JToken.DeepEquals(JObject.Parse("{\"key\":\"replaced\",\"created\":false}"), second.Json));
            var third = _api.Post("/api/data/replaced", "{\"v\":3}");
            Assert.AreEqual(200, third.Status);
            Assert.AreEqual("{\"v\":3}", _api.Get("/api/data/replaced").Text);
        }

        [TestCase("42")]
        [TestCase("-1.5E-7")]
        [TestCase("\"just a string\"")]
        [TestCase("null")]
        [TestCase("true")]
        [TestCase("[]")]
        [TestCase("{}")]
        [TestCase(" [ {\"deep\": [[[[]]]]} ] ")]
        public void AnyJsonValueIsADocument(string json)
        {
            var key = "scalar-" + Math.Abs(json.GetHashCode());
            Assert.AreEqual(201, _api.Post("/api/data/" + key, json).Status);
            Assert.AreEqual(json, _api.Get("/api/data/" + key).Text);
            Assert.AreEqual(204, _api.Delete("/api/data/" + key).Status);
        }

        [Test]
        public void ByteOrderMarkIsNotStored()
        {
            var body = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'[', (byte)'1', (byte)']' };
            Assert.AreEqual(201, _api.Send(HttpMethod.Post, "/api/data/bom", Api.Bytes(body)).Status);
            Assert.AreEqual("[1]", _api.Get("/api/data/bom").Text);
        }

        [Test]
        public void DeleteRemoves()
        {
            Assert.AreEqual(201, _api.Post("/api/data/to-delete", "1").Status);
            var deleted = _api.Delete("/api/data/to-delete");
            Assert.AreEqual(204, deleted.Status);
            Assert.AreEqual(0, deleted.Body.Length);
            _api.AssertError(_api.Get("/api/data/to-delete"), 404, "not_found", "GET after DELETE");
        }

        [Test]
        public void MissingDocumentIs404()
        {
            _api.AssertError(_api.Get("/api/data/never-written"), 404, "not_found", "GET");
            _api.AssertError(_api.Delete("/api/data/never-written"), 404, "not_found", "DELETE");
        }

        [TestCase("{\"a\":", TestName = "InvalidJson_Unterminated")]
        [TestCase("{a:1}", TestName = "InvalidJson_UnquotedName")]
        [TestCase("'x'", TestName = "InvalidJson_SingleQuotes")]
        [TestCase("[1,]", TestName = "InvalidJson_TrailingComma")]
        [TestCase("[1,,2]", TestName = "InvalidJson_MissingElement")]
        [TestCase("NaN", TestName = "InvalidJson_NaN")]
        [TestCase("0x1F", TestName = "InvalidJson_Hex")]
        [TestCase("01", TestName = "InvalidJson_LeadingZero")]
        [TestCase("{} x", TestName = "InvalidJson_TrailingData")]
        [TestCase("/*c*/1", TestName = "InvalidJson_Comment")]
        [TestCase("new Date(1)", TestName = "InvalidJson_Constructor")]
        [TestCase("\"tab\there\"", TestName = "InvalidJson_RawControlCharacter")]
        [TestCase("\"\\x41\"", TestName = "InvalidJson_BadEscape")]
        [TestCase("", TestName = "InvalidJson_Empty")]
        [TestCase("   ", TestName = "InvalidJson_Whitespace")]
        public void InvalidJsonIs400(string body)
        {
            var reply = _api.Post("/api/data/bad-json", body);
            _api.AssertError(reply, 400, "invalid_json", "body " + body);
            if (body.Trim().Length > 0) StringAssert.Contains("line 1, column", (string)reply.Json["message"]);
            _api.AssertError(_api.Get("/api/data/bad-json"), 404, "not_found", "nothing stored");
        }

        [Test]
        public void InvalidJsonMessageSaysWhere()
        {
            var reply = _api.Put("/api/data/bad-json", "{\n  \"a\": 1,\n  \"b\": tru\n}");
            _api.AssertError(reply, 400, "invalid_json");
            StringAssert.Contains("line 3, column 8", (string)reply.Json["message"]);
        }

        [Test]
        public void InvalidUtf8IsInvalidJson()
        {
            var body = new byte[] { (byte)'"', 0xC3, 0x28, (byte)'"' };
            _api.AssertError(_api.Send(HttpMethod.Post, "/api/data/bad-utf8", Api.Bytes(body)), 400, "invalid_json");
        }

        [Test]
        public void KeyWithEncodedSlashIsOneKey()
        {
            var created = RawHttp.Send(_server.Port, "POST", "/api/data/a%2Fb", Encoding.UTF8.GetBytes("{\"slash\":true}"));
            Assert.AreEqual(201, created.Status, created.Text);
            Assert.AreEqual("a/b", (string)JObject.Parse(created.Text)["key"]);
            var read = RawHttp.Send(_server.Port, "GET", "/api/data/a%2fb");
            Assert.AreEqual(200, read.Status);
            Assert.AreEqual("{\"slash\":true}", read.Text);
            var list = (JArray)_api.Get("/api/data?prefix=a%2F").Json;
            Assert.AreEqual(new[] { "a/b" }, list.Select(e => (string)e["key"]).ToArray());
            Assert.AreEqual(204, RawHttp.Send(_server.Port, "DELETE", "/api/data/a%2Fb").Status);
        }

        [Test]
        public void KeyWithAPercentSignAndAnAstralCharacterDoesNotCrashTheServer()
        {
            // Found by schemathesis: Mono's HttpListener crashed the process on such a URL
            // (an escaped '%' followed by a character outside the BMP); see IriParsing.cs.
            var created = RawHttp.Send(_server.Port, "PUT", "/api/data/%25a%F0%9F%98%80", Encoding.UTF8.GetBytes("2"));
            Assert.AreEqual(201, created.Status, created.Text);
            Assert.AreEqual("%a\U0001F600", (string)JObject.Parse(created.Text)["key"]);
            Assert.AreEqual("2", RawHttp.Send(_server.Port, "GET", "/api/data/%25a%F0%9F%98%80").Text);
            Assert.AreEqual(200, RawHttp.Send(_server.Port, "GET", "/health").Status, "the server is still up");
        }

        [Test]
        public void KeysAreUtf8()
        {
            var created = _api.Put("/api/data/caf%C3%A9%20%E2%98%95", "1");
            Assert.AreEqual(201, created.Status, created.Text);
            Assert.AreEqual("café ☕", (string)created.Json["key"]);
            Assert.AreEqual("1", _api.Get("/api/data/caf%C3%A9%20%E2%98%95").Text);
            var listed = Api.Keys(_api.Get("/api/data?prefix=caf%C3%A9"));
            Assert.AreEqual(new[] { "café ☕" }, listed.ToArray());
        }

        [Test]
        public void KeyOf1024BytesIsAccepted()
        {
            var key = new string('k', 1024);
            Assert.AreEqual(201, _api.Put("/api/data/" + key, "1").Status);
            Assert.AreEqual("1", _api.Get("/api/data/" + key).Text);
            var multibyte = string.Concat(Enumerable.Repeat("%C3%A9", 512)); // 1024 bytes
            Assert.AreEqual(201, _api.Put("/api/data/" + multibyte, "2").Status);
        }

        [TestCase("GET")]
        [TestCase("PUT")]
        [TestCase("DELETE")]
        public void KeyOver1024BytesIs400(string method)
        {
            var body = method == "PUT" ? Encoding.UTF8.GetBytes("1") : null;
            _api.AssertError(RawHttp.Send(_server.Port, method, "/api/data/" + new string('k', 1025), body), 400, "invalid_key", "1025 ASCII bytes");
            _api.AssertError(RawHttp.Send(_server.Port, method, "/api/data/" + string.Concat(Enumerable.Repeat("%C3%A9", 513)), body), 400, "invalid_key", "1026 UTF-8 bytes");
        }

        [TestCase("/api/data/", TestName = "InvalidKey_Empty")]
        [TestCase("/api/data/a%01b", TestName = "InvalidKey_ControlCharacter")]
        [TestCase("/api/data/a%0Ab", TestName = "InvalidKey_Newline")]
        [TestCase("/api/data/a%7Fb", TestName = "InvalidKey_Delete")]
        [TestCase("/api/data/a%C2%85b", TestName = "InvalidKey_C1Control")]
        [TestCase("/api/data/a%zzb", TestName = "InvalidKey_BadPercentEncoding")]
        [TestCase("/api/data/a%4", TestName = "InvalidKey_TruncatedPercentEncoding")]
        [TestCase("/api/data/%FF%FE", TestName = "InvalidKey_NotUtf8")]
        [TestCase("/api/data/%ED%A0%80", TestName = "InvalidKey_EncodedSurrogate")]
        public void InvalidKeyIs400(string target)
        {
            foreach (var method in new[] { "GET", "POST", "DELETE" })
            {
                var body = method == "POST" ? Encoding.UTF8.GetBytes("1") : null;
                _api.AssertError(RawHttp.Send(_server.Port, method, target, body), 400, "invalid_key", method + " " + target);
            }
        }

        [Test]
        public void BodyOverLimitByContentLengthIs413()
        {
            var tooBig = Encoding.ASCII.GetBytes("\"" + new string('x', MaxBody - 1) + "\""); // MaxBody + 1 bytes
            _api.AssertError(_api.Send(HttpMethod.Post, "/api/data/big", Api.Bytes(tooBig)), 413, "payload_too_large", "Content-Length");
            _api.AssertError(_api.Get("/api/data/big"), 404, "not_found", "nothing stored");
            var justFits = Encoding.ASCII.GetBytes("\"" + new string('x', MaxBody - 2) + "\""); // MaxBody bytes
            Assert.AreEqual(201, _api.Send(HttpMethod.Put, "/api/data/big", Api.Bytes(justFits)).Status);
        }

        [Test]
        public void HugeContentLengthIs413BeforeTheBodyArrives()
        {
            // Claims 10 GB and sends nothing: the answer must come from the header alone.
            var reply = RawHttp.Send(_server.Port, "POST", "/api/data/huge", new byte[0], "Content-Length: 10000000000\r\n", sendBody: false);
            _api.AssertError(reply, 413, "payload_too_large", "declared 10 GB");
        }

        [Test]
        public void ChunkedBodyOverLimitIs413()
        {
            var tooBig = Encoding.ASCII.GetBytes("[" + string.Join(",", Enumerable.Repeat("12345678", MaxBody / 9 + 100)) + "]");
            var reply = _api.Send(HttpMethod.Post, "/api/data/chunked-big", new StreamContent(new ForwardOnlyStream(tooBig)),
                tweak: r => r.Headers.TransferEncodingChunked = true);
            _api.AssertError(reply, 413, "payload_too_large", "chunked");
            _api.AssertError(_api.Get("/api/data/chunked-big"), 404, "not_found", "nothing stored");
        }

        [Test]
        public void ChunkedBodyWithinLimitIsStored()
        {
            var body = Encoding.ASCII.GetBytes("[" + string.Join(",", Enumerable.Range(0, 5000)) + "]");
            var reply = _api.Send(HttpMethod.Post, "/api/data/chunked-ok", new StreamContent(new ForwardOnlyStream(body)),
                tweak: r => r.Headers.TransferEncodingChunked = true);
            Assert.AreEqual(201, reply.Status, reply.Text);
            CollectionAssert.AreEqual(body, _api.Get("/api/data/chunked-ok").Body);
        }

        [Test]
        public void KeyWithMoreSegmentsIsNotARoute()
        {
            _api.AssertError(_api.Get("/api/data/a/b"), 404, "not_found", "GET");
            _api.AssertError(_api.Put("/api/data/a/b", "1"), 404, "not_found", "PUT");
        }

        [Test]
        public void WrongMethodIs405WithAllow()
        {
            var reply = _api.Send(new HttpMethod("PATCH"), "/api/data/x", Api.Utf8("1"));
            _api.AssertError(reply, 405, "method_not_allowed", "PATCH");
            var allow = reply.Header("Allow");
            foreach (var method in new[] { "GET", "POST", "PUT", "DELETE" }) StringAssert.Contains(method, allow);
        }

        [Test]
        public void ConcurrentCreatesOfOneKeyReportOneCreation()
        {
            var statuses = new int[16];
            Parallel.For(0, statuses.Length, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            {
                statuses[i] = _api.Post("/api/data/race", "{\"writer\":" + i + "}").Status;
            });
            Assert.AreEqual(1, statuses.Count(s => s == 201), string.Join(",", statuses));
            Assert.AreEqual(statuses.Length - 1, statuses.Count(s => s == 200), string.Join(",", statuses));
        }

        [Test]
        public void ManyConcurrentRequestsAllSucceed()
        {
            var failures = 0;
            Parallel.For(0, 400, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            {
                var key = "/api/data/parallel-" + (i / 2 % 40);
                var status = i % 2 == 0 ? _api.Put(key, "{\"i\":" + i + "}").Status : _api.Get("/api/data?prefix=parallel-").Status;
                if (status != 200 && status != 201) Interlocked.Increment(ref failures);
            });
            Assert.AreEqual(0, failures);
            Assert.AreEqual(40, ((JArray)_api.Get("/api/data?prefix=parallel-").Json).Count);
        }
    }
}
