// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Text;
using Heat.Abstractions;
using Heat.Backend.OpenCL.Interop;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Backend.OpenCL;

/// <summary>
/// The OpenCL kernels backend: OpenCL C kernels (embedded sources, one program per family and dtype, built once per
/// process) on any OpenCL device; PoCL runs them on the CPU. Every op finishes before it returns, so host memory
/// (zero-copy on CPU devices) is consistent for communication. Ops and op families without a kernel run on the host
/// backend the runtime hands over (<see cref="ProviderContext.HostBackend"/>), through host memory.
/// </summary>
public sealed unsafe partial class OpenClBackend : ITensorBackend, IHostFallback
{
    private readonly ConcurrentDictionary<string, bool> _announced = new();
    private readonly OpenClDevice _device;
    private readonly ClQueueHandle _queue;
    private readonly Dictionary<(nint, string), ClKernelHandle> _kernels = [];
    private readonly ILogger _logger;
    private readonly Lazy<ITensorBackend> _host;
    private int _disposed;

    /// <summary>Creates a backend on <paramref name="device"/> (see <see cref="OpenClPlatforms.List"/>).</summary>
    /// <param name="device">The device to run on.</param>
    /// <param name="logger">Where fallback notices go.</param>
    /// <param name="host">
    /// The host backend for what has no kernel (the runtime's <see cref="ProviderContext.HostBackend"/>); this backend
    /// owns
    /// it. Default: a managed backend found by name on first use.
    /// </param>
    public OpenClBackend(OpenClDeviceInfo device, ILogger? logger = null, ITensorBackend? host = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = OpenClDevice.For(device);
        _logger = logger ?? NullLogger.Instance;
        _host = host is not null ? new(host) : new(() => new ProviderContext(new ConfigurationBuilder().Build(), NullLoggerFactory.Instance, 1).HostBackend);
        int err;
        nint q;
        lock (OpenClDevice.CompilerGate) q = Cl.CreateCommandQueue(_device.Context.DangerousGetHandle(), device.DeviceId, 0, &err);
        Cl.Check(err, "clCreateCommandQueue");
        _queue = new ClQueueHandle(q);
        DefaultDevice = device.IsGpu ? new Device(DeviceKind.Gpu, device.DeviceIndex) : Device.Cpu;
        Devices = [DefaultDevice];
        NativeVersions = new Dictionary<string, string>
        {
            ["opencl.platform"] = device.Platform,
            ["opencl.device"] = device.Name,
            ["opencl.version"] = device.Version,
        };
        Threads = Math.Max(1, device.ComputeUnits);
        Info = device;
    }

    /// <summary>Creates a backend on the default device: the first GPU, else the first device.</summary>
    /// <exception cref="BackendUnavailableException">No OpenCL device is installed.</exception>
    public OpenClBackend() : this(OpenClBackendProvider.SelectDevice(null, null)) { }

    /// <inheritdoc/>
    public string Name => "opencl";
    /// <inheritdoc/>
    public Device DefaultDevice { get; }
    /// <inheritdoc/>
    public IReadOnlyList<Device> Devices { get; }
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> NativeVersions { get; }
    /// <inheritdoc/>
    public int Threads { get; }
    /// <summary>The OpenCL device in use.</summary>
    public OpenClDeviceInfo Info { get; }
    internal OpenClDevice Device_ => _device;
    /// <inheritdoc/>
    public ITensorBackend HostBackend => _host.Value;
    /// <inheritdoc/>
    ILogger IHostFallback.FallbackLogger => _logger;

    /// <inheritdoc/>
    public LocalTensor Empty(ReadOnlySpan<long> shape, DType dtype, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        if (device is not null && device != DefaultDevice)
            throw new NotSupportedException($"OpenCL backend: tensors live on {DefaultDevice} ({Info.Name}), not on {device}.");
        CheckDType(dtype, "allocation");
        long numel = Shapes.Numel(shape);
        var storage = new OpenClStorage(_device, checked(numel * dtype.ItemSize), DefaultDevice, ZeroCopy);
        return new LocalTensor(this, storage, dtype, shape, Shapes.ContiguousStrides(shape), 0);
    }

