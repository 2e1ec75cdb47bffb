using System;

namespace Ferry.Server
{
    /// <summary>
    /// A strict RFC 8259 check of a JSON text in UTF-8, without building it: objects, arrays,
    /// strings (valid UTF-8, no raw control characters, only the standard escapes), numbers in
    /// JSON's grammar, true/false/null, one value surrounded by optional whitespace.
    /// </summary>
    /// <remarks>
    /// Not Newtonsoft: Json.NET 6 accepts what is not JSON (<c>{a:1}</c>, <c>'x'</c>,
    /// <c>[1,,2]</c>, <c>NaN</c>, <c>0x1F</c>, comments, <c>new Date(1)</c>), and a stored
    /// value is later written raw inside <c>GET /api/data</c>'s array, so one lenient document
    /// would make every listing unparseable. Iterative, so deep nesting cannot overflow the stack.
    /// </remarks>
    internal static class JsonValidator
    {
        private const byte InObject = 1;
        private const byte InArray = 2;

        /// <summary>Null if bytes [start, end) are one JSON value; else what is wrong and where.</summary>
        public static string Check(byte[] b, int start, int end)
        {
            var stack = new byte[16];
            var depth = 0;
            var i = SkipSpace(b, start, end);
            if (i == end) return "the body is empty; expected a JSON value";
            var needValue = true;
            string error;
            while (true)
            {
                i = SkipSpace(b, i, end);
                if (needValue)
                {
                    if (i == end) return Where(b, start, i, "unexpected end of input; expected a value");
                    var c = b[i];
                    if (c == '{' || c == '[')
                    {
                        i = SkipSpace(b, i + 1, end);
                        var close = c == '{' ? (byte)'}' : (byte)']';
                        if (i < end && b[i] == close)
                        {
                            i++;
                            needValue = false;
                            continue;
                        }
                        if (depth == stack.Length) Array.Resize(ref stack, depth * 2);
                        stack[depth++] = c == '{' ? InObject : InArray;
                        if (c == '{' && (error = Member(b, start, ref i, end)) != null) return error;
                        continue;
                    }
                    if ((error = Scalar(b, start, ref i, end)) != null) return error;
                    needValue = false;
                    continue;
                }
                if (depth == 0) return i == end ? null : Where(b, start, i, $"unexpected {Describe(b[i])} after the JSON value");
                var top = stack[depth - 1];
                if (i == end) return Where(b, start, i, top == InObject ? "unexpected end of input; expected ',' or '}'" : "unexpected end of input; expected ',' or ']'");
                var next = b[i];
                if (next == ',')
                {
                    i = SkipSpace(b, i + 1, end);
                    if (top == InObject && (error = Member(b, start, ref i, end)) != null) return error;
                    needValue = true;
                    continue;
                }
                if ((top == InObject && next == '}') || (top == InArray && next == ']'))
                {
                    depth--;
                    i++;
                    continue;
                }
                return Where(b, start, i, top == InObject
                    ? $"unexpected {Describe(next)}; expected ',' or '}}' after an object member"
                    : $"unexpected {Describe(next)}; expected ',' or ']' after an array element");
            }
        }

        /// <summary>True if bytes [start, end) are valid UTF-8 (no overlongs, no surrogates, at most U+10FFFF).</summary>
        public static bool IsUtf8(byte[] b, int start, int end)
        {
            var i = start;
            while (i < end)
            {
                if (b[i] < 0x80)
                {
                    i++;
                    continue;
                }
                var n = Utf8Length(b, i, end);
                if (n == 0) return false;
                i += n;
            }
            return true;
        }

        /// <summary>A property name and its colon; <paramref name="i"/> is at the name.</summary>
        private static string Member(byte[] b, int start, ref int i, int end)
        {
            if (i == end) return Where(b, start, i, "unexpected end of input; expected a property name");
            if (b[i] != '"') return Where(b, start, i, $"unexpected {Describe(b[i])}; expected a property name in double quotes");
            var error = String(b, start, ref i, end);
            if (error != null) return error;
            i = SkipSpace(b, i, end);
            if (i == end) return Where(b, start, i, "unexpected end of input; expected ':'");
            if (b[i] != ':') return Where(b, start, i, $"unexpected {Describe(b[i])}; expected ':' after a property name");
            i++;
            return null;
        }

        private static string Scalar(byte[] b, int start, ref int i, int end)
        {
            var c = b[i];
            switch (c)
            {
                case (byte)'"': return String(b, start, ref i, end);
                case (byte)'t': return Literal(b, start, ref i, end, "true");
                case (byte)'f': return Literal(b, start, ref i, end, "false");
                case (byte)'n': return Literal(b, start, ref i, end, "null");
                default:
                    if (c == '-' || IsDigit(c)) return Number(b, start, ref i, end);
                    return Where(b, start, i, $"unexpected {Describe(c)}; expected a value");
            }
        }

