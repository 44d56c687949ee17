// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Regression;

/// <summary>
/// The data of one LASSO fit as the coordinate-descent kernels want it: X split along samples (or replicated) in its
/// own precision when that is float32 or float64 (else float64, as scikit-learn), y flat in the same dtype with
/// exactly X's chunks. Sums over samples are added across ranks only when X is split.
/// </summary>
internal sealed class LassoProblem : IDisposable
{
    private readonly List<DNDarray> _owned;

    private LassoProblem(DNDarray x, DNDarray y, List<DNDarray> owned)
    {
        X = x; Y = y; _owned = owned;
        Kernels = x.larray.Backend.Capability<ICoordinateDescentKernels>();
    }

    /// <summary>Samples × features, split 0 or replicated, float32 or float64.</summary>
    public DNDarray X { get; }
    /// <summary>The targets, flat, X's dtype and chunks.</summary>
    public DNDarray Y { get; }
    /// <summary>The backend's kernels (or the host backend's, staged).</summary>
    public ICoordinateDescentKernels Kernels { get; }
    /// <summary>The number of samples.</summary>
    public long Samples => X.shape[0];
    /// <summary>The number of features.</summary>
    public long Features => X.shape[1];

    /// <summary>Adds per-rank sums over samples across the ranks (nothing to add when X is replicated).</summary>
    public void Sum(Span<double> values)
    {
        if (X.split is not null && X.comm.Size > 1) X.comm.AllreduceInPlace(values, ReduceOp.Sum);
    }

    /// <summary>x (samples × features) and y (samples, or samples × 1) as the kernels want them.</summary>
    public static LassoProblem Create(DNDarray x, DNDarray y)
    {
        var owned = new List<DNDarray>();
        try
        {
            var rows = x;
            if (x.split == 1) owned.Add(rows = ht.resplit(x, 0));
            var dtype = rows.dtype == ht.float32 || rows.dtype == ht.float64 ? rows.dtype : ht.float64;
            if (rows.dtype != dtype) owned.Add(rows = rows.astype(dtype));
            var target = Aligned(y, rows, dtype);
            owned.Add(target);
            return new LassoProblem(rows, target, owned);
        }
        catch
        {
            foreach (var a in owned) a.Dispose();
            throw;
        }
    }

    // y as a flat vector of `dtype` with exactly the chunks of `like`'s rows.
    private static DNDarray Aligned(DNDarray y, DNDarray like, DType dtype)
    {
        long n = like.shape[0];
        using var flat = ht.reshape(y, [n], y.split is null ? null : 0);
        using var typed = flat.astype(dtype);
        if (like.split is null) return ht.resplit(typed, null);
        var aligned = ht.resplit(typed, 0);
        var rows = like.counts_displs().counts;
        if (!aligned.counts_displs().counts.SequenceEqual(rows))
        {
            var map = new long[rows.Length, 1];
            for (int r = 0; r < rows.Length; r++) map[r, 0] = rows[r];
            aligned.redistribute_(target_map: map);
        }
        return aligned;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var a in _owned) a.Dispose();
        _owned.Clear();
    }
}
