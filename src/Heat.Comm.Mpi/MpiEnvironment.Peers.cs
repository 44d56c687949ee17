// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat.Comm.Mpi.Interop;

namespace Heat.Comm.Mpi;

// Which world ranks are gone. MPI cannot say which peer a stuck collective waits for, and MPICH's launcher reports a
// killed rank by its process id only; so at start-up every rank learns each peer's process id and node, and an error
// message can name the ranks on this node whose processes have exited.
public static unsafe partial class MpiEnvironment
{
    private static long[] _pids = [];
    private static long[] _nodes = [];

    /// <summary>The process id of world rank <paramref name="rank"/> (0 before initialisation).</summary>
    public static long ProcessIdOf(int rank) => (uint)rank < (uint)_pids.Length ? _pids[rank] : 0;

    /// <summary>Each rank's process id and the lowest world rank of its node, gathered once at start-up.</summary>
    private static void ExchangePeers(int node)
    {
        long leader = WorldRank, nodeLeader;
        Check(MpiNative.MPI_Allreduce_c(&leader, &nodeLeader, 1, MpiConstants.MPI_INT64_T, MpiConstants.MPI_MIN, node),
            "MPI_Allreduce_c");
        long* mine = stackalloc long[2] { Environment.ProcessId, nodeLeader };
        var all = new long[2 * WorldSize];
        fixed (long* p = all)
            Check(MpiNative.MPI_Allgather_c(mine, 2, MpiConstants.MPI_INT64_T, p, 2, MpiConstants.MPI_INT64_T,
                MpiConstants.MPI_COMM_WORLD), "MPI_Allgather_c");
        _pids = new long[WorldSize];
        _nodes = new long[WorldSize];
        for (int r = 0; r < WorldSize; r++) { _pids[r] = all[2 * r]; _nodes[r] = all[2 * r + 1]; }
    }

    /// <summary>World ranks on this node whose processes have exited (killed, crashed), ascending.</summary>
    /// <remarks>Ranks on other nodes cannot be checked from here and are never listed.</remarks>
    public static IReadOnlyList<int> LostRanks()
    {
        var lost = new List<int>();
        if (!OperatingSystem.IsLinux() || _pids.Length == 0) return lost;
        long here = _nodes[WorldRank];
        for (int r = 0; r < _pids.Length; r++)
            if (r != WorldRank && _nodes[r] == here && !IsAlive(_pids[r])) lost.Add(r);
        return lost;
    }

    /// <summary>" Lost ranks on this node: 1 (pid 4711)." or "" when none is known to be gone.</summary>
    internal static string LostRanksText()
    {
        var lost = LostRanks();
        if (lost.Count == 0) return "";
        var names = lost.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r} (pid {_pids[r]})"));
        return $" Lost ranks (processes that have exited) on this node: {string.Join(", ", names)}.";
    }

    /// <summary>A process is alive while /proc lists it in a state other than zombie or dead.</summary>
    private static bool IsAlive(long pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            int close = stat.LastIndexOf(')');
            char state = close >= 0 && close + 2 < stat.Length ? stat[close + 2] : '?';
            return state is not ('Z' or 'X' or 'x');
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return true; }
    }
}
