// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;
using static Heat.Testing.Backend.BackendTestData;

namespace Heat.Backend.Torch.Tests;

/// <summary>The Torch backend's own distance capability (ATen), against the managed backend's.</summary>
public sealed class TorchDistanceTests(TorchBackendFixture f) : IClassFixture<TorchBackendFixture>
{
    private ITensorBackend B => f.Backend;

    [Theory]
    [InlineData(DistanceMetric.Euclidean, true)]
    [InlineData(DistanceMetric.Rbf, true)]
    [InlineData(DistanceMetric.Euclidean, false)]
    [InlineData(DistanceMetric.Manhattan, false)]
    public void OwnImplementation_AgreesWithManaged(DistanceMetric metric, bool quadratic)
    {
        Assert.Same(B, B.Capability<IDistanceKernels>());
        using var managed = new ManagedBackend(threads: 2);
        var kind = new DistanceKind(metric, quadratic, 2.5);
        var xv = Values(DType.Float32, 90 * 12, 7, -4, 4); var yv = Values(DType.Float32, 70 * 12, 8, -4, 4);
        using var x = Make(B, DType.Float32, [90, 12], xv);
        using var y = Make(B, DType.Float32, [70, 12], yv);
        using var d = B.Empty([90, 70], DType.Float32);
        B.Capability<IDistanceKernels>().Block(x, y, d, kind);
        using var hx = Make(managed, DType.Float32, [90, 12], xv);
        using var hy = Make(managed, DType.Float32, [70, 12], yv);
        using var expected = managed.Empty([90, 70], DType.Float32);
        managed.Capability<IDistanceKernels>().Block(hx, hy, expected, kind);
        AssertClose(Read(expected), Read(d), DType.Float32, $"torch vs managed {metric}", quadratic ? 1e-4 : 1e-5);
    }
}
