// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.Communication;
using Heat.Testing.Core;
using Heat.Testing.ML;

// The shared suites, bound to the MPI world (Heat.Testing.MpiWorld). The driver runs every [Theory] case of these
// classes whose rank count equals the world size.
namespace Heat.Comm.Mpi.Driver.ManagedMpi
{
    public sealed class CommunicatorConformance(ITestWorld world) : CommunicatorConformanceSuite(world);
    public sealed class Factories(ITestWorld world) : FactorySuite<MpiWorld>(world);
    public sealed class Distribution(ITestWorld world) : DistributionSuite<MpiWorld>(world);
    public sealed class Elementwise(ITestWorld world) : ElementwiseSuite<MpiWorld>(world);
    public sealed class Reductions(ITestWorld world) : ReductionSuite<MpiWorld>(world);
    public sealed class Statistics(ITestWorld world) : StatisticsSuite<MpiWorld>(world);
    public sealed class ElementwiseExtras(ITestWorld world) : ElementwiseExtrasSuite<MpiWorld>(world);
    public sealed class DifferentialProperty(ITestWorld world) : DifferentialPropertySuite<MpiWorld>(world);
    public sealed class Validation(ITestWorld world) : ValidationSuite<MpiWorld>(world);
    public sealed class Random(ITestWorld world) : RandomSuite<MpiWorld>(world);
    public sealed class Matmul(ITestWorld world) : MatmulSuite<MpiWorld>(world);
    public sealed class Indexing(ITestWorld world) : IndexingSuite<MpiWorld>(world);
    public sealed class Printing(ITestWorld world) : PrintingSuite<MpiWorld>(world);
    public sealed class Manipulation(ITestWorld world) : ManipulationSuite<MpiWorld>(world);
    public sealed class Spatial(ITestWorld world) : SpatialSuite<MpiWorld>(world);
    public sealed class Segments(ITestWorld world) : SegmentSuite<MpiWorld>(world);
    public sealed class Qrs(ITestWorld world) : QrSuite<MpiWorld>(world);
    public sealed class Svds(ITestWorld world) : SvdSuite<MpiWorld>(world);
    public sealed class DenseLinalg(ITestWorld world) : DenseLinalgSuite<MpiWorld>(world);
    public sealed class Norms(ITestWorld world) : NormSuite<MpiWorld>(world);
    public sealed class LinalgBasics(ITestWorld world) : LinalgBasicsSuite<MpiWorld>(world);
    public sealed class Signal(ITestWorld world) : SignalSuite<MpiWorld>(world);
    public sealed class KMeans(ITestWorld world) : KMeansSuite<MpiWorld>(world);
    public sealed class Lasso(ITestWorld world) : LassoSuite<MpiWorld>(world);
    public sealed class Preprocessing(ITestWorld world) : PreprocessingSuite<MpiWorld>(world);
    public sealed class ManipulationExtras(ITestWorld world) : ManipulationExtrasSuite<MpiWorld>(world);
    public sealed class InPlace(ITestWorld world) : InPlaceSuite<MpiWorld>(world);
    public sealed class Sort(ITestWorld world) : SortSuite<MpiWorld>(world);
    public sealed class HeatAnswers(ITestWorld world) : HeatAnswersSuite<MpiWorld>(world);
    public sealed class ElementwiseMore(ITestWorld world) : ElementwiseMoreSuite<MpiWorld>(world);
    public sealed class Types(ITestWorld world) : TypesSuite<MpiWorld>(world);
    public sealed class OrderStatistics(ITestWorld world) : OrderStatisticsSuite<MpiWorld>(world);
    public sealed class Histograms(ITestWorld world) : HistogramSuite<MpiWorld>(world);
    public sealed class Moments(ITestWorld world) : MomentSuite<MpiWorld>(world);
    public sealed class Fft(ITestWorld world) : FftSuite<MpiWorld>(world);
    public sealed class AdvancedIndexing(ITestWorld world) : AdvancedIndexingSuite<MpiWorld>(world);
    public sealed class GaussianNB(ITestWorld world) : GaussianNBSuite<MpiWorld>(world);
    public sealed class KNeighbors(ITestWorld world) : KNeighborsSuite<MpiWorld>(world);
    public sealed class RobustScaler(ITestWorld world) : RobustScalerSuite<MpiWorld>(world);
    public sealed class Pca(ITestWorld world) : PcaSuite<MpiWorld>(world);
    public sealed class KClusters(ITestWorld world) : KClusterSuite<MpiWorld>(world);
    public sealed class Spectral(ITestWorld world) : SpectralSuite<MpiWorld>(world);
    public sealed class BatchParallel(ITestWorld world) : BatchParallelSuite<MpiWorld>(world);
    public sealed class Dmd(ITestWorld world) : DmdSuite<MpiWorld>(world);
    public sealed class Estimators(ITestWorld world) : EstimatorSuite<MpiWorld>(world);
    public sealed class SvdTools(ITestWorld world) : SvdToolsSuite<MpiWorld>(world);
    public sealed class Decomposition(ITestWorld world) : DecompositionSuite<MpiWorld>(world);
    public sealed class Float16(ITestWorld world) : Float16Suite<MpiWorld>(world);
    public sealed class DistributedLinalg(ITestWorld world) : DistributedLinalgSuite<MpiWorld>(world);
    public sealed class DistributedSvd(ITestWorld world) : DistributedSvdSuite<MpiWorld>(world);
    public sealed class DistributedTriangular(ITestWorld world) : DistributedTriangularSuite<MpiWorld>(world);
    public sealed class ArgminSums(ITestWorld world) : ArgminSumsSuite<MpiWorld>(world);
    public sealed class Fusion(ITestWorld world) : FusionSuite<MpiWorld>(world);
    public sealed class OpFuzz(ITestWorld world) : OpFuzzSuite<MpiWorld>(world);
}
