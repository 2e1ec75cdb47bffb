// The SQLite peer in C#: the benchmark's workloads (bench/README.md) on Mono.Data.Sqlite, over
// `kv(key BLOB PRIMARY KEY, value BLOB) WITHOUT ROWID` in WAL mode, with commands created
// once, prepared and reused with parameters. Durability as in bench/c/sqlite.c:
// synchronous=OFF except for `durable` (synchronous=FULL, one commit per insert); a 512 MiB
// page cache like Ferry's. Reads mirror the Ferry harness: `get` returns a new byte[]
// (Tree.Get), `get_span` copies into a reused buffer (Tree.TryGet), scans materialise each
// key and value as a byte[] (Tree.Range).
//
//   mono SqliteBench.exe dir=PATH keys=N     load, "ready", then stdin commands.

using System;
using System.Data;
using System.Diagnostics;
using System.IO;
using Mono.Data.Sqlite;

namespace FerryBench
{
    internal sealed class SqliteBench
    {
        private const string Who = "csharp-sqlite";

        private readonly ulong _n;
        private readonly SqliteConnection _db;
        private readonly SqliteCommand _get, _put, _range, _scan;
        private readonly Keys _keys;
        private readonly byte[] _key = new byte[Common.KeyLength];
        private readonly byte[] _value = new byte[Common.ValueLength];
        private readonly byte[] _buffer = new byte[4096];

        private SqliteBench(string dir, ulong n)
        {
            _n = n;
            _keys = new Keys(n);
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, "kv.sqlite");
            File.Delete(path);
            _db = new SqliteConnection("Data Source=" + path + ";Version=3;Pooling=False");
            _db.Open();
            Exec("PRAGMA journal_mode=WAL");
            Exec("PRAGMA synchronous=OFF");
            Exec("PRAGMA cache_size=-" + (Common.CacheBytes >> 10));
            Exec("CREATE TABLE kv(key BLOB PRIMARY KEY, value BLOB) WITHOUT ROWID");
            _get = Command("SELECT value FROM kv WHERE key = @k", "@k");
            _put = Command("INSERT OR REPLACE INTO kv(key, value) VALUES(@k, @v)", "@k", "@v");
            _range = Command("SELECT key, value FROM kv WHERE key >= @k ORDER BY key LIMIT 10", "@k");
            _scan = Command("SELECT key, value FROM kv ORDER BY key");
            _get.Parameters["@k"].Value = _key;
            _put.Parameters["@k"].Value = _key;
            _put.Parameters["@v"].Value = _value;
            _range.Parameters["@k"].Value = _key;
        }

        private void Exec(string sql)
        {
            using (var command = _db.CreateCommand())
            {
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }
        }

