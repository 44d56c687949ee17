// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/factories.py
public static partial class ht
{
    /// <summary>An array of zeros.</summary>
    /// <remarks>Balanced: each rank allocates only its chunk.</remarks>
    public static DNDarray zeros(long[] shape, DType? dtype = null, int? split = null, Device? device = null) =>
        full(shape, Scalar.FromInt(0), dtype ?? float32, split, device);

    /// <summary>An array of ones.</summary>
    public static DNDarray ones(long[] shape, DType? dtype = null, int? split = null, Device? device = null) =>
        full(shape, Scalar.FromInt(1), dtype ?? float32, split, device);

    /// <summary>An uninitialised array (HeAT's <c>empty</c>; contents unspecified).</summary>
    public static DNDarray empty(long[] shape, DType? dtype = null, int? split = null, Device? device = null) =>
        Factory.Create(shape, dtype ?? float32, split, device, (_, _) => { });

    /// <summary>An array filled with <paramref name="fill_value"/>.</summary>
    /// <remarks>
    /// The dtype defaults to float32 whatever the fill value, as HeAT's (<c>ht.full([2], 4)</c> is float32; before
    /// HeAT 1.4.2 parity this took the fill value's kind, int64 for an integer). A complex fill value needs an explicit
    /// complex <paramref name="dtype"/> (HeAT, through PyTorch, refuses to put one into float32 as well).
    /// </remarks>
    /// <exception cref="ArgumentException">A complex fill value without a complex dtype.</exception>
    public static DNDarray full(long[] shape, Scalar fill_value, DType? dtype = null, int? split = null,
        Device? device = null)
    {
        var type = dtype ?? float32;
        if (fill_value.Kind == ScalarKind.Complex && !type.IsComplex)
            throw new ArgumentException(
                $"full: a complex fill value does not fit dtype {type}; pass dtype: ht.complex64 or ht.complex128.",
                nameof(fill_value));
        return Factory.Create(shape, type, split, device, (local, _) => Context.Backend.Fill(local, fill_value));
    }

    /// <summary>Zeros shaped, typed and split like <paramref name="a"/>.</summary>
    public static DNDarray zeros_like(DNDarray a, DType? dtype = null, int? split = null)
        => zeros(a.shape, dtype ?? a.dtype, split ?? a.split, a.device);
    /// <summary>Ones shaped, typed and split like <paramref name="a"/>.</summary>
    public static DNDarray ones_like(DNDarray a, DType? dtype = null, int? split = null)
        => ones(a.shape, dtype ?? a.dtype, split ?? a.split, a.device);
    /// <summary>An uninitialised array shaped, typed and split like <paramref name="a"/>.</summary>
    public static DNDarray empty_like(DNDarray a, DType? dtype = null, int? split = null)
        => empty(a.shape, dtype ?? a.dtype, split ?? a.split, a.device);
    /// <summary>A filled array shaped, typed and split like <paramref name="a"/>.</summary>
    public static DNDarray full_like(DNDarray a, Scalar fill_value, DType? dtype = null, int? split = null)
        => full(a.shape, fill_value, dtype ?? a.dtype, split ?? a.split, a.device);

    /// <summary><c>arange(stop)</c>: 0, 1, ..., stop-1 as int32 (HeAT's default).</summary>
    public static DNDarray arange(long stop, DType? dtype = null, int? split = null, Device? device = null) =>
        arange(Scalar.FromInt(0), Scalar.FromInt(stop), Scalar.FromInt(1), dtype, split, device);

