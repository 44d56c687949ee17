// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat.Abstractions;

namespace Heat.Testing.Fuzz;

/// <summary>One step of a fuzz chain: how it prints (enough to replay it by hand) and what it does.</summary>
/// <param name="Name">The step in HeAT notation, with every drawn argument.</param>
/// <param name="Apply">Maps the current array to a new one (never returns its argument).</param>
public sealed record FuzzStep(string Name, Func<DNDarray, DNDarray> Apply);

/// <summary>
/// The menu of the differential fuzzer: a step is drawn from the current array's shape and dtype only, so the
/// undistributed reference and the distributed run draw the same chain from the same seed. Operands are random
/// arrays of broadcast-compatible shapes with their own dtype and split.
/// </summary>
public static partial class FuzzSteps
{
    /// <summary>Arrays above this size do not grow further (concatenate, tile, outer, ...).</summary>
    private const long Cap = 300;

    private static readonly string[] Families =
    [
        "unary", "binary", "scalar", "reduce", "cumulative", "manipulate", "distribute", "get", "set", "order",
        "linalg",
    ];

    /// <summary>Draws the next step for an array of <paramref name="shape"/> and <paramref name="dtype"/>.</summary>
    public static FuzzStep Next(Random rng, long[] shape, DType dtype)
    {
        return Families[rng.Next(Families.Length)] switch
        {
            "unary" => Unary(rng, dtype),
            "binary" => Binary(rng, shape),
            "scalar" => ScalarOp(rng),
            "reduce" => Reduce(rng, shape),
            "cumulative" => Cumulative(rng, shape),
            "manipulate" => Manipulate(rng, shape),
            "distribute" => Distribute(rng, shape),
            "get" => Get(rng, shape),
            "set" => Set(rng, shape, dtype),
            "order" => Order(rng, shape, dtype),
            _ => Linalg(rng, shape, dtype),
        };
    }

    private static string I(long v) => v.ToString(CultureInfo.InvariantCulture);
    private static string Ax(int? a) => a?.ToString(CultureInfo.InvariantCulture) ?? "None";
    private static string B(bool v) => v ? "True" : "False";
    private static int? Axis(Random rng, int ndim, bool allowNone = true) =>
        ndim == 0 || (allowNone && rng.Next(4) == 0) ? null : rng.Next(ndim);

    private static FuzzStep Unary(Random rng, DType dtype)
    {
        (string, Func<DNDarray, DNDarray>)[] any =
        [
            ("abs", x => ht.abs(x)), ("square", x => ht.square(x)), ("sign", x => ht.sign(x)),
            ("sqrt(abs(x))", x => Chain(x, t => ht.abs(t), t => ht.sqrt(t))),
            ("exp(clip(x, -3, 3))", x => { using var c = Clip(x, -3, 3); return ht.exp(c); }),
            ("sin", x => ht.sin(x)), ("cos", x => ht.cos(x)), ("tanh", x => ht.tanh(x)), ("floor", x => ht.floor(x)),
            ("ceil", x => ht.ceil(x)),
            ("trunc", x => ht.trunc(x)), ("round", x => ht.round(x)),
            ("log1p(abs(x))", x => Chain(x, t => ht.abs(t), t => ht.log1p(t))),
            ("isnan", x => ht.isnan(x)), ("isfinite", x => ht.isfinite(x)), ("clip(x, -1, 2)", x => Clip(x, -1, 2)),
            ("nan_to_num", x => ht.nan_to_num(x)), ("logical_not", x => ht.logical_not(x)),
            ("positive", x => ht.positive(x)),
            ("reciprocal(abs(x) + 1)", x => { using var a = ht.abs(x); using var p = a + 1; return ht.reciprocal(p); }),
        ];
        (string, Func<DNDarray, DNDarray>)[] signed = [("neg", x => ht.neg(x)), ("signbit", x => ht.signbit(x))];
        (string, Func<DNDarray, DNDarray>)[] integral = [("invert", x => ht.invert(x))];
        var menu = any.AsEnumerable();
        if (dtype != DType.Bool && dtype != DType.UInt8) menu = menu.Concat(signed);
        if (!dtype.IsFloat) menu = menu.Concat(integral);
        var all = menu.ToArray();
        var (name, f) = all[rng.Next(all.Length)];
        return new FuzzStep(name, f);
    }

