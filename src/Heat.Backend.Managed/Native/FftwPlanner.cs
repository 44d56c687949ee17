// SPDX-License-Identifier: MIT
using System.Text;

namespace Heat.Backend.Managed.Native;

/// <summary>The kind of an FFTW transform.</summary>
internal enum FftwKind
{
    /// <summary>Complex to complex.</summary>
    ComplexToComplex,
    /// <summary>Real to half-spectrum.</summary>
    RealToComplex,
    /// <summary>Half-spectrum to real.</summary>
    ComplexToReal,
}

/// <summary>
/// Makes and caches FFTW guru plans (one transform dimension, any number of batch dimensions, 64-bit strides). FFTW's
/// planner is not thread-safe and in-process ranks are threads, so planning, thread setup and destruction run under
/// one lock; execution (the new-array <c>fftw_execute_dft*</c>) is thread-safe and runs outside it. A plan is reused
/// for arrays of the same layout and the same SIMD alignment (FFTW's rule for new-array execution), so the key is
/// (precision, kind, sign, dimensions with strides, alignments, in-place, threads). Plans use FFTW_ESTIMATE, which
/// never touches the arrays while planning.
/// </summary>
internal static unsafe class FftwPlanner
{
    /// <summary>The lock of everything in FFTW that is not thread-safe.</summary>
    internal static readonly object Gate = new();

    private const uint Estimate = 1u << 6, DestroyInput = 1u << 0;
    private const int Capacity = 256;
    private static readonly Dictionary<string, FftwPlan> Cache = [];
    private static bool _threads64, _threads32;

    /// <summary>
    /// A plan for these arrays, with one reference added (call <see
    /// cref="System.Runtime.InteropServices.SafeHandle.DangerousRelease"/>
    /// after executing), so that an eviction from the cache cannot destroy it while it runs.
    /// </summary>
    public static FftwPlan Acquire(bool single, FftwKind kind, int sign, FftwIoDim dim, ReadOnlySpan<FftwIoDim> batch,
        void* input, void* output, int threads)
    {
        FftwLibrary.EnsureLoaded();
        int alignIn = single ? FftwfNative.fftwf_alignment_of(input) : FftwNative.fftw_alignment_of(input);
        int alignOut = single ? FftwfNative.fftwf_alignment_of(output) : FftwNative.fftw_alignment_of(output);
        var key = new StringBuilder().Append(single ? 'f' : 'd').Append((int)kind).Append(sign).Append('|')
            .Append(dim.n).Append(',').Append(dim.@is).Append(',').Append(dim.os);
        foreach (var b in batch) key.Append('|').Append(b.n).Append(',').Append(b.@is).Append(',').Append(b.os);
        key.Append('|').Append(alignIn).Append(',').Append(alignOut).Append(',').Append(input == output)
            .Append(',').Append(threads);
        string k = key.ToString();
        lock (Gate)
        {
            if (!Cache.TryGetValue(k, out var plan))
            {
                plan = Create(single, kind, sign, dim, batch, input, output, threads);
                if (Cache.Count >= Capacity)
                {
                    foreach (var old in Cache.Values) old.Dispose();
                    Cache.Clear();
                }
                Cache[k] = plan;
            }
            bool added = false;
            plan.DangerousAddRef(ref added);
            return plan;
        }
    }

    private static FftwPlan Create(bool single, FftwKind kind, int sign, FftwIoDim dim, ReadOnlySpan<FftwIoDim> batch,
        void* input, void* output, int threads)
    {
        SetThreads(single, threads);
        uint flags = Estimate | (kind == FftwKind.ComplexToReal ? DestroyInput : 0);
        var dims = stackalloc FftwIoDim[1];
        dims[0] = dim;
        var many = stackalloc FftwIoDim[Math.Max(1, batch.Length)];
        for (int i = 0; i < batch.Length; i++) many[i] = batch[i];
        int rank = batch.Length;
        nint p = (single, kind) switch
        {
            (false, FftwKind.ComplexToComplex) => FftwNative.fftw_plan_guru64_dft(1, dims, rank, many, input, output,
                sign, flags),
            (false, FftwKind.RealToComplex) => FftwNative.fftw_plan_guru64_dft_r2c(1, dims, rank, many, input, output,
                flags),
            (false, _) => FftwNative.fftw_plan_guru64_dft_c2r(1, dims, rank, many, input, output, flags),
            (true, FftwKind.ComplexToComplex) => FftwfNative.fftwf_plan_guru64_dft(1, dims, rank, many, input, output,
                sign, flags),
            (true, FftwKind.RealToComplex) => FftwfNative.fftwf_plan_guru64_dft_r2c(1, dims, rank, many, input, output,
                flags),
            (true, _) => FftwfNative.fftwf_plan_guru64_dft_c2r(1, dims, rank, many, input, output, flags),
        };
        if (p == 0)
            throw new InvalidOperationException($"FFTW could not plan a {kind} transform of length {dim.n} over "
                + $"{batch.Length} batch dimensions.");
        return new FftwPlan(p, single);
    }

    private static void SetThreads(bool single, int threads)
    {
        if (single)
        {
            if (!_threads32 && FftwfThreadsNative.fftwf_init_threads() == 0)
                throw new InvalidOperationException("fftwf_init_threads failed.");
            _threads32 = true;
            FftwfThreadsNative.fftwf_plan_with_nthreads(threads);
        }
        else
        {
            if (!_threads64 && FftwThreadsNative.fftw_init_threads() == 0)
                throw new InvalidOperationException("fftw_init_threads failed.");
            _threads64 = true;
            FftwThreadsNative.fftw_plan_with_nthreads(threads);
        }
    }
}
