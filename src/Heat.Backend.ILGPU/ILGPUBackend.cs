// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Reflection;
using global::ILGPU;
using global::ILGPU.Runtime;
using global::ILGPU.Runtime.CPU;
using Heat.Abstractions;
using Heat.Backend.ILGPU.Kernels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using IlgpuDevice = global::ILGPU.Runtime.Device;

namespace Heat.Backend.ILGPU;

/// <summary>
/// The ILGPU backend: kernels written in C# and compiled by ILGPU for CUDA GPUs, OpenCL GPUs and its CPU accelerator.
/// Devices: <c>cpu</c> (ILGPU's CPU accelerator, a simulator) and <c>gpu:0..n-1</c> (the GPUs of the configured
/// accelerator kind); each device this rank uses gets its own accelerator, stream and buffer pool, created on first
/// use.
/// Tensor memory is never host-addressable, so host access is staged. Ops without a kernel (complex dtypes, some
/// element-wise ops, the optional capabilities) run on the host backend the runtime hands over, with one log line per
/// op.
/// </summary>
public sealed unsafe partial class ILGPUBackend : ITensorBackend, IHostFallback
{
    private static readonly ConcurrentDictionary<Type, Func<ArrayView<byte>, object>> Casts = new();
    private readonly ConcurrentDictionary<string, bool> _announced = new();
    private readonly IReadOnlyList<IlgpuDevice> _gpus;
    private readonly DeviceSlot?[] _slots;
    private readonly Lock _slotLock = new();
    private readonly ILogger _logger;
    private readonly Lazy<ITensorBackend> _host;
    private int _disposed;

    /// <summary>Creates a backend whose GPUs are the accelerators of <paramref name="kind"/>.</summary>
    /// <param name="kind">Which accelerators serve as GPUs.</param>
    /// <param name="defaultDevice">Where tensors go when neither the call nor the rank names a device (default: cpu).
    /// </param>
    /// <param name="logger">Where fallback notices go.</param>
    /// <param name="host">The host backend for what has no kernel (the runtime's
    /// <see cref="ProviderContext.HostBackend"/>); this backend owns it. Default: a managed backend found by
    /// name.</param>
    /// <exception cref="BackendUnavailableException">The default device is a GPU this machine lacks.</exception>
    public ILGPUBackend(ILGPUAcceleratorKind kind = ILGPUAcceleratorKind.Auto, Device? defaultDevice = null,
        ILogger? logger = null, ITensorBackend? host = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _host = host is not null ? new(host) : new(() => new ProviderContext(new ConfigurationBuilder().Build(),
            NullLoggerFactory.Instance, 1).HostBackend);
        Kind = kind;
        _gpus = ILGPUDevices.Gpus(kind);
        _slots = new DeviceSlot?[_gpus.Count + 1];
        Devices = [Device.Cpu, .. Enumerable.Range(0, _gpus.Count).Select(i => new Device(DeviceKind.Gpu, i))];
        DefaultDevice = defaultDevice ?? Device.Cpu;
        if (!Devices.Contains(DefaultDevice)) throw NoDevice(DefaultDevice);
        var versions = new Dictionary<string, string>
        {
            ["ilgpu"] = typeof(Context).Assembly.GetName().Version?.ToString() ?? "?",
        };
        for (int i = 0; i < _gpus.Count; i++)
            versions[$"ilgpu.gpu:{i}"] = $"{_gpus[i].AcceleratorType} {_gpus[i].Name}";
        NativeVersions = versions;
    }

    /// <inheritdoc/>
    public string Name => "ilgpu";
    /// <inheritdoc/>
    public Device DefaultDevice { get; }
    /// <inheritdoc/>
    public IReadOnlyList<Device> Devices { get; }
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> NativeVersions { get; }
    /// <inheritdoc/>
    public int Threads => 1;
    /// <summary>Which accelerators serve as GPUs.</summary>
    public ILGPUAcceleratorKind Kind { get; }
    /// <inheritdoc/>
    public ITensorBackend HostBackend => _host.Value;
    /// <inheritdoc/>
    ILogger IHostFallback.FallbackLogger => _logger;

    /// <summary>The exception for a device this backend does not have, saying what it has and what to
    /// install.</summary>
    internal BackendUnavailableException NoDevice(Device device) => new(
        $"ILGPU backend: device {device} is not available; ILGPU found {_gpus.Count} GPU(s) for " +
        $"Heat:ILGPU:Accelerator={Kind.ToString().ToLowerInvariant()} (devices: {string.Join(", ", Devices)}). " +
        "CUDA GPUs need the NVIDIA driver (libcuda.so.1; no CUDA toolkit); OpenCL GPUs need OpenCL 2.0 with the " +
        "generic address " +
        "space (PoCL is refused by ILGPU). Use Heat:Device=cpu for ILGPU's CPU accelerator, or another backend.");