    private static DNDarray Clip(DNDarray x, long min, long max) => ht.clip(x, (Scalar)min, (Scalar)max);

    private static DNDarray Chain(DNDarray x, Func<DNDarray, DNDarray> a, Func<DNDarray, DNDarray> b)
    {
        using var t = a(x);
        return b(t);
    }

    /// <summary>A shape that broadcasts against <paramref name="shape"/>: leading axes dropped, some extents
    /// 1.</summary>
    private static long[] BroadcastShape(Random rng, long[] shape)
    {
        int drop = rng.Next(shape.Length + 1);
        var s = shape[drop..];
        for (int d = 0; d < s.Length; d++) if (rng.Next(3) == 0) s[d] = 1;
        if (rng.Next(6) == 0 && Shapes.Numel(shape) * 2 <= Cap) s = [.. s.Prepend(1)];  // the operand adds an axis
        return s;
    }

    private static FuzzStep Binary(Random rng, long[] shape)
    {
        var y = FuzzArray.Random(rng, BroadcastShape(rng, shape));
        bool swap = rng.Next(4) == 0;
        (string, Func<DNDarray, DNDarray, DNDarray>)[] ops =
        [
            ("add", (p, q) => ht.add(p, q)), ("subtract", (a, b) => ht.subtract(a, b)),
            ("multiply", (p, q) => ht.multiply(p, q)),
            ("true_divide(x, abs(y) + 1)", (a, b) => Positive(a, b, (p, q) => ht.true_divide(p, q))),
            ("floordiv(x, abs(y) + 1)", (a, b) => Positive(a, b, (p, q) => ht.floordiv(p, q))),
            ("remainder(x, abs(y) + 1)", (a, b) => Positive(a, b, (p, q) => ht.remainder(p, q))),
            ("fmod(x, abs(y) + 1)", (a, b) => Positive(a, b, (p, q) => ht.fmod(p, q))),
            ("maximum", (p, q) => ht.maximum(p, q)), ("minimum", (p, q) => ht.minimum(p, q)),
            ("fmax", (p, q) => ht.fmax(p, q)), ("fmin", (p, q) => ht.fmin(p, q)),
            ("atan2", (p, q) => ht.atan2(p, q)), ("hypot", (p, q) => ht.hypot(p, q)),
            ("copysign", (p, q) => ht.copysign(p, q)), ("eq", (p, q) => ht.eq(p, q)), ("lt", (p, q) => ht.lt(p, q)),
            ("ge", (p, q) => ht.ge(p, q)), ("ne", (p, q) => ht.ne(p, q)),
            ("logical_and", (p, q) => ht.logical_and(p, q)), ("logical_xor", (p, q) => ht.logical_xor(p, q)),
            ("where(y > 0, x, y)", (a, b) => { using var c = b > 0; return ht.where(c, a, b); }),
            ("isclose", (a, b) => ht.isclose(a, b)),
            ("power(x, abs(y) % 3)", (a, b) =>
            {
                using var m = ht.abs(b); using var e = ht.remainder(m, 3); return ht.power(a, e);
            }),
        ];
        (string, Func<DNDarray, DNDarray, DNDarray>)[] bits =
            [("bitwise_and", (p, q) => ht.bitwise_and(p, q)), ("bitwise_or", (p, q) => ht.bitwise_or(p, q)),
            ("bitwise_xor", (p, q) => ht.bitwise_xor(p, q))];
        var all = y.DType.IsFloat ? ops : [.. ops, .. bits];
        var (name, f) = all[rng.Next(all.Length)];
        return new FuzzStep(swap ? $"{name}(y, x), y = {y}" : $"{name}(x, y), y = {y}", x =>
        {
            using var other = y.Make();
            if (bits.Any(b => b.Item1 == name) && x.dtype.IsFloat)
            {
                using var xi = x.astype(DType.Int64);  // bitwise ops need integers on both sides
                return swap ? f(other, xi) : f(xi, other);
            }
            return swap ? f(other, x) : f(x, other);
        });
    }

    private static DNDarray Positive(DNDarray a, DNDarray b, Func<DNDarray, DNDarray, DNDarray> f)
    {
        using var m = ht.abs(b);
        using var p = m + 1;
        return f(a, p);
    }

