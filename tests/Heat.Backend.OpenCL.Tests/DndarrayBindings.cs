// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.Core;
using Heat.Testing.IO;
using Heat.Testing.ML;

// The DNDarray and ML suites with Heat:Backend=opencl on in-process ranks (each rank its own backend and queue;
// programs are built once per process): zero-copy host memory, and device buffers (HostPointer 0, every host access
// staged, the GPU code paths) with the data-moving I/O suites too. Rank samples: Heat.Testing.Matrix.
namespace Heat.Backend.OpenCL.Tests.OpenClHostInProc
{
    public sealed class Factories : FactorySuite<OpenClHostInProcWorld>;
    public sealed class Distribution : DistributionSuite<OpenClHostInProcWorld>;
    public sealed class Elementwise : ElementwiseSuite<OpenClHostInProcWorld>;
    public sealed class Reductions : ReductionSuite<OpenClHostInProcWorld>;
    public sealed class Statistics : StatisticsSuite<OpenClHostInProcWorld>;
    public sealed class ElementwiseExtras : ElementwiseExtrasSuite<OpenClHostInProcWorld>;
    public sealed class DifferentialProperty : DifferentialPropertySuite<OpenClHostInProcWorld>;
    public sealed class Validation : ValidationSuite<OpenClHostInProcWorld>;
    public sealed class Random : RandomSuite<OpenClHostInProcWorld>;
    public sealed class Matmul : MatmulSuite<OpenClHostInProcWorld>;
    public sealed class Indexing : IndexingSuite<OpenClHostInProcWorld>;
    public sealed class Printing : PrintingSuite<OpenClHostInProcWorld>;
    public sealed class Manipulation : ManipulationSuite<OpenClHostInProcWorld>;
    public sealed class Spatial : SpatialSuite<OpenClHostInProcWorld>;
    public sealed class Segments : SegmentSuite<OpenClHostInProcWorld>;
    public sealed class Qrs : QrSuite<OpenClHostInProcWorld>;
    public sealed class Svds : SvdSuite<OpenClHostInProcWorld>;
    public sealed class DenseLinalg : DenseLinalgSuite<OpenClHostInProcWorld>;
    public sealed class Norms : NormSuite<OpenClHostInProcWorld>;
    public sealed class LinalgBasics : LinalgBasicsSuite<OpenClHostInProcWorld>;
    public sealed class Signal : SignalSuite<OpenClHostInProcWorld>;
    public sealed class KMeans : KMeansSuite<OpenClHostInProcWorld>;
    public sealed class Lasso : LassoSuite<OpenClHostInProcWorld>;
    public sealed class Preprocessing : PreprocessingSuite<OpenClHostInProcWorld>;
    public sealed class ManipulationExtras : ManipulationExtrasSuite<OpenClHostInProcWorld>;
    public sealed class InPlace : InPlaceSuite<OpenClHostInProcWorld>;
    public sealed class Sort : SortSuite<OpenClHostInProcWorld>;
    public sealed class HeatAnswers : HeatAnswersSuite<OpenClHostInProcWorld>;
    public sealed class ElementwiseMore : ElementwiseMoreSuite<OpenClHostInProcWorld>;
    public sealed class Types : TypesSuite<OpenClHostInProcWorld>;
    public sealed class OrderStatistics : OrderStatisticsSuite<OpenClHostInProcWorld>;
    public sealed class Histograms : HistogramSuite<OpenClHostInProcWorld>;
    public sealed class Moments : MomentSuite<OpenClHostInProcWorld>;
    public sealed class Fft : FftSuite<OpenClHostInProcWorld>;
    public sealed class AdvancedIndexing : AdvancedIndexingSuite<OpenClHostInProcWorld>;
    public sealed class GaussianNB : GaussianNBSuite<OpenClHostInProcWorld>;
    public sealed class KNeighbors : KNeighborsSuite<OpenClHostInProcWorld>;
    public sealed class RobustScaler : RobustScalerSuite<OpenClHostInProcWorld>;
    public sealed class Pca : PcaSuite<OpenClHostInProcWorld>;
    public sealed class KClusters : KClusterSuite<OpenClHostInProcWorld>;
    public sealed class Spectral : SpectralSuite<OpenClHostInProcWorld>;
    public sealed class BatchParallel : BatchParallelSuite<OpenClHostInProcWorld>;
    public sealed class Dmd : DmdSuite<OpenClHostInProcWorld>;
    public sealed class Estimators : EstimatorSuite<OpenClHostInProcWorld>;
    public sealed class SvdTools : SvdToolsSuite<OpenClHostInProcWorld>;
    public sealed class Decomposition : DecompositionSuite<OpenClHostInProcWorld>;
    public sealed class Float16 : Float16Suite<OpenClHostInProcWorld>;
    public sealed class DistributedLinalg : DistributedLinalgSuite<OpenClHostInProcWorld>;
    public sealed class DistributedSvd : DistributedSvdSuite<OpenClHostInProcWorld>;
    public sealed class DistributedTriangular : DistributedTriangularSuite<OpenClHostInProcWorld>;
    public sealed class ArgminSums : ArgminSumsSuite<OpenClHostInProcWorld>;
    public sealed class Fusion : FusionSuite<OpenClHostInProcWorld>;
    public sealed class OpFuzz : OpFuzzSuite<OpenClHostInProcWorld>;
}

