// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.Intrinsics;
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg;

/// <summary>
/// The nearest row of Y (replicated, few rows) for every row of X (split 0 or replicated), by the quadratic expansion
/// argmin_j |y_j|² − 2 x·y_j: one matmul through the backend, then one pass over the products (host memory) or the
/// backend's element-wise ops and arg-reduction (device memory). Local to every rank: no communication unless Y is
/// split.
/// </summary>
internal static unsafe class NearestRows
{
    public static DNDarray Argmin(DNDarray x, DNDarray y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.ndim != 2 || y.ndim != 2)
            throw new ArgumentException($"pairwise_distances_argmin needs 2-d arrays (samples x features); got {Shapes.Format(x.GShapeRef)} and {Shapes.Format(y.GShapeRef)}.");
        if (x.GShapeRef[1] != y.GShapeRef[1])
            throw new ArgumentException($"pairwise_distances_argmin: X has {x.GShapeRef[1]} features, Y has {y.GShapeRef[1]}.", nameof(y));
        if (y.GShapeRef[0] == 0) throw new ArgumentException("pairwise_distances_argmin: Y has no rows.", nameof(y));
        var type = DTypePromotion.Promote(x.dtype, y.dtype);
        if (type.IsComplex) throw new ArgumentException($"pairwise_distances_argmin is not defined for complex data ({type}).");
        if (!type.IsInexact) type = DType.Float32;
        using var xc = x.AliasOrCast(type);
        using var xs = xc.split == 1 ? ht.resplit(xc, 0) : xc.Alias();
        using var yc = y.AliasOrCast(type);
        using var ys = yc.split is null ? yc.Alias() : ht.resplit(yc, null);
        var labels = Local(x.Backend, xs.larray, ys.larray);
        return new DNDarray(labels, [x.GShapeRef[0]], xs.split, x.Context, xs.balanced);
    }

    /// <summary>
    /// The labels of this rank's rows (m), through the host scan when <paramref name="allowHost"/> and the memory
    /// allows.
    /// </summary>
    internal static LocalTensor Local(ITensorBackend backend, LocalTensor x, LocalTensor y, bool allowHost = true)
    {
        long m = x.Shape[0], k = y.Shape[0];
        var device = x.Device;
        var labels = backend.Empty([m, 1], DType.Int64, device);
        try
        {
            if (m > 0)
            {
                using var yt = y.Permute([1, 0]);
                using var g = backend.Empty([m, k], x.DType, device);
                backend.Matmul(x, yt, g);
                using var squares = backend.Binary(BinaryOp.Multiply, y, y);
                using var yy = backend.Reduce(ReduceOp.Sum, squares, [1]);
                if (allowHost && g.HostPointer != 0 && labels.HostPointer != 0 && yy.HostPointer != 0 && yy.IsContiguous)
                {
                    if (x.DType == DType.Float32) Scan<float>(g, yy, labels, backend.Threads);
                    else Scan<double>(g, yy, labels, backend.Threads);
                }
                else
                {
                    backend.BinaryScalar(BinaryOp.Multiply, g, Scalar.FromDouble(-2), false, g);
                    using var row = yy.ExpandDims(0);
                    using var rowB = row.BroadcastTo([m, k]);
                    backend.Binary(BinaryOp.Add, g, rowB, g);
                    using var values = backend.Empty([m, 1], x.DType, device);
                    backend.ArgReduce(ArgReduceKind.ArgMin, g, 1, values, labels);
                }
            }
            var flat = labels.TryReshapeView([m])!;
            labels.Dispose();
            return flat;
        }
        catch { labels.Dispose(); throw; }
    }

    // The first j with the least |y_j|² − 2 row[j] (a NaN never wins).
    private static long Row<T>(T* row, T* yy, int k, T two) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T best = yy[0] - two * row[0];
        long at = 0;
        for (int j = 1; j < k; j++)
        {
            T v = yy[j] - two * row[j];
            bool closer = v < best;   // branch-free: the winner is unpredictable
            at = closer ? j : at;
            best = closer ? v : best;
        }
        return at;
    }

    // The minimum of the lanes of v in every lane.
    private static Vector256<T> Least<T>(Vector256<T> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            var f = v.AsSingle();
            f = Vector256.Min(f, Vector256.Shuffle(f, Vector256.Create(4, 5, 6, 7, 0, 1, 2, 3)));
            f = Vector256.Min(f, Vector256.Shuffle(f, Vector256.Create(2, 3, 0, 1, 6, 7, 4, 5)));
            f = Vector256.Min(f, Vector256.Shuffle(f, Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6)));
            return f.As<float, T>();
        }
        var d = v.AsDouble();
        d = Vector256.Min(d, Vector256.Shuffle(d, Vector256.Create(2L, 3, 0, 1)));
        d = Vector256.Min(d, Vector256.Shuffle(d, Vector256.Create(1L, 0, 3, 2)));
        return d.As<double, T>();
    }

    // labels[i] = the first j with the least |y_j|² − 2 g[i, j].
    private static void Scan<T>(LocalTensor g, LocalTensor yy, LocalTensor labels, int threads) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long m = g.Shape[0];
        int k = checked((int)g.Shape[1]);
        T* pg = (T*)g.HostPointer, py = (T*)yy.HostPointer;
        long* pl = (long*)labels.HostPointer;
        T two = T.CreateTruncating(2);
        int parts = (int)Math.Clamp(Math.Min(threads, m / 4096), 1, 64);
        void Part(int part)
        {
            for (long i = m * part / parts, end = m * (part + 1) / parts; i < end; i++)
            {
                pl[i] = Row(pg + i * k, py, k, two);
            }
        }
        if (k == Vector256<T>.Count && Vector256.IsHardwareAccelerated)
        {
            // One row is one vector (k = 8 floats or 4 doubles, scikit-learn's default k = 8): |y|² − 2 g, its minimum
            // broadcast by pairwise swaps, and the first lane that equals it.
            var yyv = Vector256.Load(py);
            void Vector(int part)
            {
                for (long i = m * part / parts, end = m * (part + 1) / parts; i < end; i++)
                {
                    var v = yyv - Vector256.Load(pg + i * k) * two;
                    uint first = Vector256.ExtractMostSignificantBits(Vector256.Equals(v, Least(v)));
                    pl[i] = first != 0 ? BitOperations.TrailingZeroCount(first) : Row(pg + i * k, py, k, two);   // NaN: as the scalar scan
                }
            }
            if (parts == 1) Vector(0);
            else Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, Vector);
            return;
        }
        if (parts == 1) Part(0);
        else Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, Part);
    }
}
