// SPDX-License-Identifier: MIT
using Heat;

namespace HeatExamples;

/// <summary>The porting guide's C# column (docs/articles/porting-from-heat.md), compiled and run like every other
/// example: each region is the C# of one HeAT idiom.</summary>
public static class Porting
{
    /// <summary>Runs on the calling rank; returns the report (the same on every rank).</summary>
    public static string Run(string data)
    {
        var lines = new List<string>();

        // <create>
        // x = ht.arange(12, split=0).reshape((3, 4))
        using var x = ht.arange(12, split: 0).reshape(3, 4);
        // y = ht.zeros((3, 4), dtype=ht.float64, split=1)
        using var y = ht.zeros([3, 4], dtype: ht.float64, split: 1);
        // </create>

        // <slices>
        // x[1:, ::2]   x[-1]   x[..., 0]   x[:, None]
        using var a = x[1.., ht.slice(step: 2)];
        using var last = x[^1];
        using var first = x[ht.ellipsis, 0];
        using var b = x[.., ht.newaxis];
        // the string form, as a convenience
        using var c = x["1:, ::2"];
        // </slices>
        lines.Add($"x[1:, ::2] == x[\"1:, ::2\"]: {ht.equal(a, c)}");

        // <division>
        // x / 4 is true division (float); x // 4 floor division; x % 4 NumPy's floor modulo (sign of the divisor)
        using var quotient = x / 4;
        using var floor = ht.floor_divide(x, 4);
        using var modulo = (x - 6) % 4;                          // -6 % 4 == 2, as in Python (C#'s % gives -2)
        // </division>
        lines.Add($"(x - 6) % 4 starts with {modulo.ToArray<int>()[0]}");

        // <none>
        // ht.sum(x, axis=None); ht.zeros((3, 4), split=None)
        using var total = ht.sum(x, axis: null);
        using var replicated = ht.zeros([3, 4], split: null);
        // </none>
        lines.Add($"sum {total.item<long>()}");

        // <tuples>
        // values, indices = ht.sort(v, axis=0, descending=True)
        using var v = ht.array(new[] { 3.0, 1.0, 2.0 }, split: 0);
        var (values, indices) = ht.sort(v, axis: 0, descending: true);
        using (values)
        using (indices)
        // q, r = ht.divmod(x, 5)
        {
            var (q, r) = ht.divmod(x, 5);
            q.Dispose(); r.Dispose();
            lines.Add($"sorted descending: {string.Join(" ", values.ToArray<double>())}");
        }
        // </tuples>

        // <keywords>
        // ht.mean(y, axis=1, keepdims=True); KMeans(n_clusters=3, init="k-means++")
        using var m = ht.mean(y, axis: 1, keepdims: true);
        var kmeans = new Heat.Cluster.KMeans(n_clusters: 3, init: "k-means++");
        // </keywords>
        lines.Add($"mean shape ({string.Join(", ", m.shape)}), k = {kmeans.n_clusters}");

        // <using>
        // Python frees arrays when the garbage collector runs; in C# `using` frees the local chunk deterministically,
        // as Python's `with` does for a file. DisposeScope collects the temporaries of a loop.
        for (int i = 0; i < 3; i++)
        {
            using var scope = DisposeScope.Begin();
            var t = ht.exp(x * 0.1) + i;                         // x * 0.1 and the sum belong to the scope
            _ = t.sum();
        }
        // </using>
        return $"porting on {x.comm.Size} rank(s): {string.Join("; ", lines)}";
    }
}
