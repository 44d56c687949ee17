// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Numerics.Tensors;
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;

namespace Heat.Backend.Managed.Convolution;

/// <summary>
/// Direct "valid" correlation on host memory. Stride 1: blocks of 4 SIMD vectors of outputs stay in registers while
/// every tap is added (one load and one multiply-add per vector and tap); larger strides: one dot product per output.
/// Batches of signals and output blocks run in parallel on the worker pool.
/// </summary>
internal static unsafe class DirectCorrelation
{
    private const long Block = 4096; // outputs per parallel work item (1-d)

    public static void Run1d(ManagedBackend backend, LocalTensor signal, LocalTensor kernel, long stride,
        LocalTensor output)
    {
        Check(signal, kernel, output, 2);
        long batch = signal.Shape[0], length = signal.Shape[1], taps = kernel.Shape[1], n = output.Shape[1];
        if (output.Numel == 0) return;
        if (taps == 0) { backend.Fill(output, Scalar.FromInt(0)); return; }
        if ((n - 1) * stride + taps > length)
            throw new ArgumentException($"Correlate1d: {n} outputs with stride {stride} and {taps} taps need "
                + $"{(n - 1) * stride + taps} samples, the signal has {length}.", nameof(output));
        switch (signal.DType.Code)
        {
            case DTypeCode.Float32: Run1d<float>(backend, signal, kernel, stride, output, batch, length, taps,
                n); break;
            case DTypeCode.Float64: Run1d<double>(backend, signal, kernel, stride, output, batch, length, taps,
                n); break;
            case DTypeCode.Int8: Run1d<sbyte>(backend, signal, kernel, stride, output, batch, length, taps, n); break;
            case DTypeCode.Int16: Run1d<short>(backend, signal, kernel, stride, output, batch, length, taps, n); break;
            case DTypeCode.Int32: Run1d<int>(backend, signal, kernel, stride, output, batch, length, taps, n); break;
            case DTypeCode.Int64: Run1d<long>(backend, signal, kernel, stride, output, batch, length, taps, n); break;
            default: throw new NotSupportedException($"Managed backend: correlation of {signal.DType} is not "
                + $"implemented.");
        }
    }

    public static void Run2d(ManagedBackend backend, LocalTensor signal, LocalTensor kernel, long strideRows,
        long strideCols, LocalTensor output)
    {
        Check(signal, kernel, output, 3);
        if (output.Numel == 0) return;
        if (kernel.Numel == 0) { backend.Fill(output, Scalar.FromInt(0)); return; }
        long needRows = (output.Shape[1] - 1) * strideRows + kernel.Shape[1],
            needCols = (output.Shape[2] - 1) * strideCols + kernel.Shape[2];
        if (needRows > signal.Shape[1] || needCols > signal.Shape[2])
            throw new ArgumentException($"Correlate2d: the output {Shapes.Format(output.Shape)} needs a {needRows} "
                + $"× {needCols} signal, got {Shapes.Format(signal.Shape)}.", nameof(output));
        switch (signal.DType.Code)
        {
            case DTypeCode.Float32: Run2d<float>(backend, signal, kernel, strideRows, strideCols, output); break;
            case DTypeCode.Float64: Run2d<double>(backend, signal, kernel, strideRows, strideCols, output); break;
            case DTypeCode.Int8: Run2d<sbyte>(backend, signal, kernel, strideRows, strideCols, output); break;
            case DTypeCode.Int16: Run2d<short>(backend, signal, kernel, strideRows, strideCols, output); break;
            case DTypeCode.Int32: Run2d<int>(backend, signal, kernel, strideRows, strideCols, output); break;
            case DTypeCode.Int64: Run2d<long>(backend, signal, kernel, strideRows, strideCols, output); break;
            default: throw new NotSupportedException($"Managed backend: correlation of {signal.DType} is not "
                + $"implemented.");
        }
    }

    private static void Check(LocalTensor signal, LocalTensor kernel, LocalTensor output, int ndim)
    {
        var types = new[] { DTypeCode.Float32, DTypeCode.Float64, DTypeCode.Int8, DTypeCode.Int16, DTypeCode.Int32,
            DTypeCode.Int64 };
        HostOperands.Require(signal, nameof(signal), types);
        HostOperands.Require(kernel, nameof(kernel), signal.DType.Code);
        HostOperands.Require(output, nameof(output), signal.DType.Code);
        if (signal.NDim != ndim || kernel.NDim != ndim || output.NDim != ndim)
            throw new ArgumentException($"Correlation operands must be {ndim}-d (a batch first).", nameof(signal));
        if (output.Shape[0] != signal.Shape[0] || (kernel.Shape[0] != 1 && kernel.Shape[0] != signal.Shape[0]))
            throw new ArgumentException($"Batches differ: signal {Shapes.Format(signal.Shape)}, kernel "
                + $"{Shapes.Format(kernel.Shape)}, output {Shapes.Format(output.Shape)}.", nameof(kernel));
    }

