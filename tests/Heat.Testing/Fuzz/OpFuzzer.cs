// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using Heat.Abstractions;

namespace Heat.Testing.Fuzz;

/// <summary>
/// Differential fuzzing of the <c>ht</c> operations: a seed draws an array (shape with empty and size-1 axes, dtype,
/// split), a rank count and a chain of steps (<see cref="FuzzSteps"/>). The chain runs once on one managed rank (the
/// reference: every step's shape, dtype and values, or the exception type it threw) and then on the world under test
/// with that rank count; after every step the distributed array must have the reference's shape and dtype, chunks
/// that add up to the global shape, and the reference's values: exactly for integer and bool results, within a
/// relative 1e-9 for float64 chains and 1e-4 once a float32 value took part (float32 transcendentals may differ by a
/// few ulp between backends). A step that throws must throw the reference's exception type.
/// </summary>
public static class OpFuzzer
{
    /// <summary>What one step of the reference produced.</summary>
    private sealed record Outcome(long[] Shape, DType? DType, double[] Values, string? Error);

    /// <summary>The plan of a case: everything drawn from the seed before the chain (which is drawn step by step from
    /// the current shape and dtype).</summary>
    public sealed record Plan(int Seed, int Ranks, FuzzArray Input, int Steps)
    {
        /// <summary>Draws the plan of <paramref name="seed"/> for a world whose rank counts are
        /// <paramref name="rankSample"/>.</summary>
        public static Plan Draw(int seed, int[] rankSample, int? ranks = null)
        {
            var rng = new Random(seed);
            int r = ranks ?? rankSample[rng.Next(rankSample.Length)];
            var input = FuzzArray.Random(rng, FuzzArray.RandomShape(rng));
            return new Plan(seed, r, input, rng.Next(1, 7));
        }
    }

    /// <summary>Runs the case of <paramref name="plan"/> on <paramref name="world"/> against one rank of
    /// <paramref name="reference"/>; returns null when it passes, else the failure with the replayable chain.</summary>
    public static string? Run(Plan plan, ITestWorld world, ITestWorld reference, FuzzStats? stats = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(reference);
        var names = new List<string>();
        var expected = reference.Run(1, () => Execute(plan, check: null))[0];
        // The chain's names are those of the reference run (the same draws).
        var rng = ChainRandom(plan);
        var shape = plan.Input.Shape;
        var dtype = plan.Input.DType;
        foreach (var o in expected)
        {
            names.Add(FuzzSteps.Next(rng, shape, dtype).Name);
            stats?.Add(names[^1], o.Error);
            if (o.Error is not null || o.DType is null) break;
            shape = o.Shape;
            dtype = o.DType;
        }
        string Describe() => Invariant($"seed {plan.Seed}: ranks {plan.Ranks}, x = {plan.Input}, chain ")
            + string.Join(" -> ", names.Select((n, i) => Invariant($"[{i}] {n}")));
        try
        {
            var errors = world.Run(plan.Ranks, () =>
            {
                string? failure = null;
                Execute(plan, check: (i, x, error) => failure ??= Compare(i, x, error, expected, plan.Input.DType));
                return failure;
            });
            return errors.FirstOrDefault(e => e is not null) is { } f ? $"{Describe()}: {f}" : null;
        }
        catch (Exception e)
        {
            return $"{Describe()}: {e.GetType().Name}: {e.Message}";
        }
    }

    private static Random ChainRandom(Plan plan) => new(unchecked(plan.Seed * 7919 + 17));

