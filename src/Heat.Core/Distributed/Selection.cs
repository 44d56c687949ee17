// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// Exact order statistics of rows without sorting them (the local kernels are <see cref="ISelectionKernels"/>).
/// </summary>
/// <remarks>
/// <para>
/// Local rows: one introselect per row. Rows cut along the split axis (every rank holds a piece of every row):
/// iterative distributed selection, all rows and order statistics ("problems") at once. Each round every rank samples
/// its candidates of every problem; the Allgathered samples, weighted by the ranks' candidate counts, give every rank
/// the same two pivots around the wanted rank; one Allreduce counts the values below and up to them; the problem's
/// interval narrows to the part holding the wanted rank and every rank compacts its candidates into it. A round that
/// does not narrow is followed by a single-pivot round, so every round shrinks the candidates. Once a problem has few
/// candidates left (or its pivot is hit) it stops; the last candidates are Allgathered and selected locally.
/// </para>
/// <para>A row holding NaN gives NaN (NumPy), found by the first round's count.</para>
/// </remarks>
internal static class Selection
{
    /// <summary>
    /// The <paramref name="ranks"/> (ascending) order statistics of every row of <paramref name="values"/> (rows × n,
    /// contiguous float32 or float64) as a (rows × K) float64 tensor of the same backend.
    /// </summary>
    public static LocalTensor Local(LocalTensor values, long rows, long n, long[] ranks)
    {
        var backend = values.Backend;
        int k = ranks.Length;
        var offsets = new long[rows + 1];
        for (long i = 0; i <= rows; i++) offsets[i] = i * n;
        var perProblem = new long[checked(rows * k)];
        for (long j = 0; j < perProblem.Length; j++) perProblem[j] = ranks[j % k];
        var result = backend.Empty([rows, k], DType.Float64);
        try
        {
            using var flat = Flat(values);
            if (rows > 0) backend.Capability<ISelectionKernels>().SelectRanks(flat, offsets, perProblem, result);
            return result;
        }
        catch { result.Dispose(); throw; }
    }

    /// <summary>
    /// The <paramref name="ranks"/> (ascending, below <paramref name="length"/>) order statistics of rows whose pieces
    /// lie on every rank: this rank's pieces are <paramref name="values"/> (rows × local length, contiguous float32 or
    /// float64). Every rank gets the same (rows × K) float64 values.
    /// </summary>
    public static double[] AlongSplit(ICommunicator comm, LocalTensor values, long rows, long length, long[] ranks)
    {
        var backend = values.Backend;
        var kernels = backend.Capability<ISelectionKernels>();
        int k = ranks.Length, problems = checked((int)(rows * k));
        long localLength = rows == 0 ? 0 : values.Numel / rows;
        var rank = new long[problems];
        var remaining = new long[problems];
        var lower = new double[problems];
        var upper = new double[problems];
        var strict = new byte[problems];
        var done = new bool[problems];
        var narrow = new bool[problems];
        var answer = new double[problems];
        for (int j = 0; j < problems; j++)
        {
            rank[j] = ranks[j % k];
            remaining[j] = length;
            lower[j] = double.NegativeInfinity;
            upper[j] = double.PositiveInfinity;
        }
        long gatherBelow = Math.Clamp((1L << 14) / Math.Max(1, problems), 64, 8192);
        int samples = (int)Math.Clamp((1L << 16) / Math.Max(1, problems), 32, 2048);

        var offsets = new long[rows + 1];
        for (long i = 0; i <= rows; i++) offsets[i] = i * localLength;
        int perSegment = k;
        var buffer = Flat(values);
        try
        {
            for (int round = 0; ; round++)
            {
                bool anyActive = false;
                for (int j = 0; j < problems; j++) anyActive |= !done[j] && remaining[j] > gatherBelow;
                if (round > 0 && !anyActive) break;
                var a = (double[])lower.Clone();
                var b = (double[])upper.Clone();
                if (anyActive) ChoosePivots(comm, kernels, buffer, offsets, perSegment, samples, round, rank,
                    remaining, done, narrow, gatherBelow, a, b);
                var local = Count(kernels, backend, buffer, offsets, a, b);
                var global = (long[])local.Clone();
                if (comm.Size > 1) comm.AllreduceInPlace<long>(global, ReduceOp.Sum);

                var kept = new long[problems + 1];
                for (int j = 0; j < problems; j++)
                {
                    long segmentLength = offsets[j / perSegment + 1] - offsets[j / perSegment];
                    long keep = segmentLength;
                    if (round == 0 && global[3 * j + 2] > 0) { done[j] = true; answer[j] = double.NaN; }
                    if (done[j]) keep = 0;
                    else if (remaining[j] > gatherBelow)
                    {
                        long below = global[3 * j], atMost = global[3 * j + 1];
                        long localBelow = local[3 * j], localAtMost = local[3 * j + 1];
                        bool wasNarrow = narrow[j];
                        narrow[j] = false;
                        if (rank[j] < below)
                        {
                            upper[j] = a[j]; strict[j] |= 2;
                            remaining[j] = below; keep = localBelow;
                        }
                        else if (rank[j] < atMost)
                        {
                            if (a[j] == b[j]) { done[j] = true; answer[j] = a[j]; keep = 0; }
                            else
                            {
                                narrow[j] = !wasNarrow && atMost - below == remaining[j];
                                lower[j] = a[j]; upper[j] = b[j]; strict[j] = 0;
                                rank[j] -= below; remaining[j] = atMost - below; keep = localAtMost - localBelow;
                            }
                        }
                        else
                        {
                            lower[j] = b[j]; strict[j] |= 1;
                            rank[j] -= atMost; remaining[j] -= atMost; keep = segmentLength - localAtMost;
                        }
                    }
                    kept[j + 1] = kept[j] + keep;
                }
                var next = backend.Empty([kept[problems]], values.DType);
                try
                {
                    using var lo = Doubles(backend, lower);
                    using var hi = Doubles(backend, upper);
                    if (problems > 0) kernels.Compact(buffer, offsets, lo, hi, (byte[])strict.Clone(), kept, next);
                }
                catch { next.Dispose(); throw; }
                buffer.Dispose();
                buffer = next;
                offsets = kept;
                perSegment = 1;
            }
            GatherAndSelect(comm, kernels, backend, buffer, offsets, rank, done, answer);
            return answer;
        }
        finally { buffer.Dispose(); }
    }