    /// <inheritdoc/>
    public void Fill(LocalTensor destination, Scalar value)
    {
        var bytes = new byte[16];
        fixed (byte* b = bytes) WriteScalar(destination.DType, value, b);
        int size = destination.DType.ItemSize;
        var layout = KernelLayout.Of(destination);
        Run(Raw(size), "fill", layout, Mem(destination), bytes.AsSpan(0, size).ToArray(), layout);
        Finish();
    }

    /// <inheritdoc/>
    public void Arange(LocalTensor destination, Scalar start, Scalar step)
    {
        if (destination.NDim != 1) throw new ArgumentException($"Arange needs a 1-d destination, got {Shapes.Format(destination.Shape)}.", nameof(destination));
        long n = destination.Shape[0];
        if (n == 0) return;
        if (Float16Widening.IsHalf(destination)) { Float16Widening.Arange(this, destination, start, step); return; }
        if (destination.DType == DType.Complex64 && Info.HasFp64)
        {
            using var wide = Empty(destination.Shape, DType.Complex128);
            Arange(wide, start, step);
            Copy(wide, destination);
            return;
        }
        bool integral = start.Kind is ScalarKind.Int or ScalarKind.Bool && step.Kind is ScalarKind.Int or ScalarKind.Bool;
        Launch(_device.Program("cast", destination.DType), "arange", n, 0, Mem(destination), n, destination.Strides[0], destination.Offset,
            integral ? 1 : 0, start.AsLong(), step.AsLong(), Wide(start.AsDouble()), Wide(step.AsDouble()));
        Finish();
    }

    /// <inheritdoc/>
    public void CopyFromHost(void* source, LocalTensor destination)
    {
        long bytes = destination.ByteCount;
        if (bytes == 0) return;
        if (destination.IsContiguous)
        {
            if (destination.HostPointer != 0) Buffer.MemoryCopy(source, (void*)destination.HostPointer, bytes, bytes);
            else lock (OpenClDevice.CompilerGate) Cl.Check(Cl.EnqueueWriteBuffer(Queue, Mem(destination), 1, (nuint)(destination.Offset * destination.DType.ItemSize), (nuint)bytes, source, 0, null, null), "clEnqueueWriteBuffer");
            return;
        }
        using var staging = Empty(destination.Shape, destination.DType);
        CopyFromHost(source, staging);
        Copy(staging, destination);
    }

    /// <inheritdoc/>
    public void CopyToHost(LocalTensor source, void* destination)
    {
        long bytes = source.ByteCount;
        if (bytes == 0) return;
        if (source.IsContiguous)
        {
            if (source.HostPointer != 0) Buffer.MemoryCopy((void*)source.HostPointer, destination, bytes, bytes);
            else lock (OpenClDevice.CompilerGate) Cl.Check(Cl.EnqueueReadBuffer(Queue, Mem(source), 1, (nuint)(source.Offset * source.DType.ItemSize), (nuint)bytes, destination, 0, null, null), "clEnqueueReadBuffer");
            return;
        }
        using var staging = Empty(source.Shape, source.DType);
        Copy(source, staging);
        CopyToHost(staging, destination);
    }

    /// <inheritdoc/>
    public void Copy(LocalTensor source, LocalTensor destination)
    {
        var layout = KernelLayout.Of(source, destination);
        if (source.DType == destination.DType)
            Run(Raw(source.DType.ItemSize), "copy_raw", layout, Mem(source), Mem(destination), layout);
        else
        {
            CheckDType(source.DType, "copy"); CheckDType(destination.DType, "copy");
            Run(_device.Program("cast", source.DType), "cast_to_" + destination.DType.Name, layout, Mem(source), Mem(destination), layout);
        }
        Finish();
    }

