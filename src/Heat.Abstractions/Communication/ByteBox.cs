// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// A strided box in a byte buffer, like an MPI subarray datatype: <c>Counts[d]</c> positions along each dimension
/// <c>d</c>, <c>Strides[d]</c> bytes apart, each position holding <see cref="ItemBytes"/> contiguous bytes, starting
/// <see cref="Offset"/> bytes into the buffer. Strides are non-negative. The positions are visited in row-major order,
/// so two boxes with the same counts describe the same sequence of items in two layouts.
/// </summary>
public readonly record struct ByteBox(long Offset, long[] Counts, long[] Strides, int ItemBytes)
{
    /// <summary>A contiguous run of <paramref name="bytes"/> bytes at <paramref name="offset"/>.</summary>
    public static ByteBox Contiguous(long offset, long bytes) => new(offset, [bytes], [1], 1);

    /// <summary>The number of items (the product of the counts).</summary>
    public long Items
    {
        get
        {
            long n = 1;
            foreach (var c in Counts) n *= c;
            return n;
        }
    }

    /// <summary>The bytes the box holds.</summary>
    public long Bytes => Items * ItemBytes;

    /// <summary>One past the last byte the box touches, relative to the buffer (its offset when empty).</summary>
    public long End
    {
        get
        {
            if (Items == 0) return Offset;
            long end = Offset + ItemBytes;
            for (int d = 0; d < Counts.Length; d++) end += (Counts[d] - 1) * Strides[d];
            return end;
        }
    }

    /// <summary>Checks the shape of the box (matching ranks, non-negative counts, strides and offset).</summary>
    /// <exception cref="ArgumentException">The box is malformed; the message names <paramref name="what"/>.</exception>
    public void Validate(string what)
    {
        if (Counts is null || Strides is null || Counts.Length != Strides.Length)
            throw new ArgumentException($"{what}: a box needs as many strides as counts.");
        if (ItemBytes <= 0) throw new ArgumentException($"{what}: item size {ItemBytes} must be positive.");
        if (Offset < 0) throw new ArgumentException($"{what}: offset {Offset} must be non-negative.");
        for (int d = 0; d < Counts.Length; d++)
            if (Counts[d] < 0 || Strides[d] < 0)
                throw new ArgumentException($"{what}: count {Counts[d]} and stride {Strides[d]} of dimension {d} must be non-negative.");
    }
}
