/* SPDX-License-Identifier: MIT */
/* The dense linear algebra capability of the Torch backend (IDenseLinalgKernels) over ATen's linalg (LAPACK on the CPU,
   cuSOLVER/MAGMA on CUDA). Same conventions as heat_torch.h. Matrices are the last two dimensions; leading dimensions
   are a batch. float32, float64, complex64, complex128. Destination shapes are checked against the results; a singular
   matrix (Solve, Inv) or a zero diagonal (SolveTriangular) is HTS_INVALID_ARGUMENT. Optional destinations may be
   null. */
#ifndef HTS_LINALG_H
#define HTS_LINALG_H
#include "heat_torch.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A = QR: r (..., min(m, n) or m, n), q (..., m, min(m, n) or m) or null. */
HTS_API int32_t hts_linalg_qr(const hts_tensor* a, const hts_tensor* q, const hts_tensor* r);
/* A = U diag(S) V^H: s (..., k) descending; u and vt both null, reduced (k) or full (m, n). */
HTS_API int32_t hts_linalg_svd(const hts_tensor* a, const hts_tensor* u, const hts_tensor* s, const hts_tensor* vt);
/* Eigenvalues ascending into w, eigenvectors (columns) into v unless null; the lower triangle of a is read. */
HTS_API int32_t hts_linalg_eigh(const hts_tensor* a, const hts_tensor* w, const hts_tensor* v);
HTS_API int32_t hts_linalg_solve(const hts_tensor* a, const hts_tensor* b, const hts_tensor* x);
HTS_API int32_t hts_linalg_inv(const hts_tensor* a, const hts_tensor* x);
HTS_API int32_t hts_linalg_slogdet(const hts_tensor* a, const hts_tensor* sign, const hts_tensor* logabsdet);
HTS_API int32_t hts_linalg_solve_triangular(const hts_tensor* a, const hts_tensor* b, int32_t upper,
                                            int32_t unit_diagonal, const hts_tensor* x);

#ifdef __cplusplus
}
#endif
#endif
