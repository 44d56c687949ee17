// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Backend.Managed.LocalReductions;
using Heat.Backend.Managed.Native;

namespace Heat.Backend.Managed.Dense;

/// <summary>
/// The batched LAPACK calls behind <see cref="IDenseLinalgKernels"/>: each matrix of the batch is copied into scratch
/// (LAPACK overwrites its input), factored, and its factors written to the destinations. OpenBLAS's thread count is
/// set to the backend's before each call (process-wide: concurrent ranks of one process share the last value).
/// </summary>
internal static unsafe class DenseKernels
{
    private static readonly DTypeCode[] Types =
        [DTypeCode.Float32, DTypeCode.Float64, DTypeCode.Complex64, DTypeCode.Complex128];

    public static void Qr(int threads, LocalTensor a, LocalTensor? q, LocalTensor r)
    {
        var (batch, m, n) = Matrices(a, nameof(a));
        var code = a.DType.Code;
        int k = Math.Min(m, n), kr = Dim(r, -2), kq = q is null ? 0 : Dim(q, -1);
        Require(r, nameof(r), a.DType, batch, kr, n);
        if (kr != k && kr != m) throw new ArgumentException($"R has {kr} rows; expected {k} or {m}.", nameof(r));
        if (q is not null)
        {
            Require(q, nameof(q), a.DType, batch, m, kq);
            if (kq != k && kq != m) throw new ArgumentException($"Q has {kq} columns; expected {k} or {m}.", nameof(q));
        }
        int size = a.DType.ItemSize, width = Math.Max(n, kq);
        using var work = new Scratch((long)m * width * size + (long)Math.Max(k, 1) * size);
        byte* w = work.Pointer, tau = w + (long)m * width * size;
        SetThreads(threads);
        for (long b = 0; b < batch; b++)
        {
            byte* src = (byte*)a.HostPointer + b * m * n * size;
            // LAPACKE checks the whole m × kq array that orgqr reads for NaNs: no garbage beyond column n.
            if (width > n) NativeMemory.Clear(w, (nuint)((long)m * width * size));
            for (long i = 0; i < m; i++)
                Buffer.MemoryCopy(src + i * n * size, w + i * width * size, (long)n * size, (long)n * size);
            if (m > 0 && n > 0) Lapack.Geqrf(code, m, n, w, width, tau);
            byte* rd = (byte*)r.HostPointer + b * kr * n * size;
            NativeMemory.Clear(rd, (nuint)((long)kr * n * size));
            for (long i = 0; i < Math.Min(kr, k); i++)
                Buffer.MemoryCopy(w + (i * width + i) * size, rd + (i * n + i) * size, (n - i) * size, (n - i) * size);
            if (q is null) continue;
            byte* qd = (byte*)q.HostPointer + b * m * kq * size;
            if (kq == 0) continue;
            if (k == 0) { Identity(code, qd, m, kq); continue; }
            Lapack.Orgqr(code, m, kq, k, w, width, tau);
            for (long i = 0; i < m; i++)
                Buffer.MemoryCopy(w + i * width * size, qd + i * kq * size, (long)kq * size, (long)kq * size);
        }
    }

    public static void Svd(int threads, LocalTensor a, LocalTensor? u, LocalTensor s, LocalTensor? vt)
    {
        var (batch, m, n) = Matrices(a, nameof(a));
        var code = a.DType.Code;
        int k = Math.Min(m, n), size = a.DType.ItemSize, rsize = a.DType.RealType.ItemSize;
        Require(s, nameof(s), a.DType.RealType, batch, k);
        if ((u is null) != (vt is null))
            throw new ArgumentException("U and Vt are both given or both null.", nameof(vt));
        byte jobz = (byte)'N';
        int ku = 0, kv = 0;
        if (u is not null && vt is not null)
        {
            ku = Dim(u, -1); kv = Dim(vt, -2);
            bool full = ku == m && kv == n && (ku != k || kv != k);
            jobz = full ? (byte)'A' : (byte)'S';
            if (!full && (ku != k || kv != k))
                throw new ArgumentException(
                    $"U (…, {m}, {ku}) and Vt (…, {kv}, {n}) are neither reduced nor full for a {m} x {n} matrix.",
                    nameof(u));
            Require(u, nameof(u), a.DType, batch, m, ku);
            Require(vt, nameof(vt), a.DType, batch, kv, n);
        }
        using var work = new Scratch((long)m * n * size);
        SetThreads(threads);
        for (long b = 0; b < batch; b++)
        {
            long bytes = (long)m * n * size;
            Buffer.MemoryCopy((byte*)a.HostPointer + b * bytes, work.Pointer, bytes, bytes);
            byte* sd = (byte*)s.HostPointer + b * k * rsize;
            byte* ud = u is null ? null : (byte*)u.HostPointer + b * m * ku * size;
            byte* vd = vt is null ? null : (byte*)vt.HostPointer + b * kv * n * size;
            if (k == 0)
            {
                if (ud is not null) Identity(code, ud, m, ku);
                if (vd is not null) Identity(code, vd, kv, n);
                continue;
            }
            int info = Lapack.Gesdd(code, jobz, m, n, work.Pointer, n, sd, ud, Math.Max(ku, 1), vd, Math.Max(n, 1));
            if (info > 0) throw new ArithmeticException($"LAPACK gesdd did not converge (info {info}).");
        }
    }

