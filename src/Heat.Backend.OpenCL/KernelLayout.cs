// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.Backend.OpenCL;

/// <summary>
/// The strided iteration a kernel receives by value (the <c>Lay</c> struct of common.cl): one shape, up to four
/// operands' element strides and offsets, the element count and the elements per work-item.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct KernelLayout
{
    public const int MaxDims = 8;
    public const int MaxOperands = 4;

    public fixed long Shape[MaxDims];
    public fixed long Strides[MaxOperands * MaxDims];
    public fixed long Offsets[MaxOperands];
    public long N;
    public long Chunk;
    public int NDim;
    public int NOps;

    /// <summary>
    /// A layout over <paramref name="shape"/> with dimensions of extent 1 dropped and mergeable neighbours merged
    /// (a contiguous operand set becomes one dimension).
    /// </summary>
    /// <exception cref="NotSupportedException">More than <see cref="MaxDims"/> dimensions remain after collapsing.</exception>
    public static KernelLayout Create(ReadOnlySpan<long> shape, long[][] strides, long[] offsets)
    {
        int nops = strides.Length;
        var dims = new List<long>();
        var st = new List<long[]>();
        for (int d = 0; d < shape.Length; d++)
        {
            if (shape[d] == 1) continue;
            var s = new long[nops];
            for (int k = 0; k < nops; k++) s[k] = strides[k][d];
            if (dims.Count > 0)
            {
                long prevExtent = shape[d];
                var prev = st[^1];
                bool merge = true;
                for (int k = 0; k < nops; k++) if (prev[k] != s[k] * prevExtent) { merge = false; break; }
                if (merge) { dims[^1] *= shape[d]; st[^1] = s; continue; }
            }
            dims.Add(shape[d]); st.Add(s);
        }
        if (dims.Count == 0) { dims.Add(1); st.Add(new long[nops]); }
        if (dims.Count > MaxDims)
            throw new NotSupportedException($"OpenCL backend: a strided view with {dims.Count} non-mergeable dimensions exceeds the kernels' limit of {MaxDims}.");
        var l = new KernelLayout { NDim = dims.Count, NOps = nops, N = Shapes.Numel(shape), Chunk = 1 };
        for (int d = 0; d < dims.Count; d++)
        {
            l.Shape[d] = dims[d];
            for (int k = 0; k < nops; k++) l.Strides[k * MaxDims + d] = st[d][k];
        }
        for (int k = 0; k < nops; k++) l.Offsets[k] = offsets[k];
        // Unused operands get unit strides, so the kernels' all-unit-stride fast path applies to fewer operands too.
        for (int k = nops; k < MaxOperands; k++)
            for (int d = 0; d < dims.Count; d++) l.Strides[k * MaxDims + d] = 1;
        return l;
    }

    /// <summary>The layout of tensors of one shape (element-wise operands and destination).</summary>
    public static KernelLayout Of(params LocalTensor[] tensors)
    {
        var strides = new long[tensors.Length][];
        var offsets = new long[tensors.Length];
        for (int i = 0; i < tensors.Length; i++) { strides[i] = tensors[i].Strides.ToArray(); offsets[i] = tensors[i].Offset; }
        return Create(tensors[^1].Shape, strides, offsets);
    }

    /// <summary>Work-items needed when each covers <see cref="Chunk"/> elements.</summary>
    public readonly long WorkItems => N == 0 ? 0 : (N + Chunk - 1) / Chunk;
}
