// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Heat.Spatial;

/// <summary>
/// float32 distances by the quadratic expansion for few features, fused. X is packed in blocks of 16 samples and Y in
/// blocks of 8 (feature-major, zero-padded); each 16 × 8 tile of outputs is accumulated in 16 registers (x·y by FMA over
/// the features), expanded (|x|² + |y|² − 2 x·y, clamped at 0), finished (sqrt or the rbf kernel) and stored once; a
/// mirror output gets the transposed tile (8 × 8 register transposes). The symmetric case (Y is X) computes only the
/// tiles on and above the diagonal and mirrors them. The norms use the same FMA chain as the products, so a sample's
/// distance to itself is exactly 0 and the output is exactly symmetric.
/// </summary>
internal static unsafe class QuadraticKernel
{
    private const int Rows = 16, Cols = 8;

    /// <summary>
    /// d (a × b, row stride <paramref name="rowStride"/>) from x (a × f) and y (b × f), both contiguous; when
    /// <paramref name="mirror"/> is not null it receives the transpose (b × a, row stride <paramref name="mirrorStride"/>).
    /// <paramref name="upper"/>: y is x (a == b) and d is its own mirror, so only tiles on and above the diagonal are computed.
    /// </summary>
    public static void Run(float* x, float* y, float* d, long a, long b, int f, long rowStride, float* mirror, long mirrorStride,
        bool upper, bool rbf, double sigma, int threads)
    {
        if (a == 0 || b == 0) return;
        if (upper) { mirror = d; mirrorStride = rowStride; }
        long rowBlocks = (a + Rows - 1) / Rows, colBlocks = (b + Cols - 1) / Cols;
        float* xp = Pack(x, a, f, Rows, rowBlocks), yp = null, xx = null, yy = null;
        try
        {
            yp = Pack(y, b, f, Cols, colBlocks);
            xx = Norms(x, a, f, rowBlocks * Rows);
            yy = upper ? xx : Norms(y, b, f, colBlocks * Cols);
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

    // Rows of src (n × f) as blocks of `width` rows, feature-major: p[(block · f + k) · width + r]; rows past n are 0.
    private static float* Pack(float* src, long n, int f, int width, long blocks)
    {
        var p = (float*)NativeMemory.AlignedAlloc((nuint)(blocks * width * f * sizeof(float)), 64);
        for (long row = 0; row < blocks * width; row++)
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
        // Row blocks part, part + parts, ... (interleaved: the triangle's rows get shorter).
        public void Part(int part, int parts)
        {
            long rowBlocks = (a + Rows - 1) / Rows, colBlocks = (b + Cols - 1) / Cols;
            for (long ib = part; ib < rowBlocks; ib += parts)
            {
                long i0 = ib * Rows;
                for (long jb = upper ? i0 / Cols : 0; jb < colBlocks; jb++)
                    Tile(xp + ib * f * Rows, yp + jb * f * Cols, f, xx + i0, yy + jb * Cols, d, rowStride, mirror, mirrorStride,
                        i0, jb * Cols, a, b, rbf, scale);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile(float* xb, float* yb, int f, float* xx, float* yy, float* d, long rowStride, float* mirror, long mirrorStride,
        long i0, long j0, long a, long b, bool rbf, float scale)
    {
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default, a4 = default, a5 = default, a6 = default, a7 = default, a8 = default, a9 = default, a10 = default, a11 = default, a12 = default, a13 = default, a14 = default, a15 = default;
        for (int k = 0; k < f; k++)
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
        a0 = Finish(a0, xx[0], yyv, rbf, scale);
        a1 = Finish(a1, xx[1], yyv, rbf, scale);
        a2 = Finish(a2, xx[2], yyv, rbf, scale);
        a3 = Finish(a3, xx[3], yyv, rbf, scale);
        a4 = Finish(a4, xx[4], yyv, rbf, scale);
        a5 = Finish(a5, xx[5], yyv, rbf, scale);
        a6 = Finish(a6, xx[6], yyv, rbf, scale);
        a7 = Finish(a7, xx[7], yyv, rbf, scale);
        a8 = Finish(a8, xx[8], yyv, rbf, scale);
        a9 = Finish(a9, xx[9], yyv, rbf, scale);
        a10 = Finish(a10, xx[10], yyv, rbf, scale);
        a11 = Finish(a11, xx[11], yyv, rbf, scale);
        a12 = Finish(a12, xx[12], yyv, rbf, scale);
        a13 = Finish(a13, xx[13], yyv, rbf, scale);
        a14 = Finish(a14, xx[14], yyv, rbf, scale);
        a15 = Finish(a15, xx[15], yyv, rbf, scale);
        if (i0 + Rows <= a && j0 + Cols <= b && (mirror == null || Avx.IsSupported))
        {
            float* row = d + i0 * rowStride + j0;
            a0.Store(row + 0 * rowStride);
            a1.Store(row + 1 * rowStride);
            a2.Store(row + 2 * rowStride);
            a3.Store(row + 3 * rowStride);
            a4.Store(row + 4 * rowStride);
            a5.Store(row + 5 * rowStride);
            a6.Store(row + 6 * rowStride);
            a7.Store(row + 7 * rowStride);
            a8.Store(row + 8 * rowStride);
            a9.Store(row + 9 * rowStride);
            a10.Store(row + 10 * rowStride);
            a11.Store(row + 11 * rowStride);
            a12.Store(row + 12 * rowStride);
            a13.Store(row + 13 * rowStride);
            a14.Store(row + 14 * rowStride);
            a15.Store(row + 15 * rowStride);
            if (mirror == null) return;
            float* m = mirror + j0 * mirrorStride + i0;
            {
                var t0 = Avx.UnpackLow(a0, a1); var t1 = Avx.UnpackHigh(a0, a1);
                var t2 = Avx.UnpackLow(a2, a3); var t3 = Avx.UnpackHigh(a2, a3);
                var t4 = Avx.UnpackLow(a4, a5); var t5 = Avx.UnpackHigh(a4, a5);
                var t6 = Avx.UnpackLow(a6, a7); var t7 = Avx.UnpackHigh(a6, a7);
                var u0 = Avx.Shuffle(t0, t2, 0x44); var u1 = Avx.Shuffle(t0, t2, 0xEE);
                var u2 = Avx.Shuffle(t1, t3, 0x44); var u3 = Avx.Shuffle(t1, t3, 0xEE);
                var u4 = Avx.Shuffle(t4, t6, 0x44); var u5 = Avx.Shuffle(t4, t6, 0xEE);
                var u6 = Avx.Shuffle(t5, t7, 0x44); var u7 = Avx.Shuffle(t5, t7, 0xEE);
                Avx.Permute2x128(u0, u4, 0x20).Store(m + 0 * mirrorStride);
                Avx.Permute2x128(u1, u5, 0x20).Store(m + 1 * mirrorStride);
                Avx.Permute2x128(u2, u6, 0x20).Store(m + 2 * mirrorStride);
                Avx.Permute2x128(u3, u7, 0x20).Store(m + 3 * mirrorStride);
                Avx.Permute2x128(u0, u4, 0x31).Store(m + 4 * mirrorStride);
                Avx.Permute2x128(u1, u5, 0x31).Store(m + 5 * mirrorStride);
                Avx.Permute2x128(u2, u6, 0x31).Store(m + 6 * mirrorStride);
                Avx.Permute2x128(u3, u7, 0x31).Store(m + 7 * mirrorStride);
            }
            {
                var t0 = Avx.UnpackLow(a8, a9); var t1 = Avx.UnpackHigh(a8, a9);
                var t2 = Avx.UnpackLow(a10, a11); var t3 = Avx.UnpackHigh(a10, a11);
                var t4 = Avx.UnpackLow(a12, a13); var t5 = Avx.UnpackHigh(a12, a13);
                var t6 = Avx.UnpackLow(a14, a15); var t7 = Avx.UnpackHigh(a14, a15);
                var u0 = Avx.Shuffle(t0, t2, 0x44); var u1 = Avx.Shuffle(t0, t2, 0xEE);
                var u2 = Avx.Shuffle(t1, t3, 0x44); var u3 = Avx.Shuffle(t1, t3, 0xEE);
                var u4 = Avx.Shuffle(t4, t6, 0x44); var u5 = Avx.Shuffle(t4, t6, 0xEE);
                var u6 = Avx.Shuffle(t5, t7, 0x44); var u7 = Avx.Shuffle(t5, t7, 0xEE);
                Avx.Permute2x128(u0, u4, 0x20).Store(m + 0 * mirrorStride + 8);
                Avx.Permute2x128(u1, u5, 0x20).Store(m + 1 * mirrorStride + 8);
                Avx.Permute2x128(u2, u6, 0x20).Store(m + 2 * mirrorStride + 8);
                Avx.Permute2x128(u3, u7, 0x20).Store(m + 3 * mirrorStride + 8);
                Avx.Permute2x128(u0, u4, 0x31).Store(m + 4 * mirrorStride + 8);
                Avx.Permute2x128(u1, u5, 0x31).Store(m + 5 * mirrorStride + 8);
                Avx.Permute2x128(u2, u6, 0x31).Store(m + 6 * mirrorStride + 8);
                Avx.Permute2x128(u3, u7, 0x31).Store(m + 7 * mirrorStride + 8);
            }
            return;
        }
        float* tile = stackalloc float[Rows * Cols];
            a0.Store(tile + 0);
            a1.Store(tile + 8);
            a2.Store(tile + 16);
            a3.Store(tile + 24);
            a4.Store(tile + 32);
            a5.Store(tile + 40);
            a6.Store(tile + 48);
            a7.Store(tile + 56);
            a8.Store(tile + 64);
            a9.Store(tile + 72);
            a10.Store(tile + 80);
            a11.Store(tile + 88);
            a12.Store(tile + 96);
            a13.Store(tile + 104);
            a14.Store(tile + 112);
            a15.Store(tile + 120);
        long ra = Math.Min(Rows, a - i0), ca = Math.Min(Cols, b - j0);
        for (long r = 0; r < ra; r++)
            for (long c = 0; c < ca; c++)
            {
                float v = tile[r * Cols + c];
                d[(i0 + r) * rowStride + j0 + c] = v;
                if (mirror != null) mirror[(j0 + c) * mirrorStride + i0 + r] = v;
            }
    }

    // One vector of 8 outputs: max(0, |x|² + |y|² − 2 x·y), then sqrt or exp(scale ·) (at most 1: the vector exp is 1 + 1 ulp at 0).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Finish(Vector256<float> dot, float xx, Vector256<float> yy, bool rbf, float scale)
    {
        var v = Vector256.Max(Vector256.Create(xx) + yy - dot - dot, Vector256<float>.Zero);
        return rbf ? Vector256.Min(Vector256.Exp(v * scale), Vector256<float>.One) : Vector256.Sqrt(v);
    }
}
