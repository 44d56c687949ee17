// SPDX-License-Identifier: MIT
// The FFT and signal capabilities of the Torch backend: ATen's FFT (pocketfft, MKL or cuFFT, whichever the libtorch
// has) along one axis, the twiddle and chirp factors of Core's four-step and Bluestein transforms computed from exact
// integer exponents, and the direct "valid" correlation of ht.signal: for floats a Toeplitz matrix product (long 1-d
// signals) or at::conv1d/conv2d on bounded windows, for integers (which ATen's convolutions do not take) one
// multiply-add per tap.
#include "hts_fft.h"

#include "hts_common.h"

#include <cmath>

using namespace hts;

namespace {

constexpr double kPi = 3.14159265358979323846;

// The norm string of ATen that gives `scale` itself (the transform of length n), or nothing when only a multiply does.
// Forward transforms: "backward" is unscaled; inverse ones: "forward" is unscaled.
c10::optional<c10::string_view> norm_for(double scale, int64_t n, bool inverse, bool& rest) {
  auto near = [&](double v) { return std::abs(scale - v) <= 1e-15 * v; };
  rest = false;
  if (near(1)) return inverse ? "forward" : "backward";
  if (near(1.0 / static_cast<double>(n))) return inverse ? "backward" : "forward";
  if (near(1.0 / std::sqrt(static_cast<double>(n)))) return "ortho";
  rest = true;
  return inverse ? "forward" : "backward";
}

void check_axis(const hts_tensor& t, int32_t axis) {
  if (axis < 0 || axis >= t.ndim) throw InvalidArgument("FFT axis " + std::to_string(axis) + " is out of range");
}

// a·b mod n for int64 tensors with entries in [0, n): the plain product while it fits in 63 bits, else by doubling.
at::Tensor mulmod(const at::Tensor& a, const at::Tensor& b, int64_t n) {
  if (n <= 3037000499LL) return (a * b).remainder(n);
  auto shape = at::infer_size(a.sizes(), b.sizes());
  at::Tensor x = a.expand(shape), y = b.expand(shape);
  at::Tensor r = at::zeros(shape, a.options());
  for (int bit = 62; bit >= 0; bit--) {
    r = (r * 2).remainder(n);
    at::Tensor set = at::bitwise_and(at::bitwise_right_shift(y, bit), 1).to(at::kBool);
    r = at::where(set, (r + x).remainder(n), r);
  }
  return r;
}

// exp(i·step·e) of the integer exponents e, computed in double and rounded to `type`.
at::Tensor roots(const at::Tensor& e, double step, at::ScalarType type) {
  at::Tensor theta = e.to(at::kDouble).mul_(step);
  return at::complex(theta.cos(), theta.sin()).to(type);
}

void twiddle(const hts_tensor& source, const hts_tensor& destination, int64_t n, int64_t r0, int64_t c0, bool inverse) {
  if (source.ndim != 2 || destination.ndim != 2) throw InvalidArgument("twiddle needs 2-d tensors");
  if (n < 1) throw InvalidArgument("the transform length must be positive");
  at::Tensor x = input(source);
  Output out(destination);
  if (out.empty()) return;
  auto opts = at::TensorOptions().dtype(at::kLong).device(x.device());
  at::Tensor rows = (at::arange(x.size(0), opts) + (r0 % n)).remainder(n).unsqueeze(1);
  at::Tensor cols = (at::arange(x.size(1), opts) + (c0 % n)).remainder(n).unsqueeze(0);
  at::Tensor w = roots(mulmod(rows, cols, n), (inverse ? 2 : -2) * kPi / static_cast<double>(n), x.scalar_type());
  at::mul_out(out.target(), x, w);
  out.finish();
}

void chirp(const hts_tensor& source, const hts_tensor& destination, int64_t n, int64_t offset, bool inverse) {
  if (source.ndim != 1 || destination.ndim != 1) throw InvalidArgument("chirp needs 1-d tensors");
  if (n < 1) throw InvalidArgument("the transform length must be positive");
  at::Tensor x = input(source);
  Output out(destination);
  if (out.empty()) return;
  int64_t two_n = 2 * n;
  auto opts = at::TensorOptions().dtype(at::kLong).device(x.device());
  at::Tensor t = (at::arange(x.size(0), opts) + (offset % two_n)).abs_().remainder(two_n);
  at::Tensor w = roots(mulmod(t, t, two_n), (inverse ? 1 : -1) * kPi / static_cast<double>(n), x.scalar_type());
  at::mul_out(out.target(), x, w);
  out.finish();
}

// ATen's convolution (a correlation) of in (N x C x L...) with weight (C' x C/groups x M...), no padding.
at::Tensor conv(const at::Tensor& in, const at::Tensor& weight, at::IntArrayRef stride, int64_t groups) {
  std::vector<int64_t> zero(stride.size(), 0), one(stride.size(), 1);
  c10::optional<at::Tensor> bias;
  return stride.size() == 1 ? at::conv1d(in, weight, bias, stride, at::IntArrayRef(zero), one, groups)
                            : at::conv2d(in, weight, bias, stride, at::IntArrayRef(zero), one, groups);
}

// Valid correlation of signals s (B x L...) with k (1 or B x M...): a batch of one-channel signals when the kernel
// is shared, else one channel per signal (a grouped convolution).
at::Tensor convolved(const at::Tensor& s, const at::Tensor& k, at::IntArrayRef stride) {
  if (k.size(0) == 1) return conv(s.unsqueeze(1), k.unsqueeze(1), stride, 1).squeeze(1);
  return conv(s.unsqueeze(0), k.unsqueeze(1), stride, s.size(0)).squeeze(0);
}

// The first nb·T outputs along axis 1 as nb blocks of T: ATen's CPU convolution unfolds its whole input (taps times
// the output), so a long signal is cut into overlapping windows that form a batch, each unfolding T outputs only.
at::Tensor blocked(const at::Tensor& s, const at::Tensor& k, at::IntArrayRef stride, int64_t t, int64_t nb) {
  int64_t b = s.size(0), span = (t - 1) * stride[0] + k.size(1);
  at::Tensor win = s.unfold(1, span, t * stride[0]).narrow(1, 0, nb);  // B x nb x (W x) span
  if (stride.size() == 2) win = win.permute({0, 1, 3, 2});
  std::vector<int64_t> shape(win.sizes().begin() + 2, win.sizes().end());
  at::Tensor r;
  if (k.size(0) == 1) {
    shape.insert(shape.begin(), b * nb);
    r = convolved(win.reshape(shape), k, stride);  // (B·nb) x T (x w')
  } else {
    shape.insert(shape.begin(), {nb, b});
    r = conv(win.transpose(0, 1).reshape(shape), k.unsqueeze(1), stride, b).transpose(0, 1);  // B x nb x T (x w')
  }
  std::vector<int64_t> out(r.sizes().begin() + (k.size(0) == 1 ? 1 : 2), r.sizes().end());
  out[0] = nb * t;
  out.insert(out.begin(), b);
  return r.reshape(out);
}

// Long 1-d float correlations as one matrix product: the outputs in rows of p, each row the product of its signal
// window (span samples) with a span x p Toeplitz matrix of the taps (BLAS instead of ATen's unfolding convolution).
at::Tensor toeplitz(const at::Tensor& s, const at::Tensor& k, int64_t stride, int64_t n, int64_t p) {
  int64_t b = s.size(0), m = k.size(1), rows = (n + p - 1) / p, span = (p - 1) * stride + m;
  int64_t need = (rows * p - 1) * stride + m;
  at::Tensor padded = s;
  if (need > s.size(1)) {
    padded = at::zeros({b, need}, s.options());
    padded.narrow(1, 0, s.size(1)).copy_(s);
  }
  at::Tensor windows = padded.unfold(1, span, p * stride).narrow(1, 0, rows);  // B x rows x span
  auto lopts = at::TensorOptions().dtype(at::kLong).device(s.device());
  at::Tensor at_ = at::arange(span, lopts).unsqueeze(1) - at::arange(p, lopts).unsqueeze(0) * stride;  // span x p
  at::Tensor inside = at_.ge(0).logical_and(at_.lt(m)).to(s.scalar_type());
  at::Tensor taps = k.index_select(1, at_.clamp(0, m - 1).reshape({-1})).view({k.size(0), span, p}) * inside;
  at::Tensor r = k.size(0) == 1 ? at::mm(windows.reshape({b * rows, span}), taps[0]) : at::bmm(windows, taps);
  return r.reshape({b, rows * p}).narrow(1, 0, n);
}

void correlate(const hts_tensor& signal, const hts_tensor& kernel, const int64_t* strides, int32_t dims,
               const hts_tensor& output) {
  if (dims != 1 && dims != 2) throw InvalidArgument("correlation is 1-d or 2-d");
  if (signal.ndim != dims + 1 || kernel.ndim != dims + 1 || output.ndim != dims + 1)
    throw InvalidArgument("correlation operands are (batch, signal...) tensors");
  for (int d = 0; d < dims; d++)
    if (strides[d] < 1) throw InvalidArgument("correlation strides must be positive");
  at::Tensor s = input(signal), k = input(kernel);
  Output out(output);
  if (out.empty()) return;
  at::Tensor& o = out.target();
  at::IntArrayRef stride(strides, dims);
  if (at::isFloatingType(s.scalar_type())) {
    int64_t n = o.size(1), rest = dims == 2 ? o.size(2) : 1, taps = k.numel() / k.size(0);
    int64_t p = std::max<int64_t>(taps, 64);
    if (dims == 1 && taps <= 512 && n >= 4 * p) {
      out.assign(toeplitz(s, k, strides[0], n, p));
      return;
    }
    int64_t t = std::max<int64_t>(1, (int64_t{1} << 22) / std::max<int64_t>(1, taps * rest)), nb = n / t, done = 0;
    auto put = [&](at::Tensor r, int64_t from, int64_t count) {
      for (int d = 1; d <= dims; d++) r = r.narrow(d, 0, d == 1 ? count : o.size(d));
      o.narrow(1, from, count).copy_(r);
    };
    if (nb >= 2) {
      put(blocked(s, k, stride, t, nb), 0, nb * t);
      done = nb * t;
    }
    if (done < n) put(convolved(s.narrow(1, done * strides[0], s.size(1) - done * strides[0]), k, stride), done,
                      n - done);
    out.finish();
    return;
  }
  o.zero_();
  int64_t mh = dims == 2 ? k.size(1) : 1, mw = k.size(dims);
  for (int64_t a = 0; a < mh; a++)
    for (int64_t b = 0; b < mw; b++) {
      at::Tensor win = s, w = k;
      if (dims == 2) {
        win = win.slice(1, a, a + (o.size(1) - 1) * strides[0] + 1, strides[0]);
        w = w.narrow(1, a, 1);
      }
      win = win.slice(dims, b, b + (o.size(dims) - 1) * strides[dims - 1] + 1, strides[dims - 1]);
      w = w.narrow(dims, b, 1);
      o.add_(win * w);
    }
  out.finish();
}

}  // namespace