    /// <summary>Evenly spaced values in [start, stop) with <paramref name="step"/>; int32 when all arguments are
    /// integers, else float32 (HeAT).</summary>
    /// <exception cref="ArgumentException">The step is zero.</exception>
    public static DNDarray arange(Scalar start, Scalar stop, Scalar step, DType? dtype = null, int? split = null,
        Device? device = null)
    {
        bool integral = start.Kind is ScalarKind.Int or ScalarKind.Bool && stop.Kind is ScalarKind.Int or
            ScalarKind.Bool && step.Kind is ScalarKind.Int or ScalarKind.Bool;
        long count;
        if (integral)
        {
            long a = start.AsLong(), b = stop.AsLong(), s = step.AsLong();
            if (s == 0) throw new ArgumentException("arange: step must not be zero.", nameof(step));
            count = Math.Max(0, s > 0 ? (b - a + s - 1) / s : (a - b - s - 1) / -s);
        }
        else
        {
            double a = start.AsDouble(), b = stop.AsDouble(), s = step.AsDouble();
            if (s == 0) throw new ArgumentException("arange: step must not be zero.", nameof(step));
            count = Math.Max(0, (long)Math.Ceiling((b - a) / s));
        }
        var type = dtype ?? (integral ? int32 : float32);
        return Factory.Create([count], type, split, device, (local, offset) =>
        {
            Scalar first = integral ? Scalar.FromInt(start.AsLong() + offset * step.AsLong()) :
                Scalar.FromDouble(start.AsDouble() + offset * step.AsDouble());
            if (local.Numel > 0) Context.Backend.Arange(local, first, step);
        });
    }

    /// <summary><paramref name="num"/> evenly spaced values from start to stop (inclusive when
    /// <paramref name="endpoint"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">num is negative.</exception>
    public static DNDarray linspace(double start, double stop, long num = 50, bool endpoint = true,
        DType? dtype = null, int? split = null, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(num);
        double step = num > 1 ? (stop - start) / (endpoint ? num - 1 : num) : 0;
        return Factory.Create([num], dtype ?? float32, split, device, (local, offset) =>
        {
            if (local.Numel > 0) Context.Backend.Arange(local, Scalar.FromDouble(start + offset * step),
                Scalar.FromDouble(step));
        });
    }

