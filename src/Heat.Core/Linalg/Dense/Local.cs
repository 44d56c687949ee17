// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Linalg.Dense;

/// <summary>
/// Local matrix steps of the distributed factorizations on one backend: new tensors from the dense kernels, products,
/// conjugate transposes and row/column blocks. Callers own (dispose) what these return.
/// </summary>
internal static class Local
{
    /// <summary>Reduced (or complete) QR of a local matrix (…, m, n); q is null when <paramref name="withQ"/> is
    /// false.</summary>
    public static (LocalTensor? Q, LocalTensor R) Qr(
        ITensorBackend backend, LocalTensor a, bool withQ, bool complete = false)
    {
        long m = a.Shape[^2], n = a.Shape[^1], k = Math.Min(m, n), kc = complete ? m : k;
        using var ac = backend.Contiguous(a);
        var r = backend.Empty(Batch(a, kc, n), a.DType, a.Device);
        LocalTensor? q = null;
        try
        {
            q = withQ ? backend.Empty(Batch(a, m, kc), a.DType, a.Device) : null;
            DenseKernels.Of(backend).Qr(ac, q, r);
            return (q, r);
        }
        catch { r.Dispose(); q?.Dispose(); throw; }
    }

    /// <summary>a @ b as a new tensor.</summary>
    public static LocalTensor Matmul(ITensorBackend backend, LocalTensor a, LocalTensor b)
    {
        var shape = a.GetShape();
        shape[^1] = b.Shape[^1];
        var c = backend.Empty(shape, a.DType, a.Device);
        try
        {
            if (a.Shape[^1] == 0) backend.Fill(c, 0); else backend.Matmul(a, b, c);
            return c;
        }
        catch { c.Dispose(); throw; }
    }

    /// <summary>a − b @ c in place on <paramref name="a"/> (contiguous).</summary>
    public static void SubtractProduct(ITensorBackend backend, LocalTensor a, LocalTensor b, LocalTensor c)
    {
        if (b.Shape[^1] == 0 || a.Numel == 0) return;
        using var p = Matmul(backend, b, c);
        backend.Binary(BinaryOp.Subtract, a, p, a);
    }

    /// <summary>The conjugate transpose of the last two dimensions (a view for real dtypes).</summary>
    public static LocalTensor ConjT(ITensorBackend backend, LocalTensor a)
    {
        var axes = Enumerable.Range(0, a.NDim).ToArray();
        (axes[^1], axes[^2]) = (axes[^2], axes[^1]);
        if (a.DType.Kind != DTypeKind.Complex) return a.Permute(axes);
        using var conj = backend.Unary(UnaryOp.Conj, a);
        return conj.Permute(axes);
    }

    /// <summary>The conjugate transpose of the last two dimensions as a new contiguous tensor.</summary>
    public static LocalTensor ConjTCopy(ITensorBackend backend, LocalTensor a)
    {
        using var view = ConjT(backend, a);
        return backend.Copy(view);
    }

    /// <summary>A contiguous copy of <paramref name="a"/> reversed along <paramref name="axis"/>.</summary>
    public static LocalTensor Flip(ITensorBackend backend, LocalTensor a, int axis)
    {
        long n = a.Shape[axis];
        if (n == 0) return backend.Copy(a);
        using var view = a.Slice(axis, n - 1, n, -1);
        return backend.Copy(view);
    }

    private static long[] Batch(LocalTensor a, long rows, long cols)
    {
        var shape = a.GetShape();
        shape[^2] = rows; shape[^1] = cols;
        return shape;
    }
}
