// SPDX-License-Identifier: MIT
// Matrix products (2-d and batched, bool as OR of ANDs), optionally accumulating into the destination.
#include "hts_common.h"

namespace hts {
namespace {

at::Tensor matmul_value(const at::Tensor& a, const at::Tensor& b, at::IntArrayRef out_shape) {
  const int64_t nd = static_cast<int64_t>(out_shape.size());
  const int64_t m = out_shape[nd - 2], n = out_shape[nd - 1], k = a.size(-1);
  std::vector<int64_t> batch(out_shape.begin(), out_shape.end() - 2);
  std::vector<int64_t> ashape = batch, bshape = batch;
  ashape.push_back(m); ashape.push_back(k);
  bshape.push_back(k); bshape.push_back(n);
  at::Tensor av = a.expand(ashape), bv = b.expand(bshape);
  const bool boolean = a.scalar_type() == at::kBool;
  if (boolean) {
    // OR of ANDs: a float32 product of 0/1 values is positive exactly when some term is 1.
    av = av.to(at::kFloat);
    bv = bv.to(at::kFloat);
  }
  at::Tensor r;
  if (batch.empty()) {
    r = at::mm(av, bv);
  } else {
    r = at::bmm(av.reshape({-1, m, k}), bv.reshape({-1, k, n})).view(out_shape);
  }
  return boolean ? (r > 0) : r;
}

}  // namespace
}  // namespace hts

using namespace hts;

extern "C" {

int32_t hts_matmul(const hts_tensor* a, const hts_tensor* b, const hts_tensor* destination, int32_t accumulate) {
  return guard([&] {
    Output out(*destination, /*initialise=*/accumulate != 0);
    if (out.empty()) return;
    at::Tensor at_ = input(*a), bt = input(*b);
    at::Tensor& o = out.target();
    if (at_.scalar_type() != at::kBool && o.dim() == 2 && at_.dim() == 2 && bt.dim() == 2) {
      if (accumulate) o.addmm_(at_, bt);
      else at::mm_out(o, at_, bt);
      out.finish();
      return;
    }
    at::Tensor r = matmul_value(at_, bt, o.sizes());
    if (!accumulate) o.copy_(r);
    else if (at_.scalar_type() == at::kBool) o.logical_or_(r);
    else o.add_(r);
    out.finish();
  });
}

}  // extern "C"
