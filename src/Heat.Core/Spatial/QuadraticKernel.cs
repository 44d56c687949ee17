// SPDX-License-Identifier: MIT
using System.Runtime.Intrinsics;

namespace Heat.Spatial;

/// <summary>
/// float32 distances by the quadratic expansion for few features, fused: Y is packed once as blocks of 8 samples
/// (feature-major), each output vector of 8 distances is accumulated in registers (x·y by FMA over the features),
/// expanded (|x|² + |y|² − 2 x·y, clamped at 0), finished (sqrt or the rbf kernel) and stored once.
/// </summary>
internal static unsafe class QuadraticKernel
{
    /// <summary>d (a × b, rows contiguous, row stride <paramref name="rowStride"/>) from x (a × f) and y (b × f), both contiguous.</summary>
    public static void Run(float* x, float* y, float* d, long a, long b, int f, long rowStride, bool rbf, double sigma, int threads)
    {
        long blocks = (b + 7) / 8;
        var packed = new float[blocks * f * 8];
        var yy = new float[blocks * 8];
        for (long j = 0; j < b; j++)
        {
            float s = 0;
            for (int k = 0; k < f; k++)
            {
                float v = y[j * f + k];
                packed[(j / 8) * f * 8 + k * 8 + j % 8] = v;
                s += v * v;
            }
            yy[j] = s;
        }
        float scale = (float)(-1 / (2 * sigma * sigma));
        int parts = (int)Math.Max(1, Math.Min(threads, a / 4));
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = threads }, part =>
        {
            float* tail = stackalloc float[8];
            fixed (float* pp = packed, py = yy)
            {
                for (long i = a * part / parts; i < a * (part + 1) / parts; i++)
                {
                    float* xi = x + i * f;
                    float xx = 0;
                    for (int k = 0; k < f; k++) xx += xi[k] * xi[k];
                    var vxx = Vector256.Create(xx);
                    float* row = d + i * rowStride;
                    long jb = 0;
                    // Four blocks at once: four independent FMA chains hide the FMA latency.
                    for (; jb + 4 <= blocks; jb += 4)
                    {
                        float* t = pp + jb * f * 8;
                        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
                        for (int k = 0; k < f; k++)
                        {
                            var bx = Vector256.Create(xi[k]);
                            a0 = Vector256.FusedMultiplyAdd(bx, Vector256.Load(t + k * 8), a0);
                            a1 = Vector256.FusedMultiplyAdd(bx, Vector256.Load(t + f * 8 + k * 8), a1);
                            a2 = Vector256.FusedMultiplyAdd(bx, Vector256.Load(t + 2 * f * 8 + k * 8), a2);
                            a3 = Vector256.FusedMultiplyAdd(bx, Vector256.Load(t + 3 * f * 8 + k * 8), a3);
                        }
                        Finish(a0, vxx, py, jb, row, b, rbf, scale, tail);
                        Finish(a1, vxx, py, jb + 1, row, b, rbf, scale, tail);
                        Finish(a2, vxx, py, jb + 2, row, b, rbf, scale, tail);
                        Finish(a3, vxx, py, jb + 3, row, b, rbf, scale, tail);
                    }
                    for (; jb < blocks; jb++)
                    {
                        float* t = pp + jb * f * 8;
                        var acc = Vector256<float>.Zero;
                        for (int k = 0; k < f; k++) acc = Vector256.FusedMultiplyAdd(Vector256.Create(xi[k]), Vector256.Load(t + k * 8), acc);
                        Finish(acc, vxx, py, jb, row, b, rbf, scale, tail);
                    }
                }
            }
        });
    }

    // Expands, finishes and stores one vector of 8 outputs (the last block may be partial).
    private static void Finish(Vector256<float> dot, Vector256<float> vxx, float* yy, long jb, float* row, long b, bool rbf, float scale, float* tail)
    {
        var v = Vector256.Max(vxx + Vector256.Load(yy + jb * 8) - dot - dot, Vector256<float>.Zero);
        v = rbf ? Vector256.Exp(v * scale) : Vector256.Sqrt(v);
        long j0 = jb * 8;
        if (j0 + 8 <= b) { v.Store(row + j0); return; }
        v.Store(tail);
        for (long j = j0; j < b; j++) row[j] = tail[j - j0];
    }
}
