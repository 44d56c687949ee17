/* SPDX-License-Identifier: MIT */
/* The sort capability of the Torch backend (ISortKernels) over ATen's stable sort. Same conventions as heat_torch.h.
   Order: NaN last ascending and first descending, -0 equal to +0, ties in input order (torch.sort(stable=True)). */
#ifndef HTS_SORT_H
#define HTS_SORT_H
#include "heat_torch.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Sorts x (any strides; bool, integers, floats) along axis into values (x's shape and dtype) and the int64 positions
   along the axis into indices. */
HTS_API int32_t hts_sort(const hts_tensor* x, int32_t axis, int32_t descending, const hts_tensor* values,
                         const hts_tensor* indices);
/* Sorts each segment [starts[k], starts[k + 1]) of the 1-d x stably into values; the int64 order (null: each element's
   position within its segment plus order_base) moves with its element into sorted_order. */
HTS_API int32_t hts_sort_segments(const hts_tensor* x, const hts_tensor* order, int64_t order_base,
                                  const hts_tensor* starts, int32_t descending, const hts_tensor* values,
                                  const hts_tensor* sorted_order);

#ifdef __cplusplus
}
#endif
#endif
