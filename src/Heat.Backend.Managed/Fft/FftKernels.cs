// SPDX-License-Identifier: MIT
using System.Numerics;
using Heat.Abstractions;
using Heat.Backend.Managed.Native;

namespace Heat.Backend.Managed.Fft;

/// <summary>
/// The managed backend's Fourier transforms: one FFTW guru plan per call over the tensors' own strides (the transform
/// axis is FFTW's dimension, every other axis a batch dimension), then the scale. Operands with negative or zero
/// strides are copied to contiguous scratch first; so is the half-spectrum of a complex-to-real transform, which FFTW
/// overwrites.
/// </summary>
internal static unsafe class FftKernels
{
    private const int Forward = -1, Backward = 1;

    public static void ComplexToComplex(ManagedBackend backend, LocalTensor source, LocalTensor destination, int axis,
        bool inverse, double scale)
    {
        Require(source.DType.IsComplex && destination.DType == source.DType,
            "complex source and destination of one dtype", source, destination);
        Require(source.Shape.SequenceEqual(destination.Shape), "equal shapes", source, destination);
        axis = Shapes.NormalizeAxis(axis, source.NDim);
        Run(backend, FftwKind.ComplexToComplex, inverse ? Backward : Forward, source, destination, axis,
            source.Shape[axis], scale);
    }

    public static void RealToComplex(ManagedBackend backend, LocalTensor source, LocalTensor destination, int axis,
        double scale)
    {
        Require(source.DType.IsFloat && destination.DType == ComplexOf(source.DType),
            "a float source and its complex destination", source, destination);
        axis = Shapes.NormalizeAxis(axis, source.NDim);
        Require(HalfShape(source.Shape, axis).AsSpan().SequenceEqual(destination.Shape),
            "destination n/2 + 1 along the axis", source, destination);
        Run(backend, FftwKind.RealToComplex, Forward, source, destination, axis, source.Shape[axis], scale);
    }

    public static void ComplexToReal(ManagedBackend backend, LocalTensor source, LocalTensor destination, int axis,
        double scale)
    {
        Require(destination.DType.IsFloat && source.DType == ComplexOf(destination.DType),
            "a complex source and its float destination", source, destination);
        axis = Shapes.NormalizeAxis(axis, source.NDim);
        Require(HalfShape(destination.Shape, axis).AsSpan().SequenceEqual(source.Shape),
            "source n/2 + 1 along the axis", source, destination);
        Run(backend, FftwKind.ComplexToReal, Backward, source, destination, axis, destination.Shape[axis], scale);
    }

    private static void Run(ManagedBackend backend, FftwKind kind, int sign, LocalTensor source,
        LocalTensor destination, int axis, long n, double scale)
    {
        if (destination.Numel == 0) return;
        foreach (var stride in destination.Strides)
            if (stride < 0) throw new ArgumentException("FFT destinations need non-negative strides.",
                nameof(destination));
        bool copy = kind == FftwKind.ComplexToReal || !Plain(source);
        using var input = copy ? backend.Copy(source) : source.Share();
        var batch = new List<FftwIoDim>(source.NDim);
        for (int d = 0; d < source.NDim; d++)
            if (d != axis && source.Shape[d] > 1)
                batch.Add(new FftwIoDim { n = (nint)source.Shape[d], @is = (nint)input.Strides[d],
                    os = (nint)destination.Strides[d] });
        var dim = new FftwIoDim { n = (nint)n, @is = (nint)input.Strides[axis], os = (nint)destination.Strides[axis] };
        bool single = destination.DType == DType.Complex64 || destination.DType == DType.Float32;
        void* i = (void*)input.HostPointer, o = (void*)destination.HostPointer;
        var plan = FftwPlanner.Acquire(single, kind, sign, dim, batch.ToArray(), i, o, backend.Threads);
        try
        {
            switch (single, kind)
            {
                case (false, FftwKind.ComplexToComplex): FftwNative.fftw_execute_dft(plan, i, o); break;
                case (false, FftwKind.RealToComplex): FftwNative.fftw_execute_dft_r2c(plan, i, o); break;
                case (false, _): FftwNative.fftw_execute_dft_c2r(plan, i, o); break;
                case (true, FftwKind.ComplexToComplex): FftwfNative.fftwf_execute_dft(plan, i, o); break;
                case (true, FftwKind.RealToComplex): FftwfNative.fftwf_execute_dft_r2c(plan, i, o); break;
                default: FftwfNative.fftwf_execute_dft_c2r(plan, i, o); break;
            }
        }
        finally { plan.DangerousRelease(); }
        if (scale != 1) backend.BinaryScalar(BinaryOp.Multiply, destination, scale, false, destination);
    }

