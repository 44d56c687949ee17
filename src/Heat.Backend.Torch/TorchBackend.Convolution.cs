// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Torch.Interop;

namespace Heat.Backend.Torch;

/// <summary>The correlation of <c>ht.signal</c> through ATen (native/heat_torch/hts_fft.cpp): for floats a Toeplitz
/// matrix product or at::conv1d/conv2d (a convolution in ATen's sense is this correlation), one multiply-add per tap
/// for integers.</summary>
public sealed unsafe partial class TorchBackend : IConvolutionKernels
{
    /// <inheritdoc/>
    void IConvolutionKernels.Correlate1d(LocalTensor signal, LocalTensor kernel, long stride, LocalTensor output) =>
        Correlate(signal, kernel, [stride], output);

    /// <inheritdoc/>
    void IConvolutionKernels.Correlate2d(LocalTensor signal, LocalTensor kernel, long strideRows, long strideCols,
        LocalTensor output) =>
        Correlate(signal, kernel, [strideRows, strideCols], output);

    private static void Correlate(LocalTensor signal, LocalTensor kernel, long[] strides, LocalTensor output)
    {
        if (signal.DType != kernel.DType || signal.DType != output.DType)
            throw new ArgumentException($"Torch backend: correlation needs one dtype; got {signal.DType}, "
                + $"{kernel.DType} and {output.DType}.");
        fixed (long* s = strides)
        {
            long* sp = s;
            Call("correlate", v => TorchNative.hts_correlate(v, v + 1, sp, strides.Length, v + 2), signal, kernel,
                output);
        }
    }
}
