// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Testing.Fuzz;

// Manipulations, distribution, indexing, ordering and linear algebra steps.
public static partial class FuzzSteps
{
    private static FuzzStep Manipulate(Random rng, long[] shape)
    {
        int nd = shape.Length;
        long n = Shapes.Numel(shape);
        bool grow = n * 2 <= Cap;
        var menu = new List<Func<FuzzStep>>
        {
            () => new FuzzStep("flatten", x => ht.flatten(x)),
            () => new FuzzStep("reshape(reversed shape)", x => ht.reshape(x, [.. x.shape.Reverse()])),
            () =>
            {
                int? ns = Axis(rng, 2);
                return new FuzzStep($"reshape((-1, 1), new_split {Ax(ns)})", x => ht.reshape(x, [-1, 1], ns));
            },
            () =>
            {
                int a = rng.Next(nd + 1);
                return new FuzzStep($"expand_dims({a})", x => ht.expand_dims(x, a));
            },
        };
        if (nd > 0)
        {
            int a = rng.Next(nd), b = rng.Next(nd);
            long shift = rng.Next(-7, 8);
            var perm = Enumerable.Range(0, nd).OrderBy(_ => rng.Next()).ToArray();
            menu.Add(() => new FuzzStep($"transpose({string.Join(", ", perm)})", x => ht.transpose(x, perm)));
            menu.Add(() => new FuzzStep($"flip({a})", x => ht.flip(x, a)));
            menu.Add(() => new FuzzStep($"roll({shift}, {a})", x => ht.roll(x, shift, a)));
            menu.Add(() => new FuzzStep("roll(3, None)", x => ht.roll(x, 3)));
            menu.Add(() => new FuzzStep($"swapaxes({a}, {b})", x => ht.swapaxes(x, a, b)));
            menu.Add(() => new FuzzStep($"moveaxis({a}, {b})", x => ht.moveaxis(x, a, b)));
            menu.Add(() => new FuzzStep("squeeze", x => ht.squeeze(x)));
            menu.Add(() => new FuzzStep($"pad(1, axis all, constant 7)", x => ht.pad(x, 1, constant_values: 7)));
            if (grow)
            {
                var other = FuzzArray.Random(rng, shape);
                menu.Add(() => new FuzzStep($"concatenate([x, y], {a}), y = {other}", x =>
                {
                    using var y = other.Make();
                    using var yc = y.astype(x.dtype);
                    return ht.concatenate([x, yc], a);
                }));
                int s = rng.Next(nd + 1);
                menu.Add(() => new FuzzStep($"stack([x, x], {s})", x => ht.stack([x, x], s)));
                menu.Add(() => new FuzzStep($"repeat(2, axis {a})", x => ht.repeat(x, 2, a)));
                var reps = Enumerable.Range(0, nd).Select(d => d == a ? 2L : 1L).ToArray();
                menu.Add(() => new FuzzStep($"tile(({string.Join(", ", reps)}))", x => ht.tile(x, reps)));
                menu.Add(() => new FuzzStep("broadcast_to((2,) + shape)", x => ht.broadcast_to(x, [2, .. x.shape])));
            }
        }
        if (nd >= 2)
        {
            long k = rng.Next(-2, 3);
            menu.Add(() => new FuzzStep($"tril({k})", x => ht.tril(x, k)));
            menu.Add(() => new FuzzStep($"triu({k})", x => ht.triu(x, k)));
            if (nd == 2) menu.Add(() => new FuzzStep($"rot90", x => ht.rot90(x)));
        }
        if (nd is 1 or 2)
        {
            long k = rng.Next(-2, 3);
            if (nd == 2 || n <= 20) menu.Add(() => new FuzzStep($"diag({k})", x => ht.diag(x, k)));
        }
        return menu[rng.Next(menu.Count)]();
    }

