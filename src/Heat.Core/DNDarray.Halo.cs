// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/dndarray.py (get_halo, halo_prev, halo_next, array_with_halos)
public sealed partial class DNDarray
{
    private LocalTensor? _haloPrev, _haloNext;

    /// <summary>The halo received from the preceding ranks by <see cref="get_halo"/> (null when none).</summary>
    public LocalTensor? halo_prev => _haloPrev;

    /// <summary>The halo received from the following ranks by <see cref="get_halo"/> (null when none).</summary>
    public LocalTensor? halo_next => _haloNext;

    /// <summary>
    /// Fetches the <paramref name="halo_size"/> elements along the split axis just before this rank's chunk (into
    /// <see cref="halo_prev"/>) and just after it (into <see cref="halo_next"/>). Collective.
    /// </summary>
    /// <remarks>
    /// Unlike HeAT, a halo wider than the neighbouring chunks is gathered from as many ranks as hold it (one Alltoallw
    /// per side), so short and empty chunks work. Halos stop at the array's ends (the first rank with data has no
    /// previous halo, shorter ones near the ends); empty ranks and replicated arrays get none, as in HeAT.
    /// </remarks>
    /// <param name="halo_size">Elements along the split axis per side, ≥ 0.</param>
    /// <param name="prev">Fetch the halo of the preceding ranks.</param>
    /// <param name="next">Fetch the halo of the following ranks.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="halo_size"/> is negative.</exception>
    public void get_halo(long halo_size, bool prev = true, bool next = true)
    {
        if (halo_size < 0) throw new ArgumentOutOfRangeException(nameof(halo_size), halo_size, "halo_size needs to "
            + "be a non-negative integer.");
        ClearHalos();
        if (!is_distributed() || halo_size == 0) return;
        int s = split!.Value;
        var counts = SplitCounts();
        var displs = Chunking.Displacements(counts);
        long n = _gshape[s];
        if (prev)
            _haloPrev = FetchHalo(s, r =>
            {
                long start = Math.Max(0, displs[r] - halo_size);
                return counts[r] == 0 ? (0, 0) : (start, displs[r] - start);
            });
        if (next)
            _haloNext = FetchHalo(s, r =>
            {
                long end = displs[r] + counts[r];
                return counts[r] == 0 ? (0, 0) : (end, Math.Min(n, end + halo_size) - end);
            });
    }

    /// <summary>
    /// This rank's chunk with the halos of <see cref="get_halo"/> attached along the split axis: a new local tensor
    /// (a shared view of <see cref="larray"/> when there are no halos); dispose it.
    /// </summary>
    public LocalTensor array_with_halos
    {
        get
        {
            if (_haloPrev is null && _haloNext is null) return larray.Share();
            int s = split!.Value;
            long before = _haloPrev?.Shape[s] ?? 0, own = larray.Shape[s], after = _haloNext?.Shape[s] ?? 0;
            var shape = larray.GetShape();
            shape[s] = before + own + after;
            var result = Backend.Empty(shape, dtype, device);
            try
            {
                foreach (var (part, at) in new[] { (_haloPrev, 0L), (larray, before), (_haloNext, before + own) })
                {
                    if (part is null || part.Shape[s] == 0) continue;
                    using var into = result.Slice(s, at, part.Shape[s]);
                    Backend.Copy(part, into);
                }
                return result;
            }
            catch { result.Dispose(); throw; }
        }
    }

    private LocalTensor? FetchHalo(int s, Func<int, (long Start, long Count)> request)
    {
        var shape = larray.GetShape();
        shape[s] = request(comm.Rank).Count;
        var halo = Backend.Empty(shape, dtype, device);
        try { Halo.FetchRange(this, larray, request, halo); }
        catch { halo.Dispose(); throw; }
        if (shape[s] > 0) return halo;
        halo.Dispose();
        return null;
    }

    private void ClearHalos()
    {
        _haloPrev?.Dispose(); _haloNext?.Dispose();
        _haloPrev = _haloNext = null;
    }
}
