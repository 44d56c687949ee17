/* SPDX-License-Identifier: MIT */
/* The distance capability of the Torch backend (IDistanceKernels): local blocks of cdist over ATen. Same conventions as
   heat_torch.h; errors are read with hts_cdist_last_error (this file keeps its own message buffer). */
#ifndef HTS_DISTANCES_H
#define HTS_DISTANCES_H
#include "heat_torch.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Distances of the rows of x (a x f) to the rows of y (b x f) into destination (a x b). metric: 0 euclidean, 1 rbf
   (exp(-d^2 / (2 sigma^2))), 2 manhattan; quadratic: |x|^2 + |y|^2 - 2 x.y clamped at 0 (euclidean and rbf), else the
   exact difference form. y null: x against itself, exactly symmetric with a zero diagonal. mirror, when not null,
   receives the transpose (b x a). float32 or float64; x and y contiguous; destinations with non-negative strides. */
HTS_API int32_t hts_cdist(const hts_tensor* x, const hts_tensor* y, const hts_tensor* destination, const hts_tensor* mirror,
                          int32_t metric, int32_t quadratic, double sigma);
HTS_API const char* hts_cdist_last_error(void);

#ifdef __cplusplus
}
#endif
#endif
