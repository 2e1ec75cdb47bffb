// Smoke test of the generated C# layer (generated/csharp/*.g.cs) against libferry.
//
// Compiled together with the generated files into one exe, so their internal members
// (Interop, the SafeHandle classes, the structs) are reachable. C# 7.2, builds with Mono's mcs:
//
//   mcs -langversion:7.2 -unsafe -warnaserror -out:Smoke.exe generated/csharp/*.cs ffi/tests/csharp/Smoke.cs
//   LD_LIBRARY_PATH=target/release mono Smoke.exe            # checks; exit 1 on any failure
//   LD_LIBRARY_PATH=target/release mono Smoke.exe --bench    # timings of the boundary
//
// scripts/test-csharp-smoke.sh does both.

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace Ferry.SmokeTest
{
    internal static class Smoke
    {
        private static int passed;
        private static int failed;

        private static void Check(bool cond, string what)
        {
            if (cond)
            {
                passed++;
            }
            else
            {
                failed++;
                Console.WriteLine("FAIL: " + what);
            }
        }

        private static byte[] B(string text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        private static string S(byte[] bytes, int offset, int count)
        {
            return Encoding.UTF8.GetString(bytes, offset, count);
        }

        private static bool Same(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
        {
            return a.SequenceEqual(b);
        }

        private static string NewTempDir(string tag)
        {
            var dir = Path.Combine(Path.GetTempPath(), "ferry-smoke-" + tag + "-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }

        /// <summary>
        /// Runs <paramref name="action"/>, which must throw a FerryException with
        /// <paramref name="expected"/> and a real native message (not the fallback text).
        /// </summary>
        private static void ExpectFailure(string what, FerryStatus expected, string messagePart, Action action)
        {
            try
            {
                action();
                Check(false, what + ": expected FerryException(" + expected + "), nothing was thrown");
            }
            catch (FerryException e)
            {
                Check(e.Status == expected, what + ": status is " + e.Status + ", expected " + expected);
                var suffix = " (" + expected + ")";
                var native = e.Message.EndsWith(suffix, StringComparison.Ordinal)
                    ? e.Message.Substring(0, e.Message.Length - suffix.Length)
                    : e.Message;
                Check(native.Length > 0 && native != "native call failed",
                    what + ": native message is missing (got \"" + e.Message + "\")");
                Check(messagePart == null || native.Contains(messagePart),
                    what + ": native message \"" + native + "\" lacks \"" + messagePart + "\"");
            }
            catch (Exception e)
            {
                Check(false, what + ": expected FerryException(" + expected + "), got " + e.GetType().Name + ": " + e.Message);
            }
        }

        private static void Disposed(SafeHandle handle, string what)
        {
            handle.Dispose();
            Check(handle.IsClosed, what + ": IsClosed after Dispose");
            handle.Dispose(); // a second Dispose is a no-op
            Check(handle.IsClosed, what + ": still IsClosed after a second Dispose");
        }

        private static uint U32(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }

        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--bench")
            {
                Bench.Run();
                return 0;
            }
            if (args.Length > 0)
            {
                Console.Error.WriteLine("usage: Smoke.exe [--bench]");
                return 2;
            }

            var dir = NewTempDir("test");
            try
            {
                Run(dir);
            }
            catch (Exception e)
            {
                Check(false, "unexpected exception: " + e);
            }
            finally
            {
                try
                {
                    Directory.Delete(dir, true);
                }
                catch (Exception e)
                {
                    Check(false, "removing the temp dir " + dir + ": " + e.Message);
                }
            }

            Console.WriteLine("smoke: " + passed + " passed, " + failed + " failed");
            Environment.Exit(failed > 0 ? 1 : 0);
            return 0;
        }

        private static void Run(string dir)
        {
            // Plain functions (the first call also runs Interop's API guard).
            var version = Interop.ferry_version();
            Check(version > 0, "ferry_version() > 0 (got " + version + ")");
            Check(Interop.ferry_api_guard() != 0, "ferry_api_guard() != 0");

            var options = Interop.ferry_options_default();
            Check(options.cache_capacity == 64UL << 20, "default cache_capacity is 64 MiB (got " + options.cache_capacity + ")");
            Check(options.flush_every_ms == 500, "default flush_every_ms is 500 (got " + options.flush_every_ms + ")");
            Check(options.temporary == 0, "default temporary is 0 (got " + options.temporary + ")");

            // Store and tree.
            FerryStoreHandle store;
            Check(FerryStoreHandle.Open(out store, dir, ref options) == FerryStatus.Ok, "store open returns Ok");
            Check(store != null && !store.IsInvalid && !store.IsClosed, "store handle is valid");

            FerryTreeHandle tree;
            Check(FerryTreeHandle.Open(out tree, store, "smoke") == FerryStatus.Ok, "tree open returns Ok");
            Check(tree != null && !tree.IsInvalid, "tree handle is valid");

            // A second open of the same directory is refused while the first is open.
            ExpectFailure("second open of the same store", FerryStatus.Locked, "already open", () =>
            {
                FerryStoreHandle again;
                FerryStoreHandle.Open(out again, dir, ref options);
                again.Dispose();
            });

            InsertGetRemove(tree);
            View(tree);
            BatchApply(tree);
            CompareAndSwap(tree);
            Errors(store, tree);

            FerryTreeHandle scanTree;
            FerryTreeHandle.Open(out scanTree, store, "scan");
            Scan(scanTree);

            // Store-level calls.
            Check(store.Flush() == FerryStatus.Ok, "store flush returns Ok");
            FerryStats stats;
            Check(store.Stats(out stats) == FerryStatus.Ok, "store stats returns Ok");
            ulong smokeLen;
            tree.Len(out smokeLen);
            Check(stats.entries == smokeLen + 10000, "stats.entries is " + stats.entries + ", expected " + (smokeLen + 10000));
            Check(stats.trees >= 3, "stats.trees counts default, smoke and scan (got " + stats.trees + ")");
            Check(stats.size_on_disk > 0, "stats.size_on_disk > 0");
            Check(store.DropTree("scan") == FerryStatus.Ok, "drop_tree(\"scan\") returns Ok");
            Check(store.DropTree("scan") == FerryStatus.NotFound, "dropping it again returns NotFound (a status, not an exception)");
            ExpectFailure("drop_tree(\"default\")", FerryStatus.InvalidTreeName, null, () => store.DropTree("default"));

            // Dispose everything. Trees stay usable after their store is disposed.
            Disposed(store, "store");
            Check(tree.Insert(B("after-store-dispose"), B("x")) == FerryStatus.Ok, "a tree still works after its store handle is disposed");
            Disposed(scanTree, "scan tree");
            Disposed(tree, "tree");

            // A disposed handle is refused by the marshaler, never passed to native code.
            try
            {
                ulong n;
                tree.Len(out n);
                Check(false, "a call on a disposed tree handle throws ObjectDisposedException (nothing was thrown)");
            }
            catch (ObjectDisposedException)
            {
                Check(true, "a call on a disposed tree handle throws ObjectDisposedException");
            }
            catch (Exception e)
            {
                Check(false, "a call on a disposed tree handle throws ObjectDisposedException (got " + e.GetType().Name + ")");
            }

            // With every handle gone the store is closed: it can be opened again.
            FerryStoreHandle reopened;
            Check(FerryStoreHandle.Open(out reopened, dir, ref options) == FerryStatus.Ok, "the store reopens after every handle is disposed");
            FerryTreeHandle again2;
            FerryTreeHandle.Open(out again2, reopened, "smoke");
            var buf = new byte[16];
            ulong len;
            Check(again2.Get(B("after-store-dispose"), buf, out len) == FerryStatus.Ok && len == 1 && buf[0] == (byte)'x',
                "a write made after the store handle was disposed is there after reopening");
            Disposed(again2, "reopened tree");
            Disposed(reopened, "reopened store");
        }

        private static void InsertGetRemove(FerryTreeHandle tree)
        {
            var key = B("greeting");
            var value = B("hello, ferry");
            Check(tree.Insert(key, value) == FerryStatus.Ok, "insert returns Ok");

            var buffer = new byte[64];
            ulong len;
            var status = tree.Get(key, buffer, out len);
            Check(status == FerryStatus.Ok, "get returns Ok (got " + status + ")");
            Check(len == (ulong)value.Length, "get reports the value length (got " + len + ")");
            Check(Same(new ReadOnlySpan<byte>(buffer, 0, (int)len), value), "get copies the value");

            // Spans over part of an array.
            var big = new byte[200];
            for (var i = 0; i < big.Length; i++) big[i] = (byte)(i * 7 + 3);
            var slab = new byte[300];
            var keyInSlab = new Span<byte>(slab, 10, 5);
            B("big-k").CopyTo(keyInSlab);
            Check(tree.Insert(keyInSlab, new ReadOnlySpan<byte>(big)) == FerryStatus.Ok, "insert from spans into larger arrays returns Ok");

            // BufferTooSmall: nothing is copied, the needed length is reported; retry fits.
            var small = new byte[16];
            for (var i = 0; i < small.Length; i++) small[i] = 0xEE;
            status = tree.Get(B("big-k"), small, out len);
            Check(status == FerryStatus.BufferTooSmall, "get into a 16-byte buffer returns BufferTooSmall (got " + status + ")");
            Check(len == (ulong)big.Length, "BufferTooSmall reports the needed length 200 (got " + len + ")");
            var untouched = true;
            foreach (var b in small) untouched &= b == 0xEE;
            Check(untouched, "BufferTooSmall copies nothing");
            var exact = new byte[len];
            status = tree.Get(B("big-k"), exact, out len);
            Check(status == FerryStatus.Ok && len == (ulong)big.Length, "retry with the reported length returns Ok");
            Check(Same(exact, big), "retry with the reported length copies the value");

            // Writing into the middle of a larger buffer through a sliced span.
            var outer = new byte[260];
            status = tree.Get(B("big-k"), new Span<byte>(outer, 30, 200), out len);
            Check(status == FerryStatus.Ok && Same(new ReadOnlySpan<byte>(outer, 30, 200), big) && outer[29] == 0 && outer[230] == 0,
                "get into a sliced span writes exactly that slice");

            // Missing key: NotFound is a status, not an exception.
            try
            {
                status = tree.Get(B("no-such-key"), buffer, out len);
                Check(status == FerryStatus.NotFound, "get of a missing key returns NotFound (got " + status + ")");
            }
            catch (Exception e)
            {
                Check(false, "get of a missing key must not throw (threw " + e.GetType().Name + ": " + e.Message + ")");
            }

            // Empty key and empty value (empty spans: null data pointer, length 0).
            Check(tree.Insert(ReadOnlySpan<byte>.Empty, ReadOnlySpan<byte>.Empty) == FerryStatus.Ok, "insert of empty key and value returns Ok");
            len = 99;
            status = tree.Get(ReadOnlySpan<byte>.Empty, Span<byte>.Empty, out len);
            Check(status == FerryStatus.Ok && len == 0, "get of the empty key into an empty buffer: Ok, length 0 (got " + status + ", " + len + ")");
            Check(tree.Remove(ReadOnlySpan<byte>.Empty) == FerryStatus.Ok, "remove of the empty key returns Ok");

            // Overwrite, remove.
            Check(tree.Insert(key, B("replaced")) == FerryStatus.Ok, "overwrite returns Ok");
            tree.Get(key, buffer, out len);
            Check(S(buffer, 0, (int)len) == "replaced", "get after overwrite sees the new value");
            Check(tree.Insert(B("doomed"), B("x")) == FerryStatus.Ok, "insert doomed returns Ok");
            Check(tree.Remove(B("doomed")) == FerryStatus.Ok, "remove of a present key returns Ok");
            Check(tree.Remove(B("doomed")) == FerryStatus.NotFound, "remove of an absent key returns NotFound");
            Check(tree.Get(B("doomed"), buffer, out len) == FerryStatus.NotFound, "a removed key is gone");

            ulong count;
            Check(tree.Len(out count) == FerryStatus.Ok && count == 2, "len counts 2 entries (got " + count + ")");
        }

        private static unsafe void View(FerryTreeHandle tree)
        {
            var value = new byte[1000];
            for (var i = 0; i < value.Length; i++) value[i] = (byte)(i % 251);
            tree.Insert(B("viewed"), value);

            FerryViewHandle view;
            var status = FerryViewHandle.Get(out view, tree, B("viewed"));
            Check(status == FerryStatus.Ok && !view.IsInvalid, "view get returns Ok and a valid handle");
            FerryBytes bytes;
            Check(view.Bytes(out bytes) == FerryStatus.Ok, "view bytes returns Ok");
            Check(bytes.len == (ulong)value.Length, "view length is 1000 (got " + bytes.len + ")");
            Check(bytes.data != IntPtr.Zero, "view data pointer is not null");
            var seen = new ReadOnlySpan<byte>((void*)bytes.data, (int)bytes.len);
            Check(Same(seen, value), "view bytes read through the pointer equal the value");

            // The view's bytes stay put while the tree changes.
            tree.Insert(B("viewed"), B("something else"));
            tree.Remove(B("viewed"));
            FerryBytes again;
            view.Bytes(out again);
            Check(again.data == bytes.data && again.len == bytes.len, "view pointer and length are stable");
            Check(Same(new ReadOnlySpan<byte>((void*)again.data, (int)again.len), value), "view bytes are unchanged after overwrite and remove of the key");
            Disposed(view, "view");

            // Missing key: NotFound status and an invalid (null) handle.
            FerryViewHandle missing;
            status = FerryViewHandle.Get(out missing, tree, B("viewed"));
            Check(status == FerryStatus.NotFound, "view get of a missing key returns NotFound (got " + status + ")");
            Check(missing != null && missing.IsInvalid, "the view handle of a missing key is invalid");
            Disposed(missing, "invalid view");

            // Empty value: length 0.
            tree.Insert(B("empty"), ReadOnlySpan<byte>.Empty);
            FerryViewHandle empty;
            FerryViewHandle.Get(out empty, tree, B("empty"));
            FerryBytes none;
            Check(empty.Bytes(out none) == FerryStatus.Ok && none.len == 0, "view of an empty value has length 0");
            Disposed(empty, "empty view");
            tree.Remove(B("empty"));
        }

        private static void BatchApply(FerryTreeHandle tree)
        {
            tree.Insert(B("batch-gone"), B("old"));

            FerryBatchHandle batch;
            Check(FerryBatchHandle.New(out batch) == FerryStatus.Ok && !batch.IsInvalid, "batch new returns Ok and a valid handle");
            for (var i = 0; i < 3; i++)
            {
                Check(batch.Insert(B("batch-" + i), B("value-" + i)) == FerryStatus.Ok, "batch insert " + i + " returns Ok");
            }
            Check(batch.Remove(B("batch-gone")) == FerryStatus.Ok, "batch remove returns Ok");
            Check(batch.Remove(B("batch-never-there")) == FerryStatus.Ok, "batch remove of an absent key returns Ok");
            ulong n;
            Check(batch.Len(out n) == FerryStatus.Ok && n == 5, "batch len is 5 (got " + n + ")");

            var buffer = new byte[32];
            ulong len;
            Check(tree.Get(B("batch-0"), buffer, out len) == FerryStatus.NotFound, "nothing is written before the batch is applied");

            Check(tree.ApplyBatch(batch) == FerryStatus.Ok, "apply batch returns Ok");
            var all = true;
            for (var i = 0; i < 3; i++)
            {
                all &= tree.Get(B("batch-" + i), buffer, out len) == FerryStatus.Ok && S(buffer, 0, (int)len) == "value-" + i;
            }
            Check(all, "the batch's inserts are in the tree");
            Check(tree.Get(B("batch-gone"), buffer, out len) == FerryStatus.NotFound, "the batch's remove took effect");
            Check(batch.Len(out n) == FerryStatus.Ok && n == 0, "the batch is empty after apply (got " + n + ")");

            // Limits are checked when the write is added.
            ExpectFailure("batch insert of a 1025-byte key", FerryStatus.KeyTooLong, "1025", () => batch.Insert(new byte[1025], B("v")));
            Check(batch.Len(out n) == FerryStatus.Ok && n == 0, "a rejected batch write is not added");

            // The batch is reusable.
            batch.Insert(B("batch-0"), B("second round"));
            Check(tree.ApplyBatch(batch) == FerryStatus.Ok, "a reused batch applies");
            tree.Get(B("batch-0"), buffer, out len);
            Check(S(buffer, 0, (int)len) == "second round", "the reused batch's write is in the tree");
            Disposed(batch, "batch");

            for (var i = 0; i < 3; i++) tree.Remove(B("batch-" + i));
        }

        private static void CompareAndSwap(FerryTreeHandle tree)
        {
            var key = B("cas");
            var buffer = new byte[32];
            ulong len;

            var status = tree.CompareAndSwap(key, ReadOnlySpan<byte>.Empty, 0, B("v1"), 1);
            Check(status == FerryStatus.Ok, "cas expecting absence on an absent key swaps (got " + status + ")");
            tree.Get(key, buffer, out len);
            Check(S(buffer, 0, (int)len) == "v1", "cas created the value");

            status = tree.CompareAndSwap(key, B("v1"), 1, B("v2"), 1);
            Check(status == FerryStatus.Ok, "cas with the right expected value swaps (got " + status + ")");
            tree.Get(key, buffer, out len);
            Check(S(buffer, 0, (int)len) == "v2", "cas wrote the new value");

            status = tree.CompareAndSwap(key, B("v1"), 1, B("v3"), 1);
            Check(status == FerryStatus.CasMismatch, "cas with a stale expected value returns CasMismatch (got " + status + ")");
            tree.Get(key, buffer, out len);
            Check(S(buffer, 0, (int)len) == "v2", "a mismatched cas writes nothing");

            status = tree.CompareAndSwap(key, ReadOnlySpan<byte>.Empty, 0, B("v4"), 1);
            Check(status == FerryStatus.CasMismatch, "cas expecting absence on a present key returns CasMismatch (got " + status + ")");

            status = tree.CompareAndSwap(key, B("v2"), 1, ReadOnlySpan<byte>.Empty, 0);
            Check(status == FerryStatus.Ok, "cas with has_new = 0 swaps (got " + status + ")");
            Check(tree.Get(key, buffer, out len) == FerryStatus.NotFound, "cas with has_new = 0 removed the key");
        }

        private static void Errors(FerryStoreHandle store, FerryTreeHandle tree)
        {
            ExpectFailure("tree open with name \"\"", FerryStatus.InvalidTreeName, "invalid tree name", () =>
            {
                FerryTreeHandle bad;
                FerryTreeHandle.Open(out bad, store, "");
            });
            ExpectFailure("tree open with name \"__reserved\"", FerryStatus.InvalidTreeName, "__reserved", () =>
            {
                FerryTreeHandle bad;
                FerryTreeHandle.Open(out bad, store, "__reserved");
            });
            ExpectFailure("insert of a 1025-byte key", FerryStatus.KeyTooLong, "1025", () => tree.Insert(new byte[1025], B("v")));
            ExpectFailure("get of a 1025-byte key", FerryStatus.KeyTooLong, "1024", () =>
            {
                ulong len;
                tree.Get(new byte[1025], new byte[8], out len);
            });
            Check(tree.Insert(new byte[1024], B("v")) == FerryStatus.Ok, "a key of exactly 1024 bytes is accepted");
            tree.Remove(new byte[1024]);
            ExpectFailure("cursor open with start after end", FerryStatus.InvalidRange, "start bound", () =>
            {
                FerryCursorHandle cursor;
                FerryCursorHandle.Open(out cursor, tree, B("z"), Interop.FERRY_BOUND_INCLUDED, B("a"), Interop.FERRY_BOUND_INCLUDED, 0, Interop.FERRY_NO_LIMIT);
            });
            ExpectFailure("cursor open with an unknown bound kind", FerryStatus.InvalidArgument, "unknown bound kind 7", () =>
            {
                FerryCursorHandle cursor;
                FerryCursorHandle.Open(out cursor, tree, B("a"), 7, B("z"), Interop.FERRY_BOUND_INCLUDED, 0, Interop.FERRY_NO_LIMIT);
            });

            // Non-ASCII strings travel as UTF-8.
            FerryTreeHandle unicode;
            Check(FerryTreeHandle.Open(out unicode, store, "Bäume-木") == FerryStatus.Ok, "tree open with a non-ASCII UTF-8 name returns Ok");
            unicode.Insert(B("k"), B("v"));
            Check(store.DropTree("Bäume-木") == FerryStatus.Ok, "drop_tree finds the non-ASCII name again");
            Disposed(unicode, "unicode tree");

            // A long native message (longer than FromLastError's first 512-byte buffer).
            var longName = new string('n', 600) + "\u0001";
            ExpectFailure("tree open with a 601-char name", FerryStatus.InvalidTreeName, new string('n', 600), () =>
            {
                FerryTreeHandle bad;
                FerryTreeHandle.Open(out bad, store, longName);
            });

            // The raw status and ferry_last_error directly.
            var raw = Interop.ferry_tree_insert(tree, new byte[2000], B("v"));
            Check(raw == FerryStatus.KeyTooLong, "raw ferry_tree_insert returns KeyTooLong without throwing (got " + raw + ")");
            var message = new byte[256];
            ulong messageLen;
            var last = Interop.ferry_last_error(message, out messageLen);
            Check(last == FerryStatus.KeyTooLong, "ferry_last_error reports KeyTooLong (got " + last + ")");
            Check(messageLen > 0 && messageLen < (ulong)message.Length && message[(int)messageLen] == 0,
                "ferry_last_error writes a NUL-terminated message of the reported length");
            Check(S(message, 0, (int)messageLen).Contains("2000"), "the message names the key length: " + S(message, 0, (int)messageLen));
        }

        private static void Scan(FerryTreeHandle tree)
        {
            const int entries = 10000;
            for (var i = 0; i < entries; i++)
            {
                if (tree.Insert(B("key-" + i.ToString("D5")), B("value-" + i + "-" + new string('x', i % 17))) != FerryStatus.Ok)
                {
                    Check(false, "insert of scan entry " + i);
                    return;
                }
            }
            ulong treeLen;
            Check(tree.Len(out treeLen) == FerryStatus.Ok && treeLen == entries, "the scan tree holds 10000 entries (got " + treeLen + ")");

            // Full scan with a 64 KiB buffer.
            FerryCursorHandle cursor;
            Check(FerryCursorHandle.OpenPrefix(out cursor, tree, ReadOnlySpan<byte>.Empty, 0, Interop.FERRY_NO_LIMIT) == FerryStatus.Ok,
                "cursor open_prefix with an empty prefix returns Ok");
            var buffer = new byte[64 * 1024];
            var calls = 0;
            var seen = 0;
            long totalBytes = 0;
            var ordered = true;
            var contentOk = true;
            var layoutOk = true;
            var maxPerCall = 0UL;
            while (true)
            {
                ulong count, used;
                var status = cursor.Next(buffer, out count, out used);
                calls++;
                if (status != FerryStatus.Ok)
                {
                    Check(false, "cursor next returns Ok (got " + status + ")");
                    break;
                }
                if (count == 0) break;
                maxPerCall = Math.Max(maxPerCall, count);
                totalBytes += (long)used;
                var at = 0;
                for (ulong e = 0; e < count; e++)
                {
                    var k = (int)U32(buffer, at);
                    var v = (int)U32(buffer, at + 4);
                    var key = S(buffer, at + (int)Interop.FERRY_ENTRY_HEADER_LEN, k);
                    var value = S(buffer, at + (int)Interop.FERRY_ENTRY_HEADER_LEN + k, v);
                    ordered &= key == "key-" + seen.ToString("D5");
                    contentOk &= value == "value-" + seen + "-" + new string('x', seen % 17);
                    at += (int)Interop.FERRY_ENTRY_HEADER_LEN + k + v;
                    seen++;
                }
                layoutOk &= (ulong)at == used;
                if (calls > entries + 1) break; // a runaway cursor must not hang the test
            }
            Console.WriteLine("scan: " + seen + " entries in " + calls + " ferry_cursor_next calls ("
                + (calls - 1) + " with data + 1 empty, 64 KiB buffer, " + totalBytes + " bytes, up to " + maxPerCall + " per call)");
            Check(seen == entries, "the scan returns all 10000 entries (got " + seen + ")");
            Check(ordered, "the scan returns the keys in order");
            Check(contentOk, "the scan returns the right values");
            Check(layoutOk, "the packed entries add up to the reported used bytes");
            // 10000 entries of ~35 bytes fit in ~6 buffers of 64 KiB: many entries per call.
            var minimal = (int)(totalBytes / buffer.Length) + 1;
            Check(calls - 1 <= minimal + 1, "the scan packs the buffer (" + (calls - 1) + " data calls, at least " + minimal + " needed)");
            ulong count2, used2;
            Check(cursor.Next(buffer, out count2, out used2) == FerryStatus.Ok && count2 == 0, "a finished cursor keeps returning 0 entries");
            Disposed(cursor, "scan cursor");

            // BufferTooSmall from the cursor keeps the entry for a retry with a bigger buffer.
            FerryCursorHandle small;
            FerryCursorHandle.Open(out small, tree, B("key-00100"), Interop.FERRY_BOUND_INCLUDED, B("key-00103"), Interop.FERRY_BOUND_EXCLUDED, 0, Interop.FERRY_NO_LIMIT);
            var tiny = new byte[4];
            ulong c, u;
            var st = small.Next(tiny, out c, out u);
            var need = 8 + "key-00100".Length + "value-100-".Length + (100 % 17);
            Check(st == FerryStatus.BufferTooSmall && c == 0, "cursor next into 4 bytes returns BufferTooSmall with 0 entries (got " + st + ", " + c + ")");
            Check(u == (ulong)need, "BufferTooSmall reports the bytes the next entry needs (" + need + ", got " + u + ")");
            var exact = new byte[u];
            st = small.Next(exact, out c, out u);
            Check(st == FerryStatus.Ok && c == 1 && S(exact, 8, 9) == "key-00100", "the retry returns the kept entry");
            var rest = new List<string>();
            while (small.Next(buffer, out c, out u) == FerryStatus.Ok && c > 0)
            {
                var at = 0;
                for (ulong e = 0; e < c; e++)
                {
                    var k = (int)U32(buffer, at);
                    var v = (int)U32(buffer, at + 4);
                    rest.Add(S(buffer, at + 8, k));
                    at += 8 + k + v;
                }
            }
            Check(rest.Count == 2 && rest[0] == "key-00101" && rest[1] == "key-00102", "the [key-00100, key-00103) range yields 100, 101, 102: " + string.Join(",", rest));
            Disposed(small, "range cursor");

            // Reverse with a limit.
            FerryCursorHandle reverse;
            FerryCursorHandle.OpenPrefix(out reverse, tree, B("key-099"), 1, 3);
            var got = new List<string>();
            while (reverse.Next(buffer, out c, out u) == FerryStatus.Ok && c > 0)
            {
                var at = 0;
                for (ulong e = 0; e < c; e++)
                {
                    var k = (int)U32(buffer, at);
                    var v = (int)U32(buffer, at + 4);
                    got.Add(S(buffer, at + 8, k));
                    at += 8 + k + v;
                }
            }
            Check(got.Count == 3 && got[0] == "key-09999" && got[1] == "key-09998" && got[2] == "key-09997",
                "a reverse prefix cursor with limit 3 yields 09999, 09998, 09997: " + string.Join(",", got));
            Disposed(reverse, "reverse cursor");
        }
    }

    /// <summary>Timings of the generated layer: run with --bench.</summary>
    internal static class Bench
    {
        /// <summary>"median ... (median of R x N; min a, max b)" for per-call times in ns.</summary>
        private static string Summary(List<double> xs, int digits, string unit, int perRound)
        {
            var sorted = new List<double>(xs);
            sorted.Sort();
            var n = sorted.Count;
            var median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return F(median, digits) + " " + unit + " (median of " + n + " x " + perRound
                + "; min " + F(sorted[0], digits) + ", max " + F(sorted[n - 1], digits) + ")";
        }

        private static string F(double x, int digits)
        {
            return x.ToString("F" + digits, CultureInfo.InvariantCulture);
        }

        public static void Run()
        {
            Console.WriteLine("runtime: " + RuntimeDescription() + ", suspend=" + (Environment.GetEnvironmentVariable("MONO_THREADS_SUSPEND") ?? "(default)"));

            // No-op call: the cost of crossing the boundary.
            const int rounds = 5;
            const int noopCalls = 10000000;
            ulong sink = 0;
            for (var i = 0; i < 1000000; i++) sink += Interop.ferry_version();
            var noop = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < noopCalls; i++) sink += Interop.ferry_version();
                sw.Stop();
                noop.Add(sw.Elapsed.TotalMilliseconds * 1e6 / noopCalls);
            }
            if (sink == 0) Console.WriteLine("(sink)");
            Console.WriteLine("noop: " + Summary(noop, 1, "ns/call", noopCalls) + ", Interop.ferry_version()");

            // The cheapest call taking a SafeHandle: adds the handle's AddRef/Release marshaling.
            const int handleCalls = 2000000;
            FerryBatchHandle batch;
            FerryBatchHandle.New(out batch);
            ulong n;
            for (var i = 0; i < 100000; i++) batch.Len(out n);
            var handle = new List<double>();
            for (var r = 0; r < rounds; r++)
            {
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < handleCalls; i++) batch.Len(out n);
                sw.Stop();
                handle.Add(sw.Elapsed.TotalMilliseconds * 1e6 / handleCalls);
            }
            batch.Dispose();
            Console.WriteLine("handle-noop: " + Summary(handle, 1, "ns/call", handleCalls) + ", FerryBatchHandle.Len on an empty batch");

            // Point get through the span overload on a 100k-key tree.
            const int keys = 100000;
            var dir = Path.Combine(Path.GetTempPath(), "ferry-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                var options = Interop.ferry_options_default();
                options.temporary = 1;
                FerryStoreHandle store;
                FerryStoreHandle.Open(out store, dir, ref options);
                FerryTreeHandle tree;
                FerryTreeHandle.Open(out tree, store, "bench");
                var keyBytes = new byte[keys][];
                var value = new byte[100];
                for (var i = 0; i < keys; i++)
                {
                    keyBytes[i] = Encoding.ASCII.GetBytes("key-" + i.ToString("D8"));
                    value[0] = (byte)i;
                    tree.Insert(keyBytes[i], value);
                }
                // Random order, fixed seed.
                var rng = new Random(42);
                for (var i = keys - 1; i > 0; i--)
                {
                    var j = rng.Next(i + 1);
                    var t = keyBytes[i];
                    keyBytes[i] = keyBytes[j];
                    keyBytes[j] = t;
                }
                var buffer = new byte[256];
                ulong len;
                var misses = 0;
                for (var i = 0; i < keys; i++)
                {
                    if (tree.Get(keyBytes[i], buffer, out len) != FerryStatus.Ok || len != 100) misses++;
                }
                const int getsPerRound = 200000;
                var gets = new List<double>();
                for (var r = 0; r < rounds; r++)
                {
                    var sw = Stopwatch.StartNew();
                    for (var i = 0; i < getsPerRound; i++)
                    {
                        if (tree.Get(keyBytes[i % keys], buffer, out len) != FerryStatus.Ok) misses++;
                    }
                    sw.Stop();
                    gets.Add(sw.Elapsed.TotalMilliseconds * 1e6 / getsPerRound);
                }
                Console.WriteLine("get: " + Summary(gets, 0, "ns/op", getsPerRound) + ", FerryTreeHandle.Get span overload, "
                    + keys + " keys in random order, 100-byte values");
                tree.Dispose();
                store.Dispose();
                if (misses != 0)
                {
                    Console.WriteLine("bench: " + misses + " gets did not return the value");
                    Environment.Exit(1);
                }
            }
            finally
            {
                try { Directory.Delete(dir, true); } catch (DirectoryNotFoundException) { }
            }
        }

        private static string RuntimeDescription()
        {
            var mono = Type.GetType("Mono.Runtime");
            if (mono != null)
            {
                var display = mono.GetMethod("GetDisplayName", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static);
                if (display != null) return "Mono " + display.Invoke(null, null);
            }
            return ".NET " + Environment.Version;
        }
    }
}
