// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Heat.Backend.Managed.Distances;

/// <summary>
/// float32 distances by the quadratic expansion for few features, fused. X is packed in blocks of 16 samples and Y in
/// blocks of 8 (feature-major, zero-padded); each 16 × 8 tile of outputs is accumulated in 16 registers (x·y by FMA
/// over
/// the features), expanded (|x|² + |y|² − 2 x·y, clamped at 0) and finished (sqrt or the rbf kernel) into a 64 × 64
/// block staged in L1, which is then written once to the result, row segments of 256 bytes with non-temporal stores
/// (no read for ownership, no cache pollution: the result is far larger than the caches); a mirror output gets the
/// block transposed (8 × 8 register transposes). The symmetric case (Y is X) computes only the blocks on and above the
/// diagonal and writes each to both places. The norms use the same FMA chain as the products, so a sample's distance to
/// itself is exactly 0 and the output is exactly symmetric.
/// </summary>
internal static unsafe class QuadraticKernel
{
    private const int Rows = 16, Cols = 8, Block = 64;

    /// <summary>
    /// d (a × b, row stride <paramref name="rowStride"/>) from x (a × f) and y (b × f), both contiguous; when
    /// <paramref name="mirror"/> is not null it receives the transpose (b × a, row stride
    /// <paramref name="mirrorStride"/>).
    /// <paramref name="upper"/>: y is x (a == b) and d is its own mirror, so only blocks on and above the diagonal are
    /// computed.
    /// </summary>
    public static void Run(float* x, float* y, float* d, long a, long b, int f, long rowStride, float* mirror, long mirrorStride,
        bool upper, bool rbf, double sigma, int threads)
    {
        if (a == 0 || b == 0) return;
        if (upper) { mirror = d; mirrorStride = rowStride; }
        long rowBlocks = (a + Block - 1) / Block, colBlocks = (b + Block - 1) / Block;
        float* xp = Pack(x, a, f, Rows, rowBlocks * Block), yp = null, xx = null, yy = null;
        try
        {
            yp = Pack(y, b, f, Cols, colBlocks * Block);
            xx = Norms(x, a, f, rowBlocks * Block);
            yy = upper ? xx : Norms(y, b, f, colBlocks * Block);
            float scale = (float)(-1 / (2 * sigma * sigma));
            var job = new Job(xp, yp, xx, yy, d, mirror, a, b, f, rowStride, mirrorStride, upper, rbf, scale);
            int parts = (int)Math.Clamp(rowBlocks, 1, Math.Max(1, threads));
            if (parts == 1) job.Part(0, 1);
            else Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part => job.Part(part, parts));
        }
        finally
        {
            NativeMemory.AlignedFree(xp);
            NativeMemory.AlignedFree(yp);
            if (yy != xx) NativeMemory.AlignedFree(yy);
            NativeMemory.AlignedFree(xx);
        }
    }

    // Rows of src (n × f) as groups of `width` rows, feature-major: p[(group · f + k) · width + r]; rows past n (up to
    // `padded`) are 0.
    private static float* Pack(float* src, long n, int f, int width, long padded)
    {
        var p = (float*)NativeMemory.AlignedAlloc((nuint)(padded * f * sizeof(float)), 64);
        for (long row = 0; row < padded; row++)
        {
            float* to = p + (row / width) * f * width + row % width;
            for (int k = 0; k < f; k++) to[k * width] = row < n ? src[row * f + k] : 0f;
        }
        return p;
    }

    // Squared norms by the FMA chain the tiles use for x·y (so |x|² equals x·x bit for bit), zero-padded to `length`.
    private static float* Norms(float* src, long n, int f, long length)
    {
        var p = (float*)NativeMemory.AlignedAlloc((nuint)(length * sizeof(float)), 64);
        for (long i = 0; i < length; i++)
        {
            float s = 0;
            if (i < n) for (int k = 0; k < f; k++) s = MathF.FusedMultiplyAdd(src[i * f + k], src[i * f + k], s);
            p[i] = s;
        }
        return p;
    }

    private readonly struct Job(float* xp, float* yp, float* xx, float* yy, float* d, float* mirror, long a, long b, int f,
        long rowStride, long mirrorStride, bool upper, bool rbf, float scale)
    {
        // Block rows part, part + parts, ... (interleaved: the triangle's rows get shorter).
        public void Part(int part, int parts)
        {
            long rowBlocks = (a + Block - 1) / Block, colBlocks = (b + Block - 1) / Block;
            float* stage = stackalloc float[Block * Block + 8];
            stage = (float*)(((nint)stage + 31) & ~(nint)31);
            var direct = Mode(d, rowStride);
            var mirrored = mirror == null ? Store.Plain : Mode(mirror, mirrorStride);
            for (long ib = part; ib < rowBlocks; ib += parts)
            {
                long i0 = ib * Block, ra = Math.Min(Block, a - i0);
                for (long jb = upper ? ib : 0; jb < colBlocks; jb++)
                {
                    long j0 = jb * Block, ca = Math.Min(Block, b - j0);
                    bool diagonal = upper && jb == ib;
                    if (!diagonal && ra == Block && ca == Block && direct == Store.Stream512 && (mirror == null || mirrored == Store.Stream512))
                    {
                        Streamed(i0, j0, stage);
                        continue;
                    }
                    for (int r = 0; r < Block; r += Rows)
                        for (int c = diagonal ? r : 0; c < Block; c += Cols)
                            Compute(xp + (i0 + r) * f, yp + (j0 + c) * f, f, xx + i0 + r, yy + j0 + c, !rbf, stage + r * Block + c, Block);
                    if (diagonal)
                        for (int r = 1; r < Block; r++)
                            for (int c = 0; c < r; c++) stage[r * Block + c] = stage[c * Block + r];
                    if (rbf) Rbf(stage, scale);
                    Direct(stage, d + i0 * rowStride + j0, rowStride, ra, ca, direct);
                    if (mirror != null && !diagonal) Transposed(stage, mirror + j0 * mirrorStride + i0, mirrorStride, ra, ca, mirrored);
                }
            }
            if (Avx.IsSupported) Sse.StoreFence();
        }

        // A full off-diagonal block, 16 × 16 outputs at a time, each written as soon as it is computed (64-byte
        // streaming
        // stores, direct and mirrored): the stores drain while the next outputs are computed.
        private void Streamed(long i0, long j0, float* stage)
        {
            for (int r = 0; r < Block; r += Rows)
                for (int c = 0; c < Block; c += 2 * Cols)
                {
                    float* at = stage + r * Block + c;
                    Compute(xp + (i0 + r) * f, yp + (j0 + c) * f, f, xx + i0 + r, yy + j0 + c, !rbf, at, Block);
                    Compute(xp + (i0 + r) * f, yp + (j0 + c + Cols) * f, f, xx + i0 + r, yy + j0 + c + Cols, !rbf, at + Cols, Block);
                    if (rbf)
                        for (int i = 0; i < Rows; i++)
                        {
                            Rbf8(at + i * Block, scale);
                            Rbf8(at + i * Block + Cols, scale);
                        }
                    float* to = d + (i0 + r) * rowStride + j0 + c;
                    for (int i = 0; i < Rows; i++) Avx512F.StoreAlignedNonTemporal(to + i * rowStride, Vector512.Load(at + i * Block));
                    if (mirror == null) continue;
                    float* m = mirror + (j0 + c) * mirrorStride + i0 + r;
                    Transpose16x8(at, Block, m, mirrorStride);
                    Transpose16x8(at + Cols, Block, m + Cols * mirrorStride, mirrorStride);
                }
        }
    }

    // The 16 × 8 tile of squared distances (or distances, with sqrt) at x block xb and y block yb into tile (row stride
    // `stride`).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compute(float* xb, float* yb, int f, float* xx, float* yy, bool sqrt, float* tile, int stride)
    {
        // k = 0 peeled (x0 · y0 rounds as the FMA into 0 would): the accumulators start in registers.
        var y0 = Vector256.Load(yb);
        var a0 = Vector256.Create(xb[0]) * y0;
        var a1 = Vector256.Create(xb[1]) * y0;
        var a2 = Vector256.Create(xb[2]) * y0;
        var a3 = Vector256.Create(xb[3]) * y0;
        var a4 = Vector256.Create(xb[4]) * y0;
        var a5 = Vector256.Create(xb[5]) * y0;
        var a6 = Vector256.Create(xb[6]) * y0;
        var a7 = Vector256.Create(xb[7]) * y0;
        var a8 = Vector256.Create(xb[8]) * y0;
        var a9 = Vector256.Create(xb[9]) * y0;
        var a10 = Vector256.Create(xb[10]) * y0;
        var a11 = Vector256.Create(xb[11]) * y0;
        var a12 = Vector256.Create(xb[12]) * y0;
        var a13 = Vector256.Create(xb[13]) * y0;
        var a14 = Vector256.Create(xb[14]) * y0;
        var a15 = Vector256.Create(xb[15]) * y0;
        for (int k = 1; k < f; k++)
        {
            var yv = Vector256.Load(yb + k * Cols);
            float* xk = xb + k * Rows;
            a0 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[0]), yv, a0);
            a1 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[1]), yv, a1);
            a2 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[2]), yv, a2);
            a3 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[3]), yv, a3);
            a4 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[4]), yv, a4);
            a5 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[5]), yv, a5);
            a6 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[6]), yv, a6);
            a7 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[7]), yv, a7);
            a8 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[8]), yv, a8);
            a9 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[9]), yv, a9);
            a10 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[10]), yv, a10);
            a11 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[11]), yv, a11);
            a12 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[12]), yv, a12);
            a13 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[13]), yv, a13);
            a14 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[14]), yv, a14);
            a15 = Vector256.FusedMultiplyAdd(Vector256.Create(xk[15]), yv, a15);
        }
        var yyv = Vector256.Load(yy);
        Finish(a0, xx[0], yyv, sqrt).Store(tile + 0 * stride);
        Finish(a1, xx[1], yyv, sqrt).Store(tile + 1 * stride);
        Finish(a2, xx[2], yyv, sqrt).Store(tile + 2 * stride);
        Finish(a3, xx[3], yyv, sqrt).Store(tile + 3 * stride);
        Finish(a4, xx[4], yyv, sqrt).Store(tile + 4 * stride);
        Finish(a5, xx[5], yyv, sqrt).Store(tile + 5 * stride);
        Finish(a6, xx[6], yyv, sqrt).Store(tile + 6 * stride);
        Finish(a7, xx[7], yyv, sqrt).Store(tile + 7 * stride);
        Finish(a8, xx[8], yyv, sqrt).Store(tile + 8 * stride);
        Finish(a9, xx[9], yyv, sqrt).Store(tile + 9 * stride);
        Finish(a10, xx[10], yyv, sqrt).Store(tile + 10 * stride);
        Finish(a11, xx[11], yyv, sqrt).Store(tile + 11 * stride);
        Finish(a12, xx[12], yyv, sqrt).Store(tile + 12 * stride);
        Finish(a13, xx[13], yyv, sqrt).Store(tile + 13 * stride);
        Finish(a14, xx[14], yyv, sqrt).Store(tile + 14 * stride);
        Finish(a15, xx[15], yyv, sqrt).Store(tile + 15 * stride);
    }

    /// <summary>
    /// Copies <paramref name="rows"/> rows of <paramref name="cols"/> floats (row strides <paramref name="srcStride"/>
    /// and
    /// <paramref name="dstStride"/>), the destination by 64-byte streaming stores where its lines allow.
    /// </summary>
    public static void CopyRows(float* src, long srcStride, float* dst, long dstStride, long rows, long cols)
    {
        bool stream = Avx512F.IsSupported;
        for (long r = 0; r < rows; r++)
        {
            float* from = src + r * srcStride, to = dst + r * dstStride;
            long c = 0;
            if (stream)
            {
                for (; c < cols && ((nint)(to + c) & 63) != 0; c++) to[c] = from[c];
                for (; c + 16 <= cols; c += 16) Avx512F.StoreAlignedNonTemporal(to + c, Vector512.Load(from + c));
            }
            for (; c < cols; c++) to[c] = from[c];
        }
        if (stream) Sse.StoreFence();
    }

    // How rows of a destination (64-float segments at multiples of 64 floats) can be written.
    private enum Store { Plain, Stream256, Stream512 }

    private static Store Mode(float* p, long stride)
    {
        if (Avx512F.IsSupported && ((nint)p & 63) == 0 && stride % 16 == 0) return Store.Stream512;
        if (Avx.IsSupported && ((nint)p & 31) == 0 && stride % 8 == 0) return Store.Stream256;
        return Store.Plain;
    }

    // The staged block's first ra rows and ca columns to dst (row stride `stride`).
    private static void Direct(float* stage, float* dst, long stride, long ra, long ca, Store mode)
    {
        for (long r = 0; r < ra; r++)
        {
            float* from = stage + r * Block, to = dst + r * stride;
            long c = 0;
            if (ca == Block && mode == Store.Stream512)
                for (; c < Block; c += 16) Avx512F.StoreAlignedNonTemporal(to + c, Vector512.Load(from + c));
            else if (ca == Block)
                for (; c < Block; c += 8) Put(Vector256.Load(from + c), to + c, mode == Store.Stream256);
            for (; c < ca; c++) to[c] = from[c];
        }
    }

    // The staged block's first ra rows and ca columns, transposed, to dst (ca × ra, row stride `stride`).
    private static void Transposed(float* stage, float* dst, long stride, long ra, long ca, Store mode)
    {
        if (ra == Block && ca == Block && Avx.IsSupported)
        {
            for (int c = 0; c < Block; c += 8)
                for (int r = 0; r < Block; r += 16)
                {
                    float* to = dst + c * stride + r;
                    if (mode == Store.Stream512) Transpose16x8(stage + r * Block + c, Block, to, stride);
                    else
                    {
                        Transpose8(stage + r * Block + c, Block, to, stride, mode == Store.Stream256);
                        Transpose8(stage + (r + 8) * Block + c, Block, to + 8, stride, mode == Store.Stream256);
                    }
                }
            return;
        }
        for (long c = 0; c < ca; c++)
            for (long r = 0; r < ra; r++) dst[c * stride + r] = stage[r * Block + c];
    }

    // dst[c, r] = src[r, c] for 16 rows × 8 columns: 8 rows of 16 floats, each one 64-byte streaming store.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose16x8(float* src, long srcStride, float* dst, long dstStride)
    {
        var ar0 = Vector256.Load(src + 0 * srcStride); var ar1 = Vector256.Load(src + 1 * srcStride);
        var ar2 = Vector256.Load(src + 2 * srcStride); var ar3 = Vector256.Load(src + 3 * srcStride);
        var ar4 = Vector256.Load(src + 4 * srcStride); var ar5 = Vector256.Load(src + 5 * srcStride);
        var ar6 = Vector256.Load(src + 6 * srcStride); var ar7 = Vector256.Load(src + 7 * srcStride);
        var at0 = Avx.UnpackLow(ar0, ar1); var at1 = Avx.UnpackHigh(ar0, ar1);
        var at2 = Avx.UnpackLow(ar2, ar3); var at3 = Avx.UnpackHigh(ar2, ar3);
        var at4 = Avx.UnpackLow(ar4, ar5); var at5 = Avx.UnpackHigh(ar4, ar5);
        var at6 = Avx.UnpackLow(ar6, ar7); var at7 = Avx.UnpackHigh(ar6, ar7);
        var au0 = Avx.Shuffle(at0, at2, 0x44); var au1 = Avx.Shuffle(at0, at2, 0xEE);
        var au2 = Avx.Shuffle(at1, at3, 0x44); var au3 = Avx.Shuffle(at1, at3, 0xEE);
        var au4 = Avx.Shuffle(at4, at6, 0x44); var au5 = Avx.Shuffle(at4, at6, 0xEE);
        var au6 = Avx.Shuffle(at5, at7, 0x44); var au7 = Avx.Shuffle(at5, at7, 0xEE);
        var br0 = Vector256.Load(src + 8 * srcStride); var br1 = Vector256.Load(src + 9 * srcStride);
        var br2 = Vector256.Load(src + 10 * srcStride); var br3 = Vector256.Load(src + 11 * srcStride);
        var br4 = Vector256.Load(src + 12 * srcStride); var br5 = Vector256.Load(src + 13 * srcStride);
        var br6 = Vector256.Load(src + 14 * srcStride); var br7 = Vector256.Load(src + 15 * srcStride);
        var bt0 = Avx.UnpackLow(br0, br1); var bt1 = Avx.UnpackHigh(br0, br1);
        var bt2 = Avx.UnpackLow(br2, br3); var bt3 = Avx.UnpackHigh(br2, br3);
        var bt4 = Avx.UnpackLow(br4, br5); var bt5 = Avx.UnpackHigh(br4, br5);
        var bt6 = Avx.UnpackLow(br6, br7); var bt7 = Avx.UnpackHigh(br6, br7);
        var bu0 = Avx.Shuffle(bt0, bt2, 0x44); var bu1 = Avx.Shuffle(bt0, bt2, 0xEE);
        var bu2 = Avx.Shuffle(bt1, bt3, 0x44); var bu3 = Avx.Shuffle(bt1, bt3, 0xEE);
        var bu4 = Avx.Shuffle(bt4, bt6, 0x44); var bu5 = Avx.Shuffle(bt4, bt6, 0xEE);
        var bu6 = Avx.Shuffle(bt5, bt7, 0x44); var bu7 = Avx.Shuffle(bt5, bt7, 0xEE);
        Avx512F.StoreAlignedNonTemporal(dst + 0 * dstStride, Vector512.Create(Avx.Permute2x128(au0, au4, 0x20), Avx.Permute2x128(bu0, bu4, 0x20)));
        Avx512F.StoreAlignedNonTemporal(dst + 1 * dstStride, Vector512.Create(Avx.Permute2x128(au1, au5, 0x20), Avx.Permute2x128(bu1, bu5, 0x20)));
        Avx512F.StoreAlignedNonTemporal(dst + 2 * dstStride, Vector512.Create(Avx.Permute2x128(au2, au6, 0x20), Avx.Permute2x128(bu2, bu6, 0x20)));
        Avx512F.StoreAlignedNonTemporal(dst + 3 * dstStride, Vector512.Create(Avx.Permute2x128(au3, au7, 0x20), Avx.Permute2x128(bu3, bu7, 0x20)));
        Avx512F.StoreAlignedNonTemporal(dst + 4 * dstStride, Vector512.Create(Avx.Permute2x128(au0, au4, 0x31), Avx.Permute2x128(bu0, bu4, 0x31)));
        Avx512F.StoreAlignedNonTemporal(dst + 5 * dstStride, Vector512.Create(Avx.Permute2x128(au1, au5, 0x31), Avx.Permute2x128(bu1, bu5, 0x31)));
        Avx512F.StoreAlignedNonTemporal(dst + 6 * dstStride, Vector512.Create(Avx.Permute2x128(au2, au6, 0x31), Avx.Permute2x128(bu2, bu6, 0x31)));
        Avx512F.StoreAlignedNonTemporal(dst + 7 * dstStride, Vector512.Create(Avx.Permute2x128(au3, au7, 0x31), Avx.Permute2x128(bu3, bu7, 0x31)));
    }

    // dst[c, r] = src[r, c] for an 8 × 8 block.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8(float* src, long srcStride, float* dst, long dstStride, bool nt)
    {
        var r0 = Vector256.Load(src + 0 * srcStride); var r1 = Vector256.Load(src + 1 * srcStride);
        var r2 = Vector256.Load(src + 2 * srcStride); var r3 = Vector256.Load(src + 3 * srcStride);
        var r4 = Vector256.Load(src + 4 * srcStride); var r5 = Vector256.Load(src + 5 * srcStride);
        var r6 = Vector256.Load(src + 6 * srcStride); var r7 = Vector256.Load(src + 7 * srcStride);
        var t0 = Avx.UnpackLow(r0, r1); var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3); var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5); var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7); var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44); var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44); var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44); var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44); var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Put(Avx.Permute2x128(u0, u4, 0x20), dst + 0 * dstStride, nt);
        Put(Avx.Permute2x128(u1, u5, 0x20), dst + 1 * dstStride, nt);
        Put(Avx.Permute2x128(u2, u6, 0x20), dst + 2 * dstStride, nt);
        Put(Avx.Permute2x128(u3, u7, 0x20), dst + 3 * dstStride, nt);
        Put(Avx.Permute2x128(u0, u4, 0x31), dst + 4 * dstStride, nt);
        Put(Avx.Permute2x128(u1, u5, 0x31), dst + 5 * dstStride, nt);
        Put(Avx.Permute2x128(u2, u6, 0x31), dst + 6 * dstStride, nt);
        Put(Avx.Permute2x128(u3, u7, 0x31), dst + 7 * dstStride, nt);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(Vector256<float> v, float* to, bool nt)
    {
        if (nt) Avx.StoreAlignedNonTemporal(to, v);
        else v.Store(to);
    }

    // One vector of 8 outputs: max(0, |x|² + |y|² − 2 x·y), and its square root for distances.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Finish(Vector256<float> dot, float xx, Vector256<float> yy, bool sqrt)
    {
        var v = Vector256.Max(Vector256.Create(xx) + yy - dot - dot, Vector256<float>.Zero);
        return sqrt ? Vector256.Sqrt(v) : v;
    }

    // exp(scale · v) in place over the staged block.
    private static void Rbf(float* stage, float scale)
    {
        for (int i = 0; i < Block * Block; i += 8) Rbf8(stage + i, scale);
    }

    // exp(scale · v) in place for 8 values (at most 1: the vector exp is 1 + 1 ulp at 0).
    private static void Rbf8(float* v, float scale) =>
        Vector256.Min(Vector256.Exp(Vector256.Load(v) * scale), Vector256<float>.One).Store(v);
}
