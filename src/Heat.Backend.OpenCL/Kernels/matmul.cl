// SPDX-License-Identifier: MIT
// C = A @ B (or C += A @ B) for one batch entry, tiled in local memory (TS x TS work-groups).
#ifndef TS
#define TS 16
#endif

#if defined(K_COMPLEX)
#define ZERO ((T)(0, 0))
inline T cmac(T acc, T a, T b) {
    cwide_t r = (cwide_t)((wide_t)acc.x, (wide_t)acc.y) + cmul((cwide_t)((wide_t)a.x, (wide_t)a.y), (cwide_t)((wide_t)b.x, (wide_t)b.y));
    return (T)((RT)r.x, (RT)r.y);
}
#define MAC(acc, a, b) acc = cmac(acc, a, b)
#define ACCUM(c, s) ((c) + (s))
#elif defined(K_BOOL)
#define ZERO ((T)0)
#define MAC(acc, a, b) acc = (T)(acc | (a & b))
#define ACCUM(c, s) ((T)((c) | (s)))
#elif defined(K_FLOAT)
#define ZERO ((T)0)
#define MAC(acc, a, b) acc = fma(a, b, acc)
#define ACCUM(c, s) ((c) + (s))
#else
#define ZERO ((T)0)
#define MAC(acc, a, b) acc = (T)((UT)acc + (UT)a * (UT)b)
#define ACCUM(c, s) ((T)((UT)(c) + (UT)(s)))
#endif

__kernel __attribute__((reqd_work_group_size(TS, TS, 1)))
void matmul(__global const T* A, __global const T* B, __global T* C, long M, long N, long K,
            long rsa, long csa, long rsb, long csb, long rsc, long csc, long offa, long offb, long offc, int accumulate) {
    __local T As[TS][TS];
    __local T Bs[TS][TS];
    int lr = get_local_id(1), lc = get_local_id(0);
    long row = (long)get_group_id(1) * TS + lr, col = (long)get_group_id(0) * TS + lc;
    T acc = ZERO;
    for (long k0 = 0; k0 < K; k0 += TS) {
        long ka = k0 + lc, kb = k0 + lr;
        As[lr][lc] = (row < M && ka < K) ? A[offa + row * rsa + ka * csa] : ZERO;
        Bs[lr][lc] = (kb < K && col < N) ? B[offb + kb * rsb + col * csb] : ZERO;
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int k = 0; k < TS; k++) { T a = As[lr][k]; T b = Bs[k][lc]; MAC(acc, a, b); }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (row < M && col < N) {
        long ci = offc + row * rsc + col * csc;
        C[ci] = accumulate ? ACCUM(C[ci], acc) : acc;
    }
}
