// SPDX-License-Identifier: MIT
// Element-wise unary ops on dtype T; the op code (U_*) is a kernel argument. The host rejects op/dtype pairs that
// are undefined before launching.

#if defined(K_COMPLEX)
inline T un_same(int op, T x) {
    cwide_t z = (cwide_t)((wide_t)x.x, (wide_t)x.y);
    cwide_t r;
    switch (op) {
        case U_Negative: r = -z; break;
        case U_Square: r = cmul(z, z); break;
        case U_Reciprocal: r = cdiv((cwide_t)(1, 0), z); break;
        case U_Conj: r = (cwide_t)(z.x, -z.y); break;
        case U_Exp: { wide_t e = exp(z.x); r = (cwide_t)(e * cos(z.y), e * sin(z.y)); break; }
        case U_Log: r = (cwide_t)(log(hypot(z.x, z.y)), atan2(z.y, z.x)); break;
        case U_Sqrt: {
            wide_t m = hypot(z.x, z.y);
            wide_t re = sqrt((m + z.x) / 2), im = sqrt((m - z.x) / 2);
            r = (cwide_t)(re, z.y < 0 || (z.y == 0 && signbit(z.y)) ? -im : im); break;
        }
        default: r = z; break;
    }
    return (T)((RT)r.x, (RT)r.y);
}
inline RT un_real(int op, T x) {
    switch (op) {
        case U_Abs: return (RT)hypot((wide_t)x.x, (wide_t)x.y);
        case U_Real: return x.x;
        case U_Imag: return x.y;
        default: return atan2(x.y, x.x); // Angle
    }
}
inline uchar un_bool(int op, T x) {
    switch (op) {
        case U_LogicalNot: return x.x == 0 && x.y == 0;
        case U_IsNan: return isnan(x.x) || isnan(x.y);
        case U_IsInf: return isinf(x.x) || isinf(x.y);
        default: return isfinite(x.x) && isfinite(x.y); // IsFinite
    }
}
__kernel void unary_real(int op, __global const T* x, __global RT* d, Lay L) {
    STRIDED_LOOP(L, { d[o[1] + j * s1] = un_real(op, x[o[0] + j * s0]); })
}
#elif defined(K_FLOAT)
inline T un_same(int op, T x) {
    switch (op) {
        case U_Negative: return -x;
        case U_Abs: return fabs(x);
        case U_Sign: return isnan(x) ? x : (x > 0 ? (T)1 : x < 0 ? (T)-1 : (T)0);
        case U_Square: return x * x;
        case U_Sqrt: return sqrt(x);
        case U_Cbrt: return cbrt(x);
        case U_Reciprocal: return (T)1 / x;
        case U_Exp: return exp(x);
        case U_Expm1: return expm1(x);
        case U_Exp2: return exp2(x);
        case U_Log: return log(x);
        case U_Log2: return log2(x);
        case U_Log10: return log10(x);
        case U_Log1p: return log1p(x);
        case U_Sin: return sin(x);
        case U_Cos: return cos(x);
        case U_Tan: return tan(x);
        case U_Asin: return asin(x);
        case U_Acos: return acos(x);
        case U_Atan: return atan(x);
        case U_Sinh: return sinh(x);
        case U_Cosh: return cosh(x);
        case U_Tanh: return tanh(x);
        case U_Asinh: return asinh(x);
        case U_Acosh: return acosh(x);
        case U_Atanh: return atanh(x);
        case U_Floor: return floor(x);
        case U_Ceil: return ceil(x);
        case U_Trunc: return trunc(x);
        case U_Round: return rint(x);
        case U_Imag: return (T)0;
        case U_Angle: return isnan(x) ? x : atan2((T)0, x);
        default: return x; // Conj, Real
    }
}
inline uchar un_bool(int op, T x) {
    switch (op) {
        case U_LogicalNot: return x == 0;
        case U_IsNan: return isnan(x) ? 1 : 0;
        case U_IsInf: return isinf(x) ? 1 : 0;
        case U_IsPosInf: return x == INFINITY;
        case U_IsNegInf: return x == -INFINITY;
        case U_IsFinite: return isfinite(x) ? 1 : 0;
        default: return signbit(x) ? 1 : 0; // SignBit
    }
}
#elif defined(K_BOOL)
inline T un_same(int op, T x) {
    switch (op) {
        case U_Imag: return 0;
        case U_BitwiseNot: return x == 0;
        default: return x;
    }
}
inline uchar un_bool(int op, T x) {
    switch (op) {
        case U_LogicalNot: return x == 0;
        case U_IsFinite: return 1;
        default: return 0;
    }
}
#else
inline T un_same(int op, T x) {
    switch (op) {
        case U_Negative: return (T)((UT)0 - (UT)x);
        case U_Abs: return x < 0 ? (T)((UT)0 - (UT)x) : x;
        case U_Sign: return (T)((x > 0) - (x < 0));
        case U_Square: return (T)((UT)x * (UT)x);
        case U_BitwiseNot: return (T)~x;
        case U_Imag: return 0;
        default: return x; // Floor, Ceil, Trunc, Round, Conj, Real
    }
}
inline uchar un_bool(int op, T x) {
    switch (op) {
        case U_LogicalNot: return x == 0;
        case U_IsFinite: return 1;
        case U_SignBit: return x < 0;
        default: return 0;
    }
}
#endif

__kernel void unary_same(int op, __global const T* x, __global T* d, Lay L) {
    STRIDED_LOOP(L, { d[o[1] + j * s1] = un_same(op, x[o[0] + j * s0]); })
}

__kernel void unary_bool(int op, __global const T* x, __global uchar* d, Lay L) {
    STRIDED_LOOP(L, { d[o[1] + j * s1] = un_bool(op, x[o[0] + j * s0]); })
}
