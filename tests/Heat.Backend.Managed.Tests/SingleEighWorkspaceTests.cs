// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.Managed.Tests;

/// <summary>
/// Regression: float32/complex64 eigh with vectors of n ≥ 2,900 failed with "syevd: argument 9 had an illegal value"
/// (LAPACKE's workspace query returned 1 + 6n + 2n² as a float, rounded down). A diagonal matrix keeps it fast.
/// </summary>
public sealed class SingleEighWorkspaceTests
{
    [Theory]
    [InlineData("float32")]
    [InlineData("complex64")]
    public void Eigh_OfSize2900_WithVectors_Succeeds(string dtypeName)
    {
        const int n = 2900;
        var dt = DType.Parse(dtypeName);
        using var backend = new ManagedBackend(threads: 2);
        var v = new double[(long)n * n];
        for (int i = 0; i < n; i++) v[(long)i * n + i] = n - i;
        using var a = Make(backend, dt, [n, n], v);
        using var w = backend.Empty([n], dt.RealType);
        using var vectors = backend.Empty([n, n], dt);
        backend.Capability<IDenseLinalgKernels>().Eigh(a, w, vectors);
        var expected = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
        AssertClose(expected, Read(w), DType.Float32, "eigenvalues of diag(n .. 1)", 1e-6);
    }
}
