// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Heat;

/// <summary>
/// A Python slice <c>start:stop:step</c> (each part optional; negative start/stop count from the end; the step may be
/// negative, not zero). Made by <see cref="ht.slice"/>; C# ranges (<c>1..^1</c>) convert to it.
/// </summary>
/// <param name="Start">First index (null: the beginning for a positive step, the end for a negative one).</param>
/// <param name="Stop">Index one past the last (null: to the end in the direction of the step).</param>
/// <param name="Step">Step (null: 1).</param>
public readonly record struct Slice(long? Start = null, long? Stop = null, long? Step = null)
{
    /// <summary>The slice of a C# range (step 1; <c>^k</c> counts from the end, out-of-range ends clamp as in NumPy).</summary>
    public static Slice FromRange(Range range)
    {
        // ^0 as a start means "at the end" (empty); as a stop, "to the end". ^k (k > 0) is Python's -k.
        long? start = range.Start.IsFromEnd ? (range.Start.Value == 0 ? long.MaxValue : -(long)range.Start.Value) : range.Start.Value;
        long? stop = range.End.IsFromEnd ? (range.End.Value == 0 ? null : -(long)range.End.Value) : range.End.Value;
        return new Slice(start, stop, null);
    }

    /// <summary>A C# range as a slice.</summary>
    public static implicit operator Slice(Range range) => FromRange(range);

    /// <summary>
    /// The first index, the number of elements and the step of this slice on an axis of extent <paramref name="n"/>
    /// (Python's <c>slice.indices</c>; the start is 0 when the slice is empty).
    /// </summary>
    /// <exception cref="ArgumentException">The step is zero.</exception>
    public (long Start, long Length, long Step) Resolve(long n)
    {
        long step = Step ?? 1;
        if (step == 0) throw new ArgumentException($"slice step cannot be zero (slice {this}).");
        long start, stop;
        if (step > 0)
        {
            start = Start is long a ? (a < 0 ? Math.Max(0, Add(a, n)) : Math.Min(a, n)) : 0;
            stop = Stop is long b ? (b < 0 ? Math.Max(0, Add(b, n)) : Math.Min(b, n)) : n;
            long length = stop > start ? (stop - start - 1) / step + 1 : 0;
            return length > 0 ? (start, length, step) : (0, 0, step);
        }
        start = Start is long c ? (c < 0 ? Math.Max(-1, Add(c, n)) : Math.Min(c, n - 1)) : n - 1;
        stop = Stop is long d ? (d < 0 ? Math.Max(-1, Add(d, n)) : Math.Min(d, n - 1)) : -1;
        long count = start > stop ? (start - stop - 1) / -step + 1 : 0;
        return count > 0 ? (start, count, step) : (0, 0, step);
    }

    private static long Add(long a, long n) => a < long.MinValue + n ? long.MinValue : a + n;

    /// <summary>Python's notation, e.g. <c>1:-1:2</c>.</summary>
    public override string ToString()
    {
        string F(long? v) => v is long x ? x.ToString(CultureInfo.InvariantCulture) : "";
        return Step is null ? $"{F(Start)}:{F(Stop)}" : $"{F(Start)}:{F(Stop)}:{F(Step)}";
    }
}
