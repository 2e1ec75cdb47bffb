using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace Ferry.Server.Tests
{
    /// <summary>GET /api/data: streaming, prefix, after, limit, reverse, X-Next-After.</summary>
    [TestFixture]
    public sealed class ListTests
    {
        private const int BigCount = 10000;

        private TempDir _dir;
        private ServerProcess _server;
        private Api _api;

        /// <summary>Fills the store through the library (fast), then starts the server on it.</summary>
        [TestFixtureSetUp]
        public void StartServer()
        {
            _dir = new TempDir("list");
            var data = _dir.Sub("data");
            using (var store = Store.Open(data))
            using (var batch = new WriteBatch())
            {
                var tree = store.OpenTree("documents");
                for (var i = 0; i < BigCount; i++)
                    batch.Set(Big(i), $"{{\"n\":{i},\"text\":\"document number {i} with some padding to make it longer\"}}");
                for (var i = 0; i < 25; i++) batch.Set(P(i), $"{{\"p\":{i}}}");
                batch.Set("q/1", "1");
                batch.Set("q/2", "2");
                batch.Set("qq", "3");
                tree.Apply(batch);
                store.Flush();
            }
            _server = ServerProcess.Start(data);
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

        private static string Big(int i) => "big/" + i.ToString("D5", CultureInfo.InvariantCulture);

        private static string P(int i) => "p/" + i.ToString("D2", CultureInfo.InvariantCulture);

        private static string[] Ps(int from, int to) =>
            (from <= to ? Enumerable.Range(from, to - from + 1) : Enumerable.Range(to, from - to + 1).Reverse()).Select(P).ToArray();

        [Test]
        public void TenThousandDocumentsStream()
        {
            var reply = _api.Get("/api/data?prefix=big/");
            Assert.AreEqual(200, reply.Status);
            Assert.IsTrue(reply.Message.Headers.TransferEncodingChunked == true, "chunked");
            Assert.IsNull(reply.Header("X-Next-After"));
            var entries = (JArray)reply.Json;
            Assert.AreEqual(BigCount, entries.Count);
            for (var i = 0; i < BigCount; i++)
            {
                Assert.AreEqual(Big(i), (string)entries[i]["key"]);
                Assert.AreEqual(i, (int)entries[i]["value"]["n"]);
            }
        }

        [Test]
        public void WithoutParametersEveryDocument()
        {
            var keys = Api.Keys(_api.Get("/api/data"));
            Assert.AreEqual(BigCount + 25 + 3, keys.Count);
            CollectionAssert.AreEqual(keys.OrderBy(k => k, StringComparer.Ordinal).ToList(), keys, "key order");
        }

        [Test]
        public void PagesForward()
        {
            var page1 = _api.Get("/api/data?prefix=p/&limit=10");
            CollectionAssert.AreEqual(Ps(0, 9), Api.Keys(page1));
            Assert.AreEqual("p/09", page1.Header("X-Next-After"));
            var page2 = _api.Get("/api/data?prefix=p/&limit=10&after=p/09");
            CollectionAssert.AreEqual(Ps(10, 19), Api.Keys(page2));
            Assert.AreEqual("p/19", page2.Header("X-Next-After"));
            var page3 = _api.Get("/api/data?prefix=p/&limit=10&after=p/19");
            CollectionAssert.AreEqual(Ps(20, 24), Api.Keys(page3));
            Assert.IsNull(page3.Header("X-Next-After"), "the last page has no X-Next-After");
        }

        [Test]
        public void FullLastPageHasHeaderThenEmptyPage()
        {
            var page = _api.Get("/api/data?prefix=p/&limit=10&after=p/14");
            CollectionAssert.AreEqual(Ps(15, 24), Api.Keys(page));
            Assert.AreEqual("p/24", page.Header("X-Next-After"));
            var empty = _api.Get("/api/data?prefix=p/&limit=10&after=p/24");
            Assert.AreEqual("[]", empty.Text);
            Assert.IsNull(empty.Header("X-Next-After"));
        }

        [Test]
        public void PagesBackward()
        {
            var page1 = _api.Get("/api/data?prefix=p/&reverse=true&limit=10");
            CollectionAssert.AreEqual(Ps(24, 15), Api.Keys(page1));
            Assert.AreEqual("p/15", page1.Header("X-Next-After"));
            var page2 = _api.Get("/api/data?prefix=p/&reverse=true&limit=10&after=p/15");
            CollectionAssert.AreEqual(Ps(14, 5), Api.Keys(page2));
            var page3 = _api.Get("/api/data?prefix=p/&reverse=true&limit=10&after=p/05");
            CollectionAssert.AreEqual(Ps(4, 0), Api.Keys(page3));
            Assert.IsNull(page3.Header("X-Next-After"));
            CollectionAssert.AreEqual(Ps(24, 0), Api.Keys(_api.Get("/api/data?prefix=p/&reverse=true")));
        }

        [Test]
        public void PrefixFilters()
        {
            CollectionAssert.AreEqual(new[] { "q/1", "q/2" }, Api.Keys(_api.Get("/api/data?prefix=q/")));
            CollectionAssert.AreEqual(new[] { "q/1", "q/2", "qq" }, Api.Keys(_api.Get("/api/data?prefix=q")));
            Assert.AreEqual("[]", _api.Get("/api/data?prefix=nothing-here").Text);
        }

        [Test]
        public void AfterWithoutPrefix()
        {
            CollectionAssert.AreEqual(new[] { "p/24", "q/1", "q/2", "qq" }, Api.Keys(_api.Get("/api/data?after=p/23")));
            CollectionAssert.AreEqual(new[] { "p/22", "p/21" }, Api.Keys(_api.Get("/api/data?after=p/23&reverse=true&limit=2")));
            Assert.AreEqual("[]", _api.Get("/api/data?after=qq").Text);
            // "after" outside the prefix: the prefix still bounds the result.
            CollectionAssert.AreEqual(new[] { "q/1", "q/2" }, Api.Keys(_api.Get("/api/data?prefix=q/&after=a")));
            Assert.AreEqual("[]", _api.Get("/api/data?prefix=q/&after=a&reverse=true").Text);
        }

        [Test]
        public void PagesLargerThanTheBufferStillCarryTheRightHeader()
        {
            // 10,000 entries of ~90 bytes: past the 512 KiB page buffer, so the rest is streamed.
            var all = _api.Get("/api/data?prefix=big/&limit=10000");
            var keys = Api.Keys(all);
            Assert.AreEqual(BigCount, keys.Count);
            Assert.AreEqual(Big(BigCount - 1), keys.Last());
            Assert.AreEqual(Big(BigCount - 1), all.Header("X-Next-After"));

            var first = _api.Get("/api/data?prefix=big/&limit=7000");
            var firstKeys = Api.Keys(first);
            CollectionAssert.AreEqual(Enumerable.Range(0, 7000).Select(Big).ToList(), firstKeys);
            Assert.AreEqual(Big(6999), first.Header("X-Next-After"));
            var rest = _api.Get("/api/data?prefix=big/&limit=7000&after=" + Big(6999));
            CollectionAssert.AreEqual(Enumerable.Range(7000, 3000).Select(Big).ToList(), Api.Keys(rest));
            Assert.IsNull(rest.Header("X-Next-After"));

            var backward = _api.Get("/api/data?prefix=big/&limit=7000&reverse=true");
            CollectionAssert.AreEqual(Enumerable.Range(3000, 7000).Reverse().Select(Big).ToList(), Api.Keys(backward));
            Assert.AreEqual(Big(3000), backward.Header("X-Next-After"));
            var backwardRest = _api.Get("/api/data?prefix=big/&limit=7000&reverse=true&after=" + Big(3000));
            CollectionAssert.AreEqual(Enumerable.Range(0, 3000).Reverse().Select(Big).ToList(), Api.Keys(backwardRest));
        }

        [Test]
        public void NextAfterIsPercentEncodedBeyondPrintableAscii()
        {
            Assert.AreEqual(201, _api.Put("/api/data/%C3%BC%2Fa%20b", "1").Status);
            Assert.AreEqual(201, _api.Put("/api/data/%C3%BC%2Fz", "2").Status);
            var page = _api.Get("/api/data?prefix=%C3%BC%2F&limit=1");
            CollectionAssert.AreEqual(new[] { "ü/a b" }, Api.Keys(page));
            var header = page.Header("X-Next-After");
            Assert.AreEqual("%C3%BC/a%20b", header);
            Assert.AreEqual("ü/a b", Uri.UnescapeDataString(header));
            CollectionAssert.AreEqual(new[] { "ü/z" }, Api.Keys(_api.Get("/api/data?prefix=%C3%BC%2F&limit=1&after=" + header)));
            _api.Delete("/api/data/%C3%BC%2Fa%20b");
            _api.Delete("/api/data/%C3%BC%2Fz");
        }

        [TestCase("limit=0")]
        [TestCase("limit=10001")]
        [TestCase("limit=-1")]
        [TestCase("limit=abc")]
        [TestCase("limit=1.5")]
        [TestCase("limit=")]
        [TestCase("limit")]
        [TestCase("limit=5&limit=6")]
        [TestCase("reverse=yes")]
        [TestCase("reverse=")]
        [TestCase("reverse=TRUE")]
        [TestCase("prefix=%zz")]
        [TestCase("after=%FF")]
        public void BadQueryIs400(string query)
        {
            // Raw: HttpClient would re-encode a malformed "%zz".
            _api.AssertError(RawHttp.Send(_server.Port, "GET", "/api/data?" + query), 400, "invalid_query", query);
        }

        [Test]
        public void UnknownParametersAreIgnored()
        {
            CollectionAssert.AreEqual(new[] { "q/1", "q/2" }, Api.Keys(_api.Get("/api/data?prefix=q/&_=12345")));
        }
    }
}