    public static void Eigh(int threads, LocalTensor a, LocalTensor w, LocalTensor? v)
    {
        var (batch, n, n2) = Matrices(a, nameof(a));
        if (n != n2) throw new ArgumentException($"The matrices are {n} x {n2}, not square.", nameof(a));
        int size = a.DType.ItemSize, rsize = a.DType.RealType.ItemSize;
        Require(w, nameof(w), a.DType.RealType, batch, n);
        if (v is not null) Require(v, nameof(v), a.DType, batch, n, n);
        long bytes = (long)n * n * size;
        using var work = new Scratch(v is null ? bytes : 0);
        SetThreads(threads);
        for (long b = 0; b < batch; b++)
        {
            byte* dst = v is null ? work.Pointer : (byte*)v.HostPointer + b * bytes;
            Buffer.MemoryCopy((byte*)a.HostPointer + b * bytes, dst, bytes, bytes);
            if (n == 0) continue;
            byte jobz = v is null ? (byte)'N' : (byte)'V';
            int info = Lapack.Syevd(a.DType.Code, jobz, n, dst, n, (byte*)w.HostPointer + b * n * rsize);
            if (info > 0) throw new ArithmeticException($"LAPACK syevd did not converge (info {info}).");
        }
    }

    public static void Solve(int threads, LocalTensor a, LocalTensor rhs, LocalTensor x)
    {
        var (batch, n, n2) = Matrices(a, nameof(a));
        if (n != n2) throw new ArgumentException($"The matrices are {n} x {n2}, not square.", nameof(a));
        int nrhs = Dim(rhs, -1), size = a.DType.ItemSize;
        Require(rhs, nameof(rhs), a.DType, batch, n, nrhs);
        Require(x, nameof(x), a.DType, batch, n, nrhs);
        long bytes = (long)n * n * size, xbytes = (long)n * nrhs * size;
        using var work = new Scratch(bytes + (long)n * sizeof(int));
        int* ipiv = (int*)(work.Pointer + bytes);
        SetThreads(threads);
        for (long b = 0; b < batch; b++)
        {
            Buffer.MemoryCopy((byte*)a.HostPointer + b * bytes, work.Pointer, bytes, bytes);
            byte* xd = (byte*)x.HostPointer + b * xbytes;
            Buffer.MemoryCopy((byte*)rhs.HostPointer + b * xbytes, xd, xbytes, xbytes);
            if (n == 0 || nrhs == 0) continue;
            Singular(Lapack.Getrf(a.DType.Code, n, work.Pointer, ipiv), b);
            Lapack.Getrs(a.DType.Code, n, nrhs, work.Pointer, ipiv, xd);
        }
    }

    public static void Inv(int threads, LocalTensor a, LocalTensor x)
    {
        var (batch, n, n2) = Matrices(a, nameof(a));
        if (n != n2) throw new ArgumentException($"The matrices are {n} x {n2}, not square.", nameof(a));
        Require(x, nameof(x), a.DType, batch, n, n);
        long bytes = (long)n * n * a.DType.ItemSize;
        using var work = new Scratch((long)n * sizeof(int));
        SetThreads(threads);
        for (long b = 0; b < batch; b++)
        {
            byte* xd = (byte*)x.HostPointer + b * bytes;
            Buffer.MemoryCopy((byte*)a.HostPointer + b * bytes, xd, bytes, bytes);
            if (n == 0) continue;
            Singular(Lapack.Getrf(a.DType.Code, n, xd, (int*)work.Pointer), b);
            Singular(Lapack.Getri(a.DType.Code, n, xd, (int*)work.Pointer), b);
        }
    }

    public static void Slogdet(int threads, LocalTensor a, LocalTensor sign, LocalTensor logabsdet)
    {
        var (batch, n, n2) = Matrices(a, nameof(a));
        if (n != n2) throw new ArgumentException($"The matrices are {n} x {n2}, not square.", nameof(a));
        Require(sign, nameof(sign), a.DType, batch);
        Require(logabsdet, nameof(logabsdet), a.DType.RealType, batch);
        var code = a.DType.Code;
        int size = a.DType.ItemSize;
        long bytes = (long)n * n * size;
        using var work = new Scratch(bytes + (long)n * sizeof(int));
        int* ipiv = (int*)(work.Pointer + bytes);
        SetThreads(threads);
        for (long b = 0; b < batch; b++)
        {
            Buffer.MemoryCopy((byte*)a.HostPointer + b * bytes, work.Pointer, bytes, bytes);
            Complex phase = Complex.One;
            double log = 0;
            if (n > 0 && Lapack.Getrf(code, n, work.Pointer, ipiv) > 0)
                (phase, log) = (Complex.Zero, double.NegativeInfinity);
            else
            {
                // Σ log|u_ii| never overflows where Π u_ii would; the phase is a product of unit numbers.
                for (int i = 0; i < n; i++)
                {
                    var d = Read(code, work.Pointer + ((long)i * n + i) * size);
                    double magnitude = d.Magnitude;
                    log += Math.Log(magnitude);
                    phase *= d / magnitude;
                    if (ipiv[i] != i + 1) phase = -phase;
                }
                phase /= phase.Magnitude == 0 ? 1 : phase.Magnitude;
            }
            Write(code, (byte*)sign.HostPointer + b * size, phase);
            Write(a.DType.RealType.Code, (byte*)logabsdet.HostPointer + b * a.DType.RealType.ItemSize, log);
        }
    }