    private static LocalTensor Flat(LocalTensor values) =>
        values.TryReshapeView([values.Numel]) ?? throw new ArgumentException("Selection needs contiguous "
            + "rows.", nameof(values));

    private static LocalTensor Doubles(ITensorBackend backend, double[] values)
    {
        var t = backend.Empty([values.Length], DType.Float64);
        try { HostStaging.Write<double>(t, values); return t; }
        catch { t.Dispose(); throw; }
    }

    private static long[] Count(ISelectionKernels kernels, ITensorBackend backend, LocalTensor buffer, long[] offsets,
        double[] a, double[] b)
    {
        using var lo = Doubles(backend, a);
        using var hi = Doubles(backend, b);
        using var counts = backend.Empty([a.Length, 3], DType.Int64);
        if (a.Length > 0) kernels.Count(buffer, offsets, lo, hi, counts);
        return a.Length > 0 ? HostStaging.Read<long>(counts) : [];
    }

    /// <summary>
    /// Sets <paramref name="a"/> and <paramref name="b"/> of every active problem to two sampled candidates that
    /// bracket its wanted rank with high probability (one candidate, twice, after a round that did not narrow).
    /// </summary>
    private static void ChoosePivots(ICommunicator comm, ISelectionKernels kernels, LocalTensor buffer, long[] offsets,
        int perSegment, int m, int round, long[] rank, long[] remaining, bool[] done, bool[] narrow, long gatherBelow,
        double[] a, double[] b)
    {
        int segments = offsets.Length - 1, stride = segments * (m + 1);
        using var sampled = buffer.Backend.Empty([segments, m], DType.Float64);
        if (segments > 0) kernels.Sample(buffer, offsets, round * 7919L + 17, sampled);
        var mine = new double[stride];
        var own = HostStaging.Read<double>(sampled);
        for (int s = 0; s < segments; s++)
        {
            own.AsSpan(s * m, m).CopyTo(mine.AsSpan(s * (m + 1)));
            mine[s * (m + 1) + m] = offsets[s + 1] - offsets[s];
        }
        var all = new double[stride * comm.Size];
        if (comm.Size > 1) comm.Allgather<double>(mine, all); else mine.CopyTo(all, 0);

        var values = new List<double>();
        var weights = new List<double>();
        for (int j = 0; j < rank.Length; j++)
        {
            if (done[j] || remaining[j] <= gatherBelow) continue;
            int s = j / perSegment;
            values.Clear(); weights.Clear();
            for (int r = 0; r < comm.Size; r++)
            {
                int at = r * stride + s * (m + 1);
                double count = all[at + m];
                int taken = (int)Math.Min(m, count);
                int valid = 0;
                for (int i = 0; i < taken; i++) valid += double.IsNaN(all[at + i]) ? 0 : 1;
                for (int i = 0; i < taken; i++)
                {
                    if (double.IsNaN(all[at + i])) continue;
                    values.Add(all[at + i]);
                    weights.Add(count / valid);
                }
            }
            var v = values.ToArray();
            var w = weights.ToArray();
            Array.Sort(v, w);
            double target = rank[j] + 0.5;
            double spread = narrow[j] ? 0 : 3.0 * remaining[j] / Math.Sqrt(v.Length) + 1;
            double cumulative = 0;
            int ia = 0, ib = v.Length - 1;
            bool foundB = false;
            for (int i = 0; i < v.Length; i++)
            {
                // cumulative = weight of the samples before i: the estimated count of candidates below v[i].
                if (cumulative <= target - spread) ia = i;
                cumulative += w[i];
                if (!foundB && cumulative >= target + spread) { ib = i; foundB = true; }
            }
            if (narrow[j]) ib = ia;
            a[j] = v[ia];
            b[j] = v[Math.Max(ia, ib)];
        }
    }

