// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;
using Heat.Backend.Managed.Kernels;

namespace Heat.Backend.Managed;

/// <summary>The embedded default backend: SIMD kernels in managed code over pooled, aligned native host
/// memory.</summary>
/// <remarks>Every op switches on the dtype once into a generic method; a strided walker hands dense runs to
/// TensorPrimitives.</remarks>
public sealed unsafe partial class ManagedBackend : ITensorBackend
{
    private static readonly IReadOnlyList<Device> CpuOnly = [Device.Cpu];
    private static readonly IReadOnlyDictionary<string, string> NoNative = new Dictionary<string, string>();

    /// <summary>Creates a backend that uses up to <paramref name="threads"/> threads per op (default: all
    /// cores).</summary>
    /// <param name="threads">Threads per op; 1 runs every op on the calling thread.</param>
    /// <param name="pool">The memory pool (default: <see cref="ManagedMemoryPool.Shared"/>).</param>
    public ManagedBackend(int? threads = null, ManagedMemoryPool? pool = null)
    {
        Threads = Math.Max(1, threads ?? CpuBudget.Cores);
        Pool = pool ?? ManagedMemoryPool.Shared;
    }

    /// <inheritdoc/>
    public string Name => "managed";
    /// <inheritdoc/>
    public Device DefaultDevice => Device.Cpu;
    /// <inheritdoc/>
    public IReadOnlyList<Device> Devices => CpuOnly;
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> NativeVersions => NoNative;
    /// <inheritdoc/>
    public int Threads { get; }
    /// <summary>The memory pool tensors of this backend come from.</summary>
    public ManagedMemoryPool Pool { get; }

    /// <inheritdoc/>
    public LocalTensor Empty(ReadOnlySpan<long> shape, DType dtype, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        if (device is not null && device != Device.Cpu)
            throw new NotSupportedException($"Managed backend: tensors live on the CPU only, not on {device}.");
        long numel = Shapes.Numel(shape);
        var storage = new ManagedStorage(Pool, checked(numel * dtype.ItemSize));
        return new LocalTensor(this, storage, dtype, shape, Shapes.ContiguousStrides(shape), 0);
    }

    /// <inheritdoc/>
    public void Fill(LocalTensor destination, Scalar value)
    {
        var layout = StridedLayout.Create(destination);
        nint p = destination.HostPointer;
        byte* v = stackalloc byte[16];
        WriteScalar(destination.DType, value, v);
        switch (destination.DType.ItemSize)
        {
            case 1: FillAs(layout, (byte*)p, *v); break;
            case 2: FillAs(layout, (short*)p, *(short*)v); break;
            case 4: FillAs(layout, (int*)p, *(int*)v); break;
            case 8: FillAs(layout, (long*)p, *(long*)v); break;
            default: FillAs(layout, (Complex*)p, *(Complex*)v); break;
        }
    }

    private void FillAs<T>(StridedLayout layout, T* p, T value) where T : unmanaged
    {
        var h = new FillRun<T>(p, value);
        layout.WalkParallel(Threads, ref h);
    }

    /// <inheritdoc/>
    public void Arange(LocalTensor destination, Scalar start, Scalar step)
    {
        if (destination.NDim != 1) throw new ArgumentException($"Arange needs a 1-d destination, got "
            + $"{Shapes.Format(destination.Shape)}.", nameof(destination));
        bool integral = start.Kind is ScalarKind.Int or ScalarKind.Bool && step.Kind is ScalarKind.Int or
            ScalarKind.Bool;
        switch (destination.DType.Code)
        {
            case DTypeCode.Bool: ArangeAs<byte>(destination, start, step, integral, toBool: true); break;
            case DTypeCode.UInt8: ArangeAs<byte>(destination, start, step, integral); break;
            case DTypeCode.Int8: ArangeAs<sbyte>(destination, start, step, integral); break;
            case DTypeCode.Int16: ArangeAs<short>(destination, start, step, integral); break;
            case DTypeCode.Int32: ArangeAs<int>(destination, start, step, integral); break;
            case DTypeCode.Int64: ArangeAs<long>(destination, start, step, integral); break;
            case DTypeCode.Float16: ArangeAs<Half>(destination, start, step, integral); break;
            case DTypeCode.Float32: ArangeAs<float>(destination, start, step, integral); break;
            case DTypeCode.Float64: ArangeAs<double>(destination, start, step, integral); break;
            case DTypeCode.Complex128: ArangeAs<Complex>(destination, start, step, integral); break;
            case DTypeCode.Complex64:
                {
                    using var tmp = Empty(destination.Shape, DType.Complex128);
                    Arange(tmp, start, step);
                    Copy(tmp, destination);
                    break;
                }
            default: throw Unsupported("arange", destination.DType);
        }
    }