    public static void SolveTriangular(
        int threads, LocalTensor a, LocalTensor rhs, bool upper, bool unit, LocalTensor x)
    {
        var (batch, n, n2) = Matrices(a, nameof(a));
        if (n != n2) throw new ArgumentException($"The matrices are {n} x {n2}, not square.", nameof(a));
        int nrhs = Dim(rhs, -1), size = a.DType.ItemSize;
        Require(rhs, nameof(rhs), a.DType, batch, n, nrhs);
        Require(x, nameof(x), a.DType, batch, n, nrhs);
        long bytes = (long)n * n * size, xbytes = (long)n * nrhs * size;
        SetThreads(threads);
        for (long b = 0; b < batch; b++)
        {
            byte* xd = (byte*)x.HostPointer + b * xbytes;
            Buffer.MemoryCopy((byte*)rhs.HostPointer + b * xbytes, xd, xbytes, xbytes);
            if (n == 0 || nrhs == 0) continue;
            Singular(Lapack.Trtrs(a.DType.Code, upper, unit, n, nrhs, (byte*)a.HostPointer + b * bytes, xd), b);
        }
    }

    private static void SetThreads(int threads)
    {
        if (LapackLibrary.HasOpenBlas) Native.LapackNative.openblas_set_num_threads(threads);
    }

    private static void Singular(int info, long batch)
    {
        if (info > 0)
            throw new ArgumentException(
                $"Singular matrix (batch element {batch}: U[{info - 1}, {info - 1}] is zero).", "a");
    }

    // (batch, m, n) of a contiguous host operand of a LAPACK dtype with at least 2 dimensions.
    private static (long Batch, int M, int N) Matrices(LocalTensor a, string name)
    {
        HostOperands.Require(a, name, Types);
        if (a.NDim < 2) throw new ArgumentException($"{name} has {a.NDim} dimensions; expected at least 2.", name);
        long batch = 1;
        for (int i = 0; i < a.NDim - 2; i++) batch *= a.Shape[i];
        return (batch, Lapack.Dim(a.Shape[^2], name), Lapack.Dim(a.Shape[^1], name));
    }

    private static int Dim(LocalTensor t, int axis) => Lapack.Dim(t.Shape[t.NDim + axis], "dimension");

    private static void Require(LocalTensor t, string name, DType dtype, long batch, params int[] tail)
    {
        HostOperands.Require(t, name, dtype.Code);
        long expected = batch;
        foreach (var d in tail) expected *= d;
        if (t.Numel != expected || t.NDim < tail.Length)
            throw new ArgumentException(
                $"{name} has {t.Numel} elements; expected {expected} ({batch} matrices of {string.Join(" x ", tail)}).",
                name);
    }

    private static Complex Read(DTypeCode code, byte* p) => code switch
    {
        DTypeCode.Float32 => *(float*)p,
        DTypeCode.Float64 => *(double*)p,
        DTypeCode.Complex64 => new Complex(((float*)p)[0], ((float*)p)[1]),
        _ => *(Complex*)p,
    };

    private static void Write(DTypeCode code, byte* p, Complex value)
    {
        switch (code)
        {
            case DTypeCode.Float32: *(float*)p = (float)value.Real; break;
            case DTypeCode.Float64: *(double*)p = value.Real; break;
            case DTypeCode.Complex64:
                ((float*)p)[0] = (float)value.Real;
                ((float*)p)[1] = (float)value.Imaginary;
                break;
            default: *(Complex*)p = value; break;
        }
    }

    private static void One(DTypeCode code, byte* p) => Write(code, p, Complex.One);

    private static void Identity(DTypeCode code, byte* p, int rows, int cols)
    {
        int size = code switch { DTypeCode.Float32 => 4, DTypeCode.Complex128 => 16, _ => 8 };
        NativeMemory.Clear(p, (nuint)((long)rows * cols * size));
        for (int i = 0; i < Math.Min(rows, cols); i++) One(code, p + ((long)i * cols + i) * size);
    }

    // 64-byte aligned native scratch, freed on dispose.
    private readonly struct Scratch : IDisposable
    {
        public Scratch(long bytes) => Pointer = (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(bytes, 64), 64);
        public byte* Pointer { get; }
        public void Dispose() => NativeMemory.AlignedFree(Pointer);
    }
}
