// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/linalg/basics.py
public static partial class ht
{
    /// <summary>
    /// Matrix product with NumPy's rules for vectors and batches, for every split pair: the result is split 0 for
    /// 00/01/0N/N0, 1 for 10/11/1N/N1, None for NN (HeAT's table). Inputs are never resplit in place.
    /// </summary>
    /// <exception cref="ArgumentException">The inner dimensions differ, or an operand is 0-d.</exception>
    public static DNDarray matmul(DNDarray a, DNDarray b) => Linalg.Matmul.Product(a, b);

    /// <summary>Dot product: the sum of products for 1-d operands (a 0-d array), matmul otherwise, x * y for
    /// 0-d.</summary>
    public static DNDarray dot(DNDarray a, DNDarray b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.ndim == 0 || b.ndim == 0) return a * b;
        return matmul(a, b);
    }

    /// <summary>Outer product of two vectors (flattened when not 1-d): <c>out[i, j] = a[i] * b[j]</c>.</summary>
    public static DNDarray outer(DNDarray a, DNDarray b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        using var fa = a.ndim == 1 ? a.Alias() : flatten(a);
        using var fb = b.ndim == 1 ? b.Alias() : flatten(b);
        using var column = Manipulation.AlignVector(fa, 2, 0);
        using var row = Manipulation.AlignVector(fb, 2, 1);
        return column * row;
    }

    /// <summary>Dot product of the flattened operands, the first conjugated (a 0-d array).</summary>
    public static DNDarray vdot(DNDarray a, DNDarray b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.gnumel != b.gnumel) throw new ArgumentException($"vdot: {a.gnumel} and {b.gnumel} elements "
            + $"differ.", nameof(b));
        using var fa = flatten(a);
        using var fb = flatten(b);
        using var ca = fa.dtype.IsComplex ? conj(fa) : fa.Alias();
        return matmul(ca, fb);
    }

    /// <summary>The sum of the <paramref name="offset"/>-th diagonal of a 2-d array, as a .NET double (HeAT returns a
    /// Python number). For the traces of an N-d array use the overload with <c>axis1</c>/<c>axis2</c>.</summary>
    /// <exception cref="ArgumentException">The array is not 2-d.</exception>
    public static double trace(DNDarray a, long offset = 0)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.ndim != 2)
            throw new ArgumentException($"trace: a is {a.ndim}-d; the scalar form needs a 2-d array (for N-d arrays "
                + $"give axis1 and axis2, which returns a DNDarray).", nameof(a));
        using var d = diagonal(a, offset);
        using var s = sum(d);
        return s.item<double>();
    }

    /// <summary>
    /// The sums along the <paramref name="offset"/>-th diagonals of the 2-d sub-arrays spanned by
    /// <paramref name="axis1"/> and <paramref name="axis2"/>: the shape of <paramref name="a"/> without those axes, in
    /// <paramref name="dtype"/> (default: a's dtype, which is also the accumulator).
    /// </summary>
    /// <remarks>Distributed like <see cref="diagonal"/> and reduced along the diagonal (one Allreduce when the
    /// diagonal is split).</remarks>
    /// <exception cref="ArgumentException">a has fewer than 2 dimensions, or the axes are equal or out of
    /// range.</exception>
    public static DNDarray trace(DNDarray a, int axis1, int axis2, long offset = 0, DType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.ndim < 2) throw new ArgumentException($"trace: a must have at least 2 dimensions, not "
            + $"{a.ndim}.", nameof(a));
        var target = dtype ?? a.dtype;
        using var d = diagonal(a, offset, axis1, axis2);
        using var cast = d.dtype == target ? d.Alias() : d.astype(target);
        var s = sum(cast, axis: -1);
        if (s.dtype == target) return s;
        using (s) return s.astype(target);
    }

    /// <summary>
    /// The <paramref name="offset"/>-th diagonal (above the main one for positive offsets) of the 2-d sub-arrays
    /// spanned by <paramref name="dim1"/> and <paramref name="dim2"/>: those axes removed, the diagonal appended as the
    /// last axis (NumPy, HeAT).
    /// </summary>
    /// <remarks>
    /// No communication. Split along another axis: the split follows it. Split along dim1 or dim2: the result is split
    /// along its last axis, each rank keeping the diagonal entries of its own chunk (global offsets from the actual,
    /// possibly unbalanced, chunks), so the result may be unbalanced.
    /// </remarks>
    /// <exception cref="ArgumentException">a has fewer than 2 dimensions, or the dims are equal or out of
    /// range.</exception>
    public static DNDarray diagonal(DNDarray a, long offset = 0, int dim1 = 0, int dim2 = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.ndim < 2) throw new ArgumentException($"diagonal: a must have at least 2 dimensions, not "
            + $"{a.ndim}.", nameof(a));
        int d1 = Shapes.NormalizeAxis(dim1, a.ndim, nameof(dim1)), d2 = Shapes.NormalizeAxis(dim2, a.ndim,
            nameof(dim2));
        if (d1 == d2) throw new ArgumentException($"diagonal: dim1 and dim2 must differ, both are {d1}.", nameof(dim2));
        long rows = a.GShapeRef[d1], cols = a.GShapeRef[d2];
        long total = Math.Max(0, offset >= 0 ? Math.Min(rows, cols - offset) : Math.Min(rows + offset, cols));
        // Global diagonal entry t is (t + r0, t + c0) with r0 = max(0, -offset), c0 = max(0, offset).
        long r0 = Math.Max(0, -offset), c0 = Math.Max(0, offset);
        bool splitOnDiagonal = a.split == d1 || a.split == d2;
        long chunkStart = splitOnDiagonal ? a.SplitOffset() : 0,
            chunkCount = splitOnDiagonal ? a.larray.Shape[a.split!.Value] : 0;
        long first = 0, count = total;
        if (splitOnDiagonal)
        {
            long start = a.split == d1 ? r0 : c0;
            first = Math.Clamp(chunkStart - start, 0, total);
            long end = Math.Clamp(chunkStart + chunkCount - start, 0, total);
            count = Math.Max(0, end - first);
        }
        var local = a.larray;
        var kept = Enumerable.Range(0, a.ndim).Where(d => d != d1 && d != d2).ToArray();
        long localRow = first + r0 - (a.split == d1 ? chunkStart : 0);
        long localCol = first + c0 - (a.split == d2 ? chunkStart : 0);
        bool any = count > 0 && kept.All(d => local.Shape[d] > 0);
        long startOffset = local.Offset + (any ? localRow * local.Strides[d1] + localCol * local.Strides[d2] : 0);
        long[] shape = [.. kept.Select(d => local.Shape[d]), count];
        long[] strides = [.. kept.Select(d => local.Strides[d]), local.Strides[d1] + local.Strides[d2]];
        using var view = local.View(shape, strides, startOffset);
        var copy = a.Backend.Copy(view);
        long[] gshape = [.. kept.Select(d => a.GShapeRef[d]), total];
        int? split = a.split is not int s ? null : splitOnDiagonal ? gshape.Length - 1 : Array.IndexOf(kept, s);
        return new DNDarray(copy, gshape, split, a.Context, splitOnDiagonal ? null : a.balanced);
    }

    /// <summary>The lower triangle (elements with column − row ≤ k) of the last two dimensions; the rest
    /// zero.</summary>
    public static DNDarray tril(DNDarray m, long k = 0) => Triangle(m, k, lower: true);

    /// <summary>The upper triangle (elements with column − row ≥ k) of the last two dimensions; the rest
    /// zero.</summary>
    public static DNDarray triu(DNDarray m, long k = 0) => Triangle(m, k, lower: false);

    private static DNDarray Triangle(DNDarray m, long k, bool lower)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.ndim < 2) throw new ArgumentException($"{(lower ? "tril" : "triu")} needs at least 2 dimensions, got "
            + $"{m.ndim}.", nameof(m));
        int nd = m.ndim;
        long rowOffset = m.split == nd - 2 ? m.SplitOffset() : 0, colOffset = m.split == nd - 1 ? m.SplitOffset() : 0;
        long lr = m.larray.Shape[nd - 2], lc = m.larray.Shape[nd - 1];
        var mask = new bool[lr * lc];
        for (long i = 0; i < lr; i++)
            for (long j = 0; j < lc; j++)
            {
                long diff = (j + colOffset) - (i + rowOffset);
                mask[i * lc + j] = lower ? diff <= k : diff >= k;
            }
        var backend = m.Backend;
        using var maskTensor = backend.FromSpan<bool>(mask, [lr, lc], m.device);
        using var maskB = maskTensor.BroadcastTo(m.larray.Shape);
        using var zero = backend.Zeros([], m.dtype, m.device);
        using var zeroB = zero.BroadcastTo(m.larray.Shape);
        using var scope = DisposeScope.Begin();
        var result = scope.Include(backend.Empty(m.larray.Shape, m.dtype));
        backend.Where(maskB, m.larray, zeroB, result);
        return scope.MoveToOuter(new DNDarray(result, m.shape, m.split, m.Context, m.balanced), transferred: result);
    }

    /// <summary>Permutes the axes (reverses them when <paramref name="axes"/> is null); the split follows its axis.
    /// Returns a contiguous copy.</summary>
    /// <exception cref="ArgumentException">axes is not a permutation of 0..ndim-1.</exception>
    public static DNDarray transpose(DNDarray a, int[]? axes = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        var perm = axes?.Select(d => Shapes.NormalizeAxis(d, a.ndim, nameof(axes))).ToArray() ?? Enumerable.Range(0,
            a.ndim).Reverse().ToArray();
        if (perm.Length != a.ndim || perm.Distinct().Count() != a.ndim)
            throw new ArgumentException($"transpose: axes ({string.Join(", ", axes!)}) are not a permutation of the "
                + $"{a.ndim} axes.", nameof(axes));
        using var view = a.larray.Permute(perm);
        var local = a.Backend.Contiguous(view);
        int? split = a.split is int s ? Array.IndexOf(perm, s) : null;
        return new DNDarray(local, perm.Select(d => a.GShapeRef[d]).ToArray(), split, a.Context, a.balanced);
    }
}

public sealed partial class DNDarray
{
    /// <summary>Matrix product (see <see cref="ht.matmul"/>).</summary>
    public DNDarray matmul(DNDarray other) => ht.matmul(this, other);
    /// <summary>Permuted axes (see <see cref="ht.transpose"/>).</summary>
    public DNDarray transpose(int[]? axes = null) => ht.transpose(this, axes);
}
