/* SPDX-License-Identifier: MIT */
/* The FFT and signal capabilities of the Torch backend (IFftKernels, IConvolutionKernels) over ATen. Same conventions
   as heat_torch.h: HTS_OK or an error status, the message in hts_last_error(); destinations are written, never read. */
#ifndef HTS_FFT_H
#define HTS_FFT_H
#include "heat_torch.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Unnormalized transforms along axis (>= 0), then multiplied by scale; forward sign exp(-2 pi i jk/n).
   c2c: complex64/128 in and out, same shape; inverse: exp(+2 pi i jk/n). r2c: float n -> complex n/2 + 1 along the
   axis. c2r: the inverse of a Hermitian half-spectrum, n taken from the destination. */
HTS_API int32_t hts_fft_c2c(const hts_tensor* source, const hts_tensor* destination, int32_t axis, int32_t inverse,
                            double scale);
HTS_API int32_t hts_fft_r2c(const hts_tensor* source, const hts_tensor* destination, int32_t axis, double scale);
HTS_API int32_t hts_fft_c2r(const hts_tensor* source, const hts_tensor* destination, int32_t axis, double scale);
/* destination[i, j] = source[i, j] exp(-+2 pi i (i + row_offset)(j + column_offset)/n) (2-d complex; + when
   inverse). */
HTS_API int32_t hts_fft_twiddle(const hts_tensor* source, const hts_tensor* destination, int64_t n, int64_t row_offset,
                                int64_t column_offset, int32_t inverse);
/* destination[j] = source[j] exp(-+pi i (j + offset)^2 / n) (1-d complex; + when inverse). */
HTS_API int32_t hts_fft_chirp(const hts_tensor* source, const hts_tensor* destination, int64_t n, int64_t offset,
                              int32_t inverse);
/* Valid correlation of a batch: signal (B x L...), kernel (1 or B x M...), output (B x n...) with dims = 1 or 2
   trailing axes and one stride per axis; contiguous operands of one dtype (float32/64, int8/16/32/64). */
HTS_API int32_t hts_correlate(const hts_tensor* signal, const hts_tensor* kernel, const int64_t* strides, int32_t dims,
                              const hts_tensor* output);

#ifdef __cplusplus
}
#endif
#endif
