using System;
using System.Text;

namespace Ferry
{
    /// <summary>The store's size limits, and the argument checks built on them.</summary>
    public static class Limits
    {
        /// <summary>The longest key accepted, in bytes. The empty key is a valid key.</summary>
        public const int MaxKeyLength = (int)Interop.FERRY_MAX_KEY_LEN;

        /// <summary>The longest value accepted, in bytes (64 MiB).</summary>
        public const int MaxValueLength = (int)Interop.FERRY_MAX_VALUE_LEN;

        internal static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, true);

        internal static void CheckKey(ReadOnlySpan<byte> key, string paramName)
        {
            if (key.Length > MaxKeyLength)
                throw new ArgumentException($"The key is {key.Length} bytes long; the limit is {MaxKeyLength} bytes.", paramName);
        }

        internal static void CheckValue(ReadOnlySpan<byte> value, string paramName)
        {
            if (value.Length > MaxValueLength)
                throw new ArgumentException($"The value is {value.Length} bytes long; the limit is {MaxValueLength} bytes.", paramName);
        }

        internal static byte[] NotNull(byte[] bytes, string paramName)
        {
            if (bytes == null) throw new ArgumentNullException(paramName);
            return bytes;
        }

        internal static byte[] Encode(string text, string paramName)
        {
            if (text == null) throw new ArgumentNullException(paramName);
            return Utf8.GetBytes(text);
        }
    }
}