    /// <inheritdoc/>
    public void Where(LocalTensor condition, LocalTensor a, LocalTensor b, LocalTensor destination)
    {
        if (condition.DType != DType.Bool) throw new NotSupportedException($"OpenCL backend: where needs a bool condition, got {condition.DType}.");
        var layout = KernelLayout.Of(condition, a, b, destination);
        Run(Raw(destination.DType.ItemSize), "where_sel", layout, Mem(condition), Mem(a), Mem(b), Mem(destination), layout);
        Finish();
    }

    /// <inheritdoc/>
    public void Synchronize() => Finish();

    /// <inheritdoc/>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        lock (OpenClDevice.CompilerGate)
        {
            foreach (var k in _kernels.Values) k.Dispose();
            _kernels.Clear();
        }
        lock (OpenClDevice.CompilerGate) _queue.Dispose();
        if (_host.IsValueCreated) _host.Value.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"opencl ({Info.Name} on {Info.Platform})";

    // ---- launching ----

    private nint Queue => _queue.DangerousGetHandle();

    private void Finish()
    {
        lock (OpenClDevice.CompilerGate) Cl.Check(Cl.Finish(Queue), "clFinish");
    }

    private ClProgramHandle Raw(int itemSize) =>
        _device.Program("copy", "e" + itemSize, "-D E=" + KernelTypes.RawElement(itemSize));

    private static nint Mem(LocalTensor t) => t.Storage is OpenClStorage s
        ? s.Mem.DangerousGetHandle()
        : throw new NotSupportedException($"OpenCL backend: the tensor lives on the {t.Backend.Name} backend; copy it to the OpenCL backend first.");

    private object Wide(double v) => Info.HasFp64 ? v : (float)v;

    /// <summary>Launches a strided kernel with the work split that suits the device: long runs on CPUs, one element per
    /// work-item on GPUs.</summary>
    private void Run(ClProgramHandle program, string kernel, KernelLayout layout, params object[] args)
    {
        if (layout.N == 0) return;
        long chunk = _device.IsGpu ? 1 : Math.Max(1024, (layout.N + 4L * Threads - 1) / (4L * Threads));
        layout.Chunk = chunk;
        // The layout is the last argument; re-box it with the chunk set.
        args[^1] = layout;
        Launch(program, kernel, layout.WorkItems, 0, args);
    }

    /// <summary>
    /// Sets the arguments and enqueues a 1-d range. The local size is fixed per device kind (1 on CPU devices, whose
    /// work-items each walk a long run; 64 on GPUs; kernels check their bounds), because PoCL compiles a work-group
    /// function per distinct local size and a runtime-chosen one would vary with the global size.
    /// </summary>
    internal void Launch(ClProgramHandle program, string kernel, long global, long local, params object[] args)
    {
        if (global <= 0) return;
        if (local <= 0) local = _device.IsGpu ? 64 : 1;
        long g = (global + local - 1) / local * local;
        nuint gs = (nuint)g, ls = (nuint)local;
        lock (OpenClDevice.CompilerGate)
        {
            var k = Kernel(program, kernel);
            SetArgs(k, kernel, args);
            Cl.Check(Cl.EnqueueNDRangeKernel(Queue, k, 1, null, &gs, &ls, 0, null, null), $"clEnqueueNDRangeKernel({kernel})");
        }
    }

    /// <summary>Enqueues a 2-d range with the given local size.</summary>
    internal void Launch2D(ClProgramHandle program, string kernel, long global0, long global1, long local, params object[] args)
    {
        nuint* gs = stackalloc nuint[2];
        nuint* ls = stackalloc nuint[2];
        gs[0] = (nuint)((global0 + local - 1) / local * local); gs[1] = (nuint)((global1 + local - 1) / local * local);
        ls[0] = (nuint)local; ls[1] = (nuint)local;
        lock (OpenClDevice.CompilerGate)
        {
            var k = Kernel(program, kernel);
            SetArgs(k, kernel, args);
            Cl.Check(Cl.EnqueueNDRangeKernel(Queue, k, 2, null, gs, ls, 0, null, null), $"clEnqueueNDRangeKernel({kernel})");
        }
    }