extern "C" {

int32_t hts_fft_c2c(const hts_tensor* source, const hts_tensor* destination, int32_t axis, int32_t inverse,
                    double scale) {
  return guard([&] {
    check_axis(*source, axis);
    at::Tensor x = input(*source);
    Output out(*destination);
    if (out.empty()) return;
    bool rest = false;
    auto norm = norm_for(scale, x.size(axis), inverse != 0, rest);
    if (inverse) at::fft_ifft_out(out.target(), x, c10::nullopt, axis, norm);
    else at::fft_fft_out(out.target(), x, c10::nullopt, axis, norm);
    if (rest) out.target().mul_(scale);
    out.finish();
  });
}

int32_t hts_fft_r2c(const hts_tensor* source, const hts_tensor* destination, int32_t axis, double scale) {
  return guard([&] {
    check_axis(*source, axis);
    at::Tensor x = input(*source);
    Output out(*destination);
    if (out.empty()) return;
    bool rest = false;
    auto norm = norm_for(scale, x.size(axis), false, rest);
    at::fft_rfft_out(out.target(), x, c10::nullopt, axis, norm);
    if (rest) out.target().mul_(scale);
    out.finish();
  });
}

int32_t hts_fft_c2r(const hts_tensor* source, const hts_tensor* destination, int32_t axis, double scale) {
  return guard([&] {
    check_axis(*destination, axis);
    at::Tensor x = input(*source);
    Output out(*destination);
    if (out.empty()) return;
    int64_t n = destination->sizes[axis];
    bool rest = false;
    auto norm = norm_for(scale, n, true, rest);
    at::fft_irfft_out(out.target(), x, n, axis, norm);
    if (rest) out.target().mul_(scale);
    out.finish();
  });
}

int32_t hts_fft_twiddle(const hts_tensor* source, const hts_tensor* destination, int64_t n, int64_t row_offset,
                        int64_t column_offset, int32_t inverse) {
  return guard([&] { twiddle(*source, *destination, n, row_offset, column_offset, inverse != 0); });
}

int32_t hts_fft_chirp(const hts_tensor* source, const hts_tensor* destination, int64_t n, int64_t offset,
                      int32_t inverse) {
  return guard([&] { chirp(*source, *destination, n, offset, inverse != 0); });
}

int32_t hts_correlate(const hts_tensor* signal, const hts_tensor* kernel, const int64_t* strides, int32_t dims,
                      const hts_tensor* output) {
  return guard([&] { correlate(*signal, *kernel, strides, dims, *output); });
}

}  // extern "C"