    /// <summary>Allgathers every unfinished problem's last candidates and selects its rank among them.</summary>
    private static void GatherAndSelect(ICommunicator comm, ISelectionKernels kernels, ITensorBackend backend,
        LocalTensor buffer, long[] offsets, long[] rank, bool[] done, double[] answer)
    {
        int problems = rank.Length, size = comm.Size;
        var mine = ToDoubles(buffer);
        var lengths = new long[problems];
        for (int j = 0; j < problems; j++) lengths[j] = offsets[j + 1] - offsets[j];
        var allLengths = new long[problems * size];
        if (size > 1) comm.Allgather<long>(lengths, allLengths); else lengths.CopyTo(allLengths, 0);
        var counts = new long[size];
        var displs = new long[size];
        for (int r = 0; r < size; r++)
        {
            for (int j = 0; j < problems; j++) counts[r] += allLengths[r * problems + j];
            if (r > 0) displs[r] = displs[r - 1] + counts[r - 1];
        }
        var everything = new double[displs[size - 1] + counts[size - 1]];
        if (size > 1) comm.Allgatherv<double>(mine, everything, counts, displs); else mine.CopyTo(everything, 0);

        // Problem-major: the candidates of problem j from every rank, one after another.
        var open = Enumerable.Range(0, problems).Where(j => !done[j]).ToArray();
        var segmentOffsets = new long[open.Length + 1];
        for (int o = 0; o < open.Length; o++)
        {
            long total = 0;
            for (int r = 0; r < size; r++) total += allLengths[r * problems + open[o]];
            segmentOffsets[o + 1] = segmentOffsets[o] + total;
        }
        var grouped = new double[segmentOffsets[open.Length]];
        var cursor = new long[size];
        for (int r = 0; r < size; r++) cursor[r] = displs[r];
        for (int j = 0, o = 0; j < problems; j++)
        {
            for (int r = 0; r < size; r++)
            {
                long n = allLengths[r * problems + j];
                if (!done[j]) Array.Copy(everything, cursor[r], grouped, segmentOffsets[o] + Skip(allLengths, problems,
                    r, j), n);
                cursor[r] += n;
            }
            if (!done[j]) o++;
        }
        if (open.Length == 0) return;
        using var candidates = Doubles(backend, grouped);
        using var selected = backend.Empty([open.Length], DType.Float64);
        kernels.SelectRanks(candidates, segmentOffsets, open.Select(j => rank[j]).ToArray(), selected);
        var result = HostStaging.Read<double>(selected);
        for (int o = 0; o < open.Length; o++) answer[open[o]] = result[o];
    }

    /// <summary>How many candidates of problem <paramref name="j"/> lie on ranks before <paramref name="r"/>.</summary>
    private static long Skip(long[] allLengths, int problems, int r, int j)
    {
        long before = 0;
        for (int q = 0; q < r; q++) before += allLengths[q * problems + j];
        return before;
    }

    private static double[] ToDoubles(LocalTensor t)
    {
        if (t.DType == DType.Float64) return HostStaging.Read<double>(t);
        var f = HostStaging.Read<float>(t);
        var d = new double[f.Length];
        for (int i = 0; i < f.Length; i++) d[i] = f[i];
        return d;
    }
}