namespace Heat.Backend.OpenCL.Tests.OpenClDeviceInProc
{
    public sealed class Factories : FactorySuite<OpenClDeviceInProcWorld>;
    public sealed class Distribution : DistributionSuite<OpenClDeviceInProcWorld>;
    public sealed class Elementwise : ElementwiseSuite<OpenClDeviceInProcWorld>;
    public sealed class Reductions : ReductionSuite<OpenClDeviceInProcWorld>;
    public sealed class Statistics : StatisticsSuite<OpenClDeviceInProcWorld>;
    public sealed class ElementwiseExtras : ElementwiseExtrasSuite<OpenClDeviceInProcWorld>;
    public sealed class DifferentialProperty : DifferentialPropertySuite<OpenClDeviceInProcWorld>;
    public sealed class Validation : ValidationSuite<OpenClDeviceInProcWorld>;
    public sealed class Random : RandomSuite<OpenClDeviceInProcWorld>;
    public sealed class Matmul : MatmulSuite<OpenClDeviceInProcWorld>;
    public sealed class Indexing : IndexingSuite<OpenClDeviceInProcWorld>;
    public sealed class Printing : PrintingSuite<OpenClDeviceInProcWorld>;
    public sealed class Manipulation : ManipulationSuite<OpenClDeviceInProcWorld>;
    public sealed class Spatial : SpatialSuite<OpenClDeviceInProcWorld>;
    public sealed class Segments : SegmentSuite<OpenClDeviceInProcWorld>;
    public sealed class Qrs : QrSuite<OpenClDeviceInProcWorld>;
    public sealed class Svds : SvdSuite<OpenClDeviceInProcWorld>;
    public sealed class DenseLinalg : DenseLinalgSuite<OpenClDeviceInProcWorld>;
    public sealed class Norms : NormSuite<OpenClDeviceInProcWorld>;
    public sealed class LinalgBasics : LinalgBasicsSuite<OpenClDeviceInProcWorld>;
    public sealed class Signal : SignalSuite<OpenClDeviceInProcWorld>;
    public sealed class KMeans : KMeansSuite<OpenClDeviceInProcWorld>;
    public sealed class Lasso : LassoSuite<OpenClDeviceInProcWorld>;
    public sealed class Preprocessing : PreprocessingSuite<OpenClDeviceInProcWorld>;
    public sealed class GaussianNB : GaussianNBSuite<OpenClDeviceInProcWorld>;
    public sealed class RoundTrips : RoundTripSuite<OpenClDeviceInProcWorld>;
    public sealed class NpyFormats : NpyFormatSuite<OpenClDeviceInProcWorld>;
    public sealed class ManipulationExtras : ManipulationExtrasSuite<OpenClDeviceInProcWorld>;
    public sealed class InPlace : InPlaceSuite<OpenClDeviceInProcWorld>;
    public sealed class Sort : SortSuite<OpenClDeviceInProcWorld>;
    public sealed class HeatAnswers : HeatAnswersSuite<OpenClDeviceInProcWorld>;
    public sealed class ElementwiseMore : ElementwiseMoreSuite<OpenClDeviceInProcWorld>;
    public sealed class Types : TypesSuite<OpenClDeviceInProcWorld>;
    public sealed class OrderStatistics : OrderStatisticsSuite<OpenClDeviceInProcWorld>;
    public sealed class Histograms : HistogramSuite<OpenClDeviceInProcWorld>;
    public sealed class Moments : MomentSuite<OpenClDeviceInProcWorld>;
    public sealed class Fft : FftSuite<OpenClDeviceInProcWorld>;
    public sealed class AdvancedIndexing : AdvancedIndexingSuite<OpenClDeviceInProcWorld>;
    public sealed class KNeighbors : KNeighborsSuite<OpenClDeviceInProcWorld>;
    public sealed class RobustScaler : RobustScalerSuite<OpenClDeviceInProcWorld>;
    public sealed class Pca : PcaSuite<OpenClDeviceInProcWorld>;
    public sealed class KClusters : KClusterSuite<OpenClDeviceInProcWorld>;
    public sealed class Spectral : SpectralSuite<OpenClDeviceInProcWorld>;
    public sealed class BatchParallel : BatchParallelSuite<OpenClDeviceInProcWorld>;
    public sealed class Dmd : DmdSuite<OpenClDeviceInProcWorld>;
    public sealed class Estimators : EstimatorSuite<OpenClDeviceInProcWorld>;
    public sealed class SvdTools : SvdToolsSuite<OpenClDeviceInProcWorld>;
    public sealed class Decomposition : DecompositionSuite<OpenClDeviceInProcWorld>;
    public sealed class Float16 : Float16Suite<OpenClDeviceInProcWorld>;
    public sealed class DistributedLinalg : DistributedLinalgSuite<OpenClDeviceInProcWorld>;
    public sealed class DistributedSvd : DistributedSvdSuite<OpenClDeviceInProcWorld>;
    public sealed class DistributedTriangular : DistributedTriangularSuite<OpenClDeviceInProcWorld>;
    public sealed class ArgminSums : ArgminSumsSuite<OpenClDeviceInProcWorld>;
    public sealed class Fusion : FusionSuite<OpenClDeviceInProcWorld>;
    public sealed class OpFuzz : OpFuzzSuite<OpenClDeviceInProcWorld>;
}

namespace Heat.Backend.OpenCL.Tests
{
    /// <summary>Every suite of <see cref="Matrix"/> is bound here for this project's worlds.</summary>
    public sealed class MatrixCoverage
    {
        [Fact]
        public void OpenClHostInProc_BindsEverySuite() =>
            Assert.Empty(Matrix.Unbound<OpenClHostInProcWorld>(typeof(MatrixCoverage).Assembly,
                [.. Matrix.DndarraySuites, .. Matrix.MlSuites]));

        [Fact]
        public void OpenClDeviceInProc_BindsEverySuite() =>
            Assert.Empty(Matrix.Unbound<OpenClDeviceInProcWorld>(typeof(MatrixCoverage).Assembly,
                [.. Matrix.DndarraySuites, .. Matrix.MlSuites, .. Matrix.DataIoSuites]));
    }
}
