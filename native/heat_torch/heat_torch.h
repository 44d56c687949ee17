/* SPDX-License-Identifier: MIT */
/* Flat C ABI of the Heat libtorch shim. Every function returns HTS_OK or an error status; the message of the last
   error on the calling thread is hts_last_error(). Tensors are passed as strided views (hts_tensor) over memory that
   the caller keeps alive; ops write into a destination view the caller allocated (destination passing). */
#ifndef HEAT_TORCH_H
#define HEAT_TORCH_H
#include <stdint.h>

#define HTS_ABI_VERSION 1

#define HTS_OK 0
#define HTS_ERROR 1
#define HTS_NOT_SUPPORTED 2
#define HTS_INVALID_ARGUMENT 3

#if defined(_WIN32)
#define HTS_API __declspec(dllexport)
#else
#define HTS_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* A strided view. dtype is Heat's DTypeCode (bool, uint8, int8, int16, int32, int64, float32, float64, complex64,
   complex128); strides are in elements and may be zero or negative; device is -1 for the CPU, N >= 0 for CUDA device N. */
typedef struct hts_tensor {
  void* data;
  const int64_t* sizes;
  const int64_t* strides;
  int32_t ndim;
  int32_t dtype;
  int32_t device;
  int32_t reserved;
} hts_tensor;

typedef struct hts_storage hts_storage;

HTS_API int32_t hts_abi_version(void);
HTS_API const char* hts_last_error(void);
HTS_API int32_t hts_version(char* buffer, int32_t length);
HTS_API int32_t hts_cuda_device_count(int32_t* count);
HTS_API int32_t hts_set_num_threads(int32_t threads);
HTS_API int32_t hts_get_num_threads(int32_t* threads);
/* The shim's numbering (hts_ops.h, generated from Heat's enums). family: 0 DTypeCode, 1 BinaryOp, 2 UnaryOp,
   3 ReduceKind, 4 ArgReduceKind; name: a static string. */
HTS_API int32_t hts_op_count(int32_t family, int32_t* count);
HTS_API int32_t hts_op_name(int32_t family, int32_t code, const char** name);

HTS_API int32_t hts_alloc(int64_t bytes, int32_t device, hts_storage** storage, void** data);
HTS_API void hts_free(hts_storage* storage);
HTS_API int32_t hts_synchronize(int32_t device);

HTS_API int32_t hts_copy(const hts_tensor* source, const hts_tensor* destination);
/* value: 16 bytes holding one element of the destination's dtype. */
HTS_API int32_t hts_fill(const hts_tensor* destination, const void* value);
HTS_API int32_t hts_arange(const hts_tensor* destination, int32_t integral, int64_t start, int64_t step, double fstart, double fstep);

/* op: Heat's UnaryOp / BinaryOp / ReduceKind codes (hts_ops.h). */
HTS_API int32_t hts_unary(int32_t op, const hts_tensor* x, const hts_tensor* destination);
HTS_API int32_t hts_binary(int32_t op, const hts_tensor* a, const hts_tensor* b, const hts_tensor* destination);
/* scalar: 16 bytes holding one element of a's dtype. */
HTS_API int32_t hts_binary_scalar(int32_t op, const hts_tensor* a, const void* scalar, int32_t scalar_first, const hts_tensor* destination);
HTS_API int32_t hts_where(const hts_tensor* condition, const hts_tensor* a, const hts_tensor* b, const hts_tensor* destination);

HTS_API int32_t hts_reduce(int32_t op, const hts_tensor* x, const int32_t* axes, int32_t naxes, const hts_tensor* destination);
/* kind: Heat's ArgReduceKind (hts_ops.h). */
HTS_API int32_t hts_argreduce(int32_t kind, const hts_tensor* x, int32_t axis, const hts_tensor* values, const hts_tensor* indices);
HTS_API int32_t hts_moments(const hts_tensor* x, const int32_t* axes, int32_t naxes, const hts_tensor* mean, const hts_tensor* m2);
HTS_API int32_t hts_scan(int32_t op, const hts_tensor* x, int32_t axis, const hts_tensor* destination);
HTS_API int32_t hts_matmul(const hts_tensor* a, const hts_tensor* b, const hts_tensor* destination, int32_t accumulate);

#ifdef __cplusplus
}
#endif
#endif
