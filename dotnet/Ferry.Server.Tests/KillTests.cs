using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using Mono.Unix.Native;
using NUnit.Framework;

namespace Ferry.Server.Tests
{
    /// <summary>
    /// A 2xx answer to a write means the change survives a crash: the real server takes a
    /// concurrent load of PUT, POST and DELETE on known keys, is killed with SIGKILL at a random
    /// moment, restarts on the same data, and every acknowledged write must be there byte for
    /// byte and every acknowledged delete still deleted. A request that got no answer may go
    /// either way. The trials run on one store, each restart being the next trial's server.
    /// <para>Environment: FERRY_KILL_TRIALS (default 5), FERRY_KILL_SEED (to replay a run; the
    /// seed is printed), FERRY_KILL_DURABILITY (default durable; "relaxed" shows the test catching
    /// the losses that mode allows).</para>
    /// </summary>
    [TestFixture]
    public sealed class KillTests
    {
        private const int Clients = 8;
        private const int KeysPerClient = 100;
        private const int MinKillMs = 150, MaxKillMs = 1500;

        /// <summary>What the clients know: per key, the state after the last answered request, and the unanswered one.</summary>
        private sealed class Model
        {
            /// <summary>The document as last acknowledged; null when absent (never written, or deleted).</summary>
            public readonly string[] Acked = new string[Clients * KeysPerClient];

            /// <summary>The key's state if its unanswered request (at most one) took effect.</summary>
            public readonly string[] Pending = new string[Clients * KeysPerClient];

            public readonly bool[] HasPending = new bool[Clients * KeysPerClient];

            /// <summary>True when the last acknowledged request on the key was a DELETE.</summary>
            public readonly bool[] Deleted = new bool[Clients * KeysPerClient];

            public static string Key(int i) => "kill-" + (i / KeysPerClient) + "-" + (i % KeysPerClient);
        }

        /// <summary>What one trial's load did, summed over its clients.</summary>
        private sealed class Tally
        {
            public int AckedWrites, AckedDeletes, Unanswered;
            public readonly List<string> Wrong = new List<string>();
        }

        private static int EnvInt(string name, int fallback)
        {
            var text = Environment.GetEnvironmentVariable(name);
            int value;
            return !string.IsNullOrEmpty(text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) ? value : fallback;
        }

        [Test]
        public void AcknowledgedWritesSurviveSigkill()
        {
            var trials = EnvInt("FERRY_KILL_TRIALS", 5);
            var seed = EnvInt("FERRY_KILL_SEED", Environment.TickCount & int.MaxValue);
            var durability = Environment.GetEnvironmentVariable("FERRY_KILL_DURABILITY") ?? "durable";
            Console.WriteLine($"kill test: {trials} trials, --durability {durability}, FERRY_KILL_SEED={seed}");
            var random = new Random(seed);
            var model = new Model();
            int ackedWrites = 0, ackedDeletes = 0, lostWrites = 0, lostDeletes = 0;
            var problems = new List<string>();
            var examples = new List<string>();

            using (var dir = new TempDir("kill"))
            {
                var data = dir.Sub("data");
                var server = ServerProcess.Start(data, "--durability", durability, "--log-level", "warn");
                try
                {
                    for (var trial = 1; trial <= trials; trial++)
                    {
                        var killAfter = random.Next(MinKillMs, MaxKillMs);
                        var tally = Load(server, model, trial, random.Next(), killAfter);
                        foreach (var line in server.Stdout.Split('\n'))
                        {
                            if (line.Contains("\"level\":\"error\"")) problems.Add($"trial {trial}: the server logged an error: {line}");
                        }
                        server.Dispose();
                        server = ServerProcess.Start(data, "--durability", durability, "--log-level", "warn");
                        int lostW, lostD;
                        Check(server.Port, model, out lostW, out lostD, examples, problems);
                        Console.WriteLine($"  trial {trial}: killed after {killAfter} ms; acknowledged {tally.AckedWrites} writes, " +
                            $"{tally.AckedDeletes} deletes, {tally.Unanswered} unanswered; lost after restart: {lostW} writes, {lostD} deletes");
                        ackedWrites += tally.AckedWrites;
                        ackedDeletes += tally.AckedDeletes;
                        lostWrites += lostW;
                        lostDeletes += lostD;
                        problems.AddRange(tally.Wrong.Select(w => $"trial {trial}: {w}"));
                    }
                }
                finally
                {
                    server.Dispose();
                }
            }

            Console.WriteLine($"kill test: {trials} trials, {ackedWrites} acknowledged writes, {ackedDeletes} acknowledged deletes; " +
                $"lost: {lostWrites} writes, {lostDeletes} deletes (--durability {durability}, FERRY_KILL_SEED={seed})");
            Assert.Greater(ackedWrites, trials * 20, "too few writes were acknowledged for the test to mean anything");
            Assert.Greater(ackedDeletes, trials * 5, "too few deletes were acknowledged for the test to mean anything");
            Assert.AreEqual(0, lostWrites + lostDeletes,
                $"{lostWrites} acknowledged writes and {lostDeletes} acknowledged deletes were lost (FERRY_KILL_SEED={seed}), " +
                "for example:\n" + string.Join("\n", examples.Take(6)));
            Assert.IsEmpty(problems, string.Join("\n", problems.Take(20)));
        }

