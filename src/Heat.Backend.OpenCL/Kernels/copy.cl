// SPDX-License-Identifier: MIT
// Raw element moves by element size (E is uchar, ushort, uint, ulong or ulong2): copy, fill, where.

__kernel void copy_raw(__global const E* x, __global E* d, Lay L) {
    STRIDED_LOOP(L, { d[o[1] + j * s1] = x[o[0] + j * s0]; })
}

__kernel void fill(__global E* d, E value, Lay L) {
    STRIDED_LOOP(L, { d[o[0] + j * s0] = value; })
}

__kernel void where_sel(__global const uchar* c, __global const E* a, __global const E* b, __global E* d, Lay L) {
    STRIDED_LOOP(L, { d[o[3] + j * s3] = c[o[0] + j * s0] ? a[o[1] + j * s1] : b[o[2] + j * s2]; })
}
