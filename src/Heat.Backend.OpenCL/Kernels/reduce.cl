// SPDX-License-Identifier: MIT
// Reductions over input dtype T. Pass 1 (red_* on CPUs, tree_* on GPUs): work-item g reduces one contiguous part (g % parts) of the reduced
// range of output g / parts, walking its own long run (the CPU shape: PoCL vectorises the run); pass 2 (comb_*)
// merges the parts of each output. Accumulators: wide_t for float sums, long for integer sums, T for min/max/bits,
// uchar for logical ops, cwide_t for complex.

#if defined(K_COMPLEX)
#define NZ(v) ((v).x != 0 || (v).y != 0)
#define TO_C(v) ((cwide_t)((wide_t)(v).x, (wide_t)(v).y))
#else
#define NZ(v) ((v) != 0)
#define TO_C(v) ((cwide_t)((wide_t)(v), (wide_t)0))
#endif

#define TREE_WG 256
#define RED(NAME, ACC, INIT, CONV, COMB) \
__kernel void red_##NAME(__global const T* x, __global ACC* out, Lay outer, Lay inner, long parts, long total) { \
    long g = get_global_id(0); \
    if (g >= total) return; \
    long oi = g / parts, p = g - oi * parts; \
    long oo[4]; long cc[MAXD]; \
    lay_start(&outer, oi, oo, cc); \
    long base = oo[0]; \
    long R = inner.n, r0 = R * p / parts, r1 = R * (p + 1) / parts; \
    ACC acc = INIT; \
    if (r0 < r1) { \
        long o[4]; long c[MAXD]; \
        lay_start(&inner, r0, o, c); \
        int nd = inner.ndim - 1; \
        long s = inner.st[0][nd]; \
        for (long i = r0; i < r1;) { \
            long run = min(inner.shape[nd] - c[nd], r1 - i); \
            __global const T* px = x + base + o[0]; \
            if (s == 1 && run >= 16) { \
                /* Eight independent accumulators over a unit-stride run: instruction-level parallelism and SIMD. */ \
                ACC a8[8]; \
                for (int q = 0; q < 8; q++) a8[q] = INIT; \
                long j = 0; \
                for (; j + 8 <= run; j += 8) \
                    for (int q = 0; q < 8; q++) { ACC v = CONV(px[j + q]); a8[q] = COMB(a8[q], v); } \
                for (; j < run; j++) { ACC v = CONV(px[j]); acc = COMB(acc, v); } \
                for (int q = 0; q < 8; q++) acc = COMB(acc, a8[q]); \
            } else \
            for (long j = 0; j < run; j++) { ACC v = CONV(px[j * s]); acc = COMB(acc, v); } \
            i += run; \
            lay_advance(&inner, run, o, c); \
        } \
    } \
    out[g] = acc; \
} \
/* The GPU shape: one work-group per (output, part); work-items stride through the part (coalesced), then a */ \
/* tree in local memory. */ \
__kernel __attribute__((reqd_work_group_size(TREE_WG, 1, 1))) \
void tree_##NAME(__global const T* x, __global ACC* out, Lay outer, Lay inner, long parts, long total) { \
    __local ACC sh[TREE_WG]; \
    long g = get_group_id(0); \
    int l = get_local_id(0); \
    ACC acc = INIT; \
    if (g < total) { \
        long oi = g / parts, p = g - oi * parts; \
        long oo[4]; long cc[MAXD]; \
        lay_start(&outer, oi, oo, cc); \
        long R = inner.n, r0 = R * p / parts, r1 = R * (p + 1) / parts; \
        for (long i = r0 + l; i < r1; i += TREE_WG) { \
            long o[4]; long c[MAXD]; \
            lay_start(&inner, i, o, c); \
            ACC v = CONV(x[oo[0] + o[0]]); acc = COMB(acc, v); \
        } \
    } \
    sh[l] = acc; \
    barrier(CLK_LOCAL_MEM_FENCE); \
    for (int h = TREE_WG / 2; h > 0; h >>= 1) { \
        if (l < h) { ACC a = sh[l]; ACC b = sh[l + h]; sh[l] = COMB(a, b); } \
        barrier(CLK_LOCAL_MEM_FENCE); \
    } \
    if (l == 0 && g < total) out[g] = sh[0]; \
} \
__kernel void comb_##NAME(__global const ACC* part, __global ACC* out, long parts, long outputs) { \
    long oi = get_global_id(0); \
    if (oi >= outputs) return; \
    ACC acc = part[oi * parts]; \
    for (long p = 1; p < parts; p++) { ACC v = part[oi * parts + p]; acc = COMB(acc, v); } \
    out[oi] = acc; \
}

