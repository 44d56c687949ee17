// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.Core;
using Heat.Testing.ML;

// The DNDarray and ML suites with Heat:Backend=torch on the world's sample of in-process ranks (see
// Heat.Testing.Matrix).
namespace Heat.Backend.Torch.Tests.TorchInProc
{
    public sealed class Factories : FactorySuite<TorchInProcWorld>;
    public sealed class Distribution : DistributionSuite<TorchInProcWorld>;
    public sealed class Elementwise : ElementwiseSuite<TorchInProcWorld>;
    public sealed class Reductions : ReductionSuite<TorchInProcWorld>;
    public sealed class Statistics : StatisticsSuite<TorchInProcWorld>;
    public sealed class ElementwiseExtras : ElementwiseExtrasSuite<TorchInProcWorld>;
    public sealed class DifferentialProperty : DifferentialPropertySuite<TorchInProcWorld>;
    public sealed class Validation : ValidationSuite<TorchInProcWorld>;
    public sealed class Random : RandomSuite<TorchInProcWorld>;
    public sealed class Matmul : MatmulSuite<TorchInProcWorld>;
    public sealed class Indexing : IndexingSuite<TorchInProcWorld>;
    public sealed class Printing : PrintingSuite<TorchInProcWorld>;
    public sealed class Manipulation : ManipulationSuite<TorchInProcWorld>;
    public sealed class Spatial : SpatialSuite<TorchInProcWorld>;
    public sealed class Segments : SegmentSuite<TorchInProcWorld>;
    public sealed class Qrs : QrSuite<TorchInProcWorld>;
    public sealed class Svds : SvdSuite<TorchInProcWorld>;
    public sealed class DenseLinalg : DenseLinalgSuite<TorchInProcWorld>;
    public sealed class Norms : NormSuite<TorchInProcWorld>;
    public sealed class LinalgBasics : LinalgBasicsSuite<TorchInProcWorld>;
    public sealed class Signal : SignalSuite<TorchInProcWorld>;
    public sealed class KMeans : KMeansSuite<TorchInProcWorld>;
    public sealed class Lasso : LassoSuite<TorchInProcWorld>;
    public sealed class Preprocessing : PreprocessingSuite<TorchInProcWorld>;
    public sealed class ManipulationExtras : ManipulationExtrasSuite<TorchInProcWorld>;
    public sealed class InPlace : InPlaceSuite<TorchInProcWorld>;
    public sealed class Sort : SortSuite<TorchInProcWorld>;
    public sealed class HeatAnswers : HeatAnswersSuite<TorchInProcWorld>;
    public sealed class ElementwiseMore : ElementwiseMoreSuite<TorchInProcWorld>;
    public sealed class Types : TypesSuite<TorchInProcWorld>;
    public sealed class OrderStatistics : OrderStatisticsSuite<TorchInProcWorld>;
    public sealed class Histograms : HistogramSuite<TorchInProcWorld>;
    public sealed class Moments : MomentSuite<TorchInProcWorld>;
    public sealed class Fft : FftSuite<TorchInProcWorld>;
    public sealed class AdvancedIndexing : AdvancedIndexingSuite<TorchInProcWorld>;
    public sealed class GaussianNB : GaussianNBSuite<TorchInProcWorld>;
    public sealed class KNeighbors : KNeighborsSuite<TorchInProcWorld>;
    public sealed class RobustScaler : RobustScalerSuite<TorchInProcWorld>;
    public sealed class Pca : PcaSuite<TorchInProcWorld>;
    public sealed class KClusters : KClusterSuite<TorchInProcWorld>;
    public sealed class Spectral : SpectralSuite<TorchInProcWorld>;
    public sealed class BatchParallel : BatchParallelSuite<TorchInProcWorld>;
    public sealed class Dmd : DmdSuite<TorchInProcWorld>;
    public sealed class Estimators : EstimatorSuite<TorchInProcWorld>;
    public sealed class SvdTools : SvdToolsSuite<TorchInProcWorld>;
    public sealed class Decomposition : DecompositionSuite<TorchInProcWorld>;
    public sealed class Float16 : Float16Suite<TorchInProcWorld>;
    public sealed class DistributedLinalg : DistributedLinalgSuite<TorchInProcWorld>;
    public sealed class DistributedSvd : DistributedSvdSuite<TorchInProcWorld>;
    public sealed class DistributedTriangular : DistributedTriangularSuite<TorchInProcWorld>;
    public sealed class ArgminSums : ArgminSumsSuite<TorchInProcWorld>;
    public sealed class Fusion : FusionSuite<TorchInProcWorld>;
    public sealed class OpFuzz : OpFuzzSuite<TorchInProcWorld>;
}

namespace Heat.Backend.Torch.Tests
{
    /// <summary>Every suite of <see cref="Matrix"/> is bound here for this project's worlds.</summary>
    public sealed class MatrixCoverage
    {
        [Fact]
        public void TorchInProc_BindsEverySuite() =>
            Assert.Empty(Matrix.Unbound<TorchInProcWorld>(typeof(MatrixCoverage).Assembly,
                [.. Matrix.DndarraySuites, .. Matrix.MlSuites]));
    }
}
