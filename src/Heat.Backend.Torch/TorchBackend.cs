// SPDX-License-Identifier: MIT
using System.Text;
using Heat.Abstractions;
using Heat.Backend.Torch.Interop;

namespace Heat.Backend.Torch;

/// <summary>
/// The libtorch backend: tensors live in memory libtorch allocated (host, or CUDA device <c>gpu:N</c> when the libtorch
/// has CUDA); every op is one call into the shim (native/heat_torch), which views the operands as ATen tensors and runs
/// ATen's kernels with Heat's (NumPy's) semantics. Destination passing and strided views as <see cref="ITensorBackend"/>
/// describes; results agree with the managed backend.
/// </summary>
public sealed unsafe partial class TorchBackend : ITensorBackend
{
    private readonly Device[] _devices;
    private readonly Dictionary<string, string> _versions;

    /// <summary>Loads the shim and libtorch and creates the backend.</summary>
    /// <param name="threads">Threads per op for libtorch and OpenBLAS (default: all cores of this process).</param>
    /// <param name="defaultDevice">Where tensors go when no device is given (default: the CPU).</param>
    /// <exception cref="BackendUnavailableException">The shim or libtorch is missing, or the device does not exist.</exception>
    public TorchBackend(int? threads = null, Device? defaultDevice = null)
    {
        Threads = Math.Max(1, threads ?? CpuBudget.Cores);
        NativeLoader.EnsureLoaded(Threads);
        TorchNative.Check(TorchNative.hts_set_num_threads(Threads), "setting the thread count");
        TorchNative.Check(TorchNative.hts_cuda_device_count(out int gpus), "counting CUDA devices");
        _devices = [Device.Cpu, .. Enumerable.Range(0, gpus).Select(i => new Device(DeviceKind.Gpu, i))];
        byte* buffer = stackalloc byte[128];
        TorchNative.Check(TorchNative.hts_version(buffer, 128), "reading the libtorch version");
        _versions = new Dictionary<string, string>
        {
            ["libtorch"] = Encoding.UTF8.GetString(new ReadOnlySpan<byte>(buffer, 128)).TrimEnd('\0'),
            ["heat_torch"] = $"ABI {TorchNative.AbiVersion} ({NativeLoader.LoadedFrom})",
        };
        DefaultDevice = defaultDevice ?? Device.Cpu;
        CheckDevice(DefaultDevice);
    }

    /// <inheritdoc/>
    public string Name => "torch";
    /// <inheritdoc/>
    public Device DefaultDevice { get; }
    /// <inheritdoc/>
    public IReadOnlyList<Device> Devices => _devices;
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> NativeVersions => _versions;
    /// <inheritdoc/>
    public int Threads { get; }

    /// <summary>A new contiguous tensor with unspecified contents.</summary>
    /// <remarks>
    /// Without a device it goes where the current rank computes (<c>ht.use_device</c>, <c>Heat:Device</c>) when this backend
    /// is the rank's, else to <see cref="DefaultDevice"/>: so temporaries Core allocates follow the rank's device.
    /// </remarks>
    public LocalTensor Empty(ReadOnlySpan<long> shape, DType dtype, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        var where = device ?? (HeatContext.Current is { } rank && ReferenceEquals(rank.Backend, this) ? rank.Device : DefaultDevice);
        CheckDevice(where);
        long bytes = checked(Shapes.Numel(shape) * dtype.ItemSize);
        TorchNative.Check(TorchNative.hts_alloc(bytes, NativeDevice(where), out nint storage, out nint data), $"allocating {bytes} bytes on {where}");
        var handle = new TorchStorageHandle(storage);
        return new LocalTensor(this, new TorchStorage(handle, data, bytes, where), dtype, shape, Shapes.ContiguousStrides(shape), 0);
    }

    /// <inheritdoc/>
    public void Fill(LocalTensor destination, Scalar value)
    {
        byte* v = stackalloc byte[16];
        ScalarBytes.Write(destination.DType, value, v);
        fixed (long* ds = destination.Shape, dst = destination.Strides)
        {
            var d = Describe(destination, ds, dst);
            TorchNative.Check(TorchNative.hts_fill(&d, v), "fill");
        }
    }

    /// <inheritdoc/>
    public void Arange(LocalTensor destination, Scalar start, Scalar step)
    {
        if (destination.NDim != 1) throw new ArgumentException($"Arange needs a 1-d destination, got {Shapes.Format(destination.Shape)}.", nameof(destination));
        if (Float16Widening.IsHalf(destination)) { Float16Widening.Arange(this, destination, start, step); return; }
        bool integral = start.Kind is ScalarKind.Int or ScalarKind.Bool && step.Kind is ScalarKind.Int or ScalarKind.Bool;
        fixed (long* ds = destination.Shape, dst = destination.Strides)
        {
            var d = Describe(destination, ds, dst);
            TorchNative.Check(TorchNative.hts_arange(&d, integral ? 1 : 0, start.AsLong(), step.AsLong(), start.AsDouble(), step.AsDouble()), "arange");
        }
    }