#define ADD(a, v) ((a) + (v))
#define MUL(a, v) ((a) * (v))
#define LADD(a, v) ((long)((ulong)(a) + (ulong)(v)))
#define LMUL(a, v) ((long)((ulong)(a) * (ulong)(v)))
#define BAND(a, v) ((a) & (v))
#define BOR(a, v) ((a) | (v))
#define BXOR(a, v) ((a) ^ (v))
#define LAND(a, v) ((uchar)((a) && (v)))
#define LOR(a, v) ((uchar)((a) || (v)))
#define CMUL(a, v) cmul(a, v)
#define AS_WIDE(v) ((wide_t)(v))
#define AS_LONG(v) ((long)(v))
#define AS_T(v) (v)
#define AS_NZ(v) ((uchar)(NZ(v) ? 1 : 0))

#if defined(K_FLOAT)
inline T tmin(T a, T v) { return isnan(a) ? a : (isnan(v) || v < a) ? v : a; }
inline T tmax(T a, T v) { return isnan(a) ? a : (isnan(v) || v > a) ? v : a; }
#elif !defined(K_COMPLEX)
inline T tmin(T a, T v) { return v < a ? v : a; }
inline T tmax(T a, T v) { return v > a ? v : a; }
#endif

RED(logic_and, uchar, (uchar)1, AS_NZ, LAND)
RED(logic_or, uchar, (uchar)0, AS_NZ, LOR)
RED(cplx_sum, cwide_t, ((cwide_t)(0, 0)), TO_C, ADD)
RED(cplx_prod, cwide_t, ((cwide_t)(1, 0)), TO_C, CMUL)
#if !defined(K_COMPLEX)
RED(wide_sum, wide_t, (wide_t)0, AS_WIDE, ADD)
RED(wide_prod, wide_t, (wide_t)1, AS_WIDE, MUL)
RED(long_sum, long, 0L, AS_LONG, LADD)
RED(long_prod, long, 1L, AS_LONG, LMUL)
RED(same_min, T, TMAXV, AS_T, tmin)
RED(same_max, T, TMINV, AS_T, tmax)
#endif
#if defined(K_INT) || defined(K_UINT) || defined(K_BOOL)
RED(same_band, T, BANDI, AS_T, BAND)
RED(same_bor, T, (T)0, AS_T, BOR)
RED(same_bxor, T, (T)0, AS_T, BXOR)
#endif

#if !defined(K_COMPLEX)
// Moments: each part's count, mean and M2 (corrected two-pass over its run), merged with Chan's formula.
__kernel void mom_part(__global const T* x, __global wide_t* out, Lay outer, Lay inner, long parts, long total) {
    long g = get_global_id(0);
    if (g >= total) return;
    long oi = g / parts, p = g - oi * parts;
    long oo[4]; long cc[MAXD];
    lay_start(&outer, oi, oo, cc);
    long base = oo[0];
    long R = inner.n, r0 = R * p / parts, r1 = R * (p + 1) / parts;
    int nd = inner.ndim - 1;
    long s = inner.st[0][nd];
    wide_t sum = 0, m2 = 0, comp = 0;
    long o[4]; long c[MAXD];
    if (r0 < r1) {
        lay_start(&inner, r0, o, c);
        for (long i = r0; i < r1;) {
            long run = min(inner.shape[nd] - c[nd], r1 - i);
            __global const T* px = x + base + o[0];
            for (long j = 0; j < run; j++) sum += (wide_t)px[j * s];
            i += run;
            lay_advance(&inner, run, o, c);
        }
    }
    wide_t cnt = (wide_t)(r1 - r0);
    wide_t mean = r1 > r0 ? sum / cnt : 0;
    if (r0 < r1) {
        lay_start(&inner, r0, o, c);
        for (long i = r0; i < r1;) {
            long run = min(inner.shape[nd] - c[nd], r1 - i);
            __global const T* px = x + base + o[0];
            for (long j = 0; j < run; j++) { wide_t d = (wide_t)px[j * s] - mean; comp += d; m2 += d * d; }
            i += run;
            lay_advance(&inner, run, o, c);
        }
    }
    // The corrected two-pass algorithm: the deviations' sum fixes the first pass's rounding of the mean.
    if (r1 > r0) { mean += comp / cnt; m2 -= comp * comp / cnt; }
    out[3 * g] = cnt; out[3 * g + 1] = mean; out[3 * g + 2] = m2;
}