    private static FuzzStep Distribute(Random rng, long[] shape)
    {
        int? target = Axis(rng, shape.Length);
        var t = FuzzArray.DTypes[rng.Next(FuzzArray.DTypes.Length)];
        return rng.Next(4) switch
        {
            0 => new FuzzStep($"resplit({Ax(target)})", x => ht.resplit(x, target)),
            1 => new FuzzStep("balance(copy)", x => ht.balance(x, copy: true)),
            2 => new FuzzStep($"copy().resplit_({Ax(target)})", x =>
            {
                var c = ht.copy(x);
                c.resplit_(target);
                return c;
            }),
            _ => new FuzzStep($"astype({t})", x => x.astype(t)),
        };
    }

    private static FuzzStep Get(Random rng, long[] shape)
    {
        int nd = shape.Length;
        if (nd == 0) return new FuzzStep("x[None, ...]", x => x[ht.newaxis, ht.ellipsis]);
        int a = rng.Next(nd);
        var lead = Enumerable.Repeat((IndexKey)ht.slice(), a).ToArray();
        string leadText = string.Concat(Enumerable.Repeat(":, ", a));
        long ext = shape[a];
        switch (rng.Next(5))
        {
            case 0 when ext > 0:
            {
                long i = rng.Next((int)-ext, (int)ext);
                return new FuzzStep($"x[{leadText}{i}]", x => x[[.. lead, i]]);
            }
            case 1:
            {
                long? start = rng.Next(3) == 0 ? null : rng.Next(-7, 8);
                long? stop = rng.Next(3) == 0 ? null : rng.Next(-7, 8);
                long step = rng.Next(2) == 0 ? 1 : rng.Next(-3, 4) is var s && s != 0 ? s : 2;
                return new FuzzStep($"x[{leadText}{start}:{stop}:{step}]",
                    x => x[[.. lead, ht.slice(start, stop, step)]]);
            }
            case 2:
                return new FuzzStep("x[x > 0]", x => { using var m = x > 0; return x[m]; });
            case 3 when ext > 0:
            {
                var idx = Indices(rng, rng.Next(0, 6), ext);
                return new FuzzStep($"x[{leadText}[{string.Join(", ", idx)}]]", x => x[[.. lead, idx]]);
            }
            default:
                return new FuzzStep($"x[..., None, {leadText}]", x => x[[ht.ellipsis, ht.newaxis]]);
        }
    }

    private static FuzzStep Set(Random rng, long[] shape, DType dtype)
    {
        int nd = shape.Length;
        double v = dtype == DType.Bool ? 1 : rng.Next(0, 5);
        if (nd == 0) return new FuzzStep($"y = copy(x); y[...] = {v}", x => Assign(x, y => y[ht.ellipsis] = v));
        int a = rng.Next(nd);
        var lead = Enumerable.Repeat((IndexKey)ht.slice(), a).ToArray();
        string leadText = string.Concat(Enumerable.Repeat(":, ", a));
        long ext = shape[a];
        switch (rng.Next(4))
        {
            case 0:
            {
                long? start = rng.Next(-4, 4);
                long step = rng.Next(2) == 0 ? 1 : -2;
                return new FuzzStep($"y = copy(x); y[{leadText}{start}::{step}] = {v}",
                    x => Assign(x, y => y[[.. lead, ht.slice(start, null, step)]] = v));
            }
            case 1:
                return new FuzzStep($"y = copy(x); y[y > 1] = {v}", x => Assign(x, y =>
                {
                    using var m = y > 1;
                    y[m] = v;
                }));
            case 2 when ext > 0:
            {
                var idx = Indices(rng, rng.Next(1, 4), ext);
                return new FuzzStep($"y = copy(x); y[{leadText}[{string.Join(", ", idx)}]] = {v}",
                    x => Assign(x, y => y[[.. lead, idx]] = v));
            }
            default:
            {
                // A DNDarray value of the selected row's shape (broadcast), with its own split.
                var row = shape[(a + 1)..];
                var value = FuzzArray.Random(rng, row, dtype);
                long i = ext > 0 ? rng.Next((int)ext) : 0;
                if (ext == 0)
                    return new FuzzStep($"y = copy(x); y[...] = {v}", x => Assign(x, y => y[ht.ellipsis] = v));
                return new FuzzStep($"y = copy(x); y[{leadText}{i}] = v, v = {value}", x => Assign(x, y =>
                {
                    using var w = value.Make();
                    y[[.. lead, i]] = w;
                }));
            }
        }
    }