    private static FuzzStep ScalarOp(Random rng)
    {
        (string, Func<DNDarray, DNDarray>)[] ops =
        [
            ("x + 2", x => x + 2), ("x * 1.5", x => x * 1.5), ("3 - x", x => 3 - x), ("x / 2", x => x / 2),
            ("x % 3", x => x % 3), ("power(x, 2)", x => ht.power(x, 2)), ("x > 0", x => x > 0),
            ("maximum(x, 0.5)", x => ht.maximum(x, 0.5)), ("where(x > 1, x, -1)", x =>
            {
                using var c = x > 1; return ht.where(c, x, -1);
            }),
            ("astype(float32)", x => x.astype(DType.Float32)), ("astype(int64)", x => x.astype(DType.Int64)),
            ("astype(bool)", x => x.astype(DType.Bool)), ("astype(uint8)", x => x.astype(DType.UInt8)),
        ];
        var (name, f) = ops[rng.Next(ops.Length)];
        return new FuzzStep(name, f);
    }

    private static FuzzStep Reduce(Random rng, long[] shape)
    {
        int nd = shape.Length;
        bool keep = rng.Next(2) == 0;
        // An axis: None, one axis (negative now and then), or a pair of axes.
        Axis? axis = null;
        string axisText = "None";
        int? single = Axis(rng, nd);
        if (single is int a)
        {
            if (nd >= 2 && rng.Next(4) == 0)
            {
                int b = (a + 1 + rng.Next(nd - 1)) % nd;
                axis = new[] { a, b };
                axisText = $"({a}, {b})";
            }
            else
            {
                int shown = rng.Next(3) == 0 ? a - nd : a;
                axis = shown;
                axisText = I(shown);
            }
        }
        (string, Func<DNDarray, DNDarray>)[] ops =
        [
            ("sum", x => ht.sum(x, axis, keep)), ("prod", x => ht.prod(x, axis, keep)),
            ("mean", x => ht.mean(x, axis, keep)), ("var", x => ht.var(x, axis, 0, keep)),
            ("std(ddof 1)", x => ht.std(x, axis, 1, keep)), ("min", x => ht.min(x, axis, keep)),
            ("max", x => ht.max(x, axis, keep)), ("all", x => ht.all(x, axis, keep)),
            ("any", x => ht.any(x, axis, keep)),
            ("ptp", x => ht.ptp(x, axis, keep)), ("nansum", x => ht.nansum(x, axis, keep)),
            ("vector_norm", x => ht.vector_norm(x, axis, keep)),
        ];
        (string, Func<DNDarray, DNDarray>)[] one =
        [
            ("argmax", x => ht.argmax(x, single, keep)), ("argmin", x => ht.argmin(x, single, keep)),
            ("median", x => ht.median(x, single, keep)),
            ("percentile(q 30)", x => ht.percentile(x, 30.0, single, keepdims: keep)),
        ];
        bool pair = axisText.StartsWith('(');
        var all = pair ? ops : [.. ops, .. one];
        var (name, f) = all[rng.Next(all.Length)];
        bool usesSingle = one.Any(o => o.Item1 == name);
        return new FuzzStep($"{name}(axis {(usesSingle ? Ax(single) : axisText)}, keepdims {B(keep)})", f);
    }

    private static FuzzStep Cumulative(Random rng, long[] shape)
    {
        if (shape.Length == 0)
            return new FuzzStep("cumsum(flatten(x), 0)", x => Chain(x, t => ht.flatten(t), f => ht.cumsum(f, 0)));
        int axis = rng.Next(shape.Length);
        return rng.Next(4) switch
        {
            0 => new FuzzStep($"cumsum({axis})", x => ht.cumsum(x, axis)),
            1 => new FuzzStep($"cumprod(clip(x, -2, 2), {axis})", x =>
            {
                using var c = Clip(x, -2, 2); return ht.cumprod(c, axis);
            }),
            2 => new FuzzStep($"diff(n 1, axis {axis})", x => ht.diff(x, 1, axis)),
            _ => new FuzzStep($"diff(n 2, axis {axis})", x => ht.diff(x, 2, axis)),
        };
    }
}
