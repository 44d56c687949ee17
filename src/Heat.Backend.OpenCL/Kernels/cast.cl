// SPDX-License-Identifier: MIT
// Conversions from the program's dtype T to every dtype (C-cast semantics; float to integer saturates, NaN gives 0;
// complex to real keeps the real part), and arange into T. float16 (K_HALF: T=half) is storage only: loaded with
// vload_half and stored with vstore_half_rte (core OpenCL C, no cl_khr_fp16), so its values pass through float.
#define CAT3_(a, b, c) a##b##c
#define CAT3(a, b, c) CAT3_(a, b, c)

#if defined(K_COMPLEX)
#define RE(v) ((v).x)
#define IM(v) ((v).y)
#define NZ(v) ((v).x != 0 || (v).y != 0)
#else
#define RE(v) (v)
#define IM(v) 0
#define NZ(v) ((v) != 0)
#endif

#if defined(K_FLOAT) || defined(K_COMPLEX)
#define TO_INT(DT, v) CAT3(convert_, DT, _sat_rtz)(RE(v))
#else
#define TO_INT(DT, v) ((DT)(v))
#endif

#if defined(K_HALF)
#define VT float
#define LOAD(p, i) vload_half((i), (p))
#else
#define VT T
#define LOAD(p, i) ((p)[i])
#endif

#define CAST_KERNEL(NAME, DT, EXPR) \
__kernel void cast_to_##NAME(__global const T* x, __global DT* d, Lay L) { \
    STRIDED_LOOP(L, { VT v = LOAD(x, o[0] + j * s0); d[o[1] + j * s1] = EXPR; }) }

// To float16: one rounding to nearest even from float, or from double where the source is double.
#if defined(K_COMPLEX) || defined(K_FLOAT)
#define TO_HALF_SRC(v) RE(v)
#else
#define TO_HALF_SRC(v) ((float)(v))
#endif
__kernel void cast_to_float16(__global const T* x, __global half* d, Lay L) {
    STRIDED_LOOP(L, { VT v = LOAD(x, o[0] + j * s0); vstore_half_rte(TO_HALF_SRC(v), o[1] + j * s1, d); }) }

CAST_KERNEL(bool, uchar, (uchar)(NZ(v) ? 1 : 0))
CAST_KERNEL(uint8, uchar, TO_INT(uchar, v))
CAST_KERNEL(int8, char, TO_INT(char, v))
CAST_KERNEL(int16, short, TO_INT(short, v))
CAST_KERNEL(int32, int, TO_INT(int, v))
CAST_KERNEL(int64, long, TO_INT(long, v))
CAST_KERNEL(float32, float, (float)RE(v))
CAST_KERNEL(complex64, float2, ((float2)((float)RE(v), (float)IM(v))))
#ifdef HAS_FP64
CAST_KERNEL(float64, double, (double)RE(v))
CAST_KERNEL(complex128, double2, ((double2)((double)RE(v), (double)IM(v))))
#endif

#if !defined(K_HALF)
// arange: value i is s0 + i*ds (integral) or f0 + i*df (float), converted to T.
#if defined(K_BOOL)
#define FROM_L(x) ((uchar)((x) != 0))
#define FROM_D(x) ((uchar)((x) != 0))
#elif defined(K_INT) || defined(K_UINT)
#define FROM_L(x) ((T)(x))
#define FROM_D(x) CAT3(convert_, T, _sat_rtz)(x)
#elif defined(K_FLOAT)
#define FROM_L(x) ((T)(x))
#define FROM_D(x) ((T)(x))
#else
#define FROM_L(x) ((T)((RT)(x), (RT)0))
#define FROM_D(x) ((T)((RT)(x), (RT)0))
#endif

__kernel void arange(__global T* d, long n, long stride, long off, int integral, long s0, long ds, wide_t f0, wide_t df) {
    long i = get_global_id(0);
    if (i >= n) return;
    d[off + i * stride] = integral ? FROM_L(s0 + i * ds) : FROM_D(f0 + (wide_t)i * df);
}
#endif
