// SPDX-License-Identifier: MIT
// Reductions, arg reductions, moments and scans.
#include "hts_common.h"

#include <algorithm>
#include <limits>
#include <type_traits>

namespace hts {
namespace {

// x with its reduced dimensions moved last and merged: shape kept + [R].
at::Tensor flatten_reduced(const at::Tensor& x, const std::vector<int64_t>& axes) {
  std::vector<int64_t> perm, kept;
  std::vector<bool> reduced(x.dim(), false);
  for (int64_t a : axes) reduced[a] = true;
  int64_t r = 1;
  for (int64_t d = 0; d < x.dim(); d++) {
    if (!reduced[d]) {
      perm.push_back(d);
      kept.push_back(x.size(d));
    }
  }
  for (int64_t d = 0; d < x.dim(); d++) {
    if (reduced[d]) {
      perm.push_back(d);
      r *= x.size(d);
    }
  }
  kept.push_back(r);
  return x.permute(perm).reshape(kept);
}

// Bitwise reduction of the last dimension by pairwise halving (ATen has no bitwise reductions).
at::Tensor bitwise_reduce_last(at::Tensor y, int32_t op, const at::Scalar& identity) {
  int64_t n = y.size(-1);
  if (n == 0) {
    auto shape = y.sizes().vec();
    shape.back() = 1;
    return at::full(shape, identity, y.options());
  }
  while (n > 1) {
    int64_t half = n / 2;
    at::Tensor lo = y.narrow(-1, 0, half), hi = y.narrow(-1, half, half);
    at::Tensor c = op == RBAnd ? at::bitwise_and(lo, hi) : op == RBOr ? at::bitwise_or(lo, hi) : at::bitwise_xor(lo, hi);
    if (n % 2 == 1) c = at::cat({c, y.narrow(-1, n - 1, 1)}, -1);
    y = c;
    n = y.size(-1);
  }
  return y;
}


// ---------------------------------------------------------------------------------------------- CPU row kernels
// ATen's float32 sums with a float64 accumulator go through a slow casting loop, and its var_mean is a scalar Welford;
// these two kernels give the managed backend's accuracy at memory speed on the CPU (other devices use ATen).

template <class T>
double sum_span(const T* p, int64_t n) {
  double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    a0 += p[i]; a1 += p[i + 1]; a2 += p[i + 2]; a3 += p[i + 3];
    a4 += p[i + 4]; a5 += p[i + 5]; a6 += p[i + 6]; a7 += p[i + 7];
  }
  for (; i < n; i++) a0 += p[i];
  return ((a0 + a1) + (a2 + a3)) + ((a4 + a5) + (a6 + a7));
}

struct MomentsAcc {
  double n = 0, mean = 0, m2 = 0;
  void merge(double bn, double bmean, double bm2) {
    if (bn == 0) return;
    if (n == 0) { n = bn; mean = bmean; m2 = bm2; return; }
    double total = n + bn, delta = bmean - mean;
    mean += delta * (bn / total);
    m2 += bm2 + delta * delta * (n * bn / total);
    n = total;
  }
};

// Blocks of 2048 in cache: the block mean, then the squared deviations from it (compensated), merged by Chan's formula.
template <class T>
MomentsAcc moments_span(const T* p, int64_t n) {
  MomentsAcc acc;
  constexpr int64_t block = 2048;
  for (int64_t start = 0; start < n; start += block) {
    int64_t len = std::min(block, n - start);
    const T* q = p + start;
    double mean = sum_span(q, len) / static_cast<double>(len);
    double m0 = 0, m1 = 0, c0 = 0, c1 = 0;
    int64_t i = 0;
    for (; i + 2 <= len; i += 2) {
      double d0 = q[i] - mean, d1 = q[i + 1] - mean;
      m0 += d0 * d0; m1 += d1 * d1; c0 += d0; c1 += d1;
    }
    for (; i < len; i++) { double d = q[i] - mean; m0 += d * d; c0 += d; }
    double c = c0 + c1;
    acc.merge(static_cast<double>(len), mean, (m0 + m1) - c * c / static_cast<double>(len));
  }
  return acc;
}

// Applies f(row pointer, length) -> R to each row of a contiguous [K, n] block, threads over rows or within long rows.
template <class T, class R, class F, class Merge>
void for_rows(const T* p, int64_t rows, int64_t n, R* out, F f, Merge merge) {
  const int64_t threads = at::get_num_threads();
  if (rows >= threads || n < (int64_t{1} << 16)) {
    at::parallel_for(0, rows, std::max<int64_t>(1, (int64_t{1} << 15) / std::max<int64_t>(1, n)), [&](int64_t b, int64_t e) {
      for (int64_t r = b; r < e; r++) out[r] = f(p + r * n, n);
    });
    return;
  }
  const int64_t chunks = std::min<int64_t>(threads * 4, n >> 15);
  std::vector<R> partial(static_cast<size_t>(chunks));
  for (int64_t r = 0; r < rows; r++) {
    const T* row = p + r * n;
    at::parallel_for(0, chunks, 1, [&](int64_t b, int64_t e) {
      for (int64_t c = b; c < e; c++) {
        int64_t lo = n * c / chunks, hi = n * (c + 1) / chunks;
        partial[static_cast<size_t>(c)] = f(row + lo, hi - lo);
      }
    });
    R total = partial[0];
    for (int64_t c = 1; c < chunks; c++) merge(total, partial[static_cast<size_t>(c)]);
    out[r] = total;
  }
}

// Sums over the reduced axes in double (CPU, float32/float64 input): a tensor of the kept shape.
at::Tensor cpu_sum_double(const at::Tensor& x, const std::vector<int64_t>& axes) {
  at::Tensor y = flatten_reduced(x, axes).contiguous();
  const int64_t n = y.size(-1);
  auto kept = y.sizes().vec();
  kept.pop_back();
  int64_t rows = 1;
  for (int64_t k : kept) rows *= k;
  at::Tensor out = at::empty({rows}, y.options().dtype(at::kDouble));
  double* o = out.data_ptr<double>();
  if (n == 0) {
    out.zero_();
  } else if (y.scalar_type() == at::kFloat) {
    for_rows(y.data_ptr<float>(), rows, n, o, [](const float* q, int64_t len) { return sum_span(q, len); }, [](double& a, double b) { a += b; });
  } else {
    for_rows(y.data_ptr<double>(), rows, n, o, [](const double* q, int64_t len) { return sum_span(q, len); }, [](double& a, double b) { a += b; });
  }
  return out.view(kept);
}

// Integer (and bool) sums in int64, wrapping as the managed backend's. ATen's sum with an int64 result first converts
// the whole input to int64 (8 bytes of temporary per element: 38 s for 2.2e9 uint8), so the CPU sums rows itself.
template <class T>
int64_t int_sum_span(const T* p, int64_t n) {
  uint64_t total = 0;
  if constexpr (sizeof(T) == 1) {
    // Bytes: 16-bit lanes over runs of 256 (|sum| <= 256 * 255 fits), 32-bit over blocks of 32768, then 64-bit.
    using Lane = std::conditional_t<std::is_signed_v<T>, int16_t, uint16_t>;
    int64_t start = 0;
    while (start + 256 <= n) {
      const int64_t end = std::min(n, start + 32768);
      int32_t mid = 0;
      for (; start + 256 <= end; start += 256) {
        const T* q = p + start;
        Lane acc = 0;
        for (int i = 0; i < 256; i++) acc = static_cast<Lane>(acc + q[i]);
        mid += acc;
      }
      total += static_cast<uint64_t>(static_cast<int64_t>(mid));
    }
    for (; start < n; start++) total += static_cast<uint64_t>(static_cast<int64_t>(p[start]));
  } else if constexpr (sizeof(T) == 2) {
    // 32-bit lanes (vectorised widening adds), in blocks short enough that no lane overflows (32768 * 2^15 < 2^31).
    constexpr int64_t block = 32768;
    for (int64_t start = 0; start < n; start += block) {
      const int64_t len = std::min(block, n - start);
      const T* q = p + start;
      int32_t acc = 0;
      for (int64_t i = 0; i < len; i++) acc += q[i];
      total += static_cast<uint64_t>(static_cast<int64_t>(acc));
    }
  } else {
    uint64_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    int64_t i = 0;
    for (; i + 4 <= n; i += 4) {
      a0 += static_cast<uint64_t>(static_cast<int64_t>(p[i]));
      a1 += static_cast<uint64_t>(static_cast<int64_t>(p[i + 1]));
      a2 += static_cast<uint64_t>(static_cast<int64_t>(p[i + 2]));
      a3 += static_cast<uint64_t>(static_cast<int64_t>(p[i + 3]));
    }
    for (; i < n; i++) a0 += static_cast<uint64_t>(static_cast<int64_t>(p[i]));
    total = (a0 + a1) + (a2 + a3);
  }
  return static_cast<int64_t>(total);
}

template <class T>
void int_sum_rows(const at::Tensor& y, int64_t rows, int64_t n, int64_t* o) {
  auto sum = [](const T* q, int64_t len) { return int_sum_span(q, len); };
  auto merge = [](int64_t& a, int64_t b) { a = static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b)); };
  for_rows(reinterpret_cast<const T*>(y.data_ptr()), rows, n, o, sum, merge);
}

