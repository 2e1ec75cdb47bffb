// Example.cs: a tour of Ferry's .NET API (namespace Ferry). Copy it and adapt it.
//
//   mcs -langversion:7.2 -r:Ferry.dll -out:Example.exe Example.cs
//   mono Example.exe /tmp/ferry-demo        (libferry.so beside Ferry.dll; see README.md)
//
// It opens (or creates) a store in the directory given as args[0], writes and reads a few keys
// in the tree "fruits" in every way the API offers, and prints what it sees. It exits with 0
// only if everything went as expected, so it can be run again on the same directory.
using System;
using System.Collections.Generic;
using System.Text;
using Ferry;

internal static class Example
{
    private static int Main(string[] args)
    {
        if (args.Length != 1)
        {
            Console.Error.WriteLine("usage: Example.exe STORE_DIRECTORY");
            return 2;
        }
        try
        {
            Run(args[0]);
            Console.WriteLine("ok");
            return 0;
        }
        catch (Exception e)
        {
            // Anything that lands here was not expected: a FerryException carries the native
            // status (e.Status) and libferry's message; an Unexpected is one of our checks.
            Console.Error.WriteLine(e);
            Console.WriteLine("FAILED");
            return 1;
        }
    }

    private static void Run(string directory)
    {
        // 1. Open the store (created if missing). Dispose closes it and everything obtained
        //    from it; it does not flush. The options shown are the defaults but one.
        var options = new StoreOptions { CacheCapacity = 16L * 1024 * 1024 };
        using (var store = Store.Open(directory, options))
        {
            // A tree is a named, ordered map of byte keys to byte values, created if missing.
            // The string overloads encode keys and values as UTF-8.
            var fruits = store.OpenTree("fruits");

            // 2. Write. Each Set replaces any previous value.
            fruits.Set("apple", "red");
            fruits.Set("apricot", "orange");
            fruits.Set("banana", "yellow");
            fruits.Set("cherry", "dark red");

            // 3. Read a copy. A missing key is null, not an exception.
            foreach (var key in new[] { "apple", "banana" })
                Console.WriteLine($"get {key} = {fruits.GetString(key)}");
            Expect(fruits.GetString("durian") == null, "durian should be absent");
            Console.WriteLine("get durian: not found");

            // 4. Read without copying. A ValueView holds the value in native memory until it is
            //    disposed; TryRead lends the bytes to a delegate for the length of the call.
            var cherry = Utf8("cherry");
            using (var view = fruits.GetView(cherry))
            {
                Expect(view != null, "cherry should be present");
                Console.WriteLine($"view cherry = {Encoding.UTF8.GetString(view.ToArray())} ({view.Length} bytes)");
            }
            int words;
            Expect(fruits.TryRead(cherry, bytes => CountWords(bytes), out words), "cherry should be present");
            Console.WriteLine($"tryread cherry: {words} words");
            Expect(words == 2, "\"dark red\" has two words");

            // 5. A batch: all of its writes are applied atomically, or none.
            using (var batch = new WriteBatch())
            {
                batch.Set("avocado", "green").Set("date", "brown").Remove("banana");
                var writes = batch.Count;
                fruits.Apply(batch); // empties the batch; it could be reused
                Console.WriteLine($"batch: {writes} writes applied");
            }

            // 6. Scan the keys starting with "a", in order. Entries come lazily, many per native
            //    call; foreach disposes the enumerator, which frees the native cursor.
            var found = 0;
            foreach (var entry in fruits.Prefix("a"))
            {
                Console.WriteLine($"scan: {Encoding.UTF8.GetString(entry.Key)}={Encoding.UTF8.GetString(entry.Value)}");
                found++;
            }
            Console.WriteLine($"scan: {found} entries with prefix \"a\"");
            Expect(found == 3, "expected 3 entries with prefix \"a\"");

            // A range: start inclusive, end exclusive; reverse and limit are optional.
            var range = new List<string>();
            foreach (var entry in fruits.Range(Utf8("apricot"), Utf8("cherry"), reverse: true, limit: 10))
                range.Add(Encoding.UTF8.GetString(entry.Key));
            Console.WriteLine($"range [apricot, cherry) reversed: {string.Join(", ", range)}");

            // 7. Compare-and-swap: write only if the current value is the expected one
            //    (null expected means "absent"; null new value means "remove").
            var swapped = fruits.CompareAndSwap("date", "brown", "dark brown");
            Console.WriteLine($"cas date brown -> dark brown: {(swapped ? "swapped" : "not swapped")}");
            Expect(swapped, "date should have been brown");
            swapped = fruits.CompareAndSwap("date", "brown", "black");
            Console.WriteLine($"cas date brown -> black: {(swapped ? "swapped" : "not swapped")}, date = {fruits.GetString("date")}");
            Expect(!swapped, "date is no longer brown");

            // 8. Errors. Bad arguments throw ArgumentException (names starting with "__" are
            //    reserved); a failed native call throws FerryException with its Status. A store
            //    directory is locked while open, by this process too.
            try
            {
                store.OpenTree("__x");
                throw new Unexpected("the tree name \"__x\" was accepted");
            }
            catch (ArgumentException e)
            {
                Console.WriteLine($"error: ArgumentException ({e.ParamName}): {FirstLine(e.Message)}");
            }
            try
            {
                using (Store.Open(directory)) { }
                throw new Unexpected("the store was opened twice");
            }
            catch (FerryException e) when (e.Status == FerryStatus.Locked)
            {
                Console.WriteLine($"error: FerryException {e.Status}: {e.Message}");
            }

            // 9. Make the writes durable: only Flush promises that.
            Console.WriteLine($"count: {fruits.Count()} entries in fruits");
            store.Flush();
            Console.WriteLine("flushed");
        }
    }

    /// <summary>Counts space-separated words, reading the bytes in place.</summary>
    private static int CountWords(ReadOnlySpan<byte> text)
    {
        var words = 0;
        var inWord = false;
        foreach (var b in text)
        {
            var space = b == (byte)' ';
            if (!space && !inWord) words++;
            inWord = !space;
        }
        return words;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    // Mono's ArgumentException.Message adds "Parameter name: ..." on a second line.
    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        return (end < 0 ? text : text.Substring(0, end)).TrimEnd('\r');
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition) throw new Unexpected(what);
    }

    /// <summary>A check of this example failed.</summary>
    private sealed class Unexpected : Exception
    {
        public Unexpected(string message) : base(message) { }
    }
}
