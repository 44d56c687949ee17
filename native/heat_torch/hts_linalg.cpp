// SPDX-License-Identifier: MIT
// The dense linear algebra capability of the Torch backend: ATen's linalg_* on whole batches of matrices, with
// Heat's conventions (destination shapes checked, singular systems an invalid argument, as the managed LAPACK kernels).
#include "hts_linalg.h"

#include "hts_common.h"

#include <algorithm>

using namespace hts;

namespace {

at::Tensor matrices(const hts_tensor& a, const char* name) {
  if (a.ndim < 2) throw InvalidArgument(std::string(name) + " needs at least 2 dimensions");
  at::Tensor t = input(a);
  if (!at::isFloatingType(t.scalar_type()) && !at::isComplexType(t.scalar_type()))
    throw InvalidArgument(std::string(name) + " must be float32, float64, complex64 or complex128");
  return t;
}

at::Tensor square(const hts_tensor& a) {
  at::Tensor t = matrices(a, "a");
  if (t.size(-1) != t.size(-2)) throw InvalidArgument("the matrices are not square");
  return t;
}

// Writes a result into its destination after checking that the destination has the result's shape.
void put(const hts_tensor& destination, const at::Tensor& value, const char* name) {
  Output out(destination);
  if (!out.target().sizes().equals(value.sizes()))
    throw InvalidArgument(std::string(name) + " has shape " + c10::str(out.target().sizes()) + "; expected " +
                          c10::str(value.sizes()));
  if (out.empty()) return;
  out.assign(value);
}

void qr(const hts_tensor& a, const hts_tensor* q, const hts_tensor& r) {
  at::Tensor t = matrices(a, "a");
  int64_t m = t.size(-2), n = t.size(-1), k = std::min(m, n);
  int64_t kr = r.ndim >= 2 ? r.sizes[r.ndim - 2] : -1, kq = q && q->ndim >= 2 ? q->sizes[q->ndim - 1] : -1;
  if (kr != k && kr != m) throw InvalidArgument("R has " + std::to_string(kr) + " rows; expected min(m, n) or m");
  if (q && kq != k && kq != m)
    throw InvalidArgument("Q has " + std::to_string(kq) + " columns; expected min(m, n) or m");
  bool complete = (kr == m || kq == m) && m > k;
  auto [qt, rt] = at::linalg_qr(t, complete ? "complete" : q ? "reduced" : "r");
  put(r, rt.narrow(-2, 0, kr), "R");  // complete R has zero rows beyond min(m, n)
  if (q) put(*q, qt.narrow(-1, 0, kq), "Q");
}

void svd(const hts_tensor& a, const hts_tensor* u, const hts_tensor& s, const hts_tensor* vt) {
  at::Tensor t = matrices(a, "a");
  if ((u == nullptr) != (vt == nullptr)) throw InvalidArgument("U and Vt are both given or both null");
  if (!u) {
    put(s, at::linalg_svdvals(t), "S");
    return;
  }
  int64_t m = t.size(-2), n = t.size(-1), k = std::min(m, n);
  int64_t ku = u->ndim >= 2 ? u->sizes[u->ndim - 1] : -1;
  int64_t kv = vt->ndim >= 2 ? vt->sizes[vt->ndim - 2] : -1;
  bool full = ku == m && kv == n && (ku != k || kv != k);
  auto [ut, st, vht] = at::linalg_svd(t, full);
  put(s, st, "S");
  put(*u, ut, "U");
  put(*vt, vht, "Vt");
}

void eigh(const hts_tensor& a, const hts_tensor& w, const hts_tensor* v) {
  at::Tensor t = square(a);
  if (!v) {
    put(w, at::linalg_eigvalsh(t, "L"), "w");
    return;
  }
  auto [wt, vt] = at::linalg_eigh(t, "L");
  put(w, wt, "w");
  put(*v, vt, "V");
}

void check_info(const at::Tensor& info) {
  if (info.numel() > 0 && info.ne(0).any().item<bool>())
    throw InvalidArgument("a matrix is singular (LU found a zero pivot)");
}

void solve(const hts_tensor& a, const hts_tensor& b, const hts_tensor& x) {
  at::Tensor t = square(a), rhs = matrices(b, "b");
  if (rhs.size(-2) != t.size(-1)) throw InvalidArgument("b has a different number of rows than a");
  auto [xt, info] = at::linalg_solve_ex(t, rhs);
  check_info(info);
  put(x, xt, "x");
}

void inv(const hts_tensor& a, const hts_tensor& x) {
  auto [xt, info] = at::linalg_inv_ex(square(a));
  check_info(info);
  put(x, xt, "x");
}

void slogdet(const hts_tensor& a, const hts_tensor& sign, const hts_tensor& logabsdet) {
  auto [st, lt] = at::linalg_slogdet(square(a));
  put(sign, st, "sign");
  put(logabsdet, lt, "logabsdet");
}

void solve_triangular(const hts_tensor& a, const hts_tensor& b, bool upper, bool unit, const hts_tensor& x) {
  at::Tensor t = square(a), rhs = matrices(b, "b");
  if (rhs.size(-2) != t.size(-1)) throw InvalidArgument("b has a different number of rows than a");
  if (!unit && t.numel() > 0 && t.diagonal(0, -2, -1).eq(0).any().item<bool>())
    throw InvalidArgument("a diagonal element of the triangular matrix is zero");
  put(x, at::linalg_solve_triangular(t, rhs, upper, /*left=*/true, unit), "x");
}

}  // namespace

extern "C" {

int32_t hts_linalg_qr(const hts_tensor* a, const hts_tensor* q, const hts_tensor* r) {
  return guard([&] { qr(*a, q, *r); });
}

int32_t hts_linalg_svd(const hts_tensor* a, const hts_tensor* u, const hts_tensor* s, const hts_tensor* vt) {
  return guard([&] { svd(*a, u, *s, vt); });
}

int32_t hts_linalg_eigh(const hts_tensor* a, const hts_tensor* w, const hts_tensor* v) {
  return guard([&] { eigh(*a, *w, v); });
}

int32_t hts_linalg_solve(const hts_tensor* a, const hts_tensor* b, const hts_tensor* x) {
  return guard([&] { solve(*a, *b, *x); });
}

int32_t hts_linalg_inv(const hts_tensor* a, const hts_tensor* x) {
  return guard([&] { inv(*a, *x); });
}

int32_t hts_linalg_slogdet(const hts_tensor* a, const hts_tensor* sign, const hts_tensor* logabsdet) {
  return guard([&] { slogdet(*a, *sign, *logabsdet); });
}

int32_t hts_linalg_solve_triangular(const hts_tensor* a, const hts_tensor* b, int32_t upper, int32_t unit_diagonal,
                                    const hts_tensor* x) {
  return guard([&] { solve_triangular(*a, *b, upper != 0, unit_diagonal != 0, *x); });
}

}  // extern "C"
