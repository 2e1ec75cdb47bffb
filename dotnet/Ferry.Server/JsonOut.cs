using System;
using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;

namespace Ferry.Server
{
    /// <summary>The JSON the server writes: small bodies via Newtonsoft, list entries as raw UTF-8.</summary>
    internal static class JsonOut
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false);
        private static readonly byte[] Hex = Encoding.ASCII.GetBytes("0123456789abcdef");
        private static readonly byte[] EntryKey = Encoding.ASCII.GetBytes("{\"key\":");
        private static readonly byte[] EntryValue = Encoding.ASCII.GetBytes(",\"value\":");
        private static readonly byte[] Null = Encoding.ASCII.GetBytes("null");

        public static readonly byte[] Health = Encoding.ASCII.GetBytes("{\"status\":\"ok\"}");

        public static byte[] Error(string code, string message) => Object(w =>
        {
            w.WritePropertyName("error");
            w.WriteValue(code);
            w.WritePropertyName("message");
            w.WriteValue(message);
        });

        public static byte[] Written(string key, bool created) => Object(w =>
        {
            w.WritePropertyName("key");
            w.WriteValue(key);
            w.WritePropertyName("created");
            w.WriteValue(created);
        });

        public static byte[] Stats(StoreStats stats) => Object(w =>
        {
            w.WritePropertyName("entries");
            w.WriteValue(stats.Entries);
            w.WritePropertyName("trees");
            w.WriteValue(stats.Trees);
            w.WritePropertyName("sizeOnDisk");
            w.WriteValue(stats.SizeOnDisk);
        });

        private static byte[] Object(Action<JsonTextWriter> members)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var w = new JsonTextWriter(text))
            {
                w.WriteStartObject();
                members(w);
                w.WriteEndObject();
            }
            return Utf8.GetBytes(text.ToString());
        }

        /// <summary>
        /// Writes <c>{"key":"…","value":…}</c>: the key as a JSON string, the stored value as is
        /// (it was validated when stored; an empty value, which the server never stores, as null).
        /// </summary>
        public static void WriteEntry(Stream to, byte[] key, byte[] value)
        {
            to.Write(EntryKey, 0, EntryKey.Length);
            WriteString(to, key);
            to.Write(EntryValue, 0, EntryValue.Length);
            if (value.Length == 0) to.Write(Null, 0, Null.Length);
            else to.Write(value, 0, value.Length);
            to.WriteByte((byte)'}');
        }

        /// <summary>
        /// Writes UTF-8 <paramref name="utf8"/> as a JSON string, escaping '"', '\' and control
        /// characters. Bytes that are not UTF-8 (a key not written through the server) become U+FFFD.
        /// </summary>
        public static void WriteString(Stream to, byte[] utf8)
        {
            if (!JsonValidator.IsUtf8(utf8, 0, utf8.Length)) utf8 = Utf8.GetBytes(Utf8.GetString(utf8));
            to.WriteByte((byte)'"');
            var start = 0;
            for (var i = 0; i < utf8.Length; i++)
            {
                var b = utf8[i];
                if (b >= 0x20 && b != '"' && b != '\\') continue;
                if (i > start) to.Write(utf8, start, i - start);
                to.WriteByte((byte)'\\');
                switch (b)
                {
                    case (byte)'"': to.WriteByte((byte)'"'); break;
                    case (byte)'\\': to.WriteByte((byte)'\\'); break;
                    case (byte)'\n': to.WriteByte((byte)'n'); break;
                    case (byte)'\r': to.WriteByte((byte)'r'); break;
                    case (byte)'\t': to.WriteByte((byte)'t'); break;
                    default:
                        to.WriteByte((byte)'u');
                        to.WriteByte((byte)'0');
                        to.WriteByte((byte)'0');
                        to.WriteByte(Hex[b >> 4]);
                        to.WriteByte(Hex[b & 15]);
                        break;
                }
                start = i + 1;
            }
            if (utf8.Length > start) to.Write(utf8, start, utf8.Length - start);
            to.WriteByte((byte)'"');
        }
    }
}
