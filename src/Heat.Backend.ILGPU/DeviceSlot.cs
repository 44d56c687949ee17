// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Reflection;
using global::ILGPU;
using global::ILGPU.Runtime;
using Heat.Abstractions;

namespace Heat.Backend.ILGPU;

/// <summary>
/// One accelerator of a rank's backend with its stream, buffer pool and loaded kernels. The context compiles each
/// kernel signature once per process (its cache); this slot loads it once and keeps the launcher.
/// </summary>
internal sealed class DeviceSlot : IDisposable
{
    private static readonly ConcurrentDictionary<(Type, string), MethodInfo> Definitions = new();
    private readonly ConcurrentDictionary<MethodInfo, Kernel> _kernels = new();
    [ThreadStatic] private static Accelerator? t_bound;

    public DeviceSlot(Accelerator accelerator, Device device)
    {
        Accelerator = accelerator;
        Device = device;
        Stream = accelerator.CreateStream();
        long cap = device.IsGpu ? Math.Max(256L << 20, accelerator.MemorySize / 4) : 256L << 20;
        Pool = new BufferPool(accelerator, cap);
        // Grid-stride kernels launch at most this many work-items (each walks several elements).
        MaxWorkItems = device.IsGpu ? Math.Max(1, (long)accelerator.MaxNumThreads) * 4
            : accelerator.MaxNumThreadsPerGroup;
        int tile = 16;
        while (tile * tile > accelerator.MaxNumThreadsPerGroup) tile /= 2;
        Tile = tile;
    }

    public Accelerator Accelerator { get; }
    public Device Device { get; }
    public AcceleratorStream Stream { get; }
    public BufferPool Pool { get; }
    public bool IsGpu => Device.IsGpu;
    public long MaxWorkItems { get; }
    /// <summary>The matmul tile's edge (its square fits a group).</summary>
    public int Tile { get; }
    /// <summary>Kernels loaded on this accelerator (for tests of the cache).</summary>
    public int KernelsLoaded => _kernels.Count;

    /// <summary>Makes the accelerator current on this thread (CUDA contexts are per thread).</summary>
    public void Bind()
    {
        if (ReferenceEquals(t_bound, Accelerator)) return;
        Accelerator.Bind();
        t_bound = Accelerator;
    }

    /// <summary>The loaded auto-grouped kernel <paramref name="name"/> of <paramref name="owner"/> closed over
    /// <paramref name="typeArgs"/>.</summary>
    public Kernel AutoGrouped(Type owner, string name, params Type[] typeArgs) =>
        _kernels.GetOrAdd(Method(owner, name, typeArgs), m => Accelerator.LoadAutoGroupedKernel(m));

    /// <summary>The loaded explicitly grouped kernel.</summary>
    public Kernel Grouped(Type owner, string name, params Type[] typeArgs) =>
        _kernels.GetOrAdd(Method(owner, name, typeArgs), m => Accelerator.LoadKernel(m));

    /// <summary>Launches a grid-stride kernel over <paramref name="n"/> elements; its last argument is the work-item
    /// count.</summary>
    public void Launch(Kernel kernel, long n, params object[] args)
    {
        if (n <= 0) return;
        int total = (int)Math.Min(n, MaxWorkItems);
        var all = new object[args.Length + 1];
        args.CopyTo(all, 0);
        all[^1] = (long)total;
        Bind();
        kernel.Launch(Stream, total, all);
    }

    private static MethodInfo Method(Type owner, string name, Type[] typeArgs)
    {
        var def = Definitions.GetOrAdd((owner, name), k
            => k.Item1.GetMethod(k.Item2, BindingFlags.Public | BindingFlags.Static)
            ?? throw new InvalidOperationException($"ILGPU backend: no kernel {k.Item1.Name}.{k.Item2}."));
        return typeArgs.Length == 0 ? def : def.MakeGenericMethod(typeArgs);
    }

    public void Synchronize()
    {
        Bind();
        Stream.Synchronize();
    }

    public void Dispose()
    {
        Bind();
        Stream.Synchronize();
        foreach (var k in _kernels.Values) k.Dispose();
        _kernels.Clear();
        Pool.Dispose();
        Stream.Dispose();
        Accelerator.Dispose();
        if (ReferenceEquals(t_bound, Accelerator)) t_bound = null;
    }
}