    private void ArangeAs<T>(LocalTensor d, Scalar start, Scalar step, bool integral,
        bool toBool = false) where T : unmanaged, INumberBase<T>
    {
        T* p = (T*)d.HostPointer;
        long stride = d.Strides[0];
        long n = d.Shape[0];
        long s0 = start.AsLong(), ds = step.AsLong();
        double f0 = start.AsDouble(), df = step.AsDouble();
        WorkerPool.For(n, Parallelism.Parts(n, Threads), (i0, i1) =>
        {
            for (long i = i0; i < i1; i++)
            {
                T v = integral ? T.CreateTruncating(s0 + i * ds) : T.CreateTruncating(f0 + i * df);
                if (toBool) v = v != T.Zero ? T.One : T.Zero;
                p[i * stride] = v;
            }
        });
    }

    /// <inheritdoc/>
    public void CopyFromHost(void* source, LocalTensor destination)
    {
        var layout = StridedLayout.Create(destination.Shape, Shapes.ContiguousStrides(destination.Shape),
            destination.Strides.ToArray());
        CopyRaw(layout, (nint)source, destination.HostPointer, destination.DType.ItemSize);
    }

    /// <inheritdoc/>
    public void CopyToHost(LocalTensor source, void* destination)
    {
        var layout = StridedLayout.Create(source.Shape, source.Strides.ToArray(),
            Shapes.ContiguousStrides(source.Shape));
        CopyRaw(layout, source.HostPointer, (nint)destination, source.DType.ItemSize);
    }

    private void CopyRaw(StridedLayout layout, nint src, nint dst, int itemSize)
    {
        switch (itemSize)
        {
            case 1: RunUnary<byte, byte, CopyK<byte>>(layout, src, dst); break;
            case 2: RunUnary<short, short, CopyK<short>>(layout, src, dst); break;
            case 4: RunUnary<int, int, CopyK<int>>(layout, src, dst); break;
            case 8: RunUnary<long, long, CopyK<long>>(layout, src, dst); break;
            default: RunUnary<Complex, Complex, CopyK<Complex>>(layout, src, dst); break;
        }
    }

    /// <inheritdoc/>
    public void Copy(LocalTensor source, LocalTensor destination)
    {
        var layout = StridedLayout.Create(source, destination);
        nint s = source.HostPointer, d = destination.HostPointer;
        var from = source.DType; var to = destination.DType;
        if (from == to) { CopyRaw(layout, s, d, from.ItemSize); return; }
        if (from.Code != DTypeCode.Complex64) { CastPtr(from, to, layout, s, d); return; }
        if (to == DType.Complex128) { RunUnary<Complex64, Complex, C64ToC128K>(layout, s, d); return; }
        using var tmp = Empty(source.Shape, DType.Complex128);
        Copy(source, tmp);
        Copy(tmp, destination);
    }

    /// <summary>A conversion between dtypes over raw pointers (any source but complex64).</summary>
    internal void CastPtr(DType from, DType to, StridedLayout layout, nint s, nint d)
    {
        if (from == to) { CopyRaw(layout, s, d, from.ItemSize); return; }
        switch (from.Code)
        {
            case DTypeCode.Bool:
            case DTypeCode.UInt8: CastFrom<byte>(layout, s, d, to); break;
            case DTypeCode.Int8: CastFrom<sbyte>(layout, s, d, to); break;
            case DTypeCode.Int16: CastFrom<short>(layout, s, d, to); break;
            case DTypeCode.Int32: CastFrom<int>(layout, s, d, to); break;
            case DTypeCode.Int64: CastFrom<long>(layout, s, d, to); break;
            case DTypeCode.Float16: CastFrom<Half>(layout, s, d, to); break;
            case DTypeCode.Float32: CastFrom<float>(layout, s, d, to); break;
            case DTypeCode.Float64: CastFrom<double>(layout, s, d, to); break;
            case DTypeCode.Complex128: CastFromComplex(layout, s, d, to); break;
            default: throw Unsupported("copy", from);
        }
    }

    private void CastFrom<TS>(StridedLayout l, nint s, nint d, DType to) where TS : unmanaged, INumberBase<TS>
    {
        switch (to.Code)
        {
            case DTypeCode.Bool: RunUnary<TS, byte, ToBoolK<TS>>(l, s, d); break;
            case DTypeCode.UInt8: RunUnary<TS, byte, ConvK<TS, byte>>(l, s, d); break;
            case DTypeCode.Int8: RunUnary<TS, sbyte, ConvK<TS, sbyte>>(l, s, d); break;
            case DTypeCode.Int16: RunUnary<TS, short, ConvK<TS, short>>(l, s, d); break;
            case DTypeCode.Int32: RunUnary<TS, int, ConvK<TS, int>>(l, s, d); break;
            case DTypeCode.Int64: RunUnary<TS, long, ConvK<TS, long>>(l, s, d); break;
            case DTypeCode.Float16: RunUnary<TS, Half, ConvK<TS, Half>>(l, s, d); break;
            case DTypeCode.Float32: RunUnary<TS, float, ConvK<TS, float>>(l, s, d); break;
            case DTypeCode.Float64: RunUnary<TS, double, ConvK<TS, double>>(l, s, d); break;
            case DTypeCode.Complex128: RunUnary<TS, Complex, RealToComplexK<TS>>(l, s, d); break;
            default:
                // Complex64: through complex128, run by run (no temporary tensor needed).
                RunUnary<TS, Complex64, RealToComplex64K<TS>>(l, s, d); break;
        }
    }

