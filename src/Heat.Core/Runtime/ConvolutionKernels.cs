// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat;

/// <summary>Where Core finds the local correlation of <c>ht.signal</c> (<see cref="IConvolutionKernels"/>).</summary>
internal static class ConvolutionKernels
{
    /// <summary>
    /// Valid correlation of a batch (signal B × L… with kernel 1 or B × M…, output B × n…; 1 or 2 trailing
    /// axes, as
    /// <paramref name="strides"/> has entries): the backend's own kernel, its host backend's staged through host
    /// copies,
    /// or (a backend with neither) one multiply and one add of strided views per tap, run by the backend.
    /// </summary>
    public static void Correlate(ITensorBackend backend, LocalTensor signal, LocalTensor kernel, long[] strides,
        LocalTensor output)
    {
        if (backend is IConvolutionKernels || backend is IHostFallback)
        {
            var kernels = backend.Capability<IConvolutionKernels>();
            if (strides.Length == 1) kernels.Correlate1d(signal, kernel, strides[0], output);
            else kernels.Correlate2d(signal, kernel, strides[0], strides[1], output);
            return;
        }
        Composed(backend, signal, kernel, strides, output);
    }

    private static void Composed(ITensorBackend backend, LocalTensor signal, LocalTensor kernel, long[] strides,
        LocalTensor output)
    {
        backend.Fill(output, Scalar.FromInt(0));
        if (output.Numel == 0) return;
        using var product = backend.Empty(output.Shape, output.DType, output.Device);
        int dims = strides.Length;
        long taps = 1;
        for (int d = 1; d <= dims; d++) taps *= kernel.Shape[d];
        for (long tap = 0; tap < taps; tap++)
        {
            var shifted = signal.Share();
            var weight = kernel.Share();
            try
            {
                long rest = tap;
                for (int d = dims; d >= 1; d--)
                {
                    long at = rest % kernel.Shape[d];
                    rest /= kernel.Shape[d];
                    Swap(ref shifted, shifted.Slice(d, at, output.Shape[d], strides[d - 1]));
                    Swap(ref weight, weight.Slice(d, at, 1));
                }
                using var broadcast = weight.BroadcastTo(output.Shape);
                backend.Binary(BinaryOp.Multiply, shifted, broadcast, product);
                backend.Binary(BinaryOp.Add, output, product, output);
            }
            finally { shifted.Dispose(); weight.Dispose(); }
        }
    }

    private static void Swap(ref LocalTensor slot, LocalTensor value)
    {
        slot.Dispose();
        slot = value;
    }
}
