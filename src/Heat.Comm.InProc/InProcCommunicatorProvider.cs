// SPDX-License-Identifier: MIT
using Heat.Abstractions;

[assembly: HeatCommunicatorProvider(typeof(Heat.Comm.InProc.InProcCommunicatorProvider), Install = "It ships with Heat.Core.")]

namespace Heat.Comm.InProc;

/// <summary>Announces the <c>inproc</c> communicator, which exists only inside <see cref="InProcWorld"/>.</summary>
public sealed class InProcCommunicatorProvider : ICommunicatorProvider
{
    /// <inheritdoc/>
    public string Name => "inproc";

    /// <inheritdoc/>
    public bool IsLaunchedByLauncher() => false;

    /// <inheritdoc/>
    public int RanksOnNode() => 1;

    /// <inheritdoc/>
    /// <exception cref="CommunicatorUnavailableException">Always: in-process ranks are threads started by
    /// InProcWorld.Run.</exception>
    public ICommunicator CreateWorld(ProviderContext context) =>
        throw new CommunicatorUnavailableException(
            "Heat:Communicator=inproc is valid only through InProcWorld.Run or the CLI's --ranks N: in-process ranks are threads " +
            "started by InProcWorld.Run. Use 'auto' or 'self' for one rank, or launch with mpiexec.mpich and 'mpi'.");
}
