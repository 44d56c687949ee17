// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat.Abstractions;
using System.Text;
using System.Text.RegularExpressions;

namespace Heat.IO;

/// <summary>
/// The header of a NumPy <c>.npy</c> file (format versions 1.0, 2.0 and 3.0): element type with byte order,
/// C or Fortran order, shape, and where the raw data begin. Object (pickled), string and structured arrays are refused.
/// </summary>
internal sealed partial record NpyHeader(DType DType, bool BigEndian, bool FortranOrder, long[] Shape, long DataOffset)
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads and validates the header of <paramref name="path"/> (including that the file holds all the data).</summary>
    /// <exception cref="InvalidDataException">Not an .npy file, a corrupt header, or a truncated file.</exception>
    /// <exception cref="NotSupportedException">An element type Heat does not have (objects, strings, structured, unsigned 16-64 bit).</exception>
    public static NpyHeader Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"load_npy: file '{path}' does not exist.", path);
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        long length = RandomAccess.GetLength(file);
        Span<byte> prefix = stackalloc byte[12];
        int got = RandomAccess.Read(file, prefix, 0);
        if (got < 10 || !prefix[..6].SequenceEqual(Magic))
            throw new InvalidDataException($"load_npy: '{path}' is not a NumPy .npy file (magic string missing).");
        int major = prefix[6];
        long headerLength, headerStart;
        switch (major)
        {
            case 1: headerLength = prefix[8] | (prefix[9] << 8); headerStart = 10; break;
            case 2 or 3:
                if (got < 12) throw new InvalidDataException($"load_npy: '{path}' is truncated inside its header.");
                headerLength = (uint)(prefix[8] | (prefix[9] << 8) | (prefix[10] << 16) | (prefix[11] << 24)); headerStart = 12; break;
            default: throw new InvalidDataException($"load_npy: '{path}' has .npy format version {major}.{prefix[7]}; supported are 1.0, 2.0 and 3.0.");
        }
        if (headerStart + headerLength > length || headerLength > 1 << 24)
            throw new InvalidDataException($"load_npy: '{path}' is truncated or corrupt: its header claims {headerLength} bytes, the file has {length}.");
        var bytes = new byte[headerLength];
        RandomAccess.Read(file, bytes, headerStart);
        var text = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes);
        var header = Parse(text, path, headerStart + headerLength);
        // Checked: a corrupt header may claim 2^60 or more elements; it is refused here, before any allocation.
        long needed;
        try { needed = checked(header.DataOffset + header.Numel * header.DType.ItemSize); }
        catch (OverflowException)
        {
            throw new InvalidDataException($"load_npy: the header of '{path}' is corrupt: shape "
                + $"{Shapes.Format(header.Shape)} of {header.DType} would need more than 2^63 bytes.");
        }
        if (length < needed)
            throw new InvalidDataException($"load_npy: '{path}' is truncated: shape {Shapes.Format(header.Shape)} of {header.DType} needs {needed} bytes, the file has {length}.");
        return header;
    }

    /// <summary>Elements of the array.</summary>
    public long Numel => Shapes.Numel(Shape);

    private static NpyHeader Parse(string text, string path, long dataOffset)
    {
        var descr = DescrRegex().Match(text);
        var order = OrderRegex().Match(text);
        var shape = ShapeRegex().Match(text);
        if (!text.TrimStart().StartsWith('{') || !shape.Success || !order.Success)
        {
            if (text.Contains("'descr': [", StringComparison.Ordinal) || text.Contains("'descr':[", StringComparison.Ordinal))
                throw new NotSupportedException($"load_npy: '{path}' holds a structured array; Heat supports plain numeric arrays only.");
            throw new InvalidDataException($"load_npy: the header of '{path}' is corrupt: {text.Trim()}");
        }
        if (!descr.Success)
            throw new NotSupportedException($"load_npy: '{path}' holds a structured array; Heat supports plain numeric arrays only.");
        var code = descr.Groups[1].Value;
        var dims = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => long.TryParse(d.TrimEnd('L'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
                : throw new InvalidDataException($"load_npy: the header of '{path}' has a bad shape entry '{d}'."))
            .ToArray();
        var (dtype, big) = ParseDescr(code, path);
        return new NpyHeader(dtype, big, order.Groups[1].Value == "True", dims, dataOffset);
    }

    private static (DType, bool) ParseDescr(string code, string path)
    {
        if (code.Length < 2) throw new InvalidDataException($"load_npy: '{path}' has a corrupt dtype '{code}'.");
        char endian = code[0];
        string kind = code[1..];
        if (endian is not ('<' or '>' or '|' or '='))
        {
            endian = '=';
            kind = code;
        }
        bool big = endian == '>' || (endian == '=' && !BitConverter.IsLittleEndian);
        DType? dtype = kind switch
        {
            "b1" or "?" => DType.Bool,
            "u1" or "B" => DType.UInt8,
            "i1" or "b" => DType.Int8,
            "i2" or "h" => DType.Int16,
            "i4" or "i" => DType.Int32,
            "i8" or "q" or "l" => DType.Int64,
            "f2" or "e" => DType.Float16,
            "f4" or "f" => DType.Float32,
            "f8" or "d" => DType.Float64,
            "c8" or "F" => DType.Complex64,
            "c16" or "D" => DType.Complex128,
            _ => null,
        };
        if (dtype is not null) return (dtype, big);
        string what = kind[0] switch
        {
            'O' => "Python objects (pickled); refused, as loading pickles can run arbitrary code",
            'U' or 'S' or 'a' => "strings",
            'V' => "raw void records",
            'M' or 'm' => "dates or time deltas",
            _ => $"the type '{code}'",
        };
        throw new NotSupportedException($"load_npy: '{path}' holds {what}; Heat supports bool, uint8, int8, int16, "
            + "int32, int64, float16, float32, float64, complex64 and complex128.");
    }

    /// <summary>The header bytes (magic, version, length, padded dict) of a little-endian C-order array.</summary>
    public static byte[] Build(DType dtype, long[] shape)
    {
        string descr = dtype.Code switch
        {
            DTypeCode.Bool => "|b1",
            DTypeCode.UInt8 => "|u1",
            DTypeCode.Int8 => "|i1",
            DTypeCode.Int16 => "<i2",
            DTypeCode.Int32 => "<i4",
            DTypeCode.Int64 => "<i8",
            DTypeCode.Float16 => "<f2",
            DTypeCode.Float32 => "<f4",
            DTypeCode.Float64 => "<f8",
            DTypeCode.Complex64 => "<c8",
            _ => "<c16",
        };
        string dims = shape.Length == 1 ? $"{shape[0]}," : string.Join(", ", shape.Select(d => d.ToString(CultureInfo.InvariantCulture)));
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': ({dims}), }}";
        // Version 1 has a 16-bit length; the total is padded with spaces to a multiple of 64 and ends in '\n'.
        bool v1 = dict.Length + 1 + 10 <= 65535;
        int prefix = v1 ? 10 : 12;
        int total = (prefix + dict.Length + 1 + 63) / 64 * 64;
        var body = dict.PadRight(total - prefix - 1) + "\n";
        var result = new byte[total];
        Magic.CopyTo(result);
        result[6] = (byte)(v1 ? 1 : 2);
        result[7] = 0;
        int length = body.Length;
        result[8] = (byte)length; result[9] = (byte)(length >> 8);
        if (!v1) { result[10] = (byte)(length >> 16); result[11] = (byte)(length >> 24); }
        Encoding.Latin1.GetBytes(body, result.AsSpan(prefix));
        return result;
    }

    [GeneratedRegex(@"['""]descr['""]\s*:\s*['""]([^'""]+)['""]")]
    private static partial Regex DescrRegex();
    [GeneratedRegex(@"['""]fortran_order['""]\s*:\s*(True|False)")]
    private static partial Regex OrderRegex();
    [GeneratedRegex(@"['""]shape['""]\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeRegex();
}
