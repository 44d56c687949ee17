// SPDX-License-Identifier: MIT
using System.Text.Json.Serialization;

namespace Heat.Bench;

/// <summary>One measured figure, reported beside a reference measured in the same run.</summary>
/// <param name="Experiment">What was measured, e.g. <c>inproc.alltoallv</c>.</param>
/// <param name="Ranks">Ranks used.</param>
/// <param name="ThreadsPerRank">Compute threads per rank.</param>
/// <param name="Seconds">Best time of the measured operation.</param>
/// <param name="Reference">What the ratio compares against, e.g. <c>memcpy</c>.</param>
/// <param name="ReferenceSeconds">Best time of the reference.</param>
/// <param name="Rate">A rate for the measured op (GB/s, GFLOP/s), or null.</param>
/// <param name="RateUnit">The unit of <paramref name="Rate"/>.</param>
/// <param name="Note">Sizes and other parameters.</param>
public sealed record BenchResult(
    string Experiment, int Ranks, int ThreadsPerRank, double Seconds,
    string Reference, double ReferenceSeconds, double? Rate, string? RateUnit, string Note)
{
    /// <summary>Reference time over measured time: 1.0 means as fast as the reference, higher is faster.</summary>
    [JsonPropertyName("speed_vs_reference")]
    public double SpeedVsReference => Seconds > 0 ? ReferenceSeconds / Seconds : double.NaN;
}

/// <summary>Options shared by all experiments.</summary>
/// <param name="Quick">Smaller sizes and fewer repetitions (for smoke runs).</param>
/// <param name="RankCounts">In-process rank counts to measure.</param>
/// <param name="Backend">The backend the backend.* experiments measure (<c>--backend torch</c>); the managed backend is their reference.</param>
public sealed record BenchOptions(bool Quick, int[] RankCounts, string Backend = "managed");

/// <summary>One benchmark experiment.</summary>
public interface IExperiment
{
    /// <summary>The name used with <c>--only</c>.</summary>
    string Name { get; }
    /// <summary>Runs the experiment and returns its figures.</summary>
    IEnumerable<BenchResult> Run(BenchOptions options);
}