    private void CastFromComplex(StridedLayout l, nint s, nint d, DType to)
    {
        switch (to.Code)
        {
            case DTypeCode.Bool: RunUnary<Complex, byte, ComplexToBoolK>(l, s, d); break;
            case DTypeCode.UInt8: RunUnary<Complex, byte, ComplexToRealK<byte>>(l, s, d); break;
            case DTypeCode.Int8: RunUnary<Complex, sbyte, ComplexToRealK<sbyte>>(l, s, d); break;
            case DTypeCode.Int16: RunUnary<Complex, short, ComplexToRealK<short>>(l, s, d); break;
            case DTypeCode.Int32: RunUnary<Complex, int, ComplexToRealK<int>>(l, s, d); break;
            case DTypeCode.Int64: RunUnary<Complex, long, ComplexToRealK<long>>(l, s, d); break;
            case DTypeCode.Float16: RunUnary<Complex, Half, ComplexToRealK<Half>>(l, s, d); break;
            case DTypeCode.Float32: RunUnary<Complex, float, ComplexToRealK<float>>(l, s, d); break;
            case DTypeCode.Float64: RunUnary<Complex, double, ComplexToRealK<double>>(l, s, d); break;
            case DTypeCode.Complex64: RunUnary<Complex, Complex64, C128ToC64K>(l, s, d); break;
            default: throw Unsupported("copy", to);
        }
    }

    /// <inheritdoc/>
    public void Where(LocalTensor condition, LocalTensor a, LocalTensor b, LocalTensor destination)
    {
        if (condition.DType != DType.Bool) throw new NotSupportedException($"Managed backend: where needs a bool "
            + $"condition, got {condition.DType}.");
        var layout = StridedLayout.Create(condition, a, b, destination);
        byte* c = (byte*)condition.HostPointer;
        nint pa = a.HostPointer, pb = b.HostPointer, pd = destination.HostPointer;
        switch (destination.DType.ItemSize)
        {
            case 1: WhereAs(layout, new WhereRun<byte>(c, (byte*)pa, (byte*)pb, (byte*)pd)); break;
            case 2: WhereAs(layout, new WhereRun<short>(c, (short*)pa, (short*)pb, (short*)pd)); break;
            case 4: WhereAs(layout, new WhereRun<int>(c, (int*)pa, (int*)pb, (int*)pd)); break;
            case 8: WhereAs(layout, new WhereRun<long>(c, (long*)pa, (long*)pb, (long*)pd)); break;
            default: WhereAs(layout, new WhereRun<Complex>(c, (Complex*)pa, (Complex*)pb, (Complex*)pd)); break;
        }
    }

    private void WhereAs<TRun>(StridedLayout layout, TRun run) where TRun : struct,
        IRunHandler => layout.WalkParallel(Threads, ref run);

    /// <inheritdoc/>
    public void Synchronize() { }

    /// <inheritdoc/>
    public void Dispose() { }

    /// <inheritdoc/>
    public override string ToString() => $"managed (threads={Threads})";

    internal void RunUnary<T, TR, TKernel>(StridedLayout layout, nint x, nint d, long cost = 1)
        where T : unmanaged where TR : unmanaged where TKernel : IUnaryKernel<T, TR>
    {
        var h = new UnaryRun<T, TR, TKernel>((T*)x, (TR*)d);
        layout.WalkParallel(OpThreads, ref h, cost);
    }

    /// <summary>Writes <paramref name="value"/> converted to <paramref name="dtype"/> (bool as byte 0/1) to
    /// <paramref name="target"/>.</summary>
    internal static void WriteScalar(DType dtype, Scalar value, void* target) => value.WriteTo(dtype, target);

    internal static NotSupportedException Unsupported(string op, DType dtype)
        => OpRegistry.NotImplemented("Managed", op, dtype);
}

internal readonly struct RealToComplex64K<TS> : IUnaryKernel<TS, Complex64> where TS : INumberBase<TS>
{
    public static Complex64 Apply(TS x) => new(float.CreateTruncating(x), 0);
}