// Sums over the reduced axes in int64 (CPU, bool or integer input): a tensor of the kept shape.
at::Tensor cpu_sum_integer(const at::Tensor& x, const std::vector<int64_t>& axes) {
  at::Tensor y = flatten_reduced(x, axes).contiguous();
  const int64_t n = y.size(-1);
  auto kept = y.sizes().vec();
  kept.pop_back();
  int64_t rows = 1;
  for (int64_t k : kept) rows *= k;
  at::Tensor out = at::empty({rows}, y.options().dtype(at::kLong));
  int64_t* o = out.data_ptr<int64_t>();
  if (n == 0 || rows == 0) {
    out.zero_();
    return out.view(kept);
  }
  switch (y.scalar_type()) {
    case at::kBool:
    case at::kByte: int_sum_rows<uint8_t>(y, rows, n, o); break;
    case at::kChar: int_sum_rows<int8_t>(y, rows, n, o); break;
    case at::kShort: int_sum_rows<int16_t>(y, rows, n, o); break;
    case at::kInt: int_sum_rows<int32_t>(y, rows, n, o); break;
    default: int_sum_rows<int64_t>(y, rows, n, o); break;
  }
  return out.view(kept);
}

// The same on other devices: ATen's sum into int64, over slices of the reduced range small enough that its int64 copy
// of the input stays bounded (about 2^27 elements at a time).
at::Tensor chunked_sum_integer(const at::Tensor& x, const std::vector<int64_t>& axes) {
  at::Tensor y = flatten_reduced(x, axes);
  const int64_t n = y.size(-1);
  auto kept = y.sizes().vec();
  kept.back() = 1;
  at::Tensor total = at::zeros(kept, y.options().dtype(at::kLong));
  const int64_t rows = std::max<int64_t>(1, y.numel() / std::max<int64_t>(1, n));
  const int64_t step = std::max<int64_t>(1, (int64_t{1} << 27) / rows);
  for (int64_t start = 0; start < n; start += step)
    total.add_(at::sum(y.narrow(-1, start, std::min(step, n - start)), {-1}, true, at::kLong));
  kept.pop_back();
  return total.view(kept);
}

