// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// One-pass mean and variance: each rank computes (n, mean, M2) of its chunk in one pass (the backend's Welford/Chan
/// kernel); ranks merge their triples with Chan's pairwise formula in rank order, so the result is as stable on
/// <c>1e8 + noise</c> as a two-pass computation and needs one Allgather of 2 values per output element.
/// </summary>
internal static class Moments
{
    /// <summary>The global count, mean and M2 (float64, extent 1 on reduced axes) of <paramref name="x"/> over
    /// <paramref name="axes"/>.</summary>
    public static (long Count, LocalTensor Mean, LocalTensor M2) Compute(DNDarray x, int[] axes)
    {
        if (x.dtype.IsComplex)
            throw new NotSupportedException($"var/std of complex arrays ({x.dtype}) are not supported yet; take them of real and imag parts.");
        var backend = x.Backend;
        var kept = x.larray.GetShape();
        long localCount = 1, globalCount = 1;
        foreach (var a in axes) { localCount *= kept[a]; globalCount *= x.GShapeRef[a]; kept[a] = 1; }
        var mean = backend.Empty(kept, DType.Float64);
        var m2 = backend.Empty(kept, DType.Float64);
        try
        {
            backend.Moments(x.larray, axes, mean, m2);
            if (x.split is int s && axes.Contains(s) && x.comm.Size > 1)
                MergeAcrossRanks(x.comm, localCount, mean, m2);
            return (globalCount, mean, m2);
        }
        catch { mean.Dispose(); m2.Dispose(); throw; }
    }

    /// <summary>Replaces this rank's (mean, M2) by the merge of every rank's, in rank order.</summary>
    private static void MergeAcrossRanks(ICommunicator comm, long localCount, LocalTensor mean, LocalTensor m2)
    {
        int k = checked((int)mean.Numel);
        int stride = 1 + 2 * k;
        var send = new double[stride];
        send[0] = localCount;
        HostStaging.Read<double>(mean).CopyTo(send.AsSpan(1, k));
        HostStaging.Read<double>(m2).CopyTo(send.AsSpan(1 + k, k));
        var all = new double[stride * comm.Size];
        comm.Allgather<double>(send, all);

        var mOut = new double[k];
        var qOut = new double[k];
        for (int i = 0; i < k; i++)
        {
            double n = 0, mu = 0, q = 0;
            for (int r = 0; r < comm.Size; r++)
            {
                int b = r * stride;
                double nb = all[b];
                if (nb == 0) continue;
                Merge(ref n, ref mu, ref q, nb, all[b + 1 + i], all[b + 1 + k + i]);
            }
            mOut[i] = n == 0 ? double.NaN : mu;
            qOut[i] = n == 0 ? double.NaN : q;
        }
        HostStaging.Write<double>(mean, mOut);
        HostStaging.Write<double>(m2, qOut);
    }

    /// <summary>Chan et al.'s merge of (n, mean, M2) triples.</summary>
    public static void Merge(ref double n, ref double mean, ref double m2, double nb, double meanB, double m2B)
    {
        if (n == 0) { n = nb; mean = meanB; m2 = m2B; return; }
        double total = n + nb;
        double delta = meanB - mean;
        mean += delta * (nb / total);
        m2 += m2B + delta * delta * (n * nb / total);
        n = total;
    }
}
