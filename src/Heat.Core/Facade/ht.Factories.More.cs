// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/factories.py (eye, identity, logspace, asarray, meshgrid), manipulations.py (copy)
public static partial class ht
{
    /// <summary>A 2-d array with ones on the diagonal: <paramref name="shape"/> is <c>[n]</c> (n × n) or <c>[n, m]</c>. Each rank writes only its chunk.</summary>
    /// <exception cref="ArgumentException">shape has neither one nor two entries.</exception>
    public static DNDarray eye(long[] shape, DType? dtype = null, int? split = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length is not (1 or 2)) throw new ArgumentException($"eye needs shape [n] or [n, m], got {Shapes.Format(shape)}.", nameof(shape));
        long n = shape[0], m = shape.Length == 2 ? shape[1] : shape[0];
        return Factory.Create([n, m], dtype ?? float32, split, device, (local, offset) =>
        {
            var backend = Context.Backend;
            backend.Fill(local, Scalar.FromInt(0));
            var lshape = local.GetShape();
            var strides = local.Strides.ToArray();
            // The global diagonal inside this chunk, as one strided view.
            long row0 = 0, col0 = 0, length;
            if (split is null) length = Math.Min(n, m);
            else if (Factory.CheckSplit(split, 2) == 0) { col0 = offset; length = Math.Max(0, Math.Min(lshape[0], m - offset)); }
            else { row0 = offset; length = Math.Max(0, Math.Min(lshape[1], n - offset)); }
            if (length <= 0) return;
            long start = local.Offset + (split is null || Factory.CheckSplit(split, 2) == 0 ? col0 * strides[1] : row0 * strides[0]);
            using var diagonal = local.View([length], [strides[0] + strides[1]], start);
            backend.Fill(diagonal, Scalar.FromInt(1));
        });
    }

    /// <summary>The n × n identity matrix.</summary>
    public static DNDarray identity(long n, DType? dtype = null, int? split = null, Device? device = null) => eye([n], dtype, split, device);

    /// <summary><paramref name="num"/> values spaced evenly on a log scale: <c>base ^ linspace(start, stop)</c>.</summary>
    public static DNDarray logspace(double start, double stop, long num = 50, bool endpoint = true, double @base = 10.0, DType? dtype = null, int? split = null, Device? device = null)
    {
        using var exponents = linspace(start, stop, num, endpoint, float64, split, device);
        using var values = pow(Scalar.FromDouble(@base), exponents);
        return values.astype(dtype ?? float32);
    }

    /// <summary><paramref name="a"/> itself (no copy, as NumPy's asarray); use <see cref="array(DNDarray, DType?, int?, bool)"/> to copy.</summary>
    public static DNDarray asarray(DNDarray a) => a ?? throw new ArgumentNullException(nameof(a));

    /// <summary>An array from row-major .NET data (as <see cref="array{T}"/>).</summary>
    public static DNDarray asarray<T>(T[] data, long[]? shape = null, DType? dtype = null, int? split = null, Device? device = null) where T : unmanaged =>
        array(data, shape, dtype, split, null, device);

    /// <summary>A copy with the same distribution.</summary>
    public static DNDarray copy(DNDarray a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.astype(a.dtype, copy: true);
    }

    /// <summary>
    /// Coordinate matrices from 1-d coordinate vectors (NumPy's meshgrid, <paramref name="indexing"/> "xy" or "ij"). At most
    /// one input may be split; the outputs are then split along that input's axis.
    /// </summary>
    /// <exception cref="ArgumentException">An input is not 1-d, more than one is split, or indexing is unknown.</exception>
    public static DNDarray[] meshgrid(DNDarray[] arrays, string indexing = "xy")
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (indexing is not ("xy" or "ij")) throw new ArgumentException($"indexing must be 'xy' or 'ij', got '{indexing}'.", nameof(indexing));
        if (arrays.Length == 0) return [];
        for (int i = 0; i < arrays.Length; i++)
            if (arrays[i].ndim != 1) throw new ArgumentException($"meshgrid needs 1-d arrays; input {i} has shape {Shapes.Format(arrays[i].GShapeRef)}.", nameof(arrays));
        if (arrays.Count(a => a.split is not null) > 1) throw new ArgumentException("meshgrid: at most one input may be split.", nameof(arrays));
        int nd = arrays.Length;
        int AxisOf(int i) => indexing == "xy" && nd >= 2 && i < 2 ? 1 - i : i;
        var outShape = new long[nd];
        for (int i = 0; i < nd; i++) outShape[AxisOf(i)] = arrays[i].GShapeRef[0];
        int splitInput = Array.FindIndex(arrays, a => a.split is not null);
        int? split = splitInput < 0 ? null : AxisOf(splitInput);
        var result = new DNDarray[nd];
        try
        {
            using var template = zeros(outShape, @bool, split);
            for (int i = 0; i < nd; i++)
            {
                using var aligned = Manipulation.AlignVector(arrays[i], nd, AxisOf(i));
                var backend = aligned.Backend;
                result[i] = Elementwise.Map([aligned, template], [aligned.dtype, DType.Bool], aligned.dtype, (l, dst) => backend.Copy(l[0], dst));
            }
            return result;
        }
        catch { foreach (var r in result) r?.Dispose(); throw; }
    }
}
