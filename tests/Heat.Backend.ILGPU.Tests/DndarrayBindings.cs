// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.Core;

// A representative sample of the DNDarray suites with Heat:Backend=ilgpu on ILGPU's CPU accelerator, in-process
// ranks (each rank its own accelerator and stream; kernels compiled once per process). Not the whole matrix: the CPU
// accelerator is a thread-by-thread simulator, and the whole matrix would take far longer than this project's CI
// budget (the ML suites alone took minutes); the sample covers factories, distribution, element-wise ops, reductions,
// moments, matmul, manipulation and sorting: every kernel family of the backend and device memory staged for
// communication.
namespace Heat.Backend.ILGPU.Tests.ILGPUCpuInProc
{
    public sealed class Factories : FactorySuite<ILGPUCpuInProcWorld>;
    public sealed class Distribution : DistributionSuite<ILGPUCpuInProcWorld>;
    public sealed class Elementwise : ElementwiseSuite<ILGPUCpuInProcWorld>;
    public sealed class Reductions : ReductionSuite<ILGPUCpuInProcWorld>;
    public sealed class Moments : MomentSuite<ILGPUCpuInProcWorld>;
    public sealed class Matmul : MatmulSuite<ILGPUCpuInProcWorld>;
    public sealed class Manipulation : ManipulationSuite<ILGPUCpuInProcWorld>;
    public sealed class Sorting : SortSuite<ILGPUCpuInProcWorld>;
}

namespace Heat.Backend.ILGPU.Tests
{
    /// <summary>The suites of <see cref="Matrix"/> this project binds for <see cref="ILGPUCpuInProcWorld"/>.</summary>
    public static class ILGPUSample
    {
        /// <summary>
        /// The sample (see the file's header for why it is not the whole matrix): every kernel family and
        /// communication through staged device memory.
        /// </summary>
        public static readonly Type[] Suites =
        [
            typeof(FactorySuite<>), typeof(DistributionSuite<>), typeof(ElementwiseSuite<>), typeof(ReductionSuite<>),
            typeof(MomentSuite<>), typeof(MatmulSuite<>), typeof(ManipulationSuite<>), typeof(SortSuite<>),
        ];
    }

    /// <summary>The sample is bound, and is part of the matrix (a renamed or removed suite fails here).</summary>
    public sealed class MatrixCoverage
    {
        [Fact]
        public void ILGPUCpuInProc_BindsTheSample() =>
            Assert.Empty(Matrix.Unbound<ILGPUCpuInProcWorld>(typeof(MatrixCoverage).Assembly, ILGPUSample.Suites));

        [Fact]
        public void Sample_IsPartOfTheMatrix() =>
            Assert.Empty(ILGPUSample.Suites.Except([.. Matrix.DndarraySuites, .. Matrix.MlSuites]));
    }
}
