// SPDX-License-Identifier: MIT
using global::ILGPU;

namespace Heat.Backend.ILGPU.Kernels;

/// <summary>What a reduction pass computes.</summary>
internal enum RedKind
{
    Sum,
    Prod,
    Min,
    Max,
    /// <summary>Sum of squared deviations from the output's mean (moments' second pass).</summary>
    SqDev,
}

/// <summary>The geometry of a two-pass reduction: outputs × parts work-items, each a strided share of one output's
/// reduced elements (adjacent work-items read adjacent elements).</summary>
internal struct RedArgs
{
    public Layout Outer, Inner;
    public Strides OuterStrides, InnerStrides;
    public long Parts, Count;
    public int Kind;
}

/// <summary>
/// Reductions (float64 accumulators for floating inputs, int64 for integers), arg-reductions and scans. Floating min
/// and max propagate NaN; arg-reductions take the first NaN, as NumPy.
/// </summary>
internal static class ReductionKernels
{
    public static void PartF<T, E>(Index1D w, ArrayView<T> x, ArrayView<double> partial, ArrayView<double> mean,
        RedArgs a, long total) where T : unmanaged where E : struct, IElem<T>
    {
        for (long k = w; k < a.Count; k += total)
        {
            long o = k / a.Parts, p = k - o * a.Parts;
            long baseOff = a.OuterStrides.At(a.Outer, o);
            double m = a.Kind == (int)RedKind.SqDev ? mean[o] : 0.0;
            double acc = IdentityF(a.Kind);
            for (long j = p; j < a.Inner.N; j += a.Parts)
            {
                double v = default(E).F(x[baseOff + a.InnerStrides.At(a.Inner, j)]);
                if (a.Kind == (int)RedKind.SqDev) { double dv = v - m; acc += dv * dv; }
                else acc = CombineF(a.Kind, acc, v);
            }
            partial[k] = acc;
        }
    }

    public static void CombineFloat(Index1D w, ArrayView<double> partial, ArrayView<double> result, long parts,
        int kind,
        double scale, long total)
    {
        long outputs = result.Length;
        for (long o = w; o < outputs; o += total)
        {
            double acc = IdentityF(kind);
            for (long p = 0; p < parts; p++) acc = CombineF(kind == (int)RedKind.SqDev ? 0 : kind, acc,
                partial[o * parts + p]);
            result[o] = acc * scale;
        }
    }

    public static void PartI<T, E>(Index1D w, ArrayView<T> x, ArrayView<long> partial, RedArgs a, long total)
        where T : unmanaged where E : struct, IElem<T>
    {
        for (long k = w; k < a.Count; k += total)
        {
            long o = k / a.Parts, p = k - o * a.Parts;
            long baseOff = a.OuterStrides.At(a.Outer, o);
            long acc = IdentityI(a.Kind);
            for (long j = p; j < a.Inner.N; j += a.Parts)
                acc = CombineI(a.Kind, acc, default(E).I(x[baseOff + a.InnerStrides.At(a.Inner, j)]));
            partial[k] = acc;
        }
    }

    public static void CombineInt(Index1D w, ArrayView<long> partial, ArrayView<long> result, long parts, int kind,
        long total)
    {
        long outputs = result.Length;
        for (long o = w; o < outputs; o += total)
        {
            long acc = IdentityI(kind);
            for (long p = 0; p < parts; p++) acc = CombineI(kind, acc, partial[o * parts + p]);
            result[o] = acc;
        }
    }

    /// <summary>One work-item per line along the axis: the first extremum (floating: the first NaN).</summary>
    public static void Arg<T, E>(Index1D w, ArrayView<T> x, ArrayView<T> values, ArrayView<long> indices, LineArgs a,
        int floating, long total) where T : unmanaged where E : struct, IElem<T>
    {
        for (long line = w; line < a.Lines.N; line += total)
        {
            long xo = a.X.At(a.Lines, line);
            long best = 0;
            T bestV = x[xo];
            if (floating != 0)
            {
                double bv = default(E).F(bestV);
                for (long j = 1; j < a.Length && !double.IsNaN(bv); j++)
                {
                    T t = x[xo + j * a.StrideX];
                    double v = default(E).F(t);
                    if (double.IsNaN(v) || (a.Max != 0 ? v > bv : v < bv)) { bv = v; bestV = t; best = j; }
                }
            }
            else
            {
                long bv = default(E).I(bestV);
                for (long j = 1; j < a.Length; j++)
                {
                    T t = x[xo + j * a.StrideX];
                    long v = default(E).I(t);
                    if (a.Max != 0 ? v > bv : v < bv) { bv = v; bestV = t; best = j; }
                }
            }
            values[a.Y.At(a.Lines, line)] = bestV;
            indices[a.Z.At(a.Lines, line)] = best;
        }
    }

    /// <summary>One work-item per line: inclusive scan in float64 or int64, rounded to the element type on
    /// store.</summary>
    public static void Scan<T, E>(
        Index1D w, ArrayView<T> x, ArrayView<T> d, LineArgs a, int kind, int floating, long total)
        where T : unmanaged where E : struct, IElem<T>
    {
        for (long line = w; line < a.Lines.N; line += total)
        {
            long xo = a.X.At(a.Lines, line), yo = a.Y.At(a.Lines, line);
            if (floating != 0)
            {
                double acc = IdentityF(kind);
                for (long j = 0; j < a.Length; j++)
                {
                    acc = CombineF(kind, acc, default(E).F(x[xo + j * a.StrideX]));
                    d[yo + j * a.StrideY] = default(E).FromF(acc);
                }
            }
            else
            {
                long acc = IdentityI(kind);
                for (long j = 0; j < a.Length; j++)
                {
                    acc = CombineI(kind, acc, default(E).I(x[xo + j * a.StrideX]));
                    d[yo + j * a.StrideY] = default(E).FromI(acc);
                }
            }
        }
    }

    private static double IdentityF(int kind) => (RedKind)kind switch
    {
        RedKind.Prod => 1.0,
        RedKind.Min => double.PositiveInfinity,
        RedKind.Max => double.NegativeInfinity,
        _ => 0.0,
    };

    private static double CombineF(int kind, double acc, double v) => (RedKind)kind switch
    {
        RedKind.Prod => acc * v,
        RedKind.Min => double.IsNaN(acc) || double.IsNaN(v) ? double.NaN : v < acc ? v : acc,
        RedKind.Max => double.IsNaN(acc) || double.IsNaN(v) ? double.NaN : v > acc ? v : acc,
        _ => acc + v,
    };

    private static long IdentityI(int kind) => (RedKind)kind switch
    {
        RedKind.Prod => 1,
        RedKind.Min => long.MaxValue,
        RedKind.Max => long.MinValue,
        _ => 0,
    };

    private static long CombineI(int kind, long acc, long v) => (RedKind)kind switch
    {
        RedKind.Prod => acc * v,
        RedKind.Min => v < acc ? v : acc,
        RedKind.Max => v > acc ? v : acc,
        _ => acc + v,
    };
}

/// <summary>Lines along one axis: the layout of the other dimensions, up to three operands' strides over it, the
/// line length and the operands' strides along the axis.</summary>
internal struct LineArgs
{
    public Layout Lines;
    public Strides X, Y, Z;
    public long Length, StrideX, StrideY;
    public int Max;
}