__kernel void mom_comb(__global const wide_t* part, __global wide_t* mean, __global wide_t* m2, long parts, long outputs) {
    long oi = get_global_id(0);
    if (oi >= outputs) return;
    wide_t n = 0, mu = 0, q = 0;
    for (long p = 0; p < parts; p++) {
        __global const wide_t* e = part + 3 * (oi * parts + p);
        wide_t nb = e[0];
        if (nb == 0) continue;
        wide_t nn = n + nb, delta = e[1] - mu;
        mu += delta * nb / nn;
        q += e[2] + delta * delta * n * nb / nn;
        n = nn;
    }
    mean[oi] = n == 0 ? NAN : mu;
    m2[oi] = n == 0 ? NAN : q;
}

// ArgMin/ArgMax along one axis: one work-item per line; the first NaN wins, else the first extreme.
__kernel void argred(int amax, __global const T* x, __global T* vals, __global long* idx, Lay outer, long n, long sx, long total) {
    long g = get_global_id(0);
    if (g >= total) return;
    long o[4]; long c[MAXD];
    lay_start(&outer, g, o, c);
    __global const T* px = x + o[0];
    T best = px[0]; long bi = 0;
#if defined(K_FLOAT)
    if (!isnan(best))
#endif
    for (long i = 1; i < n; i++) {
        T v = px[i * sx];
#if defined(K_FLOAT)
        if (isnan(v)) { best = v; bi = i; break; }
#endif
        if (amax ? v > best : v < best) { best = v; bi = i; }
    }
    vals[o[1]] = best;
    idx[o[2]] = bi;
}
#endif

// Inclusive scans along one axis: one work-item per line.
#define SCAN(NAME, ACC, CONV, COMB, BACK) \
__kernel void scan_##NAME(__global const T* x, __global T* d, Lay outer, long n, long sx, long sd, long total) { \
    long g = get_global_id(0); \
    if (g >= total || n == 0) return; \
    long o[4]; long c[MAXD]; \
    lay_start(&outer, g, o, c); \
    __global const T* px = x + o[0]; __global T* pd = d + o[1]; \
    ACC acc = CONV(px[0]); pd[0] = BACK(acc); \
    for (long i = 1; i < n; i++) { ACC v = CONV(px[i * sx]); acc = COMB(acc, v); pd[i * sd] = BACK(acc); } \
}
#if defined(K_COMPLEX)
#define TO_T(a) ((T)((RT)(a).x, (RT)(a).y))
SCAN(sum, cwide_t, TO_C, ADD, TO_T)
SCAN(prod, cwide_t, TO_C, CMUL, TO_T)
#elif defined(K_BOOL)
SCAN(max, T, AS_T, BOR, AS_T)
SCAN(min, T, AS_T, BAND, AS_T)
#else
#if defined(K_FLOAT)
SCAN(sum, T, AS_T, ADD, AS_T)
SCAN(prod, T, AS_T, MUL, AS_T)
#else
#define UADD(a, v) ((T)((UT)(a) + (UT)(v)))
#define UMUL(a, v) ((T)((UT)(a) * (UT)(v)))
SCAN(sum, T, AS_T, UADD, AS_T)
SCAN(prod, T, AS_T, UMUL, AS_T)
#endif
SCAN(min, T, AS_T, tmin, AS_T)
SCAN(max, T, AS_T, tmax, AS_T)
#endif