        private SqliteCommand Command(string sql, params string[] parameters)
        {
            var command = _db.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameters) command.Parameters.Add(name, DbType.Binary);
            command.Prepare();
            return command;
        }

        private static int Main(string[] args)
        {
            var a = Common.Args(args, Who);
            var n = ulong.Parse(a["keys"]);
            var bench = new SqliteBench(a["dir"], n);
            var loaded = bench.Load();
            Protocol.Ready(Who, n, loaded, ",\"sqlite_version\":" + Common.Json(bench._db.ServerVersion));
            Protocol.Serve(bench.Run);
            foreach (var command in new[] { bench._get, bench._put, bench._range, bench._scan }) command.Dispose();
            bench._db.Dispose();
            Protocol.Bye();
            return 0;
        }

        private void SetValue(byte b)
        {
            for (var i = 0; i < _value.Length; i++) _value[i] = b;
        }

        private double Load()
        {
            var watch = Stopwatch.StartNew();
            SetValue(0x5A);
            ulong shown = 0;
            for (ulong next = 0; next < _n;)
            {
                var end = Math.Min(next + Common.LoadBatch, _n);
                using (var tx = _db.BeginTransaction())
                {
                    _put.Transaction = tx;
                    for (var i = next; i < end; i++)
                    {
                        Common.MakeKey(i, _key, 0);
                        _put.ExecuteNonQuery();
                    }
                    tx.Commit();
                }
                _put.Transaction = null;
                next = end;
                if (next * 10 / _n > shown)
                {
                    shown = next * 10 / _n;
                    Console.Error.WriteLine(Who + ": loaded " + next + "/" + _n + " keys");
                }
            }
            Exec("PRAGMA wal_checkpoint(TRUNCATE)");
            return watch.Elapsed.TotalSeconds;
        }

        private Timing Run(string workload, long ops)
        {
            var keys = _keys.Draw(workload, ops);
            switch (workload)
            {
                case "get": return Get(keys, ops);
                case "get_span": return GetSpan(keys, ops);
                case "range10": return Range10(keys, ops);
                case "full_scan": return FullScan(ops);
                case "insert": return Insert(keys, ops, 0xA5);
                case "batch_insert": return BatchInsert(keys, ops);
                case "durable":
                    Exec("PRAGMA synchronous=FULL");
                    try
                    {
                        return Insert(keys, ops, 0x3C);
                    }
                    finally
                    {
                        Exec("PRAGMA synchronous=OFF");
                    }
                default: throw new BenchException("unknown workload " + workload);
            }
        }

        private Timing Get(byte[] keys, long ops)
        {
            long sum = 0;
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++)
            {
                Buffer.BlockCopy(keys, (int)(i * Common.KeyLength), _key, 0, Common.KeyLength);
                var value = (byte[])_get.ExecuteScalar();
                sum += value.Length;
            }
            var timing = clocks.Stop(ops);
            if (sum != ops * Common.ValueLength) throw new BenchException("get: wrong lengths");
            return timing;
        }

        private Timing GetSpan(byte[] keys, long ops)
        {
            long sum = 0;
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++)
            {
                Buffer.BlockCopy(keys, (int)(i * Common.KeyLength), _key, 0, Common.KeyLength);
                using (var reader = _get.ExecuteReader(CommandBehavior.SingleRow))
                {
                    if (reader.Read()) sum += reader.GetBytes(0, 0, _buffer, 0, _buffer.Length);
                }
            }
            var timing = clocks.Stop(ops);
            if (sum != ops * Common.ValueLength) throw new BenchException("get_span: wrong lengths");
            return timing;
        }

        private long Drain(SqliteCommand command)
        {
            long rows = 0;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    var key = (byte[])reader.GetValue(0);
                    var value = (byte[])reader.GetValue(1);
                    if (key.Length == Common.KeyLength && value.Length == Common.ValueLength) rows++;
                }
            }
            return rows;
        }

        private Timing Range10(byte[] keys, long ops)
        {
            long rows = 0;
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++)
            {
                Buffer.BlockCopy(keys, (int)(i * Common.KeyLength), _key, 0, Common.KeyLength);
                rows += Drain(_range);
            }
            var timing = clocks.Stop(ops);
            if (rows < ops) throw new BenchException("range10: too few rows");
            return timing;
        }

        private Timing FullScan(long passes)
        {
            long rows = 0;
            var clocks = Clocks.Start();
            for (long pass = 0; pass < passes; pass++) rows += Drain(_scan);
            var timing = clocks.Stop(rows);
            if (rows != passes * (long)_n) throw new BenchException("full_scan saw " + rows + " rows");
            return timing;
        }

        private Timing Insert(byte[] keys, long ops, byte fill)
        {
            SetValue(fill);
            var clocks = Clocks.Start();
            for (long i = 0; i < ops; i++)
            {
                Buffer.BlockCopy(keys, (int)(i * Common.KeyLength), _key, 0, Common.KeyLength);
                _put.ExecuteNonQuery();
            }
            var timing = clocks.Stop(ops);
            return timing;
        }

        private Timing BatchInsert(byte[] keys, long ops)
        {
            SetValue(0xB6);
            var clocks = Clocks.Start();
            SqliteTransaction tx = null;
            for (long i = 0; i < ops; i++)
            {
                if (i % Common.BatchSize == 0) _put.Transaction = tx = _db.BeginTransaction();
                Buffer.BlockCopy(keys, (int)(i * Common.KeyLength), _key, 0, Common.KeyLength);
                _put.ExecuteNonQuery();
                if ((i + 1) % Common.BatchSize == 0 || i + 1 == ops)
                {
                    tx.Commit();
                    tx.Dispose();
                }
            }
            var timing = clocks.Stop(ops);
            _put.Transaction = null;
            return timing;
        }
    }
}
