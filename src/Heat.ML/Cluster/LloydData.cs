// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Cluster;

/// <summary>
/// The samples of one k-means problem as this rank sees them: its rows in float64, their squared norms, and the
/// collective steps (assignment with per-cluster sums, counts and inertia in one Allreduce; fetching a sample by global index).
/// </summary>
internal sealed unsafe class LloydData : IDisposable
{
    private readonly DNDarray _x;
    private readonly LocalTensor _rows;       // local samples × features, float64, contiguous
    private readonly double[] _norms;         // |x_i|²
    private readonly bool _replicated;

    private LloydData(DNDarray x, LocalTensor rows)
    {
        _x = x; _rows = rows;
        _replicated = x.split is null;
        Samples = x.GShapeRef[0]; Features = x.GShapeRef[1]; LocalSamples = rows.Shape[0];
        Offset = _replicated ? 0 : x.SplitOffset();
        _norms = new double[LocalSamples];
        var p = (double*)rows.HostPointer;
        for (long i = 0; i < LocalSamples; i++)
        {
            double s = 0;
            for (long j = 0; j < Features; j++) { double v = p[i * Features + j]; s += v * v; }
            _norms[i] = s;
        }
    }

    public long Samples { get; }
    public long Features { get; }
    public long LocalSamples { get; }
    /// <summary>Global index of the first local sample.</summary>
    public long Offset { get; }
    public ICommunicator Comm => _x.comm;
    public double* Row(long local) => (double*)_rows.HostPointer + local * Features;
    public double Norm(long local) => _norms[local];

    /// <summary>Validates <paramref name="x"/> and takes this rank's samples (a split-0 copy when x is split along features).</summary>
    public static LloydData From(DNDarray x, string paramName)
    {
        ArgumentNullException.ThrowIfNull(x, paramName);
        if (x.ndim != 2) throw new ArgumentException($"{paramName} must be 2-d (samples x features), got shape {Shapes.Format(x.GShapeRef)}.", paramName);
        if (x.dtype.IsComplex) throw new ArgumentException($"{paramName} must be real, got {x.dtype}.", paramName);
        var samples = x.split == 1 ? ht.resplit(x, 0) : x.Alias();
        try
        {
            var rows = x.Backend.Copy(samples.larray, DType.Float64);
            return new LloydData(samples, rows);
        }
        catch { samples.Dispose(); throw; }
    }

    /// <summary>
    /// Assigns every local sample to its nearest centroid (written to <paramref name="labels"/> when given) and returns the
    /// global per-cluster sums, counts and the inertia (one Allreduce).
    /// </summary>
    public (double[] Sums, double[] Counts, double Inertia) Step(double[] centers, int k, long[]? labels)
    {
        long f = Features;
        var backend = _x.Backend;
        var buffer = new double[k * f + k + 1];
        if (LocalSamples > 0)
        {
            using var c = backend.FromSpan<double>(centers, [k, f]);
            using var ct = c.Permute([1, 0]);
            using var g = backend.Empty([LocalSamples, k], DType.Float64);
            backend.Matmul(_rows, ct, g);
            var cc = new double[k];
            for (int j = 0; j < k; j++) { double s = 0; for (long l = 0; l < f; l++) s += centers[j * f + l] * centers[j * f + l]; cc[j] = s; }
            var pg = (double*)g.HostPointer;
            double inertia = 0;
            for (long i = 0; i < LocalSamples; i++)
            {
                int best = 0;
                double bestValue = double.PositiveInfinity;
                for (int j = 0; j < k; j++)
                {
                    double v = cc[j] - 2 * pg[i * k + j];
                    if (v < bestValue) { bestValue = v; best = j; }
                }
                inertia += Math.Max(0, _norms[i] + bestValue);
                if (labels is not null) labels[i] = best;
                var row = Row(i);
                for (long l = 0; l < f; l++) buffer[best * f + l] += row[l];
                buffer[k * f + best] += 1;
            }
            buffer[^1] = inertia;
        }
        if (!_replicated) Comm.AllreduceInPlace<double>(buffer, ReduceOp.Sum);
        return (buffer[..(int)(k * f)], buffer[(int)(k * f)..(int)(k * f + k)], buffer[^1]);
    }

    /// <summary>Sample <paramref name="global"/> on every rank (its owner contributes it to one Allreduce).</summary>
    public double[] Sample(long global)
    {
        var row = new double[Features];
        long local = global - Offset;
        if (local >= 0 && local < LocalSamples)
            for (long j = 0; j < Features; j++) row[j] = Row(local)[j];
        if (!_replicated) Comm.AllreduceInPlace<double>(row, ReduceOp.Sum);
        return row;
    }

    /// <summary>The mean over features of the per-feature variance (scikit-learn scales tol by it).</summary>
    public double MeanFeatureVariance()
    {
        using var v = ht.var(_x, 0);
        using var m = ht.mean(v);
        return m.item<double>();
    }

    /// <summary>Local labels as an int64 DNDarray distributed like the samples.</summary>
    public DNDarray Labels(long[] local) =>
        _replicated ? ht.array(local, [LocalSamples]) : ht.array(local, [LocalSamples], is_split: 0);

    /// <summary>True when every rank holds every sample (no reductions needed).</summary>
    public bool Replicated => _replicated;

    public void Dispose() { _rows.Dispose(); _x.Dispose(); }
}
