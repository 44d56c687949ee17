// SPDX-License-Identifier: MIT
namespace Heat.Testing;

/// <summary>
/// One world of the test matrix (<see cref="Matrix"/>): how its ranks run and which sample of the suites' cases it
/// runs. Suites are generic over it (<c>FactorySuite&lt;TWorld&gt;</c>), so a binding is one line and its theory data
/// hold exactly the cases the world runs (nothing is skipped).
/// </summary>
public interface ITestWorldKind
{
    /// <summary>The rank counts the world's cases run on.</summary>
    static abstract int[] RankSample { get; }
    /// <summary>1: every seed of the seeded (random-program) suites; k: every k-th.</summary>
    static abstract int SeedStride { get; }
    /// <summary>A world to run bodies on (in-process worlds create one; the MPI driver passes its own).</summary>
    static abstract ITestWorld Create();
}
