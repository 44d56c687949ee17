// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>How a quantile between two order statistics i ≤ j is formed (HeAT's interpolation names).</summary>
internal enum QuantileMethod
{
    /// <summary>i + (j − i)·fraction (NumPy's lerp).</summary>
    Linear,
    /// <summary>i.</summary>
    Lower,
    /// <summary>j.</summary>
    Higher,
    /// <summary>(i + j) / 2.</summary>
    Midpoint,
    /// <summary>i or j, whichever index is nearer (ties to the even index).</summary>
    Nearest,
}

/// <summary>
/// percentile / quantile / median: the order statistics each q needs (<see cref="Selection"/>), then NumPy's
/// interpolation between them with backend ops.
/// </summary>
/// <remarks>
/// The reduced axes are moved last and flattened into rows (a local permuted copy), every other axis is a row index.
/// Split along a kept axis (or not split): local selection, the result keeps the split. Split along a reduced axis:
/// distributed selection (or, when rows are many and short, one resplit to a kept axis first); the result is
/// replicated.
/// </remarks>
internal static class Percentile
{
    /// <summary>Parses HeAT's interpolation names (also NumPy's method names of the same meaning).</summary>
    public static QuantileMethod ParseMethod(string name, string parameter) => name switch
    {
        "linear" => QuantileMethod.Linear,
        "lower" => QuantileMethod.Lower,
        "higher" => QuantileMethod.Higher,
        "midpoint" => QuantileMethod.Midpoint,
        "nearest" => QuantileMethod.Nearest,
        _ => throw new ArgumentException($"Invalid interpolation method '{name}'; expected 'linear', 'lower', "
            + $"'higher', 'midpoint' or 'nearest'.", parameter),
    };

    /// <summary>The q values of a scalar, array or DNDarray argument (collective for a DNDarray) and q's
    /// shape.</summary>
    public static (double[] Values, long[] Shape) Read(object q, string parameter) => q switch
    {
        double d => ([d], []),
        double[] a => ((double[])a.Clone(), [a.Length]),
        DNDarray x => (x.ToArray<double>(), x.shape),
        _ => throw new ArgumentException($"q must be a double, double[] or DNDarray, got "
            + $"{q?.GetType().Name ?? "null"}.", parameter),
    };

