using System;
using System.Globalization;

namespace Ferry.Server
{
    /// <summary>
    /// The query of GET /api/data (prefix, after, limit, reverse), and the key range it selects:
    /// [<see cref="Start"/>, <see cref="End"/>) walked forward or backward. Unknown parameters are
    /// ignored; a repeated one is an error.
    /// </summary>
    internal sealed class ListQuery
    {
        public const int MaxLimit = 10000;

        private static readonly byte[] Empty = new byte[0];

        public byte[] Prefix { get; private set; } = Empty;

        /// <summary>Exclusive: keys after it (before it when <see cref="Reverse"/>); null when not given.</summary>
        public byte[] After { get; private set; }

        /// <summary>1..10000, or -1 for no limit.</summary>
        public int Limit { get; private set; } = -1;

        public bool Reverse { get; private set; }

        /// <summary>The first key in range (inclusive), or null for the tree's start.</summary>
        public byte[] Start { get; private set; }

        /// <summary>The key the range stops before (exclusive), or null for the tree's end.</summary>
        public byte[] End { get; private set; }

        /// <summary>True when the range cannot hold a key.</summary>
        public bool IsEmpty { get; private set; }

        /// <summary>Parses the raw query string; throws <see cref="ApiException"/> (invalid_query).</summary>
        public static ListQuery Parse(string rawQuery)
        {
            var q = new ListQuery();
            bool seenPrefix = false, seenAfter = false, seenLimit = false, seenReverse = false;
            foreach (var part in rawQuery.Split('&'))
            {
                if (part.Length == 0) continue;
                var eq = part.IndexOf('=');
                var name = Text(eq < 0 ? part : part.Substring(0, eq), "a parameter name");
                var rawValue = eq < 0 ? "" : part.Substring(eq + 1);
                switch (name)
                {
                    case "prefix":
                        Once(ref seenPrefix, name);
                        q.Prefix = Bytes(rawValue, name);
                        break;
                    case "after":
                        Once(ref seenAfter, name);
                        var after = Bytes(rawValue, name);
                        q.After = after.Length == 0 ? null : after; // "after=" is "from the start"
                        break;
                    case "limit":
                        Once(ref seenLimit, name);
                        var limitText = Text(rawValue, name);
                        int limit;
                        if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit)
                            throw ApiException.InvalidQuery($"limit must be an integer from 1 to {MaxLimit}, not '{limitText}'");
                        q.Limit = limit;
                        break;
                    case "reverse":
                        Once(ref seenReverse, name);
                        var reverseText = Text(rawValue, name);
                        if (reverseText == "true") q.Reverse = true;
                        else if (reverseText == "false") q.Reverse = false;
                        else throw ApiException.InvalidQuery($"reverse must be 'true' or 'false', not '{reverseText}'");
                        break;
                }
            }
            q.ComputeRange();
            return q;
        }

        private void ComputeRange()
        {
            byte[] start = Prefix.Length == 0 ? null : Prefix;
            byte[] end = PrefixEnd(Prefix);
            if (After != null)
            {
                if (!Reverse)
                {
                    // The smallest key greater than After is After followed by a zero byte.
                    var successor = new byte[After.Length + 1];
                    Buffer.BlockCopy(After, 0, successor, 0, After.Length);
                    if (start == null || Compare(successor, start) > 0) start = successor;
                }
                else if (end == null || Compare(After, end) < 0)
                {
                    end = After;
                }
            }
            Start = start;
            End = end;
            IsEmpty = start != null && end != null && Compare(start, end) >= 0;
        }

        /// <summary>The smallest key greater than every key starting with <paramref name="prefix"/>; null if none.</summary>
        internal static byte[] PrefixEnd(byte[] prefix)
        {
            for (var i = prefix.Length - 1; i >= 0; i--)
            {
                if (prefix[i] == 0xFF) continue;
                var end = new byte[i + 1];
                Buffer.BlockCopy(prefix, 0, end, 0, i + 1);
                end[i]++;
                return end;
            }
            return null;
        }

        /// <summary>Unsigned byte-wise comparison, as the store orders keys.</summary>
        internal static int Compare(byte[] a, byte[] b)
        {
            var n = Math.Min(a.Length, b.Length);
            for (var i = 0; i < n; i++)
            {
                if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
            }
            return a.Length.CompareTo(b.Length);
        }

        private static void Once(ref bool seen, string name)
        {
            if (seen) throw ApiException.InvalidQuery($"'{name}' is given more than once");
            seen = true;
        }

        private static byte[] Bytes(string raw, string what)
        {
            byte[] bytes;
            string error;
            if (!Keys.TryPercentDecode(raw, true, out bytes, out error)) throw ApiException.InvalidQuery($"{what} has {error}");
            string ignored;
            if (!Keys.TryUtf8(bytes, out ignored)) throw ApiException.InvalidQuery($"{what} is not valid UTF-8 once percent-decoded");
            return bytes;
        }

        private static string Text(string raw, string what)
        {
            string text;
            Keys.TryUtf8(Bytes(raw, what), out text);
            return text;
        }
    }
}
