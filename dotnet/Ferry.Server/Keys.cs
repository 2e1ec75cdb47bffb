using System;
using System.Text;

namespace Ferry.Server
{
    /// <summary>Percent-decoding of raw URL parts, and the rules for document keys.</summary>
    internal static class Keys
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);

        /// <summary>
        /// Percent-decodes <paramref name="raw"/> into bytes; '+' becomes a space when
        /// <paramref name="plusIsSpace"/> (query strings). Characters the request line carried
        /// unencoded are taken as themselves (Latin-1 range as bytes, others as UTF-8).
        /// </summary>
        public static bool TryPercentDecode(string raw, bool plusIsSpace, out byte[] bytes, out string error)
        {
            var output = new byte[raw.Length * 3];
            var n = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                var c = raw[i];
                if (c == '%')
                {
                    int hi, lo;
                    if (i + 2 >= raw.Length || (hi = HexValue(raw[i + 1])) < 0 || (lo = HexValue(raw[i + 2])) < 0)
                    {
                        bytes = null;
                        error = $"bad percent-encoding at character {i + 1}: '%' must be followed by two hex digits";
                        return false;
                    }
                    output[n++] = (byte)((hi << 4) | lo);
                    i += 2;
                }
                else if (c == '+' && plusIsSpace)
                {
                    output[n++] = (byte)' ';
                }
                else if (c <= 0xFF)
                {
                    output[n++] = (byte)c;
                }
                else
                {
                    var length = char.IsHighSurrogate(c) && i + 1 < raw.Length ? 2 : 1;
                    n += Encoding.UTF8.GetBytes(raw, i, length, output, n);
                    i += length - 1;
                }
            }
            Array.Resize(ref output, n);
            bytes = output;
            error = null;
            return true;
        }

        /// <summary>
        /// Decodes and checks the {key} segment of /api/data/{key}: 1 to 1024 bytes of UTF-8, no
        /// control characters. Throws <see cref="ApiException"/> (invalid_key) otherwise.
        /// </summary>
        public static byte[] Parse(string rawSegment, out string key)
        {
            byte[] bytes;
            string error;
            if (!TryPercentDecode(rawSegment, false, out bytes, out error)) throw ApiException.InvalidKey("the key has " + error);
            if (bytes.Length == 0) throw ApiException.InvalidKey("the key is empty");
            if (bytes.Length > Limits.MaxKeyLength)
                throw ApiException.InvalidKey($"the key is {bytes.Length} bytes long (UTF-8, percent-decoded); the limit is {Limits.MaxKeyLength}");
            if (!TryUtf8(bytes, out key)) throw ApiException.InvalidKey("the key is not valid UTF-8 once percent-decoded");
            for (var i = 0; i < key.Length; i++)
            {
                if (char.IsControl(key[i])) throw ApiException.InvalidKey($"the key contains the control character U+{(int)key[i]:X4}");
            }
            return bytes;
        }

        /// <summary>Strict UTF-8 decoding; false for invalid bytes.</summary>
        public static bool TryUtf8(byte[] bytes, out string text)
        {
            try
            {
                text = StrictUtf8.GetString(bytes);
                return true;
            }
            catch (ArgumentException)
            {
                text = null;
                return false;
            }
        }

        /// <summary>
        /// A key for the X-Next-After header: printable ASCII as is, '%', space and every other
        /// byte percent-encoded, so that decodeURIComponent(header) is always the key, and a plain
        /// ASCII key is itself.
        /// </summary>
        public static string ForHeader(byte[] key)
        {
            var text = new StringBuilder(key.Length + 8);
            foreach (var b in key)
            {
                if (b > 0x20 && b < 0x7F && b != '%') text.Append((char)b);
                else text.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            }
            return text.ToString();
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}
