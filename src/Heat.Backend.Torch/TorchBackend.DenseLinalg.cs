// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Torch.Interop;

namespace Heat.Backend.Torch;

/// <summary>The dense linear algebra capability through ATen's linalg (native/heat_torch/hts_linalg.cpp): LAPACK on
/// the CPU, cuSOLVER/MAGMA on CUDA, whole batches per call.</summary>
public sealed unsafe partial class TorchBackend : IDenseLinalgKernels
{
    /// <inheritdoc/>
    void IDenseLinalgKernels.Qr(LocalTensor a, LocalTensor? q, LocalTensor r) =>
        Call("qr", v => TorchNative.hts_linalg_qr(v, Optional(v + 1), v + 2), a, q, r);

    /// <inheritdoc/>
    void IDenseLinalgKernels.Svd(LocalTensor a, LocalTensor? u, LocalTensor s, LocalTensor? vt) =>
        Call("svd", v => TorchNative.hts_linalg_svd(v, Optional(v + 1), v + 2, Optional(v + 3)), a, u, s, vt);

    /// <inheritdoc/>
    void IDenseLinalgKernels.Eigh(LocalTensor a, LocalTensor w, LocalTensor? v) =>
        Call("eigh", t => TorchNative.hts_linalg_eigh(t, t + 1, Optional(t + 2)), a, w, v);

    /// <inheritdoc/>
    void IDenseLinalgKernels.Solve(LocalTensor a, LocalTensor b, LocalTensor x) =>
        Call("solve", v => TorchNative.hts_linalg_solve(v, v + 1, v + 2), a, b, x);

    /// <inheritdoc/>
    void IDenseLinalgKernels.Inv(LocalTensor a, LocalTensor x) =>
        Call("inv", v => TorchNative.hts_linalg_inv(v, v + 1), a, x);

    /// <inheritdoc/>
    void IDenseLinalgKernels.Slogdet(LocalTensor a, LocalTensor sign, LocalTensor logabsdet) =>
        Call("slogdet", v => TorchNative.hts_linalg_slogdet(v, v + 1, v + 2), a, sign, logabsdet);

    /// <inheritdoc/>
    void IDenseLinalgKernels.SolveTriangular(LocalTensor a, LocalTensor b, bool upper, bool unitDiagonal,
        LocalTensor x) =>
        Call("solve_triangular", v => TorchNative.hts_linalg_solve_triangular(v, v + 1, upper ? 1 : 0,
            unitDiagonal ? 1 : 0, v + 2), a, b, x);
}
