// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.Core;

// The DNDarray suites on the managed backend, in-process ranks (the full matrix, see Heat.Testing.Matrix).
namespace Heat.Core.Tests.ManagedInProc
{
    public sealed class Factories : FactorySuite<ManagedInProcWorld>;
    public sealed class Distribution : DistributionSuite<ManagedInProcWorld>;
    public sealed class Elementwise : ElementwiseSuite<ManagedInProcWorld>;
    public sealed class Reductions : ReductionSuite<ManagedInProcWorld>;
    public sealed class Statistics : StatisticsSuite<ManagedInProcWorld>;
    public sealed class ElementwiseExtras : ElementwiseExtrasSuite<ManagedInProcWorld>;
    public sealed class DifferentialProperty : DifferentialPropertySuite<ManagedInProcWorld>;
    public sealed class Validation : ValidationSuite<ManagedInProcWorld>;
    public sealed class Random : RandomSuite<ManagedInProcWorld>;
    public sealed class Matmul : MatmulSuite<ManagedInProcWorld>;
    public sealed class Indexing : IndexingSuite<ManagedInProcWorld>;
    public sealed class Printing : PrintingSuite<ManagedInProcWorld>;
    public sealed class Manipulation : ManipulationSuite<ManagedInProcWorld>;
    public sealed class Spatial : SpatialSuite<ManagedInProcWorld>;
    public sealed class Segments : SegmentSuite<ManagedInProcWorld>;
    public sealed class ManipulationExtras : ManipulationExtrasSuite<ManagedInProcWorld>;
    public sealed class InPlace : InPlaceSuite<ManagedInProcWorld>;
    public sealed class Sort : SortSuite<ManagedInProcWorld>;
    public sealed class OrderStatistics : OrderStatisticsSuite<ManagedInProcWorld>;
    public sealed class Histograms : HistogramSuite<ManagedInProcWorld>;
    public sealed class Moments : MomentSuite<ManagedInProcWorld>;
    public sealed class AdvancedIndexing : AdvancedIndexingSuite<ManagedInProcWorld>;
    public sealed class Qrs : QrSuite<ManagedInProcWorld>;
    public sealed class Svds : SvdSuite<ManagedInProcWorld>;
    public sealed class DenseLinalg : DenseLinalgSuite<ManagedInProcWorld>;
    public sealed class Norms : NormSuite<ManagedInProcWorld>;
    public sealed class LinalgBasics : LinalgBasicsSuite<ManagedInProcWorld>;
    public sealed class Signal : SignalSuite<ManagedInProcWorld>;
    public sealed class HeatAnswers : HeatAnswersSuite<ManagedInProcWorld>;
    public sealed class ElementwiseMore : ElementwiseMoreSuite<ManagedInProcWorld>;
    public sealed class Types : TypesSuite<ManagedInProcWorld>;
    public sealed class Fft : FftSuite<ManagedInProcWorld>;
    public sealed class SvdTools : SvdToolsSuite<ManagedInProcWorld>;
    public sealed class Float16 : Float16Suite<ManagedInProcWorld>;
    public sealed class DistributedLinalg : DistributedLinalgSuite<ManagedInProcWorld>;
    public sealed class DistributedSvd : DistributedSvdSuite<ManagedInProcWorld>;
    public sealed class DistributedTriangular : DistributedTriangularSuite<ManagedInProcWorld>;
    public sealed class ArgminSums : ArgminSumsSuite<ManagedInProcWorld>;
    public sealed class Fusion : FusionSuite<ManagedInProcWorld>;
    public sealed class OpFuzz : OpFuzzSuite<ManagedInProcWorld>;
}

namespace Heat.Core.Tests
{
    /// <summary>Every suite of <see cref="Matrix"/> is bound here for this project's worlds.</summary>
    public sealed class MatrixCoverage
    {
        [Fact]
        public void ManagedInProc_BindsEverySuite() =>
            Assert.Empty(Matrix.Unbound<ManagedInProcWorld>(typeof(MatrixCoverage).Assembly,
                [.. Matrix.DndarraySuites]));
    }
}
