// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;
using Heat.Comm.Mpi.Interop;

namespace Heat.Comm.Mpi.Tests;

using static MpiConstants;

/// <summary>The pieces that need no running MPI job: library lookup and its messages, type and operation mapping, wait policy, discovery.</summary>
public sealed class MpiBindingTests
{
    [Fact]
    public void MissingLibrary_MessageNamesWhatWasTried_AndTheMpichPackages()
    {
        var message = MpiLibrary.MissingMessage(["/opt/x/libmpich.so", "libmpich.so.12", "libmpich.so"], openMpiPresent: false);
        Assert.Contains("tried: /opt/x/libmpich.so, libmpich.so.12, libmpich.so", message);
        Assert.Contains("apt-get install mpich libmpich-dev", message);
        Assert.Contains("HEAT_MPI_LIBRARY", message);
        Assert.DoesNotContain("Open MPI", message);
    }

    [Fact]
    public void MissingLibrary_WithOnlyOpenMpi_SaysSo()
    {
        var message = MpiLibrary.MissingMessage(["libmpich.so.12"], openMpiPresent: true);
        Assert.Contains("Only Open MPI", message);
        Assert.Contains("apt-get install mpich libmpich-dev", message);
    }

    [Fact]
    public void VendorCheck_RejectsOpenMpi_AcceptsMpich()
    {
        var e = Assert.Throws<CommunicatorUnavailableException>(() => MpiLibrary.CheckVendor("Open MPI v4.1.4, package: Debian OpenMPI, ident: 4.1.4"));
        Assert.Contains("not MPICH", e.Message);
        Assert.Contains("Open MPI v4.1.4", e.Message);
        Assert.Contains("apt-get install mpich libmpich-dev", e.Message);
        MpiLibrary.CheckVendor("MPICH Version:\t4.0.2\nMPICH Release date: ...");
        MpiLibrary.CheckVendor("MPI VERSION    : CRAY MPICH version 8.1.28");
    }

    [Fact]
    public void Candidates_PutTheExplicitPathFirst()
    {
        Assert.Equal(["libmpich.so.12", "libmpich.so"], MpiLibrary.Candidates(null));
        Assert.Equal(["/x/libmpich.so", "libmpich.so.12", "libmpich.so"], MpiLibrary.Candidates("/x/libmpich.so"));
    }

    [Fact]
    public void InstalledLibrary_IsMpich()
    {
        // Loading is harmless without MPI_Init; this is what start-up checks.
        Assert.Contains("MPICH", MpiLibrary.EnsureLoaded());
    }

    [Fact]
    public void Datatypes_MapToMpichPredefinedTypes()
    {
        Assert.Equal(MPI_C_BOOL, MpiDatatypes.Predefined<bool>());
        Assert.Equal(MPI_UINT8_T, MpiDatatypes.Predefined<byte>());
        Assert.Equal(MPI_INT8_T, MpiDatatypes.Predefined<sbyte>());
        Assert.Equal(MPI_INT16_T, MpiDatatypes.Predefined<short>());
        Assert.Equal(MPI_INT32_T, MpiDatatypes.Predefined<int>());
        Assert.Equal(MPI_INT64_T, MpiDatatypes.Predefined<long>());
        Assert.Equal(MPI_UINT64_T, MpiDatatypes.Predefined<ulong>());
        Assert.Equal(MPI_FLOAT, MpiDatatypes.Predefined<float>());
        Assert.Equal(MPI_DOUBLE, MpiDatatypes.Predefined<double>());
        Assert.Equal(MPI_C_FLOAT_COMPLEX, MpiDatatypes.Predefined<Complex64>());
        Assert.Equal(MPI_C_DOUBLE_COMPLEX, MpiDatatypes.Predefined<Complex>());
        Assert.Equal(MPI_UINT16_T, MpiDatatypes.Predefined<Half>());  // moved as 16-bit words, reduced via float32
    }