    /// <summary>The accelerator slot of <paramref name="device"/>, created on first use.</summary>
    internal DeviceSlot Slot(Device device)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        int i = device.IsGpu ? device.Index + 1 : 0;
        if (i >= _slots.Length || (device.IsGpu && device.Index < 0)) throw NoDevice(device);
        if (_slots[i] is { } s) return s;
        lock (_slotLock)
        {
            if (_slots[i] is { } again) return again;
            Accelerator acc;
            try
            {
                acc = device.IsGpu ? _gpus[device.Index].CreateAccelerator(ILGPUDevices.Context)
                    : ILGPUDevices.CpuDevice.CreateCPUAccelerator(ILGPUDevices.Context, CPUAcceleratorMode.Parallel);
            }
            catch (Exception e) when (e is not BackendUnavailableException)
            {
                throw new BackendUnavailableException(
                    $"ILGPU backend: creating the accelerator for {device} failed: {e.Message}", e);
            }
            return _slots[i] = new DeviceSlot(acc, device);
        }
    }

    /// <inheritdoc/>
    public LocalTensor Empty(ReadOnlySpan<long> shape, DType dtype, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        var where = device
            ?? (HeatContext.Current is { } rank && ReferenceEquals(rank.Backend, this) ? rank.Device : DefaultDevice);
        long numel = Shapes.Numel(shape);
        var storage = new ILGPUStorage(Slot(where), checked(numel * dtype.ItemSize), where);
        return new LocalTensor(this, storage, dtype, shape, Shapes.ContiguousStrides(shape), 0);
    }

    /// <inheritdoc/>
    public void Fill(LocalTensor destination, Scalar value)
    {
        byte* b = stackalloc byte[16];
        new Span<byte>(b, 16).Clear();
        value.WriteTo(destination.DType, b);
        var raw = KernelTypes.RawElement(destination.DType.ItemSize);
        var (l, s) = Layouts.Of(destination);
        var slot = SlotOf(destination);
        object boxed = destination.DType.ItemSize switch
        {
            1 => *b,
            2 => *(ushort*)b,
            4 => *(uint*)b,
            8 => *(ulong*)b,
            _ => *(Raw16*)b,
        };
        slot.Launch(slot.AutoGrouped(typeof(CopyKernels), nameof(CopyKernels.Fill), raw), l.N,
            View(destination, raw), l, s[0], boxed);
        slot.Synchronize();
    }

    /// <inheritdoc/>
    public void Arange(LocalTensor destination, Scalar start, Scalar step)
    {
        if (destination.NDim != 1)
            throw new ArgumentException($"Arange needs a 1-d destination, got {Shapes.Format(destination.Shape)}.",
                nameof(destination));
        long n = destination.Shape[0];
        if (n == 0) return;
        if (KernelTypes.Real(destination.DType) is not { } te)
        {
            Fallback("arange", destination.DType, [], [destination], (h, t) => h.Arange(t[0], start, step));
            return;
        }
        bool integral = start.Kind is ScalarKind.Int or ScalarKind.Bool
            && step.Kind is ScalarKind.Int or ScalarKind.Bool;
        var args = new ArangeArgs
        {
            N = n, Stride = destination.Strides[0], Offset = destination.Offset, Integral = integral ? 1 : 0,
            StartI = start.AsLong(), StepI = step.AsLong(), StartF = start.AsDouble(), StepF = step.AsDouble(),
        };
        var slot = SlotOf(destination);
        slot.Launch(slot.AutoGrouped(typeof(CopyKernels), nameof(CopyKernels.Arange), te.T, te.E), n,
            View(destination, te.T), args);
        slot.Synchronize();
    }

    /// <inheritdoc/>
    public void CopyFromHost(void* source, LocalTensor destination)
    {
        long bytes = destination.ByteCount;
        if (bytes == 0) return;
        if (!destination.IsContiguous)
        {
            using var staging = Empty(destination.Shape, destination.DType, destination.Device);
            CopyFromHost(source, staging);
            Copy(staging, destination);
            return;
        }
        var slot = SlotOf(destination);
        var view = Storage(destination).Bytes.SubView(destination.Offset * destination.DType.ItemSize, bytes);
        slot.Bind();
        view.CopyFromCPU(slot.Stream, ref *(byte*)source, bytes);
        slot.Synchronize();
    }

    /// <inheritdoc/>
    public void CopyToHost(LocalTensor source, void* destination)
    {
        long bytes = source.ByteCount;
        if (bytes == 0) return;
        if (!source.IsContiguous)
        {
            using var staging = Empty(source.Shape, source.DType, source.Device);
            Copy(source, staging);
            CopyToHost(staging, destination);
            return;
        }
        var slot = SlotOf(source);
        var view = Storage(source).Bytes.SubView(source.Offset * source.DType.ItemSize, bytes);
        slot.Bind();
        view.CopyToCPU(slot.Stream, ref *(byte*)destination, bytes);
        slot.Synchronize();
    }

    /// <inheritdoc/>
    public void Copy(LocalTensor source, LocalTensor destination)
    {
        if (source.Numel == 0) return;
        var slot = SlotOf(destination);
        if (Storage(source).Slot != slot)
        {
            // Between devices (or accelerators) through the host.
            var host = new byte[source.ByteCount];
            fixed (byte* h = host)
            {
                CopyToHost(source, h);
                if (source.DType == destination.DType) CopyFromHost(h, destination);
                else
                {
                    using var staged = Empty(destination.Shape, source.DType, destination.Device);
                    CopyFromHost(h, staged);
                    Copy(staged, destination);
                }
            }
            return;
        }
        var (l, s) = Layouts.Of(source, destination);
        if (source.DType == destination.DType)
        {
            var raw = KernelTypes.RawElement(source.DType.ItemSize);
            slot.Launch(slot.AutoGrouped(typeof(CopyKernels), nameof(CopyKernels.CopyRaw), raw), l.N,
                View(source, raw), View(destination, raw), l, s[0], s[1]);
        }
        else if (KernelTypes.Real(source.DType) is { } ts && KernelTypes.Real(destination.DType) is { } td)
        {
            int viaFloat = source.DType.IsFloat || destination.DType.IsFloat ? 1 : 0;
            slot.Launch(slot.AutoGrouped(typeof(CopyKernels), nameof(CopyKernels.Cast), ts.T, ts.E, td.T, td.E), l.N,
                View(source, ts.T), View(destination, td.T), l, s[0], s[1], viaFloat);
        }
        else
        {
            Fallback("cast", source.DType, [source], [destination], (h, t) => h.Copy(t[0], t[1]));
            return;
        }
        slot.Synchronize();
    }

    /// <inheritdoc/>
    public void Where(LocalTensor condition, LocalTensor a, LocalTensor b, LocalTensor destination)
    {
        if (condition.DType != DType.Bool)
            throw new NotSupportedException($"ILGPU backend: where needs a bool condition, got {condition.DType}.");
        var (l, s) = Layouts.Of(condition, a, b, destination);
        var raw = KernelTypes.RawElement(destination.DType.ItemSize);
        var slot = SlotOf(destination);
        slot.Launch(slot.AutoGrouped(typeof(CopyKernels), nameof(CopyKernels.Where), raw), l.N,
            View(condition, typeof(byte)), View(a, raw), View(b, raw), View(destination, raw), l,
            new Strides4 { A = s[0], B = s[1], C = s[2], D = s[3] });
        slot.Synchronize();
    }

    /// <inheritdoc/>
    public void Synchronize()
    {
        foreach (var s in _slots) s?.Synchronize();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var s in _slots) s?.Dispose();
        if (_host.IsValueCreated) _host.Value.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"ilgpu ({string.Join(", ", NativeVersions.Select(kv => kv.Value))})";

    // ---- helpers ----

    private static ILGPUStorage Storage(LocalTensor t) => t.Storage as ILGPUStorage
        ?? throw new NotSupportedException(
            $"ILGPU backend: the tensor lives on the {t.Backend.Name} backend; copy it to the ILGPU backend first.");

    private static DeviceSlot SlotOf(LocalTensor t) => Storage(t).Slot;

    /// <summary>The tensor's storage as a typed view (boxed for the launcher).</summary>
    private static object View(LocalTensor t, Type element) =>
        Casts.GetOrAdd(element, e
            => typeof(ILGPUBackend).GetMethod(nameof(CastView), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(e).CreateDelegate<Func<ArrayView<byte>, object>>())(Storage(t).Bytes);

    private static object CastView<T>(ArrayView<byte> bytes) where T : unmanaged => bytes.Cast<T>();

    /// <summary>
    /// Runs an op without a kernel on the host backend through host copies, announcing it once per op and dtype.
    /// </summary>
    private void Fallback(string op, DType dtype, LocalTensor[] inputs, LocalTensor[] outputs,
        Action<ITensorBackend, LocalTensor[]> run)
    {
        var host = HostBackend;
        if (_announced.TryAdd(op + "/" + dtype.Name, true))
            _logger.LogInformation(
                "ILGPU backend: {Op} on {DType} runs on the {Host} backend through host copies (no ILGPU kernel).",
                op, dtype.Name, host.Name);
        var all = inputs.Concat(outputs).ToArray();
        var staged = new List<LocalTensor>();
        try
        {
            foreach (var t in all)
            {
                var m = host.Empty(t.Shape, t.DType);
                staged.Add(m);
                CopyToHost(t, (void*)m.HostPointer);
            }
            run(host, staged.ToArray());
            host.Synchronize();
            for (int i = inputs.Length; i < all.Length; i++) CopyFromHost((void*)staged[i].HostPointer, all[i]);
        }
        finally { foreach (var m in staged) m.Dispose(); }
    }

    private static NotSupportedException Unsupported(string op, DType dtype)
        => new($"ILGPU backend: {op} is not implemented for {dtype}.");
}