// Mean and M2 over the reduced axes in double (CPU; other dtypes are converted to float64 first).
std::pair<at::Tensor, at::Tensor> cpu_moments(const at::Tensor& x, const std::vector<int64_t>& axes) {
  at::Tensor y = flatten_reduced(x.scalar_type() == at::kFloat || x.scalar_type() == at::kDouble ? x : x.to(at::kDouble), axes).contiguous();
  const int64_t n = y.size(-1), rows = y.numel() / std::max<int64_t>(1, n);
  auto kept = y.sizes().vec();
  kept.pop_back();
  std::vector<MomentsAcc> acc(static_cast<size_t>(rows));
  auto merge = [](MomentsAcc& a, const MomentsAcc& b) { a.merge(b.n, b.mean, b.m2); };
  if (y.scalar_type() == at::kFloat)
    for_rows(y.data_ptr<float>(), rows, n, acc.data(), [](const float* q, int64_t len) { return moments_span(q, len); }, merge);
  else
    for_rows(y.data_ptr<double>(), rows, n, acc.data(), [](const double* q, int64_t len) { return moments_span(q, len); }, merge);
  at::Tensor mean = at::empty({rows}, y.options().dtype(at::kDouble)), m2 = at::empty({rows}, y.options().dtype(at::kDouble));
  double* pm = mean.data_ptr<double>();
  double* pq = m2.data_ptr<double>();
  for (int64_t r = 0; r < rows; r++) {
    pm[r] = acc[static_cast<size_t>(r)].mean;
    pq[r] = acc[static_cast<size_t>(r)].m2;
  }
  return {mean.view(kept), m2.view(kept)};
}