    [Fact]
    public void Operations_UsePredefinedOnlyWhereTheyMatchCombine()
    {
        Assert.Equal(MPI_SUM, MpiOps.Predefined<int>(ReduceKind.Sum));
        Assert.Equal(MPI_BXOR, MpiOps.Predefined<ulong>(ReduceKind.BXor));
        Assert.Equal(MPI_LAND, MpiOps.Predefined<long>(ReduceKind.LAnd));
        Assert.Equal(MPI_PROD, MpiOps.Predefined<Complex>(ReduceKind.Prod));
        Assert.Equal(MPI_SUM, MpiOps.Predefined<double>(ReduceKind.Sum));
        // bool: sums and maxima are "or", products and minima "and" (as ReduceOp.Combine defines them).
        Assert.Equal(MPI_LOR, MpiOps.Predefined<bool>(ReduceKind.Sum));
        Assert.Equal(MPI_LAND, MpiOps.Predefined<bool>(ReduceKind.Min));
        Assert.Equal(MPI_LXOR, MpiOps.Predefined<bool>(ReduceKind.BXor));
        // Float min/max must propagate NaN and run the managed combine; user ops always do.
        Assert.Equal(0, MpiOps.Predefined<double>(ReduceKind.Max));
        Assert.Equal(0, MpiOps.Predefined<float>(ReduceKind.LOr));
        Assert.Equal(0, MpiOps.Predefined<int>(ReduceKind.User));
    }

    [Theory]
    [InlineData(MpiWaitMode.Auto, 4, 2, MpiWaitMode.Poll)]
    [InlineData(MpiWaitMode.Auto, 2, 2, MpiWaitMode.Block)]
    [InlineData(MpiWaitMode.Auto, 1, 64, MpiWaitMode.Block)]
    [InlineData(MpiWaitMode.Block, 8, 2, MpiWaitMode.Block)]
    [InlineData(MpiWaitMode.Poll, 1, 2, MpiWaitMode.Poll)]
    public void WaitPolicy_PollsOnlyWhenOversubscribed(MpiWaitMode configured, int ranksOnNode, int cores, MpiWaitMode expected) =>
        Assert.Equal(expected, MpiWaitPolicy.Resolve(configured, ranksOnNode, cores));

    [Fact]
    public void WaitPolicy_ParsesConfiguration()
    {
        Assert.Equal(MpiWaitMode.Auto, MpiWaitPolicy.Parse(null));
        Assert.Equal(MpiWaitMode.Poll, MpiWaitPolicy.Parse("POLL"));
        var e = Assert.Throws<ArgumentException>(() => MpiWaitPolicy.Parse("spin"));
        Assert.Contains("Heat:Mpi:Wait is 'spin'; expected auto, block or poll", e.Message);
    }

    [Fact]
    public void Provider_IsFoundByName_AndRecognisesLaunchers()
    {
        var provider = ComponentDiscovery.FindCommunicator("mpi");
        Assert.IsType<MpiCommunicatorProvider>(provider);
        Assert.Equal("mpi", provider!.Name);
        var hydra = new Dictionary<string, string> { ["PMI_RANK"] = "0", ["HYDI_CONTROL_FD"] = "7" };
        Assert.Equal("PMI_RANK", MpiCommunicatorProvider.LauncherVariable(k => hydra.GetValueOrDefault(k)));
        var srun = new Dictionary<string, string> { ["SLURM_STEP_NUM_TASKS"] = "4" };
        Assert.Equal("SLURM_STEP_NUM_TASKS", MpiCommunicatorProvider.LauncherVariable(k => srun.GetValueOrDefault(k)));
        var alone = new Dictionary<string, string> { ["SLURM_STEP_NUM_TASKS"] = "1" };
        Assert.Null(MpiCommunicatorProvider.LauncherVariable(k => alone.GetValueOrDefault(k)));
    }

    [Fact]
    public void LaunchMismatch_NamesTheRightLauncher_WhenMpichSeesOneProcess()
    {
        var openMpi = new Dictionary<string, string> { ["OMPI_COMM_WORLD_SIZE"] = "4" };
        var message = MpiEnvironment.LaunchMismatch(1, k => openMpi.GetValueOrDefault(k));
        Assert.NotNull(message);
        Assert.Contains("Open MPI's mpiexec as one of 4", message);
        Assert.Contains("mpiexec.mpich", message);
        var srun = new Dictionary<string, string> { ["SLURM_STEP_NUM_TASKS"] = "8" };
        Assert.Contains("srun --mpi=pmi2", MpiEnvironment.LaunchMismatch(1, k => srun.GetValueOrDefault(k)));
        Assert.Null(MpiEnvironment.LaunchMismatch(8, k => srun.GetValueOrDefault(k)));
        Assert.Null(MpiEnvironment.LaunchMismatch(1, _ => null));
    }
}
