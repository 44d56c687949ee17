// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Torch.Interop;

/// <summary>The exports of native/heat_torch/hts_linalg.h: ATen's dense factorizations and solves.</summary>
internal static unsafe partial class TorchNative
{
    [LibraryImport(Lib)] internal static partial int hts_linalg_qr(HtsTensor* a, HtsTensor* q, HtsTensor* r);
    [LibraryImport(Lib)]
    internal static partial int hts_linalg_svd(HtsTensor* a, HtsTensor* u, HtsTensor* s, HtsTensor* vt);
    [LibraryImport(Lib)] internal static partial int hts_linalg_eigh(HtsTensor* a, HtsTensor* w, HtsTensor* v);
    [LibraryImport(Lib)] internal static partial int hts_linalg_solve(HtsTensor* a, HtsTensor* b, HtsTensor* x);
    [LibraryImport(Lib)] internal static partial int hts_linalg_inv(HtsTensor* a, HtsTensor* x);
    [LibraryImport(Lib)]
    internal static partial int hts_linalg_slogdet(HtsTensor* a, HtsTensor* sign, HtsTensor* logabsdet);
    [LibraryImport(Lib)]
    internal static partial int hts_linalg_solve_triangular(HtsTensor* a, HtsTensor* b, int upper, int unitDiagonal,
        HtsTensor* x);
}
