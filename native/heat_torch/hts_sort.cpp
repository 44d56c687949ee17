// SPDX-License-Identifier: MIT
// The sort capability of the Torch backend: ATen's stable sort along an axis, and the stable sort of the segments of a
// 1-d tensor as two stable sorts (by value, then by segment), which also merges sorted runs (Core's MergeSegments).
// Bool is sorted as uint8 (same order).
#include "hts_sort.h"

#include "hts_common.h"

using namespace hts;

namespace {

at::Tensor sortable(const at::Tensor& x) { return x.scalar_type() == at::kBool ? x.to(at::kByte) : x; }

void sort(const hts_tensor& x, int32_t axis, bool descending, const hts_tensor& values, const hts_tensor& indices) {
  if (axis < 0 || axis >= std::max<int32_t>(x.ndim, 1)) throw InvalidArgument("sort axis out of range");
  at::Tensor t = input(x);
  Output v(values), i(indices);
  if (v.empty()) return;
  auto sorted = at::sort(sortable(t), /*stable=*/true, axis, descending);
  v.assign(std::get<0>(sorted));
  i.assign(std::get<1>(sorted));
}

void sort_segments(const hts_tensor& x, const hts_tensor* order, int64_t order_base, const hts_tensor& starts,
                   bool descending, const hts_tensor& values, const hts_tensor& sorted_order) {
  if (x.ndim != 1) throw InvalidArgument("segment sorts take 1-d tensors");
  at::Tensor t = input(x);
  Output v(values), o(sorted_order);
  if (v.empty()) return;
  at::Tensor bounds = input(starts).to(at::kLong);
  int64_t k = bounds.numel() - 1;
  if (k < 1) throw InvalidArgument("segment sorts need at least one segment");
  at::Tensor lengths = bounds.narrow(0, 1, k) - bounds.narrow(0, 0, k);
  // Every element's segment start (its segment number is not needed once segments are grouped again).
  at::Tensor first = at::repeat_interleave(bounds.narrow(0, 0, k), lengths, 0, t.numel());
  at::Tensor perm = std::get<1>(at::sort(sortable(t), /*stable=*/true, 0, descending));
  if (k > 1) perm = perm.index_select(0, std::get<1>(at::sort(first.index_select(0, perm), /*stable=*/true, 0, false)));
  v.assign(t.index_select(0, perm));
  if (order != nullptr) o.assign(input(*order).index_select(0, perm));
  else o.assign(perm - first + order_base);
}

}  // namespace

extern "C" {

int32_t hts_sort(const hts_tensor* x, int32_t axis, int32_t descending, const hts_tensor* values,
                 const hts_tensor* indices) {
  return guard([&] { sort(*x, axis, descending != 0, *values, *indices); });
}

int32_t hts_sort_segments(const hts_tensor* x, const hts_tensor* order, int64_t order_base, const hts_tensor* starts,
                          int32_t descending, const hts_tensor* values, const hts_tensor* sorted_order) {
  return guard([&] { sort_segments(*x, order, order_base, *starts, descending != 0, *values, *sorted_order); });
}

}  // extern "C"
