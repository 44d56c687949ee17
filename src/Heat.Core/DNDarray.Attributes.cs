// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/dndarray.py (nbytes, strides, stride, mT, fill_diagonal, cpu, gpu, to_device, lloc, tolist)
public sealed partial class DNDarray
{
    /// <summary>Bytes of the global array (HeAT's alias of <see cref="gnbytes"/>).</summary>
    public long nbytes => gnbytes;

    /// <summary>The steps in bytes along each dimension of the local chunk (NumPy's <c>strides</c>).</summary>
    public long[] strides => larray.Strides.ToArray().Select(s => s * dtype.ItemSize).ToArray();

    /// <summary>The steps in elements along each dimension of the local chunk (torch's <c>stride()</c>).</summary>
    public long[] stride => larray.Strides.ToArray();

    /// <summary>The last two axes swapped (the matrix transpose of a stack of matrices).</summary>
    /// <exception cref="ArgumentException">The array has fewer than 2 dimensions.</exception>
    public DNDarray mT => ndim >= 2 ? ht.swapaxes(this, -1, -2)
        : throw new ArgumentException($"mT needs an array of at least 2 dimensions, got {ndim}.");

    /// <summary>Sets the main diagonal of a 2-d array to <paramref name="value"/> in place; returns this
    /// array.</summary>
    /// <remarks>No communication: each rank writes the diagonal entries of its chunk.</remarks>
    /// <exception cref="ArgumentException">The array is not 2-d.</exception>
    public DNDarray fill_diagonal(Scalar value)
    {
        if (ndim != 2) throw new ArgumentException($"fill_diagonal needs a 2-d array, got {ndim}-d.");
        long first = split is int && comm.Size > 1 ? SplitOffset() : 0;
        long rows = larray.Shape[0], cols = larray.Shape[1];
        // Local entry (i, j) is global (i + r0, j + c0); the diagonal has i + r0 == j + c0.
        long r0 = split == 0 ? first : 0, c0 = split == 1 ? first : 0;
        long i0 = Math.Max(0, c0 - r0), j0 = i0 + r0 - c0;
        long count = Math.Max(0, Math.Min(rows - i0, cols - j0));
        if (count == 0) return this;
        var st = larray.Strides;
        using var diagonal = larray.View([count], [st[0] + st[1]], larray.Offset + i0 * st[0] + j0 * st[1]);
        Backend.Fill(diagonal, value);
        return this;
    }

    /// <summary>Moves the local chunk to the CPU in place; returns this array.</summary>
    public DNDarray cpu() => to_device(Device.Cpu);

    /// <summary>Moves the local chunk to this rank's GPU in place; returns this array.</summary>
    /// <exception cref="BackendUnavailableException">The backend has no GPU.</exception>
    public DNDarray gpu() => to_device("gpu");

    /// <summary>Moves the local chunk to <paramref name="device"/> (<c>"cpu"</c>, <c>"gpu"</c>, <c>"gpu:1"</c>) in
    /// place; returns this array.</summary>
    /// <exception cref="BackendUnavailableException">The backend has no such device.</exception>
    public DNDarray to_device(string device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return to_device(RankSetup.ResolveDevice(Device.Parse(device), !device.Contains(':'), Backend,
            Context.LocalRank));
    }

    /// <summary>Moves the local chunk to <paramref name="device"/> in place; returns this array.</summary>
    /// <exception cref="BackendUnavailableException">The backend has no such device.</exception>
    public DNDarray to_device(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device == this.device) return this;
        if (!Backend.Devices.Contains(device))
            throw new BackendUnavailableException($"The {Backend.Name} backend has no device {device}; it has "
                + $"{string.Join(", ", Backend.Devices)}.");
        var moved = Backend.Empty(larray.Shape, dtype, device);
        try { Backend.Copy(larray, moved); }
        catch { moved.Dispose(); throw; }
        SetLocal(moved, split, balanced);
        return this;
    }

    /// <summary>Indexing of this rank's local chunk (HeAT's <c>lloc</c>): views and writes without
    /// communication.</summary>
    public LocalIndexer lloc => new(this);

    /// <summary>
    /// Nested lists of .NET values as <see cref="tolist()"/>; with <paramref name="keepsplit"/> each rank gets only its
    /// local chunk (no communication).
    /// </summary>
    public object tolist(bool keepsplit)
    {
        if (!keepsplit || split is null) return tolist();
        using var local = new DNDarray(larray.Share(), larray.GetShape(), null, Context, true);
        return local.tolist();
    }
}

/// <summary>Basic indexing (integers, slices, ellipsis, new axes) of one rank's local chunk; see
/// <see cref="DNDarray.lloc"/>.</summary>
public sealed class LocalIndexer
{
    private readonly DNDarray _array;

    internal LocalIndexer(DNDarray array) => _array = array;

    /// <summary>A view of the selected part of the local chunk (dispose it); the setter copies a tensor into it,
    /// broadcasting.</summary>
    /// <exception cref="ArgumentException">A key is an array (advanced indexing is not local basic
    /// indexing).</exception>
    public LocalTensor this[params IndexKey[] keys]
    {
        get => Select(keys);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            using var target = Select(keys);
            using var source = value.BroadcastTo(target.Shape);
            _array.Backend.Copy(source, target);
        }
    }

    /// <summary>Sets the selected part of the local chunk to <paramref name="value"/>.</summary>
    public void fill(Scalar value, params IndexKey[] keys)
    {
        using var target = Select(keys);
        _array.Backend.Fill(target, value);
    }

    private LocalTensor Select(IndexKey[] keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var view = _array.larray.Share();
        try
        {
            int explicitAxes = keys.Count(k => k.Kind is IndexKeyKind.Integer or IndexKeyKind.Slice);
            int axis = 0;
            foreach (var key in keys)
            {
                LocalTensor next;
                switch (key.Kind)
                {
                    case IndexKeyKind.Integer:
                        using (var one = view.Slice(axis, key.Resolve(view.Shape[axis], axis),
                            1)) next = one.Squeeze(axis);
                        break;
                    case IndexKeyKind.Slice:
                        var (start, length, step) = key.SliceValue.Resolve(view.Shape[axis]);
                        next = view.Slice(axis, start, length, step);
                        axis++;
                        break;
                    case IndexKeyKind.NewAxis:
                        next = view.ExpandDims(axis);
                        axis++;
                        break;
                    case IndexKeyKind.Ellipsis:
                        axis += view.NDim - axis - (explicitAxes - CountBefore(keys, key));
                        continue;
                    default:
                        throw new ArgumentException("lloc takes integers, slices, ellipsis and new axes; arrays "
                            + "index globally through x[...].", nameof(keys));
                }
                view.Dispose();
                view = next;
            }
            return view;
        }
        catch { view.Dispose(); throw; }
    }

    private static int CountBefore(IndexKey[] keys, IndexKey ellipsis)
    {
        int n = 0;
        foreach (var k in keys)
        {
            if (k.Kind == IndexKeyKind.Ellipsis) break;
            if (k.Kind is IndexKeyKind.Integer or IndexKeyKind.Slice) n++;
        }
        return n;
    }
}
