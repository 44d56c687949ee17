// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Comm.Mpi;

/// <summary>How a rank waits for MPI operations to complete (configuration key <c>Heat:Mpi:Wait</c>).</summary>
public enum MpiWaitMode
{
    /// <summary><see cref="Poll"/> when more ranks share the node than it has cores, else <see cref="Block"/>.</summary>
    Auto,
    /// <summary>The blocking MPI calls (MPICH busy-polls inside them: fastest while every rank has its own core).</summary>
    Block,
    /// <summary>
    /// The non-blocking calls, completed by <c>MPI_Test</c> with <see cref="Thread.Yield"/> in between, so oversubscribed
    /// ranks hand their core to the rank that can make progress (an 8-byte Allreduce on 4 ranks and 2 cores: about 20 µs instead of 10 ms).
    /// </summary>
    Poll,
}

/// <summary>Chooses the wait mode.</summary>
internal static class MpiWaitPolicy
{
    /// <summary>The configured mode, or for <see cref="MpiWaitMode.Auto"/> the one that suits <paramref name="ranksOnNode"/> ranks on <paramref name="cores"/> cores.</summary>
    public static MpiWaitMode Resolve(MpiWaitMode configured, int ranksOnNode, int cores) =>
        configured != MpiWaitMode.Auto ? configured : ranksOnNode > cores ? MpiWaitMode.Poll : MpiWaitMode.Block;

    /// <summary>Parses <c>Heat:Mpi:Wait</c> (auto, block, poll; empty = auto).</summary>
    /// <exception cref="ArgumentException">Another value.</exception>
    public static MpiWaitMode Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return MpiWaitMode.Auto;
        if (Enum.TryParse<MpiWaitMode>(text.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode)) return mode;
        throw new ArgumentException($"Heat:Mpi:Wait is '{text}'; expected auto, block or poll.", nameof(text));
    }

    /// <summary>The mode for this process: configured, else decided by the ranks on this node against <see cref="CpuBudget.Cores"/>.</summary>
    public static MpiWaitMode ForThisProcess(MpiWaitMode configured, int ranksOnNode) => Resolve(configured, ranksOnNode, CpuBudget.Cores);
}