    private nint Kernel(ClProgramHandle program, string name)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var key = (program.DangerousGetHandle(), name);
        if (!_kernels.TryGetValue(key, out var k))
        {
            int err;
            var bytes = Encoding.ASCII.GetBytes(name + "\0");
            nint h;
            fixed (byte* b = bytes) h = Cl.CreateKernel(program.DangerousGetHandle(), b, &err);
            Cl.Check(err, $"clCreateKernel({name})");
            k = new ClKernelHandle(h);
            _kernels[key] = k;
        }
        return k.DangerousGetHandle();
    }

    private static void SetArgs(nint k, string kernel, object[] args)
    {
        for (uint i = 0; i < args.Length; i++)
        {
            int st;
            switch (args[i])
            {
                case nint m: st = Cl.SetKernelArg(k, i, (nuint)sizeof(nint), &m); break;
                case int v: st = Cl.SetKernelArg(k, i, sizeof(int), &v); break;
                case long v: st = Cl.SetKernelArg(k, i, sizeof(long), &v); break;
                case double v: st = Cl.SetKernelArg(k, i, sizeof(double), &v); break;
                case float v: st = Cl.SetKernelArg(k, i, sizeof(float), &v); break;
                case KernelLayout l: st = Cl.SetKernelArg(k, i, (nuint)sizeof(KernelLayout), &l); break;
                case byte[] raw: fixed (byte* p = raw) st = Cl.SetKernelArg(k, i, (nuint)raw.Length, p); break;
                default: throw new ArgumentException($"Unsupported kernel argument type {args[i]?.GetType().Name}.", nameof(args));
            }
            Cl.Check(st, $"clSetKernelArg({kernel}, {i})");
        }
    }

    // ---- helpers ----

    private void CheckDType(DType dtype, string what)
    {
        if (KernelTypes.NeedsFp64(dtype) && !Info.HasFp64)
            throw new NotSupportedException($"OpenCL backend: {what} is not implemented for {dtype}: device {Info.Name} has no double precision.");
    }

    /// <summary>
    /// Runs an op outside the kernel families on the host backend through host memory, announcing it once per op and
    /// dtype.
    /// On CPU devices the tensors are host memory already; on GPUs they are staged through host copies.
    /// </summary>
    private void Fallback(string op, DType dtype, LocalTensor[] inputs, LocalTensor[] outputs, Action<ITensorBackend, LocalTensor[]> run)
    {
        var host = HostBackend;
        if (_announced.TryAdd(op + "/" + dtype.Name, true))
            _logger.LogInformation("OpenCL backend: {Op} on {DType} runs on the {Host} backend through host memory (no OpenCL kernel).", op, dtype.Name, host.Name);
        Finish();
        var all = inputs.Concat(outputs).ToArray();
        if (all.All(t => t.Storage.HostPointer != 0)) { run(host, all); return; }
        var staged = all.Select(t =>
        {
            var m = host.Empty(t.Shape, t.DType);
            CopyToHost(t, (void*)m.HostPointer);
            return m;
        }).ToArray();
        try
        {
            run(host, staged);
            for (int i = inputs.Length; i < all.Length; i++) CopyFromHost((void*)staged[i].HostPointer, all[i]);
        }
        finally { foreach (var m in staged) m.Dispose(); }
    }

    /// <summary>Writes <paramref name="value"/> converted to <paramref name="dtype"/> (bool as byte 0/1).</summary>
    internal static void WriteScalar(DType dtype, Scalar value, void* target) => value.WriteTo(dtype, target);

    private static NotSupportedException Unsupported(string op, DType dtype) =>
        new($"OpenCL backend: {op} is not implemented for {dtype}.");
}