    /// <summary><paramref name="n"/> indices into an axis of <paramref name="extent"/>, negative ones
    /// included.</summary>
    private static long[] Indices(Random rng, int n, long extent) =>
        Enumerable.Range(0, n).Select(_ => (long)rng.Next((int)-extent, (int)extent)).ToArray();

    private static DNDarray Assign(DNDarray x, Action<DNDarray> set)
    {
        var y = ht.copy(x);
        try { set(y); return y; }
        catch { y.Dispose(); throw; }
    }

    private static FuzzStep Order(Random rng, long[] shape, DType dtype)
    {
        int nd = shape.Length;
        int axis = nd == 0 ? 0 : rng.Next(nd);
        bool desc = rng.Next(2) == 0;
        var menu = new List<FuzzStep>
        {
            new("unique(sorted)", x => ht.unique(x, sorted: true)),
            new($"percentile([10, 50, 90], axis None)", x => ht.percentile(x, new[] { 10.0, 50.0, 90.0 })),
        };
        if (nd > 0)
        {
            menu.Add(new($"sort(axis {axis}, descending {B(desc)}).values", x =>
            {
                var (v, i) = ht.sort(x, axis, desc);
                i.Dispose();
                return v;
            }));
            menu.Add(new($"argsort(axis {axis}, descending {B(desc)}, stable)",
                x => ht.argsort(x, axis, desc, stable: true)));
            long k = Math.Min(shape[axis], rng.Next(1, 4));
            menu.Add(new($"topk({k}, dim {axis}, largest {B(desc)}).values", x =>
            {
                var (v, i) = ht.topk(x, k, axis, desc);
                i.Dispose();
                return v;
            }));
            menu.Add(new("nonzero", x => ht.nonzero(x)));
        }
        if (nd == 1)
        {
            var v = FuzzArray.Random(rng, [rng.Next(0, 5)], dtype);
            menu.Add(new($"searchsorted(sort(x), v), v = {v}", x =>
            {
                var (s, i) = ht.sort(x);
                i.Dispose();
                using var _ = s;
                using var w = v.Make();
                return ht.searchsorted(s, w);
            }));
        }
        return menu[rng.Next(menu.Count)];
    }

    private static FuzzStep Linalg(Random rng, long[] shape, DType dtype)
    {
        int nd = shape.Length;
        if (nd == 2)
        {
            var y = FuzzArray.Random(rng, [shape[1], rng.Next(0, 5)]);
            return rng.Next(3) switch
            {
                0 => new FuzzStep("matmul(x, x.T)", x => { using var t = ht.transpose(x); return ht.matmul(x, t); }),
                1 => new FuzzStep($"matmul(x, y), y = {y}", x => { using var w = y.Make(); return ht.matmul(x, w); }),
                _ => new FuzzStep("diagonal", x => ht.diagonal(x)),
            };
        }
        if (nd == 1)
        {
            var y = FuzzArray.Random(rng, shape);
            return rng.Next(3) switch
            {
                0 => new FuzzStep($"dot(x, y), y = {y}", x => { using var w = y.Make(); return ht.dot(x, w); }),
                1 when Shapes.Numel(shape) <= 17 => new FuzzStep($"outer(x, y), y = {y}", x =>
                {
                    using var w = y.Make();
                    return ht.outer(x, w);
                }),
                _ => new FuzzStep($"vdot(x, y), y = {y}", x => { using var w = y.Make(); return ht.vdot(x, w); }),
            };
        }
        _ = dtype;
        return new FuzzStep("vector_norm", x => ht.vector_norm(x));
    }
}