    /// <summary>Runs the chain on the current ranks: without <paramref name="check"/> it records every step's outcome;
    /// with it, <paramref name="check"/> sees every step's result (or error) and returns a failure to stop.</summary>
    private static List<Outcome> Execute(Plan plan, Func<int, DNDarray?, Exception?, string?>? check)
    {
        var outcomes = new List<Outcome>();
        var rng = ChainRandom(plan);
        var x = plan.Input.Make();
        try
        {
            for (int i = 0; i < plan.Steps; i++)
            {
                var step = FuzzSteps.Next(rng, x.shape, x.dtype);
                DNDarray next;
                try { next = step.Apply(x); }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    outcomes.Add(new Outcome([], null, [], e.GetType().Name));
                    check?.Invoke(i, null, e);
                    return outcomes;
                }
                x.Dispose();
                x = next;
                if (check is not null)
                {
                    if (check(i, x, null) is not null) return outcomes;
                }
                else outcomes.Add(new Outcome(x.shape, x.dtype, Values(x), null));
            }
            return outcomes;
        }
        finally { x.Dispose(); }
    }

    private static double[] Values(DNDarray x) => x.ToArray<double>();

    private static string? Compare(int i, DNDarray? x, Exception? error, List<Outcome> expected, DType input)
    {
        if (i >= expected.Count)
            return Invariant($"step [{i}] ran, the reference stopped at step [{expected.Count - 1}]");
        var e = expected[i];
        if (error is not null)
        {
            return e.Error == error.GetType().Name ? null
                : Invariant($"step [{i}] threw {error.GetType().Name}: {error.Message}; the reference ")
                  + (e.Error is null ? "did not throw" : $"threw {e.Error}");
        }
        if (e.Error is not null) return Invariant($"step [{i}] did not throw; the reference threw {e.Error}");
        if (!x!.shape.SequenceEqual(e.Shape))
            return Invariant($"step [{i}] gave shape {Shapes.Format(x.shape)}, the reference {Shapes.Format(e.Shape)}");
        if (x.dtype != e.DType) return Invariant($"step [{i}] gave dtype {x.dtype}, the reference {e.DType}");
        if (Chunks(x) is { } bad) return Invariant($"step [{i}]: {bad}");
        var actual = Values(x);
        // Single precision anywhere up to here (the input included) limits what float64 results can match.
        bool single = input.IsFloat && input != DType.Float64
                      || expected.Take(i + 1).Any(o => o.DType is { IsFloat: true } t && t != DType.Float64);
        double tol = !x.dtype.IsFloat ? 0 : x.dtype == DType.Float64 && !single ? 1e-9 : 1e-4;
        for (int k = 0; k < actual.Length; k++)
        {
            double a = actual[k], b = e.Values[k];
            bool same = double.IsNaN(b) ? double.IsNaN(a)
                : double.IsInfinity(b) ? a == b
                : Math.Abs(a - b) <= tol * Math.Max(1, Math.Abs(b));
            if (!same)
                return Invariant($"step [{i}] element {k} (of {actual.Length}) is {a}, the reference {b} (")
                       + Invariant($"split {x.split?.ToString(CultureInfo.InvariantCulture) ?? "None"})");
        }
        return null;
    }

    /// <summary>The chunk map must cover the global shape: the extents along the split add up to it, the others equal
    /// it.</summary>
    private static string? Chunks(DNDarray x)
    {
        var map = x.lshape_map;
        for (int d = 0; d < x.ndim; d++)
        {
            long sum = 0;
            for (int r = 0; r < map.GetLength(0); r++)
            {
                if (d != x.split && map[r, d] != x.shape[d])
                    return Invariant($"rank {r} holds extent {map[r, d]} on unsplit axis {d} of ")
                           + Shapes.Format(x.shape);
                sum += map[r, d];
            }
            if (d == x.split && sum != x.shape[d])
                return Invariant($"the chunks along split axis {d} add up to {sum}, the shape says {x.shape[d]}");
        }
        return null;
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="count"/> seeds from <paramref name="seed"/> and writes each failure (seed, ranks,
    /// input and chain) to <paramref name="log"/> (and each seed before it runs to <paramref name="trace"/>, to name
    /// a case that kills the process); returns the number of failures.</summary>
    public static int Campaign(int seed, int count, ITestWorld world, ITestWorld reference, int[] rankSample,
        TextWriter log, TextWriter? trace = null, FuzzStats? stats = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        int failures = 0;
        for (int s = seed; s < seed + count; s++)
        {
            trace?.WriteLine(Invariant($"seed {s}"));
            trace?.Flush();
            var failure = Run(Plan.Draw(s, rankSample), world, reference, stats);
            if (failure is null) continue;
            failures++;
            log.WriteLine(new StringBuilder("FAIL ").Append(world.Name).Append(' ').Append(failure).ToString());
        }
        return failures;
    }
}