    private static void Run1d<T>(ManagedBackend backend, LocalTensor signal, LocalTensor kernel, long stride,
        LocalTensor output,
                                 long batch, long length, long taps, long n) where T : unmanaged, INumberBase<T>
    {
        nint ps = signal.HostPointer, pk = kernel.HostPointer, po = output.HostPointer;
        bool perRow = kernel.Shape[0] != 1;
        long blocks = (n + Block - 1) / Block;
        WorkerPool.For(batch * blocks, Parallelism.Parts(batch * n * taps, backend.Threads), (w0, w1) =>
        {
            for (long w = w0; w < w1; w++)
            {
                long b = w / blocks, i0 = w % blocks * Block, count = Math.Min(Block, n - i0);
                T* s = (T*)ps + b * length + i0 * stride, k = (T*)pk + (perRow ? b * taps : 0), o = (T*)po + b * n + i0;
                Row(s, k, (int)taps, stride, o, count, accumulate: false);
            }
        });
    }

    private static void Run2d<T>(ManagedBackend backend, LocalTensor signal, LocalTensor kernel, long sr, long sc,
        LocalTensor output)
        where T : unmanaged, INumberBase<T>
    {
        long batch = signal.Shape[0], h = signal.Shape[1], wd = signal.Shape[2];
        long kh = kernel.Shape[1], kw = kernel.Shape[2], oh = output.Shape[1], ow = output.Shape[2];
        nint ps = signal.HostPointer, pk = kernel.HostPointer, po = output.HostPointer;
        bool perRow = kernel.Shape[0] != 1;
        WorkerPool.For(batch * oh, Parallelism.Parts(output.Numel * kh * kw, backend.Threads), (r0, r1) =>
        {
            for (long r = r0; r < r1; r++)
            {
                long b = r / oh, i = r % oh;
                T* o = (T*)po + r * ow, k = (T*)pk + (perRow ? b * kh * kw : 0);
                for (long s = 0; s < kh; s++)
                    Row((T*)ps + (b * h + i * sr + s) * wd, k + s * kw, (int)kw, sc, o, ow, accumulate: s > 0);
            }
        });
    }

    /// <summary><c>o[i] (+)= Σ_t s[i·stride + t] · k[t]</c> for i &lt; count.</summary>
    private static void Row<T>(T* s, T* k, int taps, long stride, T* o, long count,
        bool accumulate) where T : unmanaged, INumberBase<T>
    {
        if (stride != 1)
        {
            var kernel = new ReadOnlySpan<T>(k, taps);
            for (long i = 0; i < count; i++)
            {
                T dot = TensorPrimitives.Dot(new ReadOnlySpan<T>(s + i * stride, taps), kernel);
                o[i] = accumulate ? o[i] + dot : dot;
            }
            return;
        }
        long i0 = 0;
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            int v = Vector<T>.Count;
            for (; i0 + 4 * v <= count; i0 += 4 * v)
            {
                T* p = s + i0;
                Vector<T> a0 = accumulate ? Vector.Load(o + i0) : Vector<T>.Zero,
                    a1 = accumulate ? Vector.Load(o + i0 + v) : Vector<T>.Zero;
                Vector<T> a2 = accumulate ? Vector.Load(o + i0 + 2 * v) : Vector<T>.Zero,
                    a3 = accumulate ? Vector.Load(o + i0 + 3 * v) : Vector<T>.Zero;
                for (int t = 0; t < taps; t++)
                {
                    var w = new Vector<T>(k[t]);
                    T* q = p + t;
                    a0 += w * Vector.Load(q); a1 += w * Vector.Load(q + v);
                    a2 += w * Vector.Load(q + 2 * v); a3 += w * Vector.Load(q + 3 * v);
                }
                Vector.Store(a0, o + i0); Vector.Store(a1, o + i0 + v); Vector.Store(a2,
                    o + i0 + 2 * v); Vector.Store(a3, o + i0 + 3 * v);
            }
            for (; i0 + v <= count; i0 += v)
            {
                Vector<T> a = accumulate ? Vector.Load(o + i0) : Vector<T>.Zero;
                for (int t = 0; t < taps; t++) a += new Vector<T>(k[t]) * Vector.Load(s + i0 + t);
                Vector.Store(a, o + i0);
            }
        }
        for (long i = i0; i < count; i++)
        {
            T acc = accumulate ? o[i] : T.Zero;
            for (int t = 0; t < taps; t++) acc += s[i + t] * k[t];
            o[i] = acc;
        }
    }
}
