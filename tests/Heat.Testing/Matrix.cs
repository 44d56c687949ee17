// SPDX-License-Identifier: MIT
using System.Reflection;
using Heat.Testing.Core;
using Heat.Testing.IO;
using Heat.Testing.ML;

namespace Heat.Testing;

/// <summary>
/// The test matrix: the worlds (backend × communicator, each with its sample of rank counts, see the
/// <see cref="ITestWorldKind"/> classes below) and the suites every world runs. Each test project binds the suites
/// for its worlds, one line per suite, in a namespace named after the world (<c>ManagedInProc.Factories</c>); its
/// <c>MatrixCoverage</c> test fails when a suite of this list is not bound there.
/// </summary>
public static class Matrix
{
    /// <summary>Every DNDarray suite (open generic types over the world).</summary>
    public static readonly Type[] DndarraySuites =
    [
        typeof(FactorySuite<>), typeof(DistributionSuite<>), typeof(ElementwiseSuite<>), typeof(ReductionSuite<>),
        typeof(StatisticsSuite<>), typeof(ElementwiseExtrasSuite<>), typeof(DifferentialPropertySuite<>),
        typeof(ValidationSuite<>), typeof(RandomSuite<>), typeof(MatmulSuite<>), typeof(IndexingSuite<>),
        typeof(PrintingSuite<>), typeof(ManipulationSuite<>), typeof(SpatialSuite<>), typeof(SegmentSuite<>),
        typeof(ManipulationExtrasSuite<>),
        typeof(InPlaceSuite<>),
        typeof(QrSuite<>), typeof(SvdSuite<>), typeof(DenseLinalgSuite<>), typeof(NormSuite<>),
        typeof(SortSuite<>),
        typeof(LinalgBasicsSuite<>), typeof(SignalSuite<>),
        typeof(HeatAnswersSuite<>),
        typeof(ElementwiseMoreSuite<>),
        typeof(TypesSuite<>),
        typeof(OrderStatisticsSuite<>), typeof(HistogramSuite<>), typeof(MomentSuite<>),
        typeof(FftSuite<>),
        typeof(AdvancedIndexingSuite<>),
        typeof(SvdToolsSuite<>),
        typeof(Float16Suite<>),
        typeof(DistributedLinalgSuite<>),
        typeof(DistributedSvdSuite<>),
        typeof(DistributedTriangularSuite<>),
        typeof(ArgminSumsSuite<>),
        typeof(FusionSuite<>),
        typeof(OpFuzzSuite<>),
    ];

    /// <summary>Every ML estimator suite (Heat.ML through the public API; every world runs them).</summary>
    public static readonly Type[] MlSuites =
    [
        typeof(KMeansSuite<>), typeof(LassoSuite<>),
        typeof(PreprocessingSuite<>),
        typeof(GaussianNBSuite<>),
        typeof(KNeighborsSuite<>), typeof(RobustScalerSuite<>), typeof(PcaSuite<>),
        typeof(KClusterSuite<>),
        typeof(SpectralSuite<>),
        typeof(BatchParallelSuite<>),
        typeof(DmdSuite<>),
        typeof(EstimatorSuite<>),
        typeof(DecompositionSuite<>),
    ];

    /// <summary>The I/O suites that move tensor data (bound where the memory kind matters: managed, OpenCL device
    /// buffers).</summary>
    public static readonly Type[] DataIoSuites = [typeof(RoundTripSuite<>), typeof(NpyFormatSuite<>)];

    /// <summary>The remaining I/O suites (files, tools, child processes): backend-independent, bound on the managed
    /// world only.</summary>
    public static readonly Type[] OtherIoSuites = [typeof(IrisSuite<>), typeof(ReferenceToolsSuite<>),
        typeof(BadInputSuite<>), typeof(ChildProcessSuite<>),
        typeof(ParserFuzzSuite<>),
    ];