    /// <summary>The quantiles <paramref name="fractions"/> (in [0, 1]; checked) of <paramref name="x"/> over
    /// <paramref name="axis"/>; q's shape leads the result's.</summary>
    public static DNDarray Compute(DNDarray x, double[] fractions, long[] qShape, Axis? axis, QuantileMethod method,
        bool keepdims, string qName, double qScale)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.dtype.IsComplex) throw new ArgumentException($"percentile is not defined for complex arrays "
            + $"({x.dtype}).", nameof(x));
        foreach (var f in fractions)
            if (!(f >= 0 && f <= 1))
                throw new ArgumentException($"q must lie in [0, {qScale}]; got {f * qScale}.", qName);
        var axes = Axis.Resolve(axis, x.ndim);
        var gshape = x.shape;
        long n = 1;
        foreach (var a in axes) n *= gshape[a];
        var outType = x.dtype.ItemSize == 4 ? DType.Float32 : DType.Float64;
        var selectType = x.dtype == DType.Float32 || x.dtype.ItemSize < 4 && x.dtype.IsInexact ? DType.Float32 :
            DType.Float64;

        // The order statistics each q needs and the fraction between them.
        var ranks = new SortedSet<long>();
        var lowIndex = new long[fractions.Length];
        var highIndex = new long[fractions.Length];
        var t = new double[fractions.Length];
        for (int i = 0; i < fractions.Length; i++)
        {
            double pos = n == 0 ? 0 : fractions[i] * (n - 1);
            long lo = (long)Math.Floor(pos), hi = (long)Math.Ceiling(pos);
            (lowIndex[i], highIndex[i], t[i]) = method switch
            {
                QuantileMethod.Lower => (lo, lo, 0.0),
                QuantileMethod.Higher => (hi, hi, 0.0),
                QuantileMethod.Nearest => ((long)Math.Round(pos, MidpointRounding.ToEven), (long)Math.Round(pos,
                    MidpointRounding.ToEven), 0.0),
                QuantileMethod.Midpoint => (lo, hi, lo == hi ? 0.0 : 0.5),
                _ => (lo, hi, pos - lo),
            };
            ranks.Add(lowIndex[i]);
            ranks.Add(highIndex[i]);
        }
        var rankList = ranks.ToArray();
        int columnsK = rankList.Length;

        var kept = Enumerable.Range(0, x.ndim).Where(a => !axes.Contains(a)).ToArray();
        bool splitReduced = x.split is int s0 && axes.Contains(s0) && x.comm.Size > 1;
        using var scope = DisposeScope.Begin();
        var source = x;
        bool regather = false;
        if (splitReduced && n > 0)
        {
            // Many short rows: one resplit to the longest kept axis beats rounds of replicated pivot bookkeeping.
            int longest = kept.Length == 0 ? -1 : kept.OrderByDescending(a => gshape[a]).First();
            if (longest >= 0 && gshape[longest] >= x.comm.Size && n <= (1L << 16) * columnsK)
            {
                source = Redistribution.ResplitCopy(x, longest);
                splitReduced = false;
                regather = true;
            }
        }

        var local = source.larray;
        var keptLocal = kept.Select(a => local.Shape[a]).ToArray();
        long rowsLocal = keptLocal.Aggregate(1L, (p, e) => p * e);
        long nLocal = axes.Aggregate(1L, (p, a) => p * local.Shape[a]);
        var backend = source.Backend;
        var rowsTensor = scope.Include(Rows(backend, local, kept.Concat(axes).ToArray(), rowsLocal, nLocal,
            selectType));

        // A backend without selection kernels and without a host fallback (Torch) selects on a host copy.
        bool hosted = backend is not ISelectionKernels && backend is not IHostFallback;
        var selectable = hosted ? scope.Include(HostStaging.CopyOf(rowsTensor)) : rowsTensor;
        var stats = scope.Include(backend.Empty([rowsLocal, columnsK], DType.Float64));
        if (n == 0) backend.Fill(stats, Scalar.FromDouble(double.NaN));
        else if (splitReduced)
            HostStaging.Write<double>(stats, Selection.AlongSplit(source.comm, selectable, rowsLocal, n, rankList));
        else
        {
            using var selected = Selection.Local(selectable, rowsLocal, n, rankList);
            if (hosted) HostStaging.Write<double>(stats, HostStaging.Read<double>(selected));
            else backend.Copy(selected, stats);
        }

        // Interpolate per q into (Q, rows) float64, NumPy's lerp: a + (b − a)·t, or b − (b − a)·(1 − t) for t
        // ≥ ½.
        var result = scope.Include(backend.Empty([fractions.Length, rowsLocal], DType.Float64));
        for (int i = 0; i < fractions.Length; i++)
        {
            using var row = result.Slice(0, i, 1).TryReshapeView([rowsLocal])!;
            using var low = Column(stats, Array.BinarySearch(rankList, lowIndex[i]), rowsLocal);
            using var high = Column(stats, Array.BinarySearch(rankList, highIndex[i]), rowsLocal);
            if (t[i] == 0) { backend.Copy(low, row); continue; }
            using var diff = backend.Empty([rowsLocal], DType.Float64);
            backend.Binary(BinaryOp.Subtract, high, low, diff);
            if (t[i] < 0.5)
            {
                backend.BinaryScalar(BinaryOp.Multiply, diff, Scalar.FromDouble(t[i]), scalarFirst: false, diff);
                backend.Binary(BinaryOp.Add, low, diff, row);
            }
            else
            {
                backend.BinaryScalar(BinaryOp.Multiply, diff, Scalar.FromDouble(1 - t[i]), scalarFirst: false, diff);
                backend.Binary(BinaryOp.Subtract, high, diff, row);
            }
        }

        // Shape: q's shape, then the kept axes (reduced ones as 1 with keepdims).
        var localShape = new List<long>(qShape);
        var globalShape = new List<long>(qShape);
        for (int a = 0; a < x.ndim; a++)
        {
            if (axes.Contains(a)) { if (keepdims) { localShape.Add(1); globalShape.Add(1); } continue; }
            localShape.Add(local.Shape[a]);
            globalShape.Add(gshape[a]);
        }
        int? split = null;
        if (!splitReduced && source.split is int s && !axes.Contains(s))
            split = qShape.Length + (keepdims ? s : s - axes.Count(a => a < s));
        var typed = backend.Empty(localShape.ToArray(), outType);
        try
        {
            using var shaped = result.TryReshapeView(localShape.ToArray())!;
            backend.Copy(shaped, typed);
        }
        catch { typed.Dispose(); throw; }
        var output = new DNDarray(typed, globalShape.ToArray(), split, source.Context,
            split is null ? true : source.balanced);
        return scope.MoveToOuter(regather ? Redistribution.ResplitCopy(output, null) : output);
    }

    /// <summary>The local chunk with <paramref name="order"/>'s axes (kept, then reduced) as contiguous rows.</summary>
    private static LocalTensor Rows(ITensorBackend backend, LocalTensor local, int[] order, long rows, long n,
        DType type)
    {
        bool identity = order.Select((a, i) => a == i).All(b => b);
        if (identity && local.DType == type && local.IsContiguous)
            return local.TryReshapeView([rows, n])!;
        using var permuted = local.Permute(order);
        var copy = backend.Empty(permuted.Shape, type);
        try
        {
            backend.Copy(permuted, copy);
            var view = copy.TryReshapeView([rows, n])!;
            copy.Dispose();
            return view;
        }
        catch { copy.Dispose(); throw; }
    }

    private static LocalTensor Column(LocalTensor stats, int column, long rows)
    {
        using var slice = stats.Slice(1, column, 1);
        return slice.View([rows], [stats.Strides[0]], slice.Offset);
    }
}
