// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Xunit;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Testing.Backend;

/// <summary>
/// The distance capability (<see cref="IDistanceKernels"/>, the backend's own or the host's staged) against the
/// double-loop definition: every metric, both forms, the fused float32 sizes and more features than it takes, empty
/// blocks, destinations that are column slices of a wider result.
/// </summary>
public abstract class DistanceKernelSuite(IBackendFixture fixture)
{
    /// <summary>The backend under test.</summary>
    protected ITensorBackend B => fixture.Backend;

    private const double Sigma = 1.5;

    public static TheoryData<string, int, int, int, DistanceMetric, bool> Cases()
    {
        var d = new TheoryData<string, int, int, int, DistanceMetric, bool>();
        foreach (var t in FloatDTypes)
            foreach (var (a, b, f) in new[]
                { (37, 70, 5), (130, 66, 18), (20, 9, 70), (0, 5, 3), (4, 0, 3), (9, 1100, 3) })
                foreach (var metric in Enum.GetValues<DistanceMetric>())
                    foreach (var quadratic in new[] { false, true }) d.Add(t, a, b, f, metric, quadratic);
        return d;
    }

    /// <summary>The definition in double precision.</summary>
    public static double[] Definition(double[] x, double[] y, int a, int b, int f, DistanceMetric metric, double sigma)
    {
        var d = new double[a * b];
        for (int i = 0; i < a; i++)
            for (int j = 0; j < b; j++)
            {
                double s = 0;
                for (int k = 0; k < f; k++)
                {
                    double diff = x[i * f + k] - y[j * f + k];
                    s += metric == DistanceMetric.Manhattan ? Math.Abs(diff) : diff * diff;
                }
                d[i * b + j] = metric switch
                {
                    DistanceMetric.Euclidean => Math.Sqrt(s),
                    DistanceMetric.Rbf => Math.Exp(-s / (2 * sigma * sigma)),
                    _ => s,
                };
            }
        return d;
    }

    private static double Tol(DType dt, bool quadratic) => (dt == DType.Float32, quadratic) switch
    {
        (true, true) => 1e-3,
        (true, false) => 2e-5,
        (false, true) => 1e-9,
        _ => 1e-12,
    };

    private static double[] Transpose(double[] v, int rows, int cols)
    {
        var t = new double[v.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) t[j * rows + i] = v[i * cols + j];
        return t;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Blocks_MatchDefinition(string dtypeName, int a, int b, int f, DistanceMetric metric, bool quadratic)
    {
        var dt = DType.Parse(dtypeName);
        var kernels = B.Capability<IDistanceKernels>();
        var kind = new DistanceKind(metric, quadratic, Sigma);
        var xv = Values(dt, (long)a * f, 1, -4, 4); var yv = Values(dt, (long)b * f, 2, -4, 4);
        using var x = Make(B, dt, [a, f], xv);
        using var y = Make(B, dt, [b, f], yv);
        var expected = Definition(xv, yv, a, b, f, metric, Sigma);
        string context = $"{dt} {a}x{b}x{f} {metric} quadratic={quadratic}";

        using var wide = B.Empty([a, b + 9], dt);
        using var d = wide.Slice(1, 4, b);
        kernels.Block(x, y, d, kind);
        AssertClose(expected, Read(d), dt, "Block " + context, Tol(dt, quadratic));

        using var padded = B.Empty([b, a + 7], dt);
        using var mirror = padded.Slice(1, 0, a);
        using var d2 = B.Empty([a, b], dt);
        kernels.MirroredBlock(x, y, d2, mirror, kind);
        AssertClose(expected, Read(d2), dt, "MirroredBlock " + context, Tol(dt, quadratic));
        AssertClose(Transpose(expected, a, b), Read(mirror), dt, "MirroredBlock mirror " + context, Tol(dt, quadratic));

        using var square = B.Empty([a, a + 3], dt);
        using var s = square.Slice(1, 3, a);
        kernels.SymmetricBlock(x, s, kind);
        var sv = Read(s);
        AssertClose(Definition(xv, xv, a, a, f, metric, Sigma), sv, dt, "SymmetricBlock " + context, Tol(dt, quadratic));
        for (int i = 0; i < a; i++)
        {
            Assert.Equal(metric == DistanceMetric.Rbf ? 1.0 : 0.0, sv[i * a + i]);
            for (int j = 0; j < i; j++) Assert.True(sv[i * a + j] == sv[j * a + i], $"SymmetricBlock {context}: [{i},{j}] = {sv[i * a + j]:R}, [{j},{i}] = {sv[j * a + i]:R}");
        }

        using var target = B.Empty([a, b + 9], dt);
        using var place = target.Slice(1, 2, b);
        kernels.CopyBlock(d, place);
        Assert.Equal(Read(d), Read(place));
    }
}
