// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;
using Heat.Backend.Managed.Native;
using static Heat.Backend.Managed.Native.LapackNative;

namespace Heat.Backend.Managed.Dense;

/// <summary>
/// <see cref="IEigenKernels.Eig"/> through LAPACK's dgeev / zgeev: every matrix is widened to double precision in
/// scratch (geev overwrites it), solved, and the eigenvalues and eigenvectors are written in the destination's complex
/// type. dgeev's conjugate pairs (columns j, j + 1 holding the real and imaginary parts) are expanded.
/// </summary>
internal static unsafe class EigenKernels
{
    public static void Eig(int threads, LocalTensor a, LocalTensor w, LocalTensor? v)
    {
        HostOperands.Require(a, nameof(a), DTypeCode.Float32, DTypeCode.Float64, DTypeCode.Complex64,
            DTypeCode.Complex128);
        if (a.NDim < 2 || a.Shape[^1] != a.Shape[^2])
            throw new ArgumentException("a must be a square matrix or a batch of them.", nameof(a));
        int n = checked((int)a.Shape[^1]);
        long batch = n == 0 ? 0 : a.Numel / ((long)n * n);
        bool single = a.DType.Code is DTypeCode.Float32 or DTypeCode.Complex64;
        var target = single ? DTypeCode.Complex64 : DTypeCode.Complex128;
        HostOperands.Require(w, nameof(w), target);
        if (w.Numel != batch * n) throw new ArgumentException($"w has {w.Numel} elements; expected {batch * n}.",
            nameof(w));
        if (v is not null)
        {
            HostOperands.Require(v, nameof(v), target);
            if (v.Numel != a.Numel) throw new ArgumentException($"v has {v.Numel} elements; expected {a.Numel}.",
                nameof(v));
        }
        bool complex = a.DType.Kind == DTypeKind.Complex;
        int width = complex ? 2 : 1;
        var m = new double[(long)n * n * width];
        var values = new double[2 * n];
        var vectors = new double[(long)n * n * width];
        var result = new double[(long)n * n * 2];
        if (LapackLibrary.HasOpenBlas) openblas_set_num_threads(threads);
        byte jobvr = v is null ? (byte)'N' : (byte)'V';
        for (long b = 0; b < batch; b++)
        {
            long offset = b * n * n * width;
            for (long i = 0; i < m.LongLength; i++)
                m[i] = single ? ((float*)a.HostPointer)[offset + i] : ((double*)a.HostPointer)[offset + i];
            int info;
            fixed (double* pm = m, pw = values, pv = vectors)
            {
                info = complex
                    ? LAPACKE_zgeev(RowMajor, (byte)'N', jobvr, n, pm, n, pw, null, 1, v is null ? null : pv,
                        v is null ? 1 : n)
                    : LAPACKE_dgeev(RowMajor, (byte)'N', jobvr, n, pm, n, pw, pw + n, null, 1,
                        v is null ? null : pv, v is null ? 1 : n);
            }
            if (info < 0) throw new InvalidOperationException($"LAPACK geev: argument {-info} is invalid.");
            if (info > 0) throw new ArithmeticException($"LAPACK geev did not converge (info {info}).");
            var pairs = new double[2 * n];
            for (int j = 0; j < n; j++)
            {
                pairs[2 * j] = complex ? values[2 * j] : values[j];
                pairs[2 * j + 1] = complex ? values[2 * j + 1] : values[n + j];
            }
            Store(w, b * n, pairs, single);
            if (v is null) continue;
            if (complex) Array.Copy(vectors, result, result.Length);
            else Expand(vectors, values, n, result);
            Store(v, b * n * n, result, single);
        }
    }

    // dgeev's real eigenvector matrix as complex columns: a pair (wi[j] > 0) stores re in column j, im in j + 1.
    private static void Expand(double[] vr, double[] values, int n, double[] result)
    {
        for (int j = 0; j < n; j++)
        {
            double wi = values[n + j];
            for (int i = 0; i < n; i++)
            {
                double re = vr[(long)i * n + j], im = 0;
                if (wi > 0) im = vr[(long)i * n + j + 1];
                else if (wi < 0) { re = vr[(long)i * n + j - 1]; im = -vr[(long)i * n + j]; }
                result[2 * ((long)i * n + j)] = re;
                result[2 * ((long)i * n + j) + 1] = im;
            }
        }
    }

    // Interleaved (re, im) pairs into a complex64 or complex128 tensor from element `start` on.
    private static void Store(LocalTensor t, long start, double[] pairs, bool single)
    {
        if (single)
        {
            var p = (float*)t.HostPointer + 2 * start;
            for (long i = 0; i < pairs.LongLength; i++) p[i] = (float)pairs[i];
        }
        else
        {
            var p = (double*)t.HostPointer + 2 * start;
            for (long i = 0; i < pairs.LongLength; i++) p[i] = pairs[i];
        }
    }
}
