using System.Linq;
using System.Net.Http;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Ferry.Server.Tests
{
    /// <summary>/health, /api/stats, /api/openapi.json, unknown routes, 405s, CORS, the request log.</summary>
    [TestFixture]
    public sealed class MetaTests
    {
        private const string Allowed = "http://allowed.example";

        private TempDir _dir;
        private ServerProcess _server;
        private Api _api;

        [TestFixtureSetUp]
        public void StartServer()
        {
            _dir = new TempDir("meta");
            _server = ServerProcess.Start(_dir.Sub("data"), "--cors-origin", Allowed, "--cors-origin", "http://other.example/");
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
        public void Health()
        {
            var reply = _api.Get("/health");
            Assert.AreEqual(200, reply.Status);
            Assert.AreEqual("application/json; charset=utf-8", reply.ContentType);
            Assert.AreEqual("{\"status\":\"ok\"}", reply.Text);
        }

        [Test]
        public void Stats()
        {
            Assert.AreEqual(201, _api.Put("/api/data/stats-1", "{\"x\":1}").Status);
            Assert.AreEqual(201, _api.Put("/api/data/stats-2", "{\"x\":2}").Status);
            var reply = _api.Get("/api/stats");
            Assert.AreEqual(200, reply.Status);
            Assert.AreEqual("application/json; charset=utf-8", reply.ContentType);
            var stats = (JObject)reply.Json;
            CollectionAssert.AreEquivalent(new[] { "entries", "trees", "sizeOnDisk" }, stats.Properties().Select(p => p.Name).ToArray());
            Assert.GreaterOrEqual((long)stats["entries"], 2);
            Assert.GreaterOrEqual((int)stats["trees"], 2, "the default tree and documents");
            Assert.Greater((long)stats["sizeOnDisk"], 0);
        }

        [Test]
        public void OpenApiDocument()
        {
            var reply = _api.Get("/api/openapi.json");
            Assert.AreEqual(200, reply.Status);
            Assert.AreEqual("application/json; charset=utf-8", reply.ContentType);
            var doc = JObject.Parse(reply.Text);
            StringAssert.StartsWith("3.", (string)doc["openapi"]);
            var paths = (JObject)doc["paths"];
            foreach (var route in new[] { "/health", "/api/data", "/api/data/{key}", "/api/stats", "/api/openapi.json" })
                Assert.IsNotNull(paths[route], "documents " + route);
            foreach (var method in new[] { "get", "post", "put", "delete" })
                Assert.IsNotNull(paths["/api/data/{key}"][method], "documents " + method + " /api/data/{key}");
            var codes = doc["components"]["schemas"]["Error"]["properties"]["error"]["enum"].Select(t => (string)t).ToArray();
            CollectionAssert.AreEquivalent(new[] { "invalid_json", "invalid_key", "invalid_query", "not_found", "method_not_allowed", "payload_too_large", "internal", "not_durable" }, codes);
        }

        [TestCase("GET", "/api/nope")]
        [TestCase("GET", "/api")]
        [TestCase("GET", "/api/")]
        [TestCase("POST", "/api/nope")]
        [TestCase("GET", "/api/data/a/b/c")]
        [TestCase("GET", "/api/stats/extra")]
        public void UnknownRouteIs404(string method, string path)
        {
            _api.AssertError(_api.Send(new HttpMethod(method), path, method == "POST" ? Api.Utf8("1") : null), 404, "not_found", method + " " + path);
        }

        [TestCase("POST", "/health", "GET, OPTIONS")]
        [TestCase("DELETE", "/api/data", "GET, OPTIONS")]
        [TestCase("PUT", "/api/stats", "GET, OPTIONS")]
        [TestCase("POST", "/api/openapi.json", "GET, OPTIONS")]
        [TestCase("PATCH", "/api/data/k", "GET, POST, PUT, DELETE, OPTIONS")]
        [TestCase("POST", "/", "GET, OPTIONS")]
        public void WrongMethodIs405WithAllow(string method, string path, string allow)
        {
            var reply = _api.Send(new HttpMethod(method), path, method == "DELETE" ? null : Api.Utf8("1"));
            _api.AssertError(reply, 405, "method_not_allowed", method + " " + path);
            Assert.AreEqual(allow, reply.Header("Allow"));
        }

        [Test]
        public void PreflightFromAllowedOrigin()
        {
            var reply = _api.Send(HttpMethod.Options, "/api/data/some-key", null, Allowed, r => r.Headers.Add("Access-Control-Request-Method", "PUT"));
            Assert.AreEqual(204, reply.Status);
            Assert.AreEqual(Allowed, reply.Header("Access-Control-Allow-Origin"));
            Assert.AreEqual("GET, POST, PUT, DELETE, OPTIONS", reply.Header("Access-Control-Allow-Methods"));
            Assert.AreEqual("Content-Type", reply.Header("Access-Control-Allow-Headers"));
            Assert.AreEqual("GET, POST, PUT, DELETE, OPTIONS", reply.Header("Allow"));
            _api.AssertHealthy();
        }

        [Test]
        public void PreflightFromOtherOriginHasNoAllowOrigin()
        {
            var reply = _api.Send(HttpMethod.Options, "/api/data", null, "http://evil.example", r => r.Headers.Add("Access-Control-Request-Method", "GET"));
            Assert.AreEqual(204, reply.Status);
            Assert.IsNull(reply.Header("Access-Control-Allow-Origin"));
        }

        [Test]
        public void ResponsesCarryAllowOriginForAllowedOrigins()
        {
            var ok = _api.Get("/api/data?limit=1", Allowed);
            Assert.AreEqual(Allowed, ok.Header("Access-Control-Allow-Origin"));
            StringAssert.Contains("X-Next-After", ok.Header("Access-Control-Expose-Headers"));
            Assert.AreEqual("http://other.example", _api.Get("/health", "http://other.example").Header("Access-Control-Allow-Origin"), "second --cors-origin");
            var error = _api.Get("/api/nope", Allowed);
            Assert.AreEqual(404, error.Status);
            Assert.AreEqual(Allowed, error.Header("Access-Control-Allow-Origin"), "errors too");
            Assert.IsNull(_api.Get("/health", "http://evil.example").Header("Access-Control-Allow-Origin"));
            Assert.IsNull(_api.Get("/health").Header("Access-Control-Allow-Origin"), "no Origin, no CORS");
        }

        [Test]
        public void OneJsonLogLinePerRequest()
        {
            _api.Get("/health?marker=log-test");
            _api.Get("/api/data/log-test-missing");
            System.Threading.Thread.Sleep(500); // request lines are flushed every 200 ms
            var lines = _server.Stdout.Split('\n').Where(l => l.StartsWith("{")).Select(JObject.Parse).ToList();
            var missing = lines.Last(l => (string)l["path"] == "/api/data/log-test-missing");
            Assert.AreEqual("request", (string)missing["msg"]);
            Assert.AreEqual("info", (string)missing["level"]);
            Assert.AreEqual("GET", (string)missing["method"]);
            Assert.AreEqual(404, (int)missing["status"]);
            Assert.Greater((long)missing["bytes"], 0);
            Assert.GreaterOrEqual((double)missing["duration_ms"], 0);
            Assert.IsNotNull((string)missing["time"]);
            StringAssert.Contains($"Ferry.Server listening on http://127.0.0.1:{_server.Port}/", _server.Stdout);
        }
    }
}
