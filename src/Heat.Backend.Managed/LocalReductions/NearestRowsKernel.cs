// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.Intrinsics;
using Heat.Abstractions;

namespace Heat.Backend.Managed.LocalReductions;

/// <summary>
/// The nearest centre of every row by the quadratic expansion argmin_j |c_j|² − 2 x·c_j: one matmul, then one pass over
/// the products (one vector per row where k is the vector width).
/// </summary>
internal static unsafe class NearestRowsKernel
{
    public static void Run(ManagedBackend backend, LocalTensor x, LocalTensor centres, LocalTensor labels)
    {
        HostOperands.Require(x, nameof(x), DTypeCode.Float32, DTypeCode.Float64);
        HostOperands.Require(centres, nameof(centres), x.DType.Code);
        HostOperands.Require(labels, nameof(labels), DTypeCode.Int64);
        long m = x.Shape[0], k = centres.Shape[0];
        if (x.NDim != 2 || centres.NDim != 2 || centres.Shape[1] != x.Shape[1] || k == 0)
            throw new ArgumentException($"NearestRows needs x (m × f) and centres (k × f, k ≥ 1); got {Shapes.Format(x.Shape)} and {Shapes.Format(centres.Shape)}.");
        if (labels.Numel != m) throw new ArgumentException($"labels has {labels.Numel} elements, x {m} rows.", nameof(labels));
        if (m == 0) return;
        using var ct = centres.Permute([1, 0]);
        using var g = backend.Empty([m, k], x.DType);
        backend.Matmul(x, ct, g);
        using var squares = backend.Binary(BinaryOp.Multiply, centres, centres);
        using var cc = backend.Reduce(ReduceOp.Sum, squares, [1]);
        using var ccc = backend.Contiguous(cc);
        if (x.DType == DType.Float32) Scan<float>(g, ccc, labels, backend.Threads);
        else Scan<double>(g, ccc, labels, backend.Threads);
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
