// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Fft;

/// <summary>
/// The distributed transform of a split 1-d vector of prime length n (no four-step factorisation) by Bluestein's
/// algorithm: with the chirp w[j] = exp(−πi·j²/n), X[k] = w[k] · Σ_j (x[j]·w[j]) · conj(w[k − j]), a cyclic
/// convolution of length m (the power of two ≥ 2n − 1) computed with three four-step transforms of length m. The
/// chirp's mirrored half conj(w[m − t]) is the chirp at offset −m, so every rank builds its chunk locally. Inverse
/// transforms use the conjugate chirp. Memory per rank: a few vectors of m/p ≤ 4n/p elements.
/// </summary>
internal static class Bluestein
{
    public static DNDarray Transform(DNDarray x, long n, bool inverse, double scale)
    {
        long m = 1;
        while (m < 2 * n - 1) m <<= 1;
        using var scope = DisposeScope.Begin();
        var padded = Transforms.Resize1d(x, m);
        var a = Chirped(padded, n, inverse);
        padded.Dispose();
        var b = Kernel(x, n, m, inverse);
        var fa = FourStep.Transform(a, m, inverse: false, 1);
        a.Dispose();
        var fb = FourStep.Transform(b, m, inverse: false, 1);
        b.Dispose();
        var product = ht.mul(fa, fb);
        fa.Dispose();
        fb.Dispose();
        var convolution = FourStep.Transform(product, m, inverse: true, scale / m);
        product.Dispose();
        var head = Transforms.Resize1d(convolution, n);
        convolution.Dispose();
        return scope.MoveToOuter(Chirped(head, n, inverse));
    }

    /// <summary>v[j] · exp(∓πi·j²/n) for the global index j of every element of this rank's chunk.</summary>
    private static DNDarray Chirped(DNDarray v, long n, bool inverse)
    {
        var backend = v.Backend;
        var local = backend.Empty(v.larray.Shape, v.dtype, v.larray.Device);
        try
        {
            if (local.Numel > 0) FftEngine.Of(backend).Chirp(v.larray, local, n, v.SplitOffset(), inverse);
            var y = new DNDarray(local, v.shape, 0, v.Context, v.balanced);
            if (v.balanced != true) y.SetSplitCounts(v.SplitCounts());
            return y;
        }
        catch { local.Dispose(); throw; }
    }

    /// <summary>The convolution kernel b (length m): conj(w[t]) for t &lt; n, conj(w[m − t]) for t &gt; m − n, zero
    /// between.</summary>
    private static DNDarray Kernel(DNDarray like, long n, long m, bool inverse)
    {
        var backend = like.Backend;
        var (offset, count) = Chunking.Chunk(m, like.comm.Size, like.comm.Rank);
        var local = backend.Zeros([count], like.dtype, like.larray.Device);
        try
        {
            var kernels = FftEngine.Of(backend);
            foreach (var (start, stop, shift) in new[] { (0L, n, 0L), (m - n + 1, m, -m) })
            {
                long lo = Math.Max(start, offset), hi = Math.Min(stop, offset + count);
                if (hi <= lo) continue;
                using var ones = backend.Full([hi - lo], like.dtype, 1);
                using var into = local.Slice(0, lo - offset, hi - lo);
                kernels.Chirp(ones, into, n, lo + shift, !inverse);
            }
            return new DNDarray(local, [m], 0, like.Context, balanced: true);
        }
        catch { local.Dispose(); throw; }
    }
}
