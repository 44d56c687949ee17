// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Heat.Bench.Peers;

/// <summary>One workload on one rank layout beside its peers.</summary>
/// <param name="Workload">What was run, with its size.</param>
/// <param name="Ranks">Heat ranks.</param>
/// <param name="Threads">Threads per Heat rank.</param>
/// <param name="Ours">Heat's best time.</param>
/// <param name="Peers">The peers' answer.</param>
/// <param name="Target">The most ours / target peer may be (null: only whether we are faster is reported).</param>
/// <param name="TargetPeer">The peer the target is measured against (null: the best peer).</param>
/// <param name="Note">Heat-side notes (iterations run, method).</param>
public sealed record PeerRow(string Workload, int Ranks, int Threads, double Ours, PeerAnswer Peers, double? Target,
    string? TargetPeer, string Note)
{
    /// <summary>The fastest peer and its time, or null when no peer ran.</summary>
    public (string Name, double Seconds)? Best
    {
        get
        {
            if (Peers.Seconds.Count == 0) return null;
            var b = Peers.Seconds.MinBy(p => p.Value);
            return (b.Key, b.Value);
        }
    }

    /// <summary>Ours over the best peer's time (below 1: we are faster), or null (also when Heat failed: 0 s).
    /// </summary>
    public double? Ratio => Best is { } b && b.Seconds > 0 && Ours > 0 ? Ours / b.Seconds : null;

    /// <summary>Ours over the target peer's time, or null when that peer did not run.</summary>
    public double? TargetRatio => TargetPeer is null ? Ratio
        : Peers.Seconds.TryGetValue(TargetPeer, out var t) && t > 0 && Ours > 0 ? Ours / t : null;

    /// <summary>The experiment name of the figure in the JSON lines (e.g. <c>peers.kmeans</c>).</summary>
    public string Id { get; init; } = "peers";

    /// <summary>The figure as a <see cref="BenchResult"/> (the reference is the best peer; 0 when none ran).</summary>
    public BenchResult ToResult() => new(Id, Ranks, Threads, Ours,
        Best?.Name ?? "no peer", Best?.Seconds ?? 0, null, null, $"{Workload}; {PeerNote}");

    /// <summary>Every peer's time, skip reason and note, in one line.</summary>
    public string PeerNote => string.Join("; ", Peers.Seconds.OrderBy(p => p.Value)
            .Select(p => $"{p.Key} {PeerTable.Format(p.Value)}" + (Peers.Info.TryGetValue(p.Key, out var i)
                ? $" ({i})" : ""))
        .Concat(Peers.Skipped.Select(p => $"{p.Key}: skipped, {p.Value}")));
}

/// <summary>Prints peer rows as a markdown table: ours, the best peer, the ratio, the target and whether it is met,
/// and for each workload whether 2 ranks × 1 thread stays within 10 % of 1 rank × 2 threads.</summary>
public static class PeerTable
{
    /// <summary>How far 2 × 1 may be slower than 1 × 2.</summary>
    public const double LayoutTolerance = 1.10;

    /// <summary>Writes the table to standard output.</summary>
    public static void Print(string title, IReadOnlyList<PeerRow> rows)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine("| workload | ranks × thr | ours | best peer | peer time | ours / peer | target | met "
            + "| 2×1 / 1×2 | peers and notes |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            var best = r.Best;
            string target = r.Target is { } t
                ? (r.TargetPeer is null ? "≤ " : $"vs {r.TargetPeer} ≤ ") + t.ToString("F2", inv)
                : "faster?";
            string met = r.Target is { } limit
                ? (r.TargetRatio is { } tq ? (tq <= limit ? "met" : "not met") : "no peer")
                : (r.Ratio is { } q2 ? (q2 < 1 ? "yes" : "no") : r.Ours > 0 ? "no peer" : "—");
            string layout = "";
            if (r.Ranks == 2 && rows.FirstOrDefault(o => o.Workload == r.Workload && o.Ranks == 1) is { } one
                && one.Ours > 0 && r.Ours > 0)
            {
                double q = r.Ours / one.Ours;
                layout = string.Format(inv, "{0:F2} ({1})", q, q <= LayoutTolerance ? "met" : "not met");
            }
            Console.WriteLine(string.Format(inv,
                "| {0} | {1} × {2} | {3} | {4} | {5} | {6} | {7} | {8} | {9} | {10} |",
                r.Workload, r.Ranks, r.Threads, r.Ours > 0 ? Format(r.Ours) : "failed", best?.Name ?? "—",
                best is { } b ? Format(b.Seconds) : "—", r.Ratio is { } ratio ? ratio.ToString("F2", inv) : "—",
                target, met, layout, Join(r.PeerNote, r.Note)));
        }
        Console.WriteLine();
    }

    private static string Join(string a, string b) => a.Length == 0 ? b : b.Length == 0 ? a : $"{a}; {b}";

    /// <summary>Seconds in a readable unit.</summary>
    public static string Format(double seconds) => seconds switch
    {
        < 1e-3 => string.Format(CultureInfo.InvariantCulture, "{0:F1} µs", seconds * 1e6),
        < 1 => string.Format(CultureInfo.InvariantCulture, "{0:F2} ms", seconds * 1e3),
        _ => string.Format(CultureInfo.InvariantCulture, "{0:F3} s", seconds),
    };
}