at::Scalar extreme(at::ScalarType t, bool max) {
  switch (t) {
    case at::kBool: return at::Scalar(max);
    case at::kByte: return at::Scalar(static_cast<int64_t>(max ? 255 : 0));
    case at::kChar: return at::Scalar(static_cast<int64_t>(max ? 127 : -128));
    case at::kShort: return at::Scalar(static_cast<int64_t>(max ? 32767 : -32768));
    case at::kInt: return at::Scalar(static_cast<int64_t>(max ? std::numeric_limits<int32_t>::max() : std::numeric_limits<int32_t>::min()));
    case at::kLong: return at::Scalar(max ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min());
    default: return at::Scalar(max ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity());
  }
}

void reduce_into(int32_t op, const at::Tensor& x, const std::vector<int64_t>& axes, Output& out) {
  const at::ScalarType t = x.scalar_type(), dt = out.dtype();
  const bool native_dims = !axes.empty();  // ATen reads an empty dim list as "all dimensions"
  int64_t count = 1;
  for (int64_t a : axes) count *= x.size(a);
  at::Tensor& o = out.target();
  auto kept_shape = o.sizes();
  switch (op) {
    case RSum:
      if (t == at::kBool && dt == at::kBool) {
        out.assign(flatten_reduced(x, axes).any(-1).view(kept_shape));
      } else if (at::isFloatingType(dt) && (t == at::kBool || (is_integral(t) && c10::elementSize(t) <= 2))) {
        // Bytes and shorts (a mean of uint8 images) sum exactly in int64, with no float64 copy of the input, and round
        // once at the end.
        out.assign((x.is_cpu() ? cpu_sum_integer(x, axes) : chunked_sum_integer(x, axes)).view(kept_shape));
      } else if (at::isFloatingType(dt) || at::isComplexType(dt)) {
        if (x.is_complex() && !at::isComplexType(dt)) unsupported("reduction sum into a real dtype", t);
        // Accumulate float32 in double, as the managed backend does (ATen's float32 cascade loses digits on cancellation).
        const at::ScalarType acc = dt == at::kFloat ? at::kDouble : dt == at::kComplexFloat ? at::kComplexDouble : dt;
        if (!native_dims) out.assign(x);
        else if (x.is_cpu() && t == at::kFloat && at::isFloatingType(dt)) out.assign(cpu_sum_double(x, axes).view(kept_shape));
        else if (acc == dt) { at::sum_out(o, x, axes, true, dt); out.finish(); }
        else out.assign(at::sum(x, axes, true, acc));
      } else {
        at::Tensor s = x.is_cpu() ? cpu_sum_integer(x, axes) : chunked_sum_integer(x, axes);
        out.assign(s.view(kept_shape));
      }
      break;
    case RProd: {
      if (x.is_complex() && !at::isComplexType(dt)) unsupported("reduction prod into a real dtype", t);
      at::Tensor y = flatten_reduced(x, axes);
      if (t == at::kBool && dt == at::kBool) {
        out.assign(y.all(-1).view(kept_shape));
      } else {
        at::ScalarType acc = at::isComplexType(dt) ? at::kComplexDouble : at::isFloatingType(dt) ? at::kDouble : at::kLong;
        out.assign(at::prod(y, -1, false, acc).view(kept_shape));
      }
      break;
    }
    case RMin:
    case RMax: {
      if (x.is_complex()) unsupported(op == RMin ? "reduction min" : "reduction max", t);
      if (count == 0) {
        o.fill_(extreme(t, op == RMin));
        out.finish();
      } else if (t == at::kBool) {
        at::Tensor y = flatten_reduced(x, axes);
        out.assign((op == RMin ? y.all(-1) : y.any(-1)).view(kept_shape));
      } else if (!native_dims) {
        out.assign(x);
      } else if (dt == t) {
        op == RMin ? (void)at::amin_out(o, x, axes, true) : (void)at::amax_out(o, x, axes, true);
        out.finish();
      } else {
        out.assign(op == RMin ? at::amin(x, axes, true) : at::amax(x, axes, true));
      }
      break;
    }
    case RLAnd:
    case RLOr: {
      at::Tensor y = flatten_reduced(t == at::kBool ? x : (x != 0), axes);
      out.assign((op == RLAnd ? y.all(-1) : y.any(-1)).view(kept_shape));
      break;
    }
    case RBAnd:
    case RBOr:
    case RBXor: {
      if (!is_integral(t) && t != at::kBool) unsupported(op == RBAnd ? "reduction band" : op == RBOr ? "reduction bor" : "reduction bxor", t);
      at::Scalar identity = op == RBAnd ? (t == at::kBool ? at::Scalar(true) : t == at::kByte ? at::Scalar(static_cast<int64_t>(255)) : at::Scalar(static_cast<int64_t>(-1)))
                                        : (t == at::kBool ? at::Scalar(false) : at::Scalar(static_cast<int64_t>(0)));
      out.assign(bitwise_reduce_last(flatten_reduced(x, axes), op, identity).view(kept_shape));
      break;
    }
    default: throw NotSupported("reduction " + std::to_string(op) + " is not implemented");
  }
}

