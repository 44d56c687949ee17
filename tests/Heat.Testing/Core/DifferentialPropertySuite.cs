// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Testing.Core;

/// <summary>
/// A differential property test: random shapes (0-4 dimensions, extents 0-7), a random split, a random rank count and a
/// random chain of element-wise ops, scans, resplits and a final reduction. The distributed result must equal the same
/// chain on the replicated array. Each seed is one case, so a failure names a reproducible plan.
/// </summary>
public abstract class DifferentialPropertySuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    public static TheoryData<int> Seeds
    {
        get
        {
            var data = new TheoryData<int>();
            for (int seed = 0; seed < 300; seed += TWorld.SeedStride) data.Add(seed);
            return data;
        }
    }

    private delegate DNDarray Step(DNDarray x);

    [Theory, MemberData(nameof(Seeds))]
    public void RandomChain_DistributedEqualsUndistributed(int seed)
    {
        var rng = new Random(seed);
        int ranks = rng.Next(1, 6);
        int ndim = rng.Next(0, 5);
        var shape = Enumerable.Range(0, ndim).Select(_ => (long)rng.Next(0, 8)).ToArray();
        int? split = ndim == 0 || rng.Next(4) == 0 ? null : rng.Next(ndim);
        long n = shape.Aggregate(1L, (p, d) => p * d);
        var data = Enumerable.Range(0, (int)n).Select(_ => (double)rng.Next(-4, 5)).ToArray();
        var plan = new List<(string Name, Step Op)>();
        int steps = rng.Next(1, 5);
        int currentNdim = ndim;
        for (int i = 0; i < steps; i++) plan.Add(RandomStep(rng, currentNdim));
        var (finalName, final) = RandomReduction(rng, ndim);
        string description = $"seed {seed}: ranks {ranks}, shape ({string.Join(", ", shape)}), split {split?.ToString() ?? "None"}, " +
                             $"chain {string.Join(" -> ", plan.Select(p => p.Name))} -> {finalName}";

        World.Run(ranks, () =>
        {
            var x = ht.array(data, shape, split: split);
            var u = ht.array(data, shape);
            try
            {
                foreach (var (_, op) in plan)
                {
                    var nx = op(x); x.Dispose(); x = nx;
                    var nu = op(u); u.Dispose(); u = nu;
                }
                using var rx = final(x);
                using var ru = final(u);
                Assert.True(Enumerable.SequenceEqual(ru.shape, rx.shape), $"{description}: shape {Shapes.Format(rx.shape)} != {Shapes.Format(ru.shape)}");
                Assert.True(ru.dtype == rx.dtype, $"{description}: dtype {rx.dtype} != {ru.dtype}");
                var expected = ru.ToArray<double>();
                var actual = rx.ToArray<double>();
                for (int k = 0; k < expected.Length; k++)
                {
                    bool same = double.IsNaN(expected[k]) ? double.IsNaN(actual[k]) : Math.Abs(expected[k] - actual[k]) <= 1e-9 * Math.Max(1, Math.Abs(expected[k]));
                    Assert.True(same, $"{description}: element {k} is {actual[k]}, undistributed {expected[k]}");
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new InvalidOperationException($"{description}: {e.GetType().Name}: {e.Message}", e);
            }
            finally { x.Dispose(); u.Dispose(); }
        });
    }

    private static (string, Step) RandomStep(Random rng, int ndim)
    {
        int axis = ndim == 0 ? 0 : rng.Next(ndim);
        int target = ndim == 0 ? 0 : rng.Next(ndim);
        double c = rng.Next(1, 4);
        return rng.Next(ndim == 0 ? 5 : 13) switch
        {
            10 => ("transpose", x => ht.transpose(x)),
            11 => ($"concatenate([x, x], {axis})", x => ht.concatenate([x, x], axis)),
            12 => ("reshape(reversed shape)", x => ht.reshape(x, x.shape.Reverse().ToArray())),
            0 => ("abs", x => ht.abs(x)),
            1 => ($"x*{c}+1", x => { using var t = x * c; return t + 1; }),
            2 => ("where(x>0,x,-x*x)", x => { using var p = x > 0; using var sq = x * x; using var neg = -sq; return ht.where(p, x, neg); }),
            3 => ("maximum(x,0.5)", x => ht.maximum(x, 0.5)),
            4 => ("x*x-x", x => { using var sq = x * x; return sq - x; }),
            5 => ($"cumsum({axis})", x => ht.cumsum(x, axis)),
            6 => ($"diff(axis {axis})", x => ht.diff(x, 1, axis)),
            7 => ($"resplit({target})", x => ht.resplit(x, target)),
            8 => ($"x - mean(axis {axis}, keepdims)", x => { using var m = ht.mean(x, axis, keepdims: true); return x - m; }),
            _ => ($"x + sum(axis {axis}, keepdims)", x => { using var s = ht.sum(x, axis, keepdims: true); return x + s; }),
        };
    }

    private static (string, Step) RandomReduction(Random rng, int ndim)
    {
        int axis = ndim == 0 ? 0 : rng.Next(ndim);
        bool keep = rng.Next(2) == 0;
        return rng.Next(ndim == 0 ? 3 : 8) switch
        {
            0 => ("sum()", x => ht.sum(x)),
            1 => ("identity", x => x.astype(x.dtype)),
            2 => ("mean()", x => ht.mean(x)),
            3 => ($"sum({axis}, keepdims {keep})", x => ht.sum(x, axis, keep)),
            4 => ($"max({axis})", x => x.GShapeRef[axis] == 0 ? x.astype(x.dtype) : ht.max(x, axis)),
            5 => ($"var({axis}, ddof 0)", x => ht.var(x, axis)),
            6 => ($"argmax({axis})", x => x.GShapeRef[axis] == 0 ? x.astype(x.dtype) : ht.argmax(x, axis)),
            _ => ($"cumprod({axis})", x => ht.cumprod(x, axis)),
        };
    }
}
