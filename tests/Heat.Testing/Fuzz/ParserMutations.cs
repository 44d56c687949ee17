// SPDX-License-Identifier: MIT
using System.Text;

namespace Heat.Testing.Fuzz;

/// <summary>
/// The mutations of the parser fuzzer: generic ones on bytes (flips, truncation, insertion, deletion, duplication,
/// extreme bytes) and format-aware ones that keep a file parseable up to the field they break (.npy header fields,
/// CSV fields and lines, the metadata blocks at the start of HDF5 and netCDF-4 files).
/// </summary>
public static class ParserMutations
{
    /// <summary>Shapes an .npy header may claim: 2^60 elements, products that overflow, negative, malformed,
    /// more dimensions than supported, shapes the data cannot fill.</summary>
    private static readonly string[] NpyShapes =
    [
        "(1152921504606846976,)", "(4611686018427387904, 4)", "(3037000500, 3037000500)", "(-1,)", "(3, -2)",
        "(99999999999999999999999,)", "(" + string.Join(", ", Enumerable.Repeat("2", 40)) + ")", "()", "(0,)",
        "(a,)", "(1,,2)", "(100, 100)", "(1)", "(2305843009213693952,)", "(9223372036854775807,)",
        "(0, 9223372036854775807)",
        "(1L, 2L)", "( 3 ,)", "(0x10,)",
    ];

    private static readonly string[] NpyDescrs =
    [
        "<U8", "|O", "<f16", "x", "", "<c32", ">f8", "=i4", "<M8[s]", "|V4", "<u2", ">u8", "|S3", "<f2", "<i", "b",
        "<b1", ">c16", "<<f8", "\u00e9f8",
    ];

    private static readonly string[] CsvInserts =
    [
        "abc", ",", ",,", "\r\n", "\n", "\n\n", "1e999", "-1e999", "nan", "--1", "\0", "1.2.3", "0x1F", "  ", "\t",
        "12345678901234567890123456789012345678901234567890", "1e-400", "\u00e9", "\u2028", "+", "e5", ";", "\r",
        "inf", "-inf", "1,2,3,4,5,6,7,8,9,10",
    ];

