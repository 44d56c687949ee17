// SPDX-License-Identifier: MIT
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.IO;

/// <summary>
/// CSV loading and saving. Loading: rank 0 finds where the header ends; the data bytes are cut into equal byte ranges,
/// each rank moves its start to the next line start and takes its end from its right neighbour (one Allgather), reads
/// and parses only its range, and one rebalance evens out the rows. Saving: each rank formats its rows, the ranks
/// agree on byte offsets, and each writes its bytes at its offset in parallel.
/// </summary>
internal static unsafe class CsvIo
{
    private const int Block = 1 << 16;

    public static DNDarray Load(string path, int header_lines, string sep, DType dtype, string encoding, int? split, Device? device, IProgress<IoProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(sep);
        var ctx = ht.Context;
        var comm = ctx.Communicator;
        var (enc, sepBytes, length, dataStart) = CollectiveError.Run(comm, () =>
        {
            if (header_lines < 0) throw new ArgumentOutOfRangeException(nameof(header_lines), header_lines, "load_csv: header_lines must be >= 0.");
            if (sep.Length == 0) throw new ArgumentException("load_csv: sep must not be empty.", nameof(sep));
            Factory.CheckSplit(split, 2);
            var e = Encodings.Get(encoding);
            var s = e.GetBytes(sep);
            if (Array.IndexOf(s, (byte)'\n') >= 0) throw new ArgumentException("load_csv: sep must not contain a newline.", nameof(sep));
            if (!File.Exists(path)) throw new FileNotFoundException($"load_csv: file '{path}' does not exist.", path);
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            long n = RandomAccess.GetLength(file);
            long start = comm.Rank == 0 ? SkipHeader(file, n, header_lines, path) : 0;
            return (e, s, n, start);
        });
        dataStart = comm.Bcast(dataStart, 0);

        // Equal byte ranges; every rank starts at the first line that begins in its range, ends where its neighbour
        // starts.
        long data = length - dataStart;
        long lo = dataStart + (long)((Int128)data * comm.Rank / comm.Size);
        long myStart = CollectiveError.Run(comm, () =>
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return LineStart(file, lo, dataStart, length);
        });
        var starts = comm.Allgather(myStart);
        long myEnd = comm.Rank == comm.Size - 1 ? length : starts[comm.Rank + 1];

