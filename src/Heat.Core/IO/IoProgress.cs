// SPDX-License-Identifier: MIT
namespace Heat;

/// <summary>Progress of a load or save on one rank: bytes of this rank's part done so far, and in all.</summary>
/// <param name="Path">The file.</param>
/// <param name="BytesDone">Bytes of this rank's part read or written so far.</param>
/// <param name="BytesTotal">Bytes of this rank's part.</param>
public readonly record struct IoProgress(string Path, long BytesDone, long BytesTotal)
{
    /// <summary>The done fraction in [0, 1] (1 for an empty part).</summary>
    public double Fraction => BytesTotal == 0 ? 1.0 : (double)BytesDone / BytesTotal;
}
