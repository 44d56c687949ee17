// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.ILGPU;
using Heat.Testing;
using Heat.Testing.Backend;
using Heat.Testing.Core;

namespace Heat.Backend.ILGPU.Conformance;

/// <summary>The accelerator the run targets (set once from the command line, before any suite runs).</summary>
internal static class Target
{
    public static ILGPUAcceleratorKind Kind { get; set; } = ILGPUAcceleratorKind.Cpu;

    /// <summary>Where tensors go: the first GPU of a GPU kind; the CPU accelerator's device buffers for cpu (as the
    /// test project's fixture).</summary>
    public static Device Device => Kind == ILGPUAcceleratorKind.Cpu ? Device.Cpu : new Device(DeviceKind.Gpu, 0);
}

/// <summary>One ILGPU backend on the chosen accelerator, shared by the backend suites.</summary>
internal sealed class Fixture : IBackendFixture, IDisposable
{
    public ITensorBackend Backend { get; } = new ILGPUBackend(Target.Kind, Target.Device);
    public void Dispose() => Backend.Dispose();
}

/// <summary>In-process ranks with <c>Heat:Backend=ilgpu</c> on the chosen accelerator.</summary>
public sealed class ConformanceWorld : ITestWorldKind
{
    /// <inheritdoc/>
    public static int[] RankSample => [1, 3];
    /// <inheritdoc/>
    public static int SeedStride => 10;
    /// <inheritdoc/>
    public static ITestWorld Create() =>
        new InProcTestWorld(TimeSpan.FromSeconds(600), backend: "ilgpu", settings: new Dictionary<string, string?>
        {
            [ILGPUBackendProvider.AcceleratorKey] = Target.Kind.ToString().ToLowerInvariant(),
            ["Heat:Device"] = Target.Kind == ILGPUAcceleratorKind.Cpu ? "cpu" : "gpu",
        });
}

// The suites Heat.Backend.ILGPU.Tests binds, bound once more: the backend suites over one backend, and the DNDarray
// sample over in-process ranks.
#pragma warning disable CA1812 // created by reflection
internal sealed class BackendElementwise(IBackendFixture f) : BackendElementwiseSuite(f);
internal sealed class BackendReductions(IBackendFixture f) : BackendReductionSuite(f);
internal sealed class BackendMatmul(IBackendFixture f) : BackendMatmulSuite(f);
internal sealed class BackendCopy(IBackendFixture f) : BackendCopySuite(f);
internal sealed class BackendConformance(IBackendFixture f) : BackendConformanceSuite(f);
internal sealed class BackendDistances(IBackendFixture f) : DistanceKernelSuite(f);
internal sealed class BackendReductionKernels(IBackendFixture f) : ReductionKernelSuite(f);
internal sealed class Factories : FactorySuite<ConformanceWorld>;
internal sealed class Distribution : DistributionSuite<ConformanceWorld>;
internal sealed class Elementwise : ElementwiseSuite<ConformanceWorld>;
internal sealed class Reductions : ReductionSuite<ConformanceWorld>;
internal sealed class Moments : MomentSuite<ConformanceWorld>;
internal sealed class Matmul : MatmulSuite<ConformanceWorld>;
internal sealed class Manipulation : ManipulationSuite<ConformanceWorld>;
internal sealed class Sorting : SortSuite<ConformanceWorld>;
#pragma warning restore CA1812

/// <summary>The bound suites in run order.</summary>
internal static class Suites
{
    public static readonly Type[] Backend =
    [
        typeof(BackendElementwise), typeof(BackendReductions), typeof(BackendMatmul), typeof(BackendCopy),
        typeof(BackendConformance), typeof(BackendDistances), typeof(BackendReductionKernels),
    ];

    public static readonly Type[] Dndarray =
    [
        typeof(Factories), typeof(Distribution), typeof(Elementwise), typeof(Reductions), typeof(Moments),
        typeof(Matmul), typeof(Manipulation), typeof(Sorting),
    ];
}