        private static string Literal(byte[] b, int start, ref int i, int end, string word)
        {
            for (var k = 0; k < word.Length; k++)
            {
                if (i + k >= end || b[i + k] != word[k]) return Where(b, start, i, $"invalid literal; expected '{word}'");
            }
            i += word.Length;
            return null;
        }

        private static string Number(byte[] b, int start, ref int i, int end)
        {
            var at = i;
            if (b[i] == '-') i++;
            if (i == end || !IsDigit(b[i])) return Where(b, start, at, "invalid number: expected a digit");
            if (b[i] == '0')
            {
                i++;
                if (i < end && IsDigit(b[i])) return Where(b, start, at, "invalid number: leading zeros are not allowed");
            }
            else
            {
                while (i < end && IsDigit(b[i])) i++;
            }
            if (i < end && b[i] == '.')
            {
                i++;
                if (i == end || !IsDigit(b[i])) return Where(b, start, at, "invalid number: expected a digit after '.'");
                while (i < end && IsDigit(b[i])) i++;
            }
            if (i < end && (b[i] == 'e' || b[i] == 'E'))
            {
                i++;
                if (i < end && (b[i] == '+' || b[i] == '-')) i++;
                if (i == end || !IsDigit(b[i])) return Where(b, start, at, "invalid number: expected a digit in the exponent");
                while (i < end && IsDigit(b[i])) i++;
            }
            return null;
        }

        /// <summary>A string; <paramref name="i"/> is at the opening quote and ends after the closing one.</summary>
        private static string String(byte[] b, int start, ref int i, int end)
        {
            var at = i;
            i++;
            while (true)
            {
                if (i >= end) return Where(b, start, at, "unterminated string");
                var c = b[i];
                if (c == '"')
                {
                    i++;
                    return null;
                }
                if (c == '\\')
                {
                    if (i + 1 >= end) return Where(b, start, at, "unterminated string");
                    var e = b[i + 1];
                    if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't')
                    {
                        i += 2;
                        continue;
                    }
                    if (e != 'u') return Where(b, start, i, $"invalid escape '\\{(e >= 0x20 && e < 0x7f ? ((char)e).ToString() : "?")}' in a string");
                    for (var k = 2; k < 6; k++)
                    {
                        if (i + k >= end || !IsHex(b[i + k])) return Where(b, start, i, "invalid \\u escape: expected four hex digits");
                    }
                    i += 6;
                    continue;
                }
                if (c < 0x20) return Where(b, start, i, $"control character U+{c:X4} in a string must be escaped");
                if (c < 0x80)
                {
                    i++;
                    continue;
                }
                var n = Utf8Length(b, i, end);
                if (n == 0) return Where(b, start, i, "invalid UTF-8 in a string");
                i += n;
            }
        }

        /// <summary>The length of the UTF-8 sequence starting at non-ASCII byte b[i], or 0 if it is invalid.</summary>
        private static int Utf8Length(byte[] b, int i, int end)
        {
            var c = b[i];
            if (c < 0xC2) return 0; // a continuation byte, or an overlong 2-byte lead
            if (c < 0xE0) return i + 1 < end && IsContinuation(b[i + 1]) ? 2 : 0;
            if (c < 0xF0)
            {
                if (i + 2 >= end) return 0;
                var c1 = b[i + 1];
                if (c == 0xE0 && c1 < 0xA0) return 0; // overlong
                if (c == 0xED && c1 > 0x9F) return 0; // a UTF-16 surrogate
                return IsContinuation(c1) && IsContinuation(b[i + 2]) ? 3 : 0;
            }
            if (c < 0xF5)
            {
                if (i + 3 >= end) return 0;
                var c1 = b[i + 1];
                if (c == 0xF0 && c1 < 0x90) return 0; // overlong
                if (c == 0xF4 && c1 > 0x8F) return 0; // above U+10FFFF
                return IsContinuation(c1) && IsContinuation(b[i + 2]) && IsContinuation(b[i + 3]) ? 4 : 0;
            }
            return 0;
        }

        private static bool IsContinuation(byte c) => (c & 0xC0) == 0x80;

        private static bool IsDigit(byte c) => c >= '0' && c <= '9';

        private static bool IsHex(byte c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static int SkipSpace(byte[] b, int i, int end)
        {
            while (i < end)
            {
                var c = b[i];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
                i++;
            }
            return i;
        }

        private static string Describe(byte c)
        {
            if (c >= 0x21 && c < 0x7F) return $"character '{(char)c}'";
            return $"byte 0x{c:X2}";
        }

        /// <summary>The message with its line and column (1-based; columns count bytes).</summary>
        private static string Where(byte[] b, int start, int at, string message)
        {
            var line = 1;
            var lineStart = start;
            for (var k = start; k < at; k++)
            {
                if (b[k] != '\n') continue;
                line++;
                lineStart = k + 1;
            }
            return $"{message} at line {line}, column {at - lineStart + 1}";
        }
    }
}
