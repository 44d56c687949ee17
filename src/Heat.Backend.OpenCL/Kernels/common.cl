// SPDX-License-Identifier: MIT
// Shared by every kernel family: dtype macros come from -D options (T, UT, RT, BITS, K_BOOL/K_INT/K_UINT/K_FLOAT/K_COMPLEX).
#ifdef HAS_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double wide_t;
typedef double2 cwide_t;
#else
typedef float wide_t;
typedef float2 cwide_t;
#endif

#define MAXD 8
// A strided iteration over up to 4 operands of one shape (collapsed on the host). Work-item g covers the flat
// range [g*chunk, (g+1)*chunk) and walks it run by run along the last dimension.
typedef struct {
    long shape[MAXD];
    long st[4][MAXD];
    long off[4];
    long n;
    long chunk;
    int ndim;
    int nops;
} Lay;

inline void lay_start(const Lay* L, long i, long* o, long* c) {
    for (int k = 0; k < 4; k++) o[k] = L->off[k];
    for (int d = L->ndim - 1; d >= 0; d--) {
        long e = L->shape[d];
        long q = i / e;
        c[d] = i - q * e;
        i = q;
        for (int k = 0; k < 4; k++) o[k] += c[d] * L->st[k][d];
    }
}

inline void lay_advance(const Lay* L, long run, long* o, long* c) {
    int d = L->ndim - 1;
    c[d] += run;
    for (int k = 0; k < 4; k++) o[k] += run * L->st[k][d];
    while (d > 0 && c[d] >= L->shape[d]) {
        for (int k = 0; k < 4; k++) o[k] -= c[d] * L->st[k][d];
        c[d] = 0;
        d--;
        c[d]++;
        for (int k = 0; k < 4; k++) o[k] += L->st[k][d];
    }
}

// BODY sees o[k] (element offsets of operand k at the run's start), sK (last-dimension strides) and j (position in the run).
#define STRIDED_LOOP(LP, BODY) { \
    const Lay L_ = (LP); \
    long i0_ = (long)get_global_id(0) * L_.chunk; \
    if (i0_ < L_.n) { \
        long i1_ = min(L_.n, i0_ + L_.chunk); \
        long o[4]; long c_[MAXD]; \
        lay_start(&L_, i0_, o, c_); \
        int nd_ = L_.ndim - 1; \
        long s0 = L_.st[0][nd_], s1 = L_.st[1][nd_], s2 = L_.st[2][nd_], s3 = L_.st[3][nd_]; \
        for (long i_ = i0_; i_ < i1_;) { \
            long run_ = min(L_.shape[nd_] - c_[nd_], i1_ - i_); \
            if (s0 == 1 && s1 == 1 && s2 == 1 && s3 == 1) { \
                /* Unit strides as constants: the compiler vectorises the run. */ \
                const long s0 = 1, s1 = 1, s2 = 1, s3 = 1; \
                for (long j = 0; j < run_; j++) { BODY } \
            } else if (s0 == 1 && s1 == 0 && s2 == 1 && s3 == 1) { \
                const long s0 = 1, s1 = 0, s2 = 1, s3 = 1; \
                for (long j = 0; j < run_; j++) { BODY } \
            } else { \
                for (long j = 0; j < run_; j++) { BODY } \
            } \
            i_ += run_; \
            lay_advance(&L_, run_, o, c_); \
        } \
    } }

#define CUNIT(x) (x)
inline cwide_t cmul(cwide_t a, cwide_t b) { return (cwide_t)(a.x * b.x - a.y * b.y, a.x * b.y + a.y * b.x); }
inline cwide_t cdiv(cwide_t a, cwide_t b) {
    // Smith's algorithm, as System.Numerics.Complex.
    wide_t c = b.x, d = b.y;
    if (fabs(d) < fabs(c)) { wide_t doc = d / c; wide_t den = c + d * doc; return (cwide_t)((a.x + a.y * doc) / den, (a.y - a.x * doc) / den); }
    wide_t cod = c / d; wide_t den = d + c * cod; return (cwide_t)((a.x * cod + a.y) / den, (a.y * cod - a.x) / den);
}