std::vector<int64_t> axes_of(const int32_t* axes, int32_t naxes, int64_t ndim) {
  std::vector<bool> seen(ndim, false);
  std::vector<int64_t> r;
  for (int i = 0; i < naxes; i++) {
    int64_t a = axes[i] < 0 ? axes[i] + ndim : axes[i];
    if (a < 0 || a >= ndim) throw InvalidArgument("axis " + std::to_string(axes[i]) + " is out of range for " + std::to_string(ndim) + " dimensions");
    if (!seen[a]) r.push_back(a);
    seen[a] = true;
  }
  std::sort(r.begin(), r.end());
  return r;
}
}  // namespace
}  // namespace hts

using namespace hts;

extern "C" {

int32_t hts_reduce(int32_t op, const hts_tensor* x, const int32_t* axes, int32_t naxes, const hts_tensor* destination) {
  return guard([&] {
    Output out(*destination);
    if (out.empty()) return;
    at::Tensor xt = input(*x);
    reduce_into(op, xt, axes_of(axes, naxes, xt.dim()), out);
  });
}

int32_t hts_argreduce(int32_t kind, const hts_tensor* x, int32_t axis, const hts_tensor* values, const hts_tensor* indices) {
  return guard([&] {
    Output vals(*values), idx(*indices);
    if (vals.empty() && idx.empty()) return;
    at::Tensor xt = input(*x);
    if (xt.is_complex()) unsupported(kind == ArgMin ? "ArgMin" : "ArgMax", xt.scalar_type());
    if (idx.dtype() != at::kLong) throw NotSupported("arg reductions write int64 indices");
    if (xt.dim() == 0) {
      copy_into(xt, vals);
      idx.target().fill_(0);
      idx.finish();
      return;
    }
    int64_t ax = axis < 0 ? axis + xt.dim() : axis;
    if (ax < 0 || ax >= xt.dim()) throw InvalidArgument("axis " + std::to_string(axis) + " is out of range");
    if (xt.size(ax) == 0) throw InvalidArgument("arg reduction of an empty sequence along axis " + std::to_string(ax));
    at::Tensor y = as_byte_if_bool(xt);
    auto r = kind == ArgMin ? at::min(y, ax, true) : at::max(y, ax, true);
    copy_into(std::get<0>(r), vals);
    idx.assign(std::get<1>(r));
  });
}

int32_t hts_moments(const hts_tensor* x, const int32_t* axes, int32_t naxes, const hts_tensor* mean, const hts_tensor* m2) {
  return guard([&] {
    Output om(*mean), oq(*m2);
    if (om.empty() && oq.empty()) return;
    at::Tensor xt = input(*x);
    if (xt.is_complex()) unsupported("moments", xt.scalar_type());
    auto ax = axes_of(axes, naxes, xt.dim());
    int64_t count = 1;
    for (int64_t a : ax) count *= xt.size(a);
    if (ax.empty()) {
      copy_into(xt, om);
      oq.target().fill_(0);
      oq.finish();
      return;
    }
    if (count == 0) {
      om.target().fill_(std::numeric_limits<double>::quiet_NaN());
      om.finish();
      oq.target().fill_(std::numeric_limits<double>::quiet_NaN());
      oq.finish();
      return;
    }
    if (xt.is_cpu()) {
      auto [mean, m2] = cpu_moments(xt, ax);
      copy_into(mean.view(om.target().sizes()), om);
      copy_into(m2.view(oq.target().sizes()), oq);
      return;
    }
    // Other devices: ATen's Welford, accumulating in double.
    at::Tensor xd = xt.scalar_type() == at::kFloat && om.dtype() == at::kFloat ? xt : xt.to(at::kDouble);
    auto vm = at::var_mean(xd, ax, /*unbiased=*/false, /*keepdim=*/true);
    copy_into(std::get<1>(vm), om);
    copy_into(std::get<0>(vm).to(at::kDouble).mul_(static_cast<double>(count)), oq);
  });
}

int32_t hts_scan(int32_t op, const hts_tensor* x, int32_t axis, const hts_tensor* destination) {
  return guard([&] {
    Output out(*destination);
    if (out.empty()) return;
    at::Tensor xt = input(*x);
    const at::ScalarType dt = out.dtype();
    at::Tensor xc = xt.scalar_type() == dt ? xt : xt.to(dt);
    if (xc.dim() == 0) {
      out.assign(xc);
      return;
    }
    int64_t ax = axis < 0 ? axis + xc.dim() : axis;
    if (ax < 0 || ax >= xc.dim()) throw InvalidArgument("axis " + std::to_string(axis) + " is out of range");
    if (dt == at::kBool) {
      at::Tensor y = xc.to(at::kByte);
      bool any = op == RSum || op == RMax || op == RLOr || op == RBOr;
      bool all = op == RProd || op == RMin || op == RLAnd || op == RBAnd;
      if (!any && !all) unsupported("this scan", dt);
      out.assign(std::get<0>(any ? at::cummax(y, ax) : at::cummin(y, ax)));
      return;
    }
    switch (op) {
      case RSum: at::cumsum_out(out.target(), xc, ax, dt); out.finish(); break;
      case RProd: at::cumprod_out(out.target(), xc, ax, dt); out.finish(); break;
      case RMin:
      case RMax:
        if (xc.is_complex()) unsupported(op == RMin ? "scan min" : "scan max", dt);
        out.assign(std::get<0>(op == RMin ? at::cummin(xc, ax) : at::cummax(xc, ax)));
        break;
      default: unsupported("this scan", dt);
    }
  });
}

}  // extern "C"
