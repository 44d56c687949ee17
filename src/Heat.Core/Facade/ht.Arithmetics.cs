// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/arithmetics.py
public static partial class ht
{
    /// <summary>
    /// The <paramref name="n"/>-th discrete difference along <paramref name="axis"/> (<c>a[i+1] - a[i]</c>); along the
    /// split
    /// axis each rank receives one slice from its neighbour. The result has <paramref name="n"/> fewer elements on the
    /// axis
    /// (bool arrays give their XOR as NumPy; the split stays, the result may be unbalanced).
    /// <paramref name="prepend"/> and <paramref name="append"/> (NumPy) are joined to <paramref name="a"/> along the
    /// axis first; 0-d values are broadcast to one slice.
    /// </summary>
    public static DNDarray diff(DNDarray a, int n = 1, int axis = -1, DNDarray? prepend = null, DNDarray? append = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), n, "order n must be >= 0.");
        if (a.ndim == 0) throw new ArgumentException("diff needs an array of at least one dimension.", nameof(a));
        axis = Shapes.NormalizeAxis(axis, a.ndim);
        using var scope = DisposeScope.Begin();
        var current = prepend is null && append is null ? a.Alias() : DiffOperand(a, axis, prepend, append);
        for (int i = 0; i < n && current.GShapeRef[axis] > 0; i++)
        {
            var next = DiffOnce(current, axis);
            current.Dispose();
            current = next;
        }
        return scope.MoveToOuter(current);
    }

    private static DNDarray DiffOnce(DNDarray a, int axis)
    {
        var backend = a.Backend;
        var op = a.dtype == DType.Bool ? BinaryOp.NotEqual : BinaryOp.Subtract;
        using var halo = a.split == axis && a.comm.Size > 1 ? Halo.NextFirstSlice(a) : null;
        long count = a.larray.Shape[axis];
        long outCount = Math.Max(0, count - 1) + (halo is null ? 0 : 1);
        var lshape = a.larray.GetShape();
        lshape[axis] = outCount;
        using var scope = DisposeScope.Begin();
        var result = scope.Include(backend.Empty(lshape, a.dtype));
        if (count > 1)
        {
            using var upper = a.larray.Slice(axis, 1, count - 1);
            using var lower = a.larray.Slice(axis, 0, count - 1);
            using var target = result.Slice(axis, 0, count - 1);
            backend.Binary(op, upper, lower, target);
        }
        if (halo is not null)
        {
            using var last = a.larray.Slice(axis, count - 1, 1);
            using var target = result.Slice(axis, outCount - 1, 1);
            backend.Binary(op, halo, last, target);
        }
        var gshape = a.shape;
        gshape[axis] -= 1;
        bool? balanced = a.split == axis ? null : a.balanced;
        return scope.MoveToOuter(new DNDarray(result, gshape, a.split, a.Context, balanced), transferred: result);
    }
    /// <summary>Element-wise sum.</summary>
    public static DNDarray add(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Add, x1, x2);
    /// <summary>Element-wise sum.</summary>
    public static DNDarray add(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Add, x1, x2, scalarFirst: false);
    /// <summary>Element-wise sum.</summary>
    public static DNDarray add(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Add, x2, x1, scalarFirst: true);
    /// <summary>Element-wise difference.</summary>
    public static DNDarray sub(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Subtract, x1, x2);
    /// <summary>Element-wise difference.</summary>
    public static DNDarray sub(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Subtract, x1, x2, scalarFirst: false);
    /// <summary>Element-wise difference.</summary>
    public static DNDarray sub(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Subtract, x2, x1, scalarFirst: true);
    /// <summary>Element-wise product.</summary>
    public static DNDarray mul(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Multiply, x1, x2);
    /// <summary>Element-wise product.</summary>
    public static DNDarray mul(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Multiply, x1, x2, scalarFirst: false);
    /// <summary>Element-wise product.</summary>
    public static DNDarray mul(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Multiply, x2, x1, scalarFirst: true);
    /// <summary>True division (integers give float32, as HeAT).</summary>
    public static DNDarray div(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Divide, x1, x2);
    /// <summary>True division (integers give float32, as HeAT).</summary>
    public static DNDarray div(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Divide, x1, x2, scalarFirst: false);
    /// <summary>True division (integers give float32, as HeAT).</summary>
    public static DNDarray div(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Divide, x2, x1, scalarFirst: true);
    /// <summary>Floor division (NumPy's //).</summary>
    public static DNDarray floordiv(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.FloorDivide, x1, x2);
    /// <summary>Floor division (NumPy's //).</summary>
    public static DNDarray floordiv(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.FloorDivide, x1, x2, scalarFirst: false);
    /// <summary>Floor division (NumPy's //).</summary>
    public static DNDarray floordiv(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.FloorDivide, x2, x1, scalarFirst: true);
    /// <summary>NumPy's % : the remainder with the sign of the divisor.</summary>
    public static DNDarray remainder(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Remainder, x1, x2);
    /// <summary>NumPy's % : the remainder with the sign of the divisor.</summary>
    public static DNDarray remainder(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Remainder, x1, x2, scalarFirst: false);
    /// <summary>NumPy's % : the remainder with the sign of the divisor.</summary>
    public static DNDarray remainder(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Remainder, x2, x1, scalarFirst: true);
    /// <summary>C's fmod: the remainder with the sign of the dividend.</summary>
    public static DNDarray fmod(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Fmod, x1, x2);
    /// <summary>C's fmod: the remainder with the sign of the dividend.</summary>
    public static DNDarray fmod(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Fmod, x1, x2, scalarFirst: false);
    /// <summary>C's fmod: the remainder with the sign of the dividend.</summary>
    public static DNDarray fmod(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Fmod, x2, x1, scalarFirst: true);
    /// <summary>x1 raised to x2.</summary>
    public static DNDarray pow(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Power, x1, x2);
    /// <summary>x1 raised to x2.</summary>
    public static DNDarray pow(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Power, x1, x2, scalarFirst: false);
    /// <summary>x1 raised to x2.</summary>
    public static DNDarray pow(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Power, x2, x1, scalarFirst: true);
    /// <summary>sqrt(x1² + x2²).</summary>
    public static DNDarray hypot(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Hypot, x1, x2);
    /// <summary>sqrt(x1² + x2²).</summary>
    public static DNDarray hypot(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Hypot, x1, x2, scalarFirst: false);
    /// <summary>sqrt(x1² + x2²).</summary>
    public static DNDarray hypot(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Hypot, x2, x1, scalarFirst: true);
    /// <summary>|x1| with the sign of x2.</summary>
    public static DNDarray copysign(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.CopySign, x1, x2);
    /// <summary>|x1| with the sign of x2.</summary>
    public static DNDarray copysign(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.CopySign, x1, x2, scalarFirst: false);
    /// <summary>|x1| with the sign of x2.</summary>
    public static DNDarray copysign(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.CopySign, x2, x1, scalarFirst: true);
    /// <summary>Bitwise and (bool, integers).</summary>
    public static DNDarray bitwise_and(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.BitwiseAnd, x1, x2);
    /// <summary>Bitwise and (bool, integers).</summary>
    public static DNDarray bitwise_and(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.BitwiseAnd, x1, x2, scalarFirst: false);
    /// <summary>Bitwise and (bool, integers).</summary>
    public static DNDarray bitwise_and(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.BitwiseAnd, x2, x1, scalarFirst: true);
    /// <summary>Bitwise or (bool, integers).</summary>
    public static DNDarray bitwise_or(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.BitwiseOr, x1, x2);
    /// <summary>Bitwise or (bool, integers).</summary>
    public static DNDarray bitwise_or(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.BitwiseOr, x1, x2, scalarFirst: false);
    /// <summary>Bitwise or (bool, integers).</summary>
    public static DNDarray bitwise_or(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.BitwiseOr, x2, x1, scalarFirst: true);
    /// <summary>Bitwise xor (bool, integers).</summary>
    public static DNDarray bitwise_xor(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.BitwiseXor, x1, x2);
    /// <summary>Bitwise xor (bool, integers).</summary>
    public static DNDarray bitwise_xor(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.BitwiseXor, x1, x2, scalarFirst: false);
    /// <summary>Bitwise xor (bool, integers).</summary>
    public static DNDarray bitwise_xor(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.BitwiseXor, x2, x1, scalarFirst: true);
    /// <summary>x1 shifted left by x2 bits.</summary>
    public static DNDarray left_shift(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.LeftShift, x1, x2);
    /// <summary>x1 shifted left by x2 bits.</summary>
    public static DNDarray left_shift(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.LeftShift, x1, x2, scalarFirst: false);
    /// <summary>x1 shifted left by x2 bits.</summary>
    public static DNDarray left_shift(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.LeftShift, x2, x1, scalarFirst: true);
    /// <summary>x1 shifted right by x2 bits.</summary>
    public static DNDarray right_shift(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.RightShift, x1, x2);
    /// <summary>x1 shifted right by x2 bits.</summary>
    public static DNDarray right_shift(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.RightShift, x1, x2, scalarFirst: false);
    /// <summary>x1 shifted right by x2 bits.</summary>
    public static DNDarray right_shift(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.RightShift, x2, x1, scalarFirst: true);
    /// <summary>Alias of <see cref="sub(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray subtract(DNDarray x1, DNDarray x2) => sub(x1, x2);
    /// <summary>Alias of <see cref="sub(DNDarray, Scalar)"/>.</summary>
    public static DNDarray subtract(DNDarray x1, Scalar x2) => sub(x1, x2);
    /// <summary>Alias of <see cref="mul(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray multiply(DNDarray x1, DNDarray x2) => mul(x1, x2);
    /// <summary>Alias of <see cref="mul(DNDarray, Scalar)"/>.</summary>
    public static DNDarray multiply(DNDarray x1, Scalar x2) => mul(x1, x2);
    /// <summary>Alias of <see cref="div(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray divide(DNDarray x1, DNDarray x2) => div(x1, x2);
    /// <summary>Alias of <see cref="div(DNDarray, Scalar)"/>.</summary>
    public static DNDarray divide(DNDarray x1, Scalar x2) => div(x1, x2);
    /// <summary>Alias of <see cref="div(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray true_divide(DNDarray x1, DNDarray x2) => div(x1, x2);
    /// <summary>Alias of <see cref="div(DNDarray, Scalar)"/>.</summary>
    public static DNDarray true_divide(DNDarray x1, Scalar x2) => div(x1, x2);
    /// <summary>Alias of <see cref="floordiv(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray floor_divide(DNDarray x1, DNDarray x2) => floordiv(x1, x2);
    /// <summary>Alias of <see cref="floordiv(DNDarray, Scalar)"/>.</summary>
    public static DNDarray floor_divide(DNDarray x1, Scalar x2) => floordiv(x1, x2);
    /// <summary>Alias of <see cref="remainder(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray mod(DNDarray x1, DNDarray x2) => remainder(x1, x2);
    /// <summary>Alias of <see cref="remainder(DNDarray, Scalar)"/>.</summary>
    public static DNDarray mod(DNDarray x1, Scalar x2) => remainder(x1, x2);
    /// <summary>Alias of <see cref="pow(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray power(DNDarray x1, DNDarray x2) => pow(x1, x2);
    /// <summary>Alias of <see cref="pow(DNDarray, Scalar)"/>.</summary>
    public static DNDarray power(DNDarray x1, Scalar x2) => pow(x1, x2);
    /// <summary>Element-wise negation.</summary>
    public static DNDarray neg(DNDarray x) => Elementwise.Unary(UnaryOp.Negative, x);
    /// <summary>1 / x.</summary>
    public static DNDarray reciprocal(DNDarray x) => Elementwise.Unary(UnaryOp.Reciprocal, x);
    /// <summary>Bitwise not (logical not for bool).</summary>
    public static DNDarray invert(DNDarray x) => Elementwise.Unary(UnaryOp.BitwiseNot, x);
    /// <summary>Alias of <see cref="neg(DNDarray)"/>.</summary>
    public static DNDarray negative(DNDarray x) => neg(x);
    /// <summary>Alias of <see cref="invert(DNDarray)"/>.</summary>
    public static DNDarray bitwise_not(DNDarray x) => invert(x);

    /// <summary>Sum over <paramref name="axis"/> (all axes when null); bool and integers sum to int64.</summary>
    /// <remarks>Split along a reduced axis: local partial sums, one Allreduce; the result is replicated.</remarks>
    public static DNDarray sum(DNDarray a, Axis? axis = null, bool keepdims = false)
        => Reduction.Reduce(ReduceOp.Sum, a, axis, keepdims);

    /// <summary>Product over <paramref name="axis"/>.</summary>
    public static DNDarray prod(DNDarray a, Axis? axis = null, bool keepdims = false)
        => Reduction.Reduce(ReduceOp.Prod, a, axis, keepdims);

    /// <summary>Sum treating NaN as zero.</summary>
    public static DNDarray nansum(DNDarray a, Axis? axis = null, bool keepdims = false)
        => Reduction.ReduceIgnoringNaN(ReduceOp.Sum, a, axis, keepdims);

    /// <summary>Product treating NaN as one.</summary>
    public static DNDarray nanprod(DNDarray a, Axis? axis = null, bool keepdims = false)
        => Reduction.ReduceIgnoringNaN(ReduceOp.Prod, a, axis, keepdims);

    /// <summary>Cumulative sum along <paramref name="axis"/> (bool and integers accumulate in int64); along the split
    /// axis one Exscan.</summary>
    public static DNDarray cumsum(DNDarray a, int axis, DType? dtype = null)
        => Cumulative.Scan(ReduceOp.Sum, a, axis, dtype);

    /// <summary>Cumulative product along <paramref name="axis"/> (bool and integers accumulate in int64).</summary>
    public static DNDarray cumprod(DNDarray a, int axis, DType? dtype = null)
        => Cumulative.Scan(ReduceOp.Prod, a, axis, dtype);
}

public sealed partial class DNDarray
{
    /// <summary>Sum over <paramref name="axis"/> (see <see cref="ht.sum(DNDarray, Axis?, bool)"/>).</summary>
    public DNDarray sum(Axis? axis = null, bool keepdims = false) => ht.sum(this, axis, keepdims);
    /// <summary>Product over <paramref name="axis"/>.</summary>
    public DNDarray prod(Axis? axis = null, bool keepdims = false) => ht.prod(this, axis, keepdims);
    /// <summary>Cumulative sum (see <see cref="ht.cumsum(DNDarray, int, DType?)"/>).</summary>
    public DNDarray cumsum(int axis, DType? dtype = null) => ht.cumsum(this, axis, dtype);
    /// <summary>Cumulative product (see <see cref="ht.cumprod(DNDarray, int, DType?)"/>).</summary>
    public DNDarray cumprod(int axis, DType? dtype = null) => ht.cumprod(this, axis, dtype);
}