    /// <inheritdoc/>
    public void CopyFromHost(void* source, LocalTensor destination)
    {
        var strides = Shapes.ContiguousStrides(destination.Shape);
        fixed (long* ds = destination.Shape, dst = destination.Strides, hs = strides)
        {
            var h = new HtsTensor { Data = source, Sizes = ds, Strides = hs, NDim = destination.NDim, DType = (int)destination.DType.Code, Device = -1 };
            var d = Describe(destination, ds, dst);
            TorchNative.Check(TorchNative.hts_copy(&h, &d), "copy from host");
        }
    }

    /// <inheritdoc/>
    public void CopyToHost(LocalTensor source, void* destination)
    {
        var strides = Shapes.ContiguousStrides(source.Shape);
        fixed (long* ss = source.Shape, sst = source.Strides, hs = strides)
        {
            var s = Describe(source, ss, sst);
            var h = new HtsTensor { Data = destination, Sizes = ss, Strides = hs, NDim = source.NDim, DType = (int)source.DType.Code, Device = -1 };
            TorchNative.Check(TorchNative.hts_copy(&s, &h), "copy to host");
        }
    }

    /// <inheritdoc/>
    public void Copy(LocalTensor source, LocalTensor destination)
    {
        fixed (long* ss = source.Shape, sst = source.Strides, ds = destination.Shape, dst = destination.Strides)
        {
            var s = Describe(source, ss, sst);
            var d = Describe(destination, ds, dst);
            TorchNative.Check(TorchNative.hts_copy(&s, &d), "copy");
        }
    }

    /// <inheritdoc/>
    public void Where(LocalTensor condition, LocalTensor a, LocalTensor b, LocalTensor destination)
    {
        if (condition.DType != DType.Bool) throw new NotSupportedException($"Torch backend: where needs a bool condition, got {condition.DType}.");
        fixed (long* cs = condition.Shape, cst = condition.Strides, @as = a.Shape, ast = a.Strides)
        fixed (long* bs = b.Shape, bst = b.Strides, ds = destination.Shape, dst = destination.Strides)
        {
            var c = Describe(condition, cs, cst);
            var ta = Describe(a, @as, ast);
            var tb = Describe(b, bs, bst);
            var d = Describe(destination, ds, dst);
            TorchNative.Check(TorchNative.hts_where(&c, &ta, &tb, &d), "where");
        }
    }

    /// <inheritdoc/>
    public void Synchronize()
    {
        foreach (var device in _devices)
            if (device.IsGpu) TorchNative.Check(TorchNative.hts_synchronize(device.Index), $"synchronizing {device}");
    }

    /// <inheritdoc/>
    public void Dispose() { }

    /// <inheritdoc/>
    public override string ToString() => $"torch (threads={Threads}, devices={string.Join(", ", _devices)})";

    /// <summary>The shim's view of <paramref name="t"/>; the shape and stride pointers are pinned by the caller.</summary>
    private static HtsTensor Describe(LocalTensor t, long* shape, long* strides)
    {
        ObjectDisposedException.ThrowIf(t.IsDisposed, t);
        if (t.Storage is not TorchStorage s)
            throw new ArgumentException($"Torch backend: {t} belongs to the {t.Backend.Name} backend; copy it to a torch tensor first.", nameof(t));
        if (s.IsReleased) throw new ObjectDisposedException(nameof(TorchStorage), "The tensor's storage was already released.");
        return new HtsTensor
        {
            Data = (byte*)s.DataPointer + t.Offset * t.DType.ItemSize,
            Sizes = shape,
            Strides = strides,
            NDim = t.NDim,
            DType = (int)t.DType.Code,
            Device = NativeDevice(s.Device),
        };
    }

    private static int NativeDevice(Device device) => device.IsGpu ? device.Index : -1;

    private void CheckDevice(Device device)
    {
        if (Array.IndexOf(_devices, device) >= 0) return;
        if (device.IsGpu && _devices.Length == 1)
            throw new BackendUnavailableException(
                $"Torch backend: device {device} is not available: this libtorch ({_versions["libtorch"]}) has no CUDA device. " +
                "Build the shim against a CUDA libtorch, e.g. CMAKE_PREFIX_PATH=$(python -c 'import torch;print(torch.utils.cmake_prefix_path)'), and run on a GPU machine.");
        throw new BackendUnavailableException($"Torch backend: device {device} does not exist; devices: {string.Join(", ", _devices)}.");
    }
}
