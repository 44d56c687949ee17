// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.ML;

// The ML suites on the managed backend, in-process ranks (the full matrix, see Heat.Testing.Matrix).
namespace Heat.ML.Tests.ManagedInProc
{
    public sealed class KMeans : KMeansSuite<ManagedInProcWorld>;
    public sealed class Lasso : LassoSuite<ManagedInProcWorld>;
    public sealed class Preprocessing : PreprocessingSuite<ManagedInProcWorld>;
    public sealed class GaussianNB : GaussianNBSuite<ManagedInProcWorld>;
    public sealed class KNeighbors : KNeighborsSuite<ManagedInProcWorld>;
    public sealed class RobustScaler : RobustScalerSuite<ManagedInProcWorld>;
    public sealed class Pca : PcaSuite<ManagedInProcWorld>;
    public sealed class KClusters : KClusterSuite<ManagedInProcWorld>;
    public sealed class Spectral : SpectralSuite<ManagedInProcWorld>;
    public sealed class BatchParallel : BatchParallelSuite<ManagedInProcWorld>;
    public sealed class Dmd : DmdSuite<ManagedInProcWorld>;
    public sealed class Estimators : EstimatorSuite<ManagedInProcWorld>;
    public sealed class Decomposition : DecompositionSuite<ManagedInProcWorld>;
}

namespace Heat.ML.Tests
{
    /// <summary>Every ML suite of <see cref="Matrix"/> is bound here for this project's worlds.</summary>
    public sealed class MatrixCoverage
    {
        [Fact]
        public void ManagedInProc_BindsEverySuite() =>
            Assert.Empty(Matrix.Unbound<ManagedInProcWorld>(typeof(MatrixCoverage).Assembly, [.. Matrix.MlSuites]));
    }
}