    /// <summary>
    /// Pairs of the matrix not bound yet, each with the reason (the coverage tests accept exactly these). Empty: every
    /// world runs every suite of its lists.
    /// </summary>
    public static readonly IReadOnlyDictionary<(Type World, Type Suite), string> Pending = new Dictionary<(Type, Type),
        string>();

    /// <summary>
    /// The suites of <paramref name="suites"/> that <paramref name="assembly"/> does not bind for
    /// <typeparamref name="TWorld"/> (no non-abstract class derives from the suite closed over the world), apart from
    /// the <see cref="Pending"/> pairs.
    /// </summary>
    public static IReadOnlyList<string> Unbound<TWorld>(Assembly assembly,
        IEnumerable<Type> suites) where TWorld : ITestWorldKind
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var bound = assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract).SelectMany(Bases).ToHashSet();
        return suites.Where(s => !Pending.ContainsKey((typeof(TWorld), s)))
            .Select(s => s.MakeGenericType(typeof(TWorld))).Where(s => !bound.Contains(s)).Select(s => s.Name).ToList();

        static IEnumerable<Type> Bases(Type t)
        {
            for (var b = t.BaseType; b is not null; b = b.BaseType) yield return b;
        }
    }
}

/// <summary>Managed backend, in-process ranks: the full matrix (1 to 5 ranks, every seed).</summary>
public sealed class ManagedInProcWorld : ITestWorldKind
{
    /// <inheritdoc/>
    public static int[] RankSample => [1, 2, 3, 4, 5];
    /// <inheritdoc/>
    public static int SeedStride => 1;
    /// <inheritdoc/>
    public static ITestWorld Create() => new InProcTestWorld(backend: "managed");
}

/// <summary>Torch backend (libtorch CPU in CI), in-process ranks: a sample.</summary>
public sealed class TorchInProcWorld : ITestWorldKind
{
    /// <inheritdoc/>
    public static int[] RankSample => [1, 3, 5];
    /// <inheritdoc/>
    public static int SeedStride => 10;
    /// <inheritdoc/>
    public static ITestWorld Create() => new InProcTestWorld(backend: "torch");
}

/// <summary>OpenCL backend with zero-copy host memory (PoCL in CI), in-process ranks: a sample.</summary>
public sealed class OpenClHostInProcWorld : ITestWorldKind
{
    /// <inheritdoc/>
    public static int[] RankSample => [1, 3, 5];
    /// <inheritdoc/>
    public static int SeedStride => 10;
    /// <inheritdoc/>
    public static ITestWorld Create() =>
        new InProcTestWorld(backend: "opencl", settings: new Dictionary<string,
            string?> { ["Heat:OpenCL:Memory"] = "host" });
}

/// <summary>
/// OpenCL backend with device buffers (<c>Heat:OpenCL:Memory=device</c>: <c>HostPointer</c> 0 even on PoCL), in-process
/// ranks: every host access is staged, as on a GPU, so the GPU code paths run in CI.
/// </summary>
public sealed class OpenClDeviceInProcWorld : ITestWorldKind
{
    /// <inheritdoc/>
    public static int[] RankSample => [1, 2, 3, 5];
    /// <inheritdoc/>
    public static int SeedStride => 5;
    /// <inheritdoc/>
    public static ITestWorld Create() =>
        new InProcTestWorld(backend: "opencl", settings: new Dictionary<string,
            string?> { ["Heat:OpenCL:Memory"] = "device" });
}

/// <summary>
/// Managed backend on the MPI communicator (tests/Heat.Comm.Mpi.Driver under <c>mpiexec.mpich -n 1..4</c>): each
/// world size runs the cases for its own rank count.
/// </summary>
public sealed class MpiWorld : ITestWorldKind
{
    /// <inheritdoc/>
    public static int[] RankSample => [1, 2, 3, 4];
    /// <inheritdoc/>
    public static int SeedStride => 1;
    /// <inheritdoc/>
    public static ITestWorld Create() =>
        throw new InvalidOperationException("The MPI world is created by tests/Heat.Comm.Mpi.Driver, which passes "
            + "it to the suites.");
}
