// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// A node-local tensor: a strided view (shape, element strides, element offset, dtype) over reference-counted
/// <see cref="TensorStorage"/> owned by a backend. Views (slices, permutations, broadcasts) share storage; each view
/// holds one reference, released by <see cref="Dispose"/>. Strides may be zero (broadcast) or negative (reversed slices).
/// </summary>
public sealed class LocalTensor : IDisposable
{
    private readonly long[] _shape;
    private readonly long[] _strides;
    private int _disposed;

    /// <summary>Wraps storage; takes over one reference that the caller already holds.</summary>
    /// <exception cref="ArgumentException">Shape and strides differ in length.</exception>
    public LocalTensor(ITensorBackend backend, TensorStorage storage, DType dtype, ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, long offset)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(dtype);
        if (shape.Length != strides.Length)
            throw new ArgumentException($"Shape has {shape.Length} dimensions but strides have {strides.Length}.", nameof(strides));
        Backend = backend; Storage = storage; DType = dtype;
        _shape = shape.ToArray(); _strides = strides.ToArray(); Offset = offset;
        Numel = Shapes.Numel(shape);
    }

    /// <summary>The backend that owns the storage and runs ops on it.</summary>
    public ITensorBackend Backend { get; }
    /// <summary>The memory behind this view.</summary>
    public TensorStorage Storage { get; }
    /// <summary>The element type.</summary>
    public DType DType { get; }
    /// <summary>The extent of each dimension.</summary>
    public ReadOnlySpan<long> Shape => _shape;
    /// <summary>The step in elements along each dimension.</summary>
    public ReadOnlySpan<long> Strides => _strides;
    /// <summary>The position of element [0, ..., 0] in the storage, in elements.</summary>
    public long Offset { get; }
    /// <summary>Number of dimensions.</summary>
    public int NDim => _shape.Length;
    /// <summary>Number of elements.</summary>
    public long Numel { get; }
    /// <summary>Where the tensor lives.</summary>
    public Device Device => Storage.Device;
    /// <summary>Size of the elements in bytes (not of the storage).</summary>
    public long ByteCount => Numel * DType.ItemSize;

    /// <summary>A copy of the shape.</summary>
    public long[] GetShape() => (long[])_shape.Clone();

    /// <summary>True when the elements are laid out row-major without gaps starting at <see cref="Offset"/>.</summary>
    public bool IsContiguous
    {
        get
        {
            if (Numel <= 1) return true;
            long expected = 1;
            for (int i = _shape.Length - 1; i >= 0; i--)
            {
                if (_shape[i] == 1) continue;
                if (_strides[i] != expected) return false;
                expected *= _shape[i];
            }
            return true;
        }
    }

    /// <summary>The host address of element [0, ..., 0], or zero when the memory is not host-addressable.</summary>
    public nint HostPointer => Storage.HostPointer == 0 ? 0 : Storage.HostPointer + (nint)(Offset * DType.ItemSize);

    /// <summary>The elements of a contiguous host tensor with fewer than 2^31 elements as a span.</summary>
    /// <exception cref="InvalidOperationException">Not contiguous, not on the host, too large, or T does not match the dtype.</exception>
    public unsafe Span<T> AsSpan<T>() where T : unmanaged
    {
        CheckHostAccess<T>();
        if (Numel > int.MaxValue) throw new InvalidOperationException($"The tensor has {Numel} elements, more than a span holds; use {nameof(HostPointer)}.");
        return new Span<T>((void*)HostPointer, (int)Numel);
    }

    /// <summary>A native buffer over the elements of a contiguous host tensor (any size), for communication.</summary>
    /// <exception cref="InvalidOperationException">Not contiguous, not on the host, or T does not match the dtype.</exception>
    public unsafe CommBuffer<T> AsCommBuffer<T>() where T : unmanaged
    {
        CheckHostAccess<T>();
        return new CommBuffer<T>((T*)HostPointer, Numel);
    }

    /// <summary>A new view with the given layout over the same storage.</summary>
    public LocalTensor View(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, long offset)
    {
        ThrowIfDisposed();
        Storage.AddReference();
        return new LocalTensor(Backend, Storage, DType, shape, strides, offset);
    }

    /// <summary>Another reference to this exact view (dispose it separately).</summary>
    public LocalTensor Share() => View(_shape, _strides, Offset);

    /// <summary>A view of <c>[start : start + length*step : step]</c> along <paramref name="axis"/> (step may be negative).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range leaves the dimension.</exception>
    public LocalTensor Slice(int axis, long start, long length, long step = 1)
    {
        axis = Shapes.NormalizeAxis(axis, NDim);
        if (step == 0) throw new ArgumentOutOfRangeException(nameof(step), "Slice step must not be zero.");
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length), length, "Slice length must be >= 0.");
        if (length > 0)
        {
            long last = start + (length - 1) * step;
            if (start < 0 || start >= _shape[axis] || last < 0 || last >= _shape[axis])
                throw new ArgumentOutOfRangeException(nameof(start), $"Slice start {start}, length {length}, step {step} leaves dimension {axis} of extent {_shape[axis]}.");
        }
        var shape = GetShape();
        var strides = (long[])_strides.Clone();
        shape[axis] = length;
        strides[axis] = _strides[axis] * step;
        long offset = length > 0 ? Offset + start * _strides[axis] : Offset;
        return View(shape, strides, offset);
    }

    /// <summary>A view with the dimensions reordered: dimension i of the result is dimension <c>axes[i]</c> of this.</summary>
    /// <exception cref="ArgumentException">The axes are not a permutation of 0..ndim-1.</exception>
    public LocalTensor Permute(ReadOnlySpan<int> axes)
    {
        if (axes.Length != NDim) throw new ArgumentException($"Permutation has {axes.Length} axes, tensor has {NDim}.", nameof(axes));
        var seen = new bool[NDim];
        var shape = new long[NDim];
        var strides = new long[NDim];
        for (int i = 0; i < NDim; i++)
        {
            int a = Shapes.NormalizeAxis(axes[i], NDim, nameof(axes));
            if (seen[a]) throw new ArgumentException($"Axis {a} repeats in permutation ({string.Join(", ", axes.ToArray())}).", nameof(axes));
            seen[a] = true;
            shape[i] = _shape[a]; strides[i] = _strides[a];
        }
        return View(shape, strides, Offset);
    }

    /// <summary>A view broadcast to <paramref name="shape"/> (NumPy rules; new and size-1 dimensions get stride 0).</summary>
    /// <exception cref="ArgumentException">The tensor does not broadcast to the shape.</exception>
    public LocalTensor BroadcastTo(ReadOnlySpan<long> shape)
    {
        int n = shape.Length;
        if (n < NDim) throw new ArgumentException($"Cannot broadcast shape {Shapes.Format(_shape)} to fewer dimensions {Shapes.Format(shape)}.", nameof(shape));
        var strides = new long[n];
        for (int i = 0; i < n; i++)
        {
            int j = i - (n - NDim);
            if (j < 0) { strides[i] = 0; continue; }
            if (_shape[j] == shape[i]) strides[i] = _strides[j];
            else if (_shape[j] == 1) strides[i] = 0;
            else throw new ArgumentException($"Cannot broadcast shape {Shapes.Format(_shape)} to {Shapes.Format(shape)}.", nameof(shape));
        }
        return View(shape, strides, Offset);
    }

    /// <summary>A view with a new shape of the same element count when the layout allows it (contiguous), else null.</summary>
    /// <exception cref="ArgumentException">The element counts differ.</exception>
    public LocalTensor? TryReshapeView(ReadOnlySpan<long> shape)
    {
        if (Shapes.Numel(shape) != Numel)
            throw new ArgumentException($"Cannot reshape {Shapes.Format(_shape)} ({Numel} elements) to {Shapes.Format(shape)}.", nameof(shape));
        if (!IsContiguous) return null;
        return View(shape, Shapes.ContiguousStrides(shape), Offset);
    }

    /// <summary>A view with a new dimension of extent 1 at <paramref name="axis"/> (0..ndim).</summary>
    public LocalTensor ExpandDims(int axis)
    {
        axis = Shapes.NormalizeAxis(axis, NDim + 1);
        var shape = new List<long>(_shape); var strides = new List<long>(_strides);
        shape.Insert(axis, 1); strides.Insert(axis, 0);
        return View(shape.ToArray(), strides.ToArray(), Offset);
    }

    /// <summary>A view without dimension <paramref name="axis"/>, which must have extent 1.</summary>
    /// <exception cref="ArgumentException">The dimension's extent is not 1.</exception>
    public LocalTensor Squeeze(int axis)
    {
        axis = Shapes.NormalizeAxis(axis, NDim);
        if (_shape[axis] != 1) throw new ArgumentException($"Cannot squeeze axis {axis} of extent {_shape[axis]}; expected 1.", nameof(axis));
        var shape = new List<long>(_shape); var strides = new List<long>(_strides);
        shape.RemoveAt(axis); strides.RemoveAt(axis);
        return View(shape.ToArray(), strides.ToArray(), Offset);
    }

    /// <summary>Releases this view's reference to the storage (idempotent).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) Storage.Release();
    }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <inheritdoc/>
    public override string ToString() => $"LocalTensor({DType}, shape={Shapes.Format(_shape)}, strides={Shapes.Format(_strides)}, offset={Offset}, {Backend.Name}@{Device})";

    private unsafe void CheckHostAccess<T>() where T : unmanaged
    {
        ThrowIfDisposed();
        if (sizeof(T) != DType.ItemSize || (typeof(T) != DType.ClrType && !(DType == DType.Bool && typeof(T) == typeof(byte))))
            throw new InvalidOperationException($"Element type {typeof(T).Name} does not match the tensor's dtype {DType}.");
        if (!IsContiguous) throw new InvalidOperationException("Host access needs a contiguous tensor; copy it first.");
        if (Storage.HostPointer == 0) throw new InvalidOperationException($"The tensor lives on {Device}, not in host memory; copy it to the host first.");
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(IsDisposed, this);
}
