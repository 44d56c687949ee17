// SPDX-License-Identifier: MIT
using System.Globalization;
using Xunit.Abstractions;

namespace Heat.Testing.Reliability;

/// <summary>
/// The CI form of the long run: <see cref="Ops"/> mixed operations on 4 in-process ranks of one backend; after
/// <see cref="WarmOps"/> operations of warm-up, the pool's live bytes, the open handles, the managed heap and the
/// resident set must stay flat within the stated tolerances. Runs alone (collection <see cref="Collection"/>, which
/// each binding project defines with parallelisation off), since the pool and the process are shared.
/// </summary>
/// <param name="backend">The backend (<c>Heat:Backend</c>).</param>
/// <param name="output">xunit's output, which receives every sample.</param>
/// <param name="settings">More configuration for the backend.</param>
[Collection(Collection)]
public abstract class LongRunSuite(string backend, ITestOutputHelper output,
    IReadOnlyDictionary<string, string?>? settings = null)
{
    /// <summary>The xunit collection the bindings define with <c>DisableParallelization = true</c>.</summary>
    public const string Collection = "Heat.LongRun";
    /// <summary>Operations of the CI run at most (the full run, <c>reliability.longrun</c>, does 100,000).</summary>
    public const long Ops = 1_200;
    /// <summary>Operations of warm-up before the first compared sample, and between samples.</summary>
    public const long WarmOps = 120;
    /// <summary>The CI run stops at the first sample after this time.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);
    /// <summary>Operations the CI run must reach (two samples after warm-up).</summary>
    public const long MinOps = 3 * WarmOps;
    /// <summary>Tolerated growth of pool live bytes after warm-up: none (every temporary is disposed).</summary>
    public const long PoolTolerance = 0;
    /// <summary>Tolerated growth of open file descriptors after warm-up.</summary>
    public const int HandleTolerance = 2;
    /// <summary>Tolerated growth of the managed heap after warm-up (caches of JIT and generics settle).</summary>
    public const long HeapTolerance = 4L << 20;
    /// <summary>Tolerated growth of the resident set after warm-up (allocator arenas and native caches).</summary>
    public const long ResidentTolerance = 96L << 20;

    /// <summary>Memory and handles stay flat over the run.</summary>
    [Fact]
    public void MixedOps_OnFourRanks_KeepMemoryAndHandlesFlat()
    {
        var world = new InProcTestWorld(TimeSpan.FromMinutes(3), backend, settings);
        var samples = world.Run(4, () => LongRun.Body(Ops, WarmOps, Budget))[0];
        foreach (var s in samples) output.WriteLine(LongRun.Format(s));
        var warm = samples.First(s => s.Ops >= WarmOps);
        var last = samples[^1];
        Assert.True(last.Ops >= MinOps, string.Create(CultureInfo.InvariantCulture, $"only {last.Ops} ops ran"));
        Assert.True(last.PoolLiveBytes - warm.PoolLiveBytes <= PoolTolerance,
            $"pool live bytes grew: {LongRun.Format(warm)} -> {LongRun.Format(last)}");
        Assert.True(last.Handles - warm.Handles <= HandleTolerance,
            $"file descriptors grew: {LongRun.Format(warm)} -> {LongRun.Format(last)}");
        Assert.True(last.ManagedHeapBytes - warm.ManagedHeapBytes <= HeapTolerance,
            $"managed heap grew: {LongRun.Format(warm)} -> {LongRun.Format(last)}");
        Assert.True(last.ResidentBytes - warm.ResidentBytes <= ResidentTolerance,
            $"resident set grew: {LongRun.Format(warm)} -> {LongRun.Format(last)}");
    }
}
