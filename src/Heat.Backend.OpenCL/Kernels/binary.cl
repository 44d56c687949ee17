// SPDX-License-Identifier: MIT
// Element-wise binary ops on dtype T (NumPy semantics as the managed backend); the op code (B_*) is a kernel argument.

#if defined(K_COMPLEX)
inline T bin_same(int op, T a, T b) {
    cwide_t x = (cwide_t)((wide_t)a.x, (wide_t)a.y), y = (cwide_t)((wide_t)b.x, (wide_t)b.y), r;
    switch (op) {
        case B_Add: r = x + y; break;
        case B_Subtract: r = x - y; break;
        case B_Multiply: r = cmul(x, y); break;
        default: r = cdiv(x, y); break; // Divide
    }
    return (T)((RT)r.x, (RT)r.y);
}
inline uchar bin_bool(int op, T a, T b) {
    bool na = a.x != 0 || a.y != 0, nb = b.x != 0 || b.y != 0;
    switch (op) {
        case B_Equal: return a.x == b.x && a.y == b.y;
        case B_NotEqual: return a.x != b.x || a.y != b.y;
        case B_LogicalAnd: return na && nb;
        case B_LogicalOr: return na || nb;
        default: return na != nb; // LogicalXor
    }
}
#else
#if defined(K_FLOAT)
inline T fmod_floor(T a, T b) {
    if (b == 0) return NAN;
    T m = fmod(a, b);
    if (m != 0) { if ((b < 0) != (m < 0)) m += b; }
    else m = copysign((T)0, b);
    return m;
}
inline T floordiv_f(T a, T b) {
    if (b == 0) return a / b;
    T m = fmod(a, b);
    T div = (a - m) / b;
    if (m != 0 && (b < 0) != (m < 0)) div -= 1;
    if (div == 0) return copysign((T)0, a / b);
    T f = floor(div);
    if (div - f > (T)0.5) f += 1;
    return f;
}
#endif

#if !defined(K_BOOL) && !defined(K_FLOAT)
// NumPy's gcd: Euclid on the magnitudes (the magnitude of MIN wraps, as in NumPy).
inline T gcd_i(T a, T b) {
    a = a < 0 ? (T)((UT)0 - (UT)a) : a;
    b = b < 0 ? (T)((UT)0 - (UT)b) : b;
    while (b != 0) { T t = a % b; a = b; b = t; }
    return a < 0 ? (T)((UT)0 - (UT)a) : a;
}
#endif

inline T bin_same(int op, T a, T b) {
#if defined(K_BOOL)
    switch (op) {
        case B_Add: case B_Maximum: case B_Fmax: case B_BitwiseOr: return a | b;
        case B_BitwiseXor: return a ^ b;
        default: return a & b; // Multiply, Minimum, Fmin, BitwiseAnd
    }
#elif defined(K_FLOAT)
    switch (op) {
        case B_Add: return a + b;
        case B_Subtract: return a - b;
        case B_Multiply: return a * b;
        case B_Divide: return a / b;
        case B_FloorDivide: return floordiv_f(a, b);
        case B_Remainder: return fmod_floor(a, b);
        case B_Fmod: return fmod(a, b);
        case B_Power: return pow(a, b);
        case B_Minimum: return isnan(a) || isnan(b) ? (T)NAN : (a < b ? a : b == a ? (signbit(a) ? a : b) : b);
        case B_Maximum: return isnan(a) || isnan(b) ? (T)NAN : (a > b ? a : b == a ? (signbit(a) ? b : a) : b);
        case B_Fmin: return fmin(a, b);
        case B_Fmax: return fmax(a, b);
        case B_Atan2: return atan2(a, b);
        case B_Hypot: return hypot(a, b);
        default: return copysign(a, b); // CopySign
    }
#else
    switch (op) {
        case B_Add: return (T)((UT)a + (UT)b);
        case B_Subtract: return (T)((UT)a - (UT)b);
        case B_Multiply: return (T)((UT)a * (UT)b);
        case B_FloorDivide: {
            if (b == 0) return 0;
            if (b == (T)-1) return (T)((UT)0 - (UT)a);
            T q = a / b;
            if ((a % b) != 0 && ((a < 0) != (b < 0))) q--;
            return q;
        }
        case B_Remainder: {
            if (b == 0 || b == (T)-1) return 0;
            T r = a % b;
            if (r != 0 && ((r < 0) != (b < 0))) r += b;
            return r;
        }
        case B_Fmod: return (b == 0 || b == (T)-1) ? (T)0 : (T)(a % b);
        case B_Power: {
            if (b < 0) return a == 1 ? (T)1 : a == (T)-1 ? ((b & 1) == 0 ? (T)1 : a) : (T)0;
            UT r = 1, x = (UT)a; T e = b;
            while (e > 0) { if (e & 1) r = (UT)(r * x); x = (UT)(x * x); e >>= 1; }
            return (T)r;
        }
        case B_Minimum: case B_Fmin: return min(a, b);
        case B_Maximum: case B_Fmax: return max(a, b);
        case B_BitwiseAnd: return a & b;
        case B_BitwiseOr: return a | b;
        case B_BitwiseXor: return a ^ b;
        case B_LeftShift: return (b < 0 || b >= BITS) ? (T)0 : (T)((UT)a << b);
        case B_Gcd: return gcd_i(a, b);
        case B_Lcm: {
            T g = gcd_i(a, b);
            if (g == 0) return 0;
            T r = (T)((UT)(a / g) * (UT)b);
            return r < 0 ? (T)((UT)0 - (UT)r) : r;
        }
        default: return (b < 0 || b >= BITS) ? (a < 0 ? (T)-1 : (T)0) : (T)(a >> b); // RightShift
    }
#endif
}

inline uchar bin_bool(int op, T a, T b) {
    switch (op) {
        case B_Equal: return a == b;
        case B_NotEqual: return a != b;
        case B_Less: return a < b;
        case B_LessEqual: return a <= b;
        case B_Greater: return a > b;
        case B_GreaterEqual: return a >= b;
        case B_LogicalAnd: return a != 0 && b != 0;
        case B_LogicalOr: return a != 0 || b != 0;
        default: return (a != 0) != (b != 0); // LogicalXor
    }
}
#endif

__kernel void binary_same(int op, __global const T* a, __global const T* b, __global T* d, Lay L) {
    STRIDED_LOOP(L, { d[o[2] + j * s2] = bin_same(op, a[o[0] + j * s0], b[o[1] + j * s1]); })
}

__kernel void binary_bool(int op, __global const T* a, __global const T* b, __global uchar* d, Lay L) {
    STRIDED_LOOP(L, { d[o[2] + j * s2] = bin_bool(op, a[o[0] + j * s0], b[o[1] + j * s1]); })
}

// The commonest ops with the op fixed at compile time, so the switch folds away and the runs vectorise.
#define BINARY_FIXED(NAME, OPC) \
__kernel void binary_##NAME(int op, __global const T* a, __global const T* b, __global T* d, Lay L) { \
    STRIDED_LOOP(L, { d[o[2] + j * s2] = bin_same(OPC, a[o[0] + j * s0], b[o[1] + j * s1]); }) }
#if !defined(K_BOOL)
BINARY_FIXED(add, B_Add)
BINARY_FIXED(sub, B_Subtract)
BINARY_FIXED(mul, B_Multiply)
#endif