    /// <summary>Mutates <paramref name="data"/> (a file of <paramref name="format"/>); <paramref name="what"/> says
    /// how, to replay by hand.</summary>
    public static byte[] Mutate(Random rng, byte[] data, string format, out string what)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(data);
        if (rng.Next(2) == 0)
        {
            switch (format)
            {
                case "npy": return Npy(rng, data, out what);
                case "csv": return Csv(rng, data, out what);
                default:
                    // HDF5 and netCDF-4: their metadata (superblock, object headers, B-trees, heaps) sit in the first
                    // kilobytes; flips there reach the dtype, shape, attribute and link parsers.
                    return Flips(rng, data, Math.Min(data.Length, 4096), out what);
            }
        }
        return Generic(rng, data, out what);
    }

    private static byte[] Generic(Random rng, byte[] data, out string what)
    {
        int n = data.Length;
        int at = n == 0 ? 0 : rng.Next(n);
        switch (rng.Next(6))
        {
            case 0: return Flips(rng, data, n, out what);
            case 1:
            {
                int keep = n == 0 ? 0 : rng.Next(n);
                what = $"truncated to {keep} of {n} bytes";
                return data[..keep];
            }
            case 2:
            {
                var extra = new byte[rng.Next(1, 17)];
                rng.NextBytes(extra);
                what = $"{extra.Length} random bytes inserted at {at}";
                return [.. data[..at], .. extra, .. data[at..]];
            }
            case 3:
            {
                int len = rng.Next(1, Math.Max(2, Math.Min(64, n - at + 1)));
                len = Math.Min(len, n - at);
                what = $"{len} bytes deleted at {at}";
                return [.. data[..at], .. data[(at + len)..]];
            }
            case 4:
            {
                int len = Math.Min(rng.Next(1, 65), n - at);
                what = $"{len} bytes at {at} duplicated";
                return [.. data[..(at + len)], .. data[at..]];
            }
            default:
            {
                var copy = (byte[])data.Clone();
                byte v = (byte)(rng.Next(3) switch { 0 => 0x00, 1 => 0xFF, _ => 0x7F });
                int len = Math.Min(rng.Next(1, 9), n - at);
                copy.AsSpan(at, len).Fill(v);
                what = $"{len} bytes at {at} set to 0x{v:X2}";
                return copy;
            }
        }
    }

    private static byte[] Flips(Random rng, byte[] data, int range, out string what)
    {
        var copy = (byte[])data.Clone();
        if (range == 0) { what = "no bytes to flip"; return copy; }
        int count = rng.Next(1, 9);
        var at = new List<string>();
        for (int k = 0; k < count; k++)
        {
            int i = rng.Next(range);
            int mask = rng.Next(1, 256);
            copy[i] ^= (byte)mask;
            at.Add($"{i}^0x{mask:X2}");
        }
        what = "bytes flipped: " + string.Join(" ", at);
        return copy;
    }

    private static byte[] Npy(Random rng, byte[] data, out string what)
    {
        if (data.Length < 10) return Generic(rng, data, out what);
        int headerLength = data[8] | (data[9] << 8);
        int end = Math.Min(data.Length, 10 + headerLength);
        string header = Encoding.Latin1.GetString(data, 10, end - 10);
        string body;
        switch (rng.Next(6))
        {
            case 0:
            case 1:
            {
                string shape = NpyShapes[rng.Next(NpyShapes.Length)];
                body = Replace(header, "'shape': (", ")", shape[1..^1]);
                what = $"shape set to {shape}";
                break;
            }
            case 2:
            {
                string descr = NpyDescrs[rng.Next(NpyDescrs.Length)];
                body = Replace(header, "'descr': '", "'", descr);
                what = $"descr set to '{descr}'";
                break;
            }
            case 3:
            {
                string order = rng.Next(2) == 0 ? "Maybe" : "True";
                body = Replace(header, "'fortran_order': ", ",", order);
                what = $"fortran_order set to {order}";
                break;
            }
            case 4:
            {
                var copy = (byte[])data.Clone();
                int field = rng.Next(3);
                if (field == 0) copy[6] = (byte)rng.Next(0, 10);
                else if (field == 1) { copy[8] = (byte)rng.Next(256); copy[9] = (byte)rng.Next(256); }
                else copy[7] = (byte)rng.Next(256);
                what = field switch
                {
                    0 => $"major version set to {copy[6]}",
                    1 => $"header length set to {copy[8] | (copy[9] << 8)}",
                    _ => $"minor version set to {copy[7]}",
                };
                return copy;
            }
            default:
            {
                // Remove one key or a closing brace.
                string[] cuts = ["'descr'", "'shape'", "'fortran_order'", "}", "{", ":"];
                string cut = cuts[rng.Next(cuts.Length)];
                int i = header.IndexOf(cut, StringComparison.Ordinal);
                body = i < 0 ? header : header.Remove(i, cut.Length);
                what = $"'{cut}' removed from the header";
                break;
            }
        }
        // Keep the header length field consistent with the new text (pad or cut to the old length when it fits, so
        // the data stay where they were and only the field under test is broken).
        var text = body.Length <= header.Length ? body.PadRight(header.Length - 1) + "\n" : body;
        var bytes = Encoding.Latin1.GetBytes(text);
        var result = new byte[10 + bytes.Length + (data.Length - end)];
        data.AsSpan(0, 10).CopyTo(result);
        result[8] = (byte)bytes.Length;
        result[9] = (byte)(bytes.Length >> 8);
        bytes.CopyTo(result, 10);
        data.AsSpan(end).CopyTo(result.AsSpan(10 + bytes.Length));
        return result;
    }

    private static string Replace(string text, string open, string close, string value)
    {
        int a = text.IndexOf(open, StringComparison.Ordinal);
        if (a < 0) return text;
        a += open.Length;
        int b = text.IndexOf(close, a, StringComparison.Ordinal);
        return b < 0 ? text : text[..a] + value + text[b..];
    }

    private static byte[] Csv(Random rng, byte[] data, out string what)
    {
        var text = Encoding.UTF8.GetString(data);
        string insert = CsvInserts[rng.Next(CsvInserts.Length)];
        int at = rng.Next(text.Length + 1);
        // Half the time at a field or line boundary, where the reader decides about fields and lines.
        if (rng.Next(2) == 0 && text.Length > 0)
        {
            int b = text.IndexOfAny([',', '\n'], Math.Min(at, text.Length - 1));
            if (b >= 0) at = b + rng.Next(2);
        }
        what = $"'{Escape(insert)}' inserted at character {at}";
        return Encoding.UTF8.GetBytes(text[..at] + insert + text[at..]);
    }

    /// <summary>A mutation description printable on one line.</summary>
    public static string Escape(string s) => s.Replace("\r", "\\r", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal)
        .Replace("\t", "\\t", StringComparison.Ordinal);
}
