// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Fft;

/// <summary>
/// The distributed transform of a 1-d complex vector split along its only axis, without any rank holding the whole
/// vector (Bailey's four-step algorithm). With n = n1·n2 and x viewed as the n2 × n1 matrix M[b, a] = x[a + n1·b],
/// X[n2·c + d] = Σ_a ω_n^(ad) ω_n1^(ac) Σ_b ω_n2^(bd) M[b, a]: transform the columns (over b), multiply the
/// twiddles
/// ω_n^(ad), transform the rows (over a), and read the result transposed. Rows are split, so the column transform,
/// the row transform and the transposed read each follow a slab transpose (three Alltoallv, each moving n/p elements
/// per rank), plus two neighbour exchanges that align the input to whole rows and balance the output. n1 is the
/// divisor of n nearest below √n. A prime n has no factorisation: from <see cref="BluesteinFrom"/> on it goes through
/// <see cref="Bluestein"/> (three four-step transforms of a power of two), below it the few elements are gathered.
/// </summary>
internal static class FourStep
{
    /// <summary>Prime lengths from here on use Bluestein's algorithm; shorter ones are gathered (a few hundred
    /// bytes).</summary>
    internal const long BluesteinFrom = 64;

    public static DNDarray Transform(DNDarray x, long n, bool inverse, double scale)
    {
        var comm = x.comm;
        var backend = x.Backend;
        var ctx = x.Context;
        var kernels = FftEngine.Of(backend);
        int p = comm.Size, me = comm.Rank;
        var (n1, n2) = Factor(n);
        if (n1 == 1) return n < BluesteinFrom ? Gathered(x, n, inverse, scale) : Bluestein.Transform(x, n, inverse,
            scale);

        // M (n2 × n1) split along rows b: the input redistributed to whole rows.
        var rowCounts = Chunking.Counts(n2, p);
        var xCounts = rowCounts.Select(c => c * n1).ToArray();
        var flat = x.SplitCounts().SequenceEqual(xCounts)
            ? backend.Contiguous(x.larray)
            : Redistribution.Redistribute(x, xCounts);
        DNDarray m;
        using (flat) m = new DNDarray(flat.View([rowCounts[me], n1], [n1, 1], flat.Offset), [n2, n1], 0, ctx,
            balanced: true);

        // Columns: transform over b, then the twiddles ω^(a·d) (this rank's columns a start at aOffset).
        var columns = Redistribution.ResplitCopy(m, 1);
        m.Dispose();
        long aOffset = Chunking.Chunk(n1, p, me).Offset;
        var w = backend.Empty(columns.larray.Shape, x.dtype, columns.larray.Device);
        DNDarray twiddled;
        using (w)
        {
            if (w.Numel > 0) kernels.ComplexToComplex(columns.larray, w, 0, inverse, scale);
            columns.Dispose();
            var t = backend.Empty(w.Shape, x.dtype, w.Device);
            try { if (t.Numel > 0) kernels.Twiddle(w, t, n, 0, aOffset, inverse); }
            catch { t.Dispose(); throw; }
            twiddled = new DNDarray(t, [n2, n1], 1, ctx, balanced: true);
        }

        // Rows: transform over a.
        var rows = Redistribution.ResplitCopy(twiddled, 0);
        twiddled.Dispose();
        var z = backend.Empty(rows.larray.Shape, x.dtype, rows.larray.Device);
        try { if (z.Numel > 0) kernels.ComplexToComplex(rows.larray, z, 1, inverse, 1); }
        catch { z.Dispose(); throw; }
        rows.Dispose();
        var spectrum = new DNDarray(z, [n2, n1], 0, ctx, balanced: true);

        // Z[d, c] = X[n2·c + d]: split along c, transposed locally, is a contiguous run of X.
        var byC = Redistribution.ResplitCopy(spectrum, 1);
        spectrum.Dispose();
        LocalTensor local;
        using (byC)
        using (var transposed = byC.larray.Permute([1, 0]))
            local = backend.Contiguous(transposed);
        try
        {
            long nc = local.Shape[0];
            using var owned = local;
            var vector = local.View([nc * n2], [1], local.Offset);
            var counts = Chunking.Counts(n1, p).Select(c => c * n2).ToArray();
            var y = new DNDarray(vector, [n], 0, ctx, counts.SequenceEqual(Chunking.Counts(n, p)));
            y.SetSplitCounts(counts);
            return y.balance_();
        }
        catch { local.Dispose(); throw; }
    }

    /// <summary>n = n1·n2 with n1 the largest divisor of n not above √n (1 when n is prime).</summary>
    internal static (long N1, long N2) Factor(long n)
    {
        long n1 = (long)Math.Sqrt(n);
        while (n1 > 1 && n % n1 != 0) n1--;
        return (Math.Max(1, n1), n / Math.Max(1, n1));
    }

    /// <summary>Short prime n: every rank transforms the gathered vector and keeps its canonical chunk.</summary>
    private static DNDarray Gathered(DNDarray x, long n, bool inverse, double scale)
    {
        var backend = x.Backend;
        using var whole = Redistribution.Gather(x);
        using var spectrum = backend.Empty(whole.Shape, x.dtype, whole.Device);
        if (spectrum.Numel > 0) FftEngine.Of(backend).ComplexToComplex(whole, spectrum, 0, inverse, scale);
        var (offset, count) = Chunking.Chunk(n, x.comm.Size, x.comm.Rank);
        using var mine = spectrum.Slice(0, offset, count);
        var local = backend.Copy(mine);
        try { return new DNDarray(local, [n], 0, x.Context, balanced: true); }
        catch { local.Dispose(); throw; }
    }
}