        /// <summary>
        /// Runs <see cref="Clients"/> threads of writes against <paramref name="server"/>, each on
        /// its own keys, one request at a time; SIGKILLs the server after <paramref name="killAfterMs"/>
        /// and returns once every client has seen it die.
        /// </summary>
        private static Tally Load(ServerProcess server, Model model, int trial, int seed, int killAfterMs)
        {
            var tally = new Tally();
            var threads = new List<Thread>();
            for (var c = 0; c < Clients; c++)
            {
                var client = c;
                var random = new Random(seed + client);
                threads.Add(new Thread(() => Client(server.Port, model, client, trial, random, tally)) { IsBackground = true, Name = "kill-client-" + c });
            }
            foreach (var thread in threads) thread.Start();
            Thread.Sleep(killAfterMs);
            server.Stop(Signum.SIGKILL);
            foreach (var thread in threads) Assert.IsTrue(thread.Join(30000), "a client did not notice the server's death");
            return tally;
        }

        /// <summary>
        /// One client: picks one of its keys, creates or replaces it (PUT or POST) or deletes it,
        /// and records the outcome in the model, until a request gets no answer.
        /// </summary>
        private static void Client(int port, Model model, int client, int trial, Random random, Tally tally)
        {
            int writes = 0, deletes = 0, n = 0;
            string wrong = null;
            using (var connection = new RawConnection(port))
            {
                while (wrong == null)
                {
                    var i = client * KeysPerClient + random.Next(KeysPerClient);
                    var before = model.Acked[i];
                    var delete = before != null && random.Next(3) == 0;
                    string after = null, method = "DELETE";
                    byte[] body = null;
                    if (!delete)
                    {
                        method = random.Next(2) == 0 ? "PUT" : "POST";
                        after = $"{{\"client\":{client},\"trial\":{trial},\"n\":{n++},\"pad\":\"{new string('x', random.Next(64))}\"}}";
                        body = Encoding.UTF8.GetBytes(after);
                    }
                    model.Pending[i] = after;
                    model.HasPending[i] = true;
                    RawResponse reply;
                    try
                    {
                        reply = connection.Send(method, "/api/data/" + Model.Key(i), body);
                    }
                    catch (Exception e) when (e is System.IO.IOException || e is System.Net.Sockets.SocketException)
                    {
                        break; // the server is gone; this request stays pending
                    }
                    catch (Exception e)
                    {
                        wrong = $"{method} {Model.Key(i)} failed: {e}";
                        break;
                    }
                    var expected = delete ? 204 : before == null ? 201 : 200;
                    if (reply.Status != expected)
                    {
                        // A 5xx leaves the outcome unknown: the request stays pending.
                        wrong = $"{method} {Model.Key(i)} answered {reply.Status} (expected {expected}): {reply.Text}";
                        break;
                    }
                    model.Acked[i] = after;
                    model.Deleted[i] = delete;
                    model.HasPending[i] = false;
                    if (delete) deletes++;
                    else writes++;
                }
            }
            lock (tally)
            {
                tally.AckedWrites += writes;
                tally.AckedDeletes += deletes;
                if (wrong != null) tally.Wrong.Add(wrong);
                else tally.Unanswered++;
            }
        }

        /// <summary>
        /// Reads every key of the model from the restarted server and compares: the last
        /// acknowledged state, or the unanswered request's. Then takes what it read as the model
        /// for the next trial.
        /// </summary>
        private static void Check(int port, Model model, out int lostWrites, out int lostDeletes, List<string> examples, List<string> problems)
        {
            lostWrites = 0;
            lostDeletes = 0;
            using (var connection = new RawConnection(port))
            {
                for (var i = 0; i < model.Acked.Length; i++)
                {
                    var reply = connection.Send("GET", "/api/data/" + Model.Key(i));
                    string found;
                    if (reply.Status == 200) found = reply.Text;
                    else if (reply.Status == 404) found = null;
                    else throw new AssertionException($"GET {Model.Key(i)} answered {reply.Status}: {reply.Text}");

                    if (found == model.Acked[i] || (model.HasPending[i] && found == model.Pending[i]))
                    {
                        // As acknowledged, or the unanswered request took effect.
                    }
                    else if (model.Acked[i] != null)
                    {
                        lostWrites++;
                        if (lostWrites <= 3) examples.Add($"lost write: {Model.Key(i)} is {found ?? "absent"}, acknowledged as {model.Acked[i]}");
                    }
                    else if (model.Deleted[i])
                    {
                        lostDeletes++;
                        if (lostDeletes <= 3) examples.Add($"lost delete: {Model.Key(i)} is back as {found}");
                    }
                    else
                    {
                        problems.Add($"{Model.Key(i)} should be absent but holds {found}");
                    }
                    model.Acked[i] = found;
                    model.HasPending[i] = false;
                    if (found != null) model.Deleted[i] = false;
                }
            }
        }
    }
}