    /// <summary>
    /// An array from row-major .NET data. Without <paramref name="is_split"/>, every rank passes the whole array and
    /// keeps
    /// its chunk of <paramref name="split"/>; with it, each rank passes its own chunk along <paramref name="is_split"/>
    /// (local shapes are checked collectively: every rank raises the same error on a mismatch).
    /// </summary>
    /// <exception cref="ArgumentException">The data do not fill the shape, or ranks' chunks disagree.</exception>
    public static DNDarray array<T>(T[] data, long[]? shape = null, DType? dtype = null, int? split = null,
        int? is_split = null, Device? device = null) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(data);
        return FromSpan<T>(data, shape ?? [data.LongLength], dtype, split, is_split, device);
    }

    /// <summary>An array from a multi-dimensional .NET array such as <c>float[,]</c> (shape taken from it).</summary>
    public static DNDarray array(Array data, DType? dtype = null, int? split = null, int? is_split = null,
        Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var shape = Enumerable.Range(0, data.Rank).Select(d => (long)data.GetLength(d)).ToArray();
        var element = data.GetType().GetElementType()!;
        return DType.Of(element).Code switch
        {
            DTypeCode.Bool => FromArray<bool>(data, shape, dtype, split, is_split, device),
            DTypeCode.UInt8 => FromArray<byte>(data, shape, dtype, split, is_split, device),
            DTypeCode.Int8 => FromArray<sbyte>(data, shape, dtype, split, is_split, device),
            DTypeCode.Int16 => FromArray<short>(data, shape, dtype, split, is_split, device),
            DTypeCode.Int32 => FromArray<int>(data, shape, dtype, split, is_split, device),
            DTypeCode.Int64 => FromArray<long>(data, shape, dtype, split, is_split, device),
            DTypeCode.Float16 => FromArray<Half>(data, shape, dtype, split, is_split, device),
            DTypeCode.Float32 => FromArray<float>(data, shape, dtype, split, is_split, device),
            DTypeCode.Float64 => FromArray<double>(data, shape, dtype, split, is_split, device),
            DTypeCode.Complex64 => FromArray<Complex64>(data, shape, dtype, split, is_split, device),
            _ => FromArray<System.Numerics.Complex>(data, shape, dtype, split, is_split, device),
        };
    }

    /// <summary>A copy of <paramref name="a"/> (or <paramref name="a"/> itself when <paramref name="copy"/> is false
    /// and nothing changes), optionally resplit and cast.</summary>
    public static DNDarray array(DNDarray a, DType? dtype = null, int? split = null, bool copy = true)
    {
        ArgumentNullException.ThrowIfNull(a);
        var result = copy || (dtype is not null && dtype != a.dtype) ? a.astype(dtype ?? a.dtype, copy: true) : a;
        if (split is not null && split != a.split)
        {
            if (ReferenceEquals(result, a)) result = a.astype(a.dtype, copy: true);
            result.resplit_(split);
        }
        return result;
    }

    private static DNDarray FromArray<T>(Array data, long[] shape, DType? dtype, int? split, int? is_split,
        Device? device) where T : unmanaged
    {
        var span = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte,
            T>(ref MemoryMarshal.GetArrayDataReference(data)), data.Length);
        return FromSpan(span, shape, dtype, split, is_split, device);
    }

    private static DNDarray FromSpan<T>(ReadOnlySpan<T> data, long[] shape, DType? dtype, int? split, int? is_split,
        Device? device) where T : unmanaged
    {
        var ctx = Context;
        var gshape = Factory.CheckShape(shape);
        if (Shapes.Numel(gshape) != data.Length)
            throw new ArgumentException($"{data.Length} values do not fill shape {Shapes.Format(gshape)} "
                + $"({Shapes.Numel(gshape)} elements).", nameof(shape));
        if (split is not null && is_split is not null)
            throw new ArgumentException("Give either split (every rank passes the whole array) or is_split (each "
                + "rank passes its chunk), not both.", nameof(is_split));
        var type = dtype ?? DType.Of<T>();
        using var whole = ctx.Backend.FromSpan(data, gshape, ctx.Device);
        if (is_split is not null) return FromLocalChunks(whole, Factory.CheckSplit(is_split, gshape.Length)!.Value,
            type, ctx);
        var s = Factory.CheckSplit(split, gshape.Length);
        var (lshape, offset) = Factory.LocalChunk(gshape, s, ctx.Communicator);
        using var chunk = s is int axis ? whole.Slice(axis, offset, lshape[axis]) : whole.Share();
        var local = ctx.Backend.Copy(chunk, type);
        return new DNDarray(local, gshape, s, ctx, balanced: true);
    }

    private static DNDarray FromLocalChunks(LocalTensor whole, int axis, DType type, RankContext ctx)
    {
        // Collective shape check: every rank sees every local shape, so all raise the same error.
        var comm = ctx.Communicator;
        int ndim = whole.NDim;
        var dims = comm.Allgather((long)ndim);
        for (int r = 0; r < comm.Size; r++)
            if (dims[r] != ndim)
                throw new ArgumentException($"is_split: rank {r} passed a {dims[r]}-d chunk, rank 0 a {dims[0]}-d "
                    + $"one; chunks must have the same number of dimensions.");
        var mine = whole.GetShape();
        var all = new long[comm.Size * ndim];
        comm.Allgather<long>(mine, all);
        long total = 0;
        for (int r = 0; r < comm.Size; r++)
        {
            var other = all.AsSpan(r * ndim, ndim);
            for (int d = 0; d < ndim; d++)
                if (d != axis && other[d] != all[d])
                    throw new ArgumentException($"is_split={axis}: rank {r}'s chunk has shape "
                        + $"{Shapes.Format(other)} but rank 0's {Shapes.Format(all.AsSpan(0, ndim))}; all "
                            + $"dimensions but {axis} must agree.");
            total += other[axis];
        }
        var gshape = (long[])mine.Clone();
        gshape[axis] = total;
        var local = ctx.Backend.Copy(whole, type);
        return new DNDarray(local, gshape, axis, ctx, balanced: null);
    }

    /// <summary>A 2-d array with ones on the diagonal: <paramref name="shape"/> is <c>[n]</c> (n × n) or <c>[n,
    /// m]</c>.
    /// Each rank writes only its chunk.</summary>
    /// <exception cref="ArgumentException">shape has neither one nor two entries.</exception>
    public static DNDarray eye(long[] shape, DType? dtype = null, int? split = null, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(shape);
        if (shape.Length is not (1 or 2)) throw new ArgumentException($"eye needs shape [n] or [n, m], got "
            + $"{Shapes.Format(shape)}.", nameof(shape));
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
            else if (Factory.CheckSplit(split, 2) == 0) { col0 = offset; length = Math.Max(0, Math.Min(lshape[0],
                m - offset)); }
            else { row0 = offset; length = Math.Max(0, Math.Min(lshape[1], n - offset)); }
            if (length <= 0) return;
            long start = local.Offset + (split is null || Factory.CheckSplit(split,
                2) == 0 ? col0 * strides[1] : row0 * strides[0]);
            using var diagonal = local.View([length], [strides[0] + strides[1]], start);
            backend.Fill(diagonal, Scalar.FromInt(1));
        });
    }

    /// <summary>The n × n identity matrix.</summary>
    public static DNDarray identity(long n, DType? dtype = null, int? split = null, Device? device = null)
        => eye([n], dtype, split, device);

    /// <summary><paramref name="num"/> values spaced evenly on a log scale: <c>base ^ linspace(start,
    /// stop)</c>.</summary>
    public static DNDarray logspace(double start, double stop, long num = 50, bool endpoint = true,
        double @base = 10.0, DType? dtype = null, int? split = null, Device? device = null)
    {
        using var exponents = linspace(start, stop, num, endpoint, float64, split, device);
        using var values = pow(Scalar.FromDouble(@base), exponents);
        return values.astype(dtype ?? float32);
    }

    /// <summary><paramref name="a"/> itself (no copy, as NumPy's asarray); use
    /// <see cref="array(DNDarray, DType?, int?, bool)"/> to copy.</summary>
    public static DNDarray asarray(DNDarray a) => a ?? throw new ArgumentNullException(nameof(a));

    /// <summary>An array from row-major .NET data (as <see cref="array{T}"/>).</summary>
    public static DNDarray asarray<T>(T[] data, long[]? shape = null, DType? dtype = null, int? split = null,
        Device? device = null) where T : unmanaged =>
        array(data, shape, dtype, split, null, device);

    /// <summary>
    /// Coordinate matrices from 1-d coordinate vectors (NumPy's meshgrid, <paramref name="indexing"/> "xy" or "ij"). At
    /// most
    /// one input may be split; the outputs are then split along that input's axis.
    /// </summary>
    /// <exception cref="ArgumentException">An input is not 1-d, more than one is split, or indexing is
    /// unknown.</exception>
    public static DNDarray[] meshgrid(DNDarray[] arrays, string indexing = "xy")
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (indexing is not ("xy" or "ij")) throw new ArgumentException($"indexing must be 'xy' or 'ij', got "
            + $"'{indexing}'.", nameof(indexing));
        if (arrays.Length == 0) return [];
        for (int i = 0; i < arrays.Length; i++)
            if (arrays[i].ndim != 1) throw new ArgumentException($"meshgrid needs 1-d arrays; input {i} has shape "
                + $"{Shapes.Format(arrays[i].GShapeRef)}.", nameof(arrays));
        if (arrays.Count(a => a.split is not null) > 1) throw new ArgumentException("meshgrid: at most one input "
            + "may be split.", nameof(arrays));
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
                result[i] = Elementwise.Map([aligned, template], [aligned.dtype, DType.Bool], aligned.dtype, (l,
                    dst) => backend.Copy(l[0], dst));
            }
            return result;
        }
        catch { foreach (var r in result) r?.Dispose(); throw; }
    }
}