        using var bytes = CollectiveError.Run(comm, () => ReadRange(path, myStart, myEnd, progress));
        var (lines, firstFields, firstLine) = Scan(bytes, sepBytes);
        // [fields of the first non-blank line or -1, its local line index, line count] of every rank.
        var shared = new long[3 * comm.Size];
        comm.Allgather<long>([firstFields, firstLine, lines], shared);
        long lineBase = header_lines;
        for (int r = 0; r < comm.Rank; r++) lineBase += shared[3 * r + 2];
        long expected = -1, expectedLine = 0, before = header_lines;
        for (int r = 0; r < comm.Size && expected < 0; r++)
        {
            if (shared[3 * r] >= 0) { expected = shared[3 * r]; expectedLine = before + shared[3 * r + 1] + 1; }
            before += shared[3 * r + 2];
        }
        using var values = CollectiveError.Run(comm, () => Parse(bytes, sepBytes, enc, expected, expectedLine, lineBase, path));
        long columns = Math.Max(expected, 0);
        long rows = columns == 0 ? 0 : values.Count / columns;
        long totalRows = comm.Allreduce(rows, ReduceOp.Sum);
        var local = HostBuffers.Create(ctx.Backend, [rows, columns], DType.Float64, device ?? ctx.Device,
            at => Buffer.MemoryCopy((void*)values.Pointer, (void*)at, values.Count * 8, values.Count * 8));
        if (dtype != DType.Float64)
        {
            var converted = ctx.Backend.Copy(local, dtype);
            local.Dispose();
            local = converted;
        }
        var result = new DNDarray(local, [totalRows, columns], 0, ctx, balanced: null);
        result.balance_();
        var target = Factory.CheckSplit(split, 2);
        if (target != 0) result.resplit_(target);
        return result;
    }

    /// <summary>The byte offset after the first <paramref name="header_lines"/> lines.</summary>
    private static long SkipHeader(Microsoft.Win32.SafeHandles.SafeFileHandle file, long length, int header_lines, string path)
    {
        if (header_lines == 0) return 0;
        var block = new byte[Block];
        long pos = 0;
        int found = 0;
        while (pos < length)
        {
            int n = RandomAccess.Read(file, block, pos);
            if (n <= 0) break;
            for (int i = 0; i < n; i++)
                if (block[i] == (byte)'\n' && ++found == header_lines) return pos + i + 1;
            pos += n;
        }
        // A last header line without a trailing newline still counts.
        bool unterminated = length > 0 && ReadByte(file, length - 1) != '\n';
        if (found + (unterminated ? 1 : 0) == header_lines) return length;
        throw new ArgumentException($"load_csv: header_lines={header_lines}, but '{path}' has only {found + (unterminated ? 1 : 0)} lines.", nameof(header_lines));
    }

    private static int ReadByte(Microsoft.Win32.SafeHandles.SafeFileHandle file, long at)
    {
        Span<byte> one = stackalloc byte[1];
        return RandomAccess.Read(file, one, at) == 1 ? one[0] : -1;
    }

    /// <summary>The first line start at or after <paramref name="pos"/>.</summary>
    private static long LineStart(Microsoft.Win32.SafeHandles.SafeFileHandle file, long pos, long dataStart, long length)
    {
        if (pos <= dataStart) return dataStart;
        if (ReadByte(file, pos - 1) == '\n') return pos;
        var block = new byte[Block];
        while (pos < length)
        {
            int n = RandomAccess.Read(file, block, pos);
            if (n <= 0) break;
            int i = Array.IndexOf(block, (byte)'\n', 0, n);
            if (i >= 0) return pos + i + 1;
            pos += n;
        }
        return length;
    }

    /// <summary>The bytes [start, end) in native memory.</summary>
    private static NativeList<byte> ReadRange(string path, long start, long end, IProgress<IoProgress>? progress)
    {
        var list = new NativeList<byte>();
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            list.EnsureCapacity(end - start);
            for (long pos = start; pos < end;)
            {
                int want = (int)Math.Min(1 << 30, end - pos);
                int n = RandomAccess.Read(file, new Span<byte>((byte*)list.Pointer + list.Count, want), pos);
                if (n <= 0) throw new InvalidDataException($"load_csv: '{path}' ended at byte {pos} while reading; it changed during the load.");
                list.SetCount(list.Count + n);
                pos += n;
            }
            progress?.Report(new IoProgress(path, end - start, end - start));
            return list;
        }
        catch { list.Dispose(); throw; }
    }

    private delegate void LineAction(long index, ReadOnlySpan<byte> line);

    /// <summary>Calls <paramref name="action"/> for every line (without '\n' or a trailing '\r'); returns the line
    /// count.</summary>
    private static long ForEachLine(NativeList<byte> bytes, LineAction action)
    {
        byte* p = (byte*)bytes.Pointer;
        long n = bytes.Count, start = 0, index = 0;
        while (start < n)
        {
            long end = start;
            var rest = new ReadOnlySpan<byte>(p + start, (int)Math.Min(int.MaxValue, n - start));
            int nl = rest.IndexOf((byte)'\n');
            end = nl >= 0 ? start + nl : n;
            var line = new ReadOnlySpan<byte>(p + start, (int)(end - start));
            if (line.Length > 0 && line[^1] == '\r') line = line[..^1];
            action(index++, line);
            start = end + 1;
        }
        return index;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t"u8).Length == 0;

    private static long CountFields(ReadOnlySpan<byte> line, byte[] sep)
    {
        long count = 1;
        for (int at; (at = line.IndexOf(sep)) >= 0; line = line[(at + sep.Length)..]) count++;
        return count;
    }

    private static (long Lines, long FirstFields, long FirstLine) Scan(NativeList<byte> bytes, byte[] sep)
    {
        long firstFields = -1, firstLine = -1;
        long lines = ForEachLine(bytes, (i, line) =>
        {
            if (firstFields < 0 && !IsBlank(line)) { firstFields = CountFields(line, sep); firstLine = i; }
        });
        return (lines, firstFields, firstLine);
    }

    private static NativeList<double> Parse(NativeList<byte> bytes, byte[] sep, Encoding enc, long expected, long expectedLine, long lineBase, string path)
    {
        var values = new NativeList<double>();
        try
        {
            bool utf8 = enc.CodePage is 65001 or 20127;
            ForEachLine(bytes, (i, line) =>
            {
                if (IsBlank(line)) return;
                long number = lineBase + i + 1;
                long fields = CountFields(line, sep);
                if (fields != expected)
                    throw new InvalidDataException($"load_csv: line {number} of '{path}' has {fields} fields, expected {expected} as on line {expectedLine}.");
                int column = 1;
                while (true)
                {
                    int at = line.IndexOf(sep);
                    var field = (at >= 0 ? line[..at] : line).Trim(" \t"u8);
                    if (!TryParse(field, utf8, enc, out double v))
                        throw new InvalidDataException($"load_csv: line {number}, column {column} of '{path}': '{enc.GetString(field)}' is not a number.");
                    values.Add(v);
                    if (at < 0) break;
                    line = line[(at + sep.Length)..];
                    column++;
                }
            });
            return values;
        }
        catch { values.Dispose(); throw; }
    }

    private static bool TryParse(ReadOnlySpan<byte> field, bool utf8, Encoding enc, out double value)
    {
        if (utf8 ? double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
                 : double.TryParse(enc.GetString(field), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return true;
        var text = enc.GetString(field).ToLowerInvariant();
        value = text switch { "nan" or "+nan" or "-nan" => double.NaN, "inf" or "+inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => 0 };
        return text is "nan" or "+nan" or "-nan" or "inf" or "+inf" or "-inf";
    }

    public static void Save(DNDarray x, string path, string[]? header_lines, string sep, int decimals, string encoding, IProgress<IoProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(sep);
        if (x.ndim > 2) throw new ArgumentException($"save_csv: CSV holds 0-, 1- or 2-d arrays; this one has shape {Shapes.Format(x.shape)}.", nameof(x));
        if (x.dtype.IsComplex) throw new NotSupportedException($"save_csv: {x.dtype} cannot be written to CSV; save the real and imaginary parts separately.");
        var enc = Encodings.Get(encoding);
        var comm = x.comm;
        var full = Path.GetFullPath(path);
        // Rows come from split 0 (or a replicated array's row blocks); a split-1 array is resplit to rows first.
        using var rowsArray = x.split == 1 ? Redistribution.ResplitCopy(x, 0) : null;
        using var region = WriteRegion.Of(rowsArray ?? x);
        var text = new MemoryStream();
        if (comm.Rank == 0 && header_lines is not null)
            foreach (var h in header_lines) text.Write(enc.GetBytes(h + "\n"));
        if (region.Numel > 0) HostBuffers.Read(region.Data, at => Format(at, region.Count, x.dtype, sep, decimals, enc, text));
        var lengths = comm.Allgather(text.Length);
        long offset = lengths.Take(comm.Rank).Sum(), total = lengths.Sum();
        AtomicFile.Save(comm, full, temp =>
        {
            CollectiveError.Run(comm, () =>
            {
                if (comm.Rank != 0) return;
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write);
                stream.SetLength(total);
            });
            CollectiveError.Run(comm, () =>
            {
                if (text.Length == 0) return;
                using var file = File.OpenHandle(temp, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                RandomAccess.Write(file, text.GetBuffer().AsSpan(0, (int)text.Length), offset);
                progress?.Report(new IoProgress(temp, text.Length, text.Length));
            });
        });
    }

    private static void Format(nint data, long[] count, DType dtype, string sep, int decimals, Encoding enc, Stream output)
    {
        long rows = count.Length == 0 ? 1 : count[0];
        long columns = count.Length == 2 ? count[1] : 1;
        string format = decimals >= 0 ? "F" + decimals.ToString(CultureInfo.InvariantCulture) : "R";
        var line = new StringBuilder();
        for (long r = 0; r < rows; r++)
        {
            line.Clear();
            for (long c = 0; c < columns; c++)
            {
                if (c > 0) line.Append(sep);
                long i = r * columns + c;
                line.Append(dtype.Code switch
                {
                    DTypeCode.Bool => ((byte*)data)[i] != 0 ? "1" : "0",
                    DTypeCode.UInt8 => ((byte*)data)[i].ToString(CultureInfo.InvariantCulture),
                    DTypeCode.Int8 => ((sbyte*)data)[i].ToString(CultureInfo.InvariantCulture),
                    DTypeCode.Int16 => ((short*)data)[i].ToString(CultureInfo.InvariantCulture),
                    DTypeCode.Int32 => ((int*)data)[i].ToString(CultureInfo.InvariantCulture),
                    DTypeCode.Int64 => ((long*)data)[i].ToString(CultureInfo.InvariantCulture),
                    DTypeCode.Float16 => ((Half*)data)[i].ToString(format, CultureInfo.InvariantCulture),
                    DTypeCode.Float32 => ((float*)data)[i].ToString(format, CultureInfo.InvariantCulture),
                    _ => ((double*)data)[i].ToString(format, CultureInfo.InvariantCulture),
                });
            }
            line.Append('\n');
            output.Write(enc.GetBytes(line.ToString()));
        }
    }
}

/// <summary>Text encodings usable for CSV: those that encode '\n' as the single byte 0x0A (UTF-8, ASCII, Latin-1,
/// ...).</summary>
internal static class Encodings
{
    /// <summary>The encoding of <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    /// <exception cref="NotSupportedException">A multi-byte newline (UTF-16/32).</exception>
    public static Encoding Get(string name)
    {
        Encoding e;
        var key = name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
        try { e = key switch { "utf8" => new UTF8Encoding(false), "latin1" or "iso88591" => Encoding.Latin1, "ascii" or "usascii" => Encoding.ASCII, _ => Encoding.GetEncoding(name) }; }
        catch (ArgumentException) { throw new ArgumentException($"Unknown text encoding '{name}'; expected e.g. 'utf-8', 'ascii' or 'latin-1'.", "encoding"); }
        var nl = e.GetBytes("\n");
        if (nl.Length != 1 || nl[0] != (byte)'\n')
            throw new NotSupportedException($"Encoding '{name}' writes a newline as {nl.Length} bytes; CSV files here need an encoding with a one-byte newline (utf-8, ascii, latin-1).");
        return e;
    }
}
