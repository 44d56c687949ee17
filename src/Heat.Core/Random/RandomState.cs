// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using Heat.Abstractions;

namespace Heat.Rng;

/// <summary>The generator state of HeAT's <c>get_state</c>: algorithm, seed and the next unused block of the stream.</summary>
/// <param name="Algorithm">Always <c>"Philox4x32-10"</c>.</param>
/// <param name="Seed">The 64-bit key.</param>
/// <param name="Counter">The index of the next unused 128-bit block.</param>
public sealed record RandomState(string Algorithm, long Seed, long Counter);

/// <summary>Per-rank generator state (ranks of one process are threads, so the state hangs off the rank's context).</summary>
internal sealed class RankRandom
{
    public const string Algorithm = "Philox4x32-10";
    private static readonly ConditionalWeakTable<RankContext, RankRandom> States = new();

    public long Seed;
    public long Counter;

    /// <summary>The state of the calling rank (seeded collectively from the clock on first use).</summary>
    public static RankRandom Current
    {
        get
        {
            var ctx = ht.Context;
            if (States.TryGetValue(ctx, out var state)) return state;
            state = new RankRandom();
            state.Seed = ctx.Communicator.Bcast(DateTime.UtcNow.Ticks, 0);
            States.AddOrUpdate(ctx, state);
            return state;
        }
    }

    /// <summary>Reserves <paramref name="blocks"/> blocks of the stream and returns the first.</summary>
    public ulong Take(long blocks)
    {
        long first = Counter;
        Counter = checked(Counter + blocks);
        return (ulong)first;
    }
}