    /// <summary>Destination[i, j] = source[i, j] · ω^((i + r0)(j + c0)) with ω = exp(∓2πi/n), from two tables of
    /// about √n roots each (ω^e = ω^(e mod b) · ω^(b·(e div b))), so every factor is exact to double
    /// rounding.</summary>
    public static void Twiddle(ManagedBackend backend, LocalTensor source, LocalTensor destination, long n,
        long rowOffset, long columnOffset, bool inverse)
    {
        if (source.NDim != 2 || !source.Shape.SequenceEqual(destination.Shape) || !source.DType.IsComplex
            || source.DType != destination.DType)
            throw new ArgumentException($"Twiddle needs 2-d complex source and destination of one shape and dtype; "
                + $"got {Shapes.Format(source.Shape)} {source.DType} and {Shapes.Format(destination.Shape)} "
                    + $"{destination.DType}.");
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The transform length must be positive.");
        if (destination.Numel == 0) return;
        long b = (long)Math.Ceiling(Math.Sqrt(n));
        var low = new Complex[b];
        var high = new Complex[(n + b - 1) / b + 1];
        double sign = inverse ? 1 : -1;
        for (long e = 0; e < low.Length; e++) low[e] = Root(e, n, sign);
        for (long e = 0; e < high.Length; e++) high[e] = Root(e * b % n, n, sign);
        using var input = Plain(source) ? source.Share() : backend.Copy(source);
        long rows = source.Shape[0], cols = source.Shape[1];
        long si0 = input.Strides[0], si1 = input.Strides[1], so0 = destination.Strides[0], so1 = destination.Strides[1];
        bool single = source.DType == DType.Complex64;
        nint pi = input.HostPointer, po = destination.HostPointer;
        WorkerPool.For(rows, Parallelism.Parts(rows * cols, backend.Threads), (r0, r1) =>
        {
            for (long r = r0; r < r1; r++)
            {
                long step = (long)((UInt128)(ulong)(r + rowOffset) % (ulong)n);
                long e = (long)((UInt128)(ulong)step * (ulong)(columnOffset % n) % (ulong)n);
                for (long c = 0; c < cols; c++)
                {
                    var w = low[e % b] * high[e / b];
                    if (single)
                    {
                        var x = ((Complex64*)pi)[r * si0 + c * si1];
                        ((Complex64*)po)[r * so0 + c * so1] = (Complex64)((Complex)x * w);
                    }
                    else ((Complex*)po)[r * so0 + c * so1] = ((Complex*)pi)[r * si0 + c * si1] * w;
                    e += step;
                    if (e >= n) e -= n;
                }
            }
        });
    }

    /// <summary>Destination[j] = source[j] · exp(∓πi·(j + offset)²/n), the square reduced modulo 2n
    /// exactly.</summary>
    public static void Chirp(ManagedBackend backend, LocalTensor source, LocalTensor destination, long n, long offset,
        bool inverse)
    {
        if (source.NDim != 1 || !source.Shape.SequenceEqual(destination.Shape) || !source.DType.IsComplex
            || source.DType != destination.DType)
            throw new ArgumentException($"Chirp needs 1-d complex source and destination of one shape and dtype; "
                + $"got {Shapes.Format(source.Shape)} {source.DType} and {Shapes.Format(destination.Shape)} "
                    + $"{destination.DType}.");
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "The transform length must be positive.");
        if (destination.Numel == 0) return;
        using var input = Plain(source) ? source.Share() : backend.Copy(source);
        long count = source.Shape[0], si = input.Strides[0], so = destination.Strides[0];
        bool single = source.DType == DType.Complex64;
        double sign = inverse ? 1 : -1;
        nint pi = input.HostPointer, po = destination.HostPointer;
        var twoN = (UInt128)(2 * (ulong)n);
        WorkerPool.For(count, Parallelism.Parts(count * 8, backend.Threads), (j0, j1) =>
        {
            for (long j = j0; j < j1; j++)
            {
                long t = j + offset;
                var a = (UInt128)(ulong)Math.Abs(t);
                long e = (long)(a * a % twoN);
                var (sin, cos) = Math.SinCos(Math.PI * e / n);
                var w = new Complex(cos, sign * sin);
                if (single) ((Complex64*)po)[j * so] = (Complex64)((Complex)((Complex64*)pi)[j * si] * w);
                else ((Complex*)po)[j * so] = ((Complex*)pi)[j * si] * w;
            }
        });
    }

    private static Complex Root(long e, long n, double sign)
    {
        var (s, c) = Math.SinCos(2 * Math.PI * e / n);
        return new Complex(c, sign * s);
    }

    private static bool Plain(LocalTensor t)
    {
        if (t.HostPointer == 0 && t.Numel > 0) return false;
        for (int d = 0; d < t.NDim; d++)
            if (t.Shape[d] > 1 && t.Strides[d] <= 0) return false;
        return true;
    }

    private static long[] HalfShape(ReadOnlySpan<long> shape, int axis)
    {
        var half = shape.ToArray();
        half[axis] = half[axis] / 2 + 1;
        return half;
    }

    private static DType ComplexOf(DType real) => real == DType.Float32 ? DType.Complex64 : DType.Complex128;

    private static void Require(bool condition, string what, LocalTensor source, LocalTensor destination)
    {
        if (!condition)
            throw new ArgumentException($"FFT kernel needs {what}; got {Shapes.Format(source.Shape)} {source.DType} "
                + $"→ {Shapes.Format(destination.Shape)} {destination.DType}.");
    }
}
