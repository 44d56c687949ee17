// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;
using Heat.Rng;

namespace Heat;

// HeAT: heat/core/random.py
public static partial class ht
{
    /// <summary>Random numbers that do not depend on the number of ranks or the split (Philox4x32-10 indexed by the
    /// global element index).</summary>
    public static readonly RandomModule random = new();
}

/// <summary>
/// <c>ht.random</c>: a counter-based Philox4x32-10 stream keyed by the seed. Element i of a draw (row-major in the
/// global shape) comes from block <c>counter + i / E</c> of the stream (float32 randn: element 64u + 16k + j from block
/// <c>counter + 16u + j</c>, so vectors of blocks store without a transpose), so every rank generates exactly its own
/// elements with no communication, and the global array is bit-identical on 1 or 64 ranks and for every split.
/// Each call advances the counter past the blocks it used, as HeAT does.
/// </summary>
public sealed partial class RandomModule
{
    internal RandomModule() { }

    /// <summary>Seeds the generator and resets the counter; without a seed, rank 0's clock is broadcast
    /// (collective).</summary>
    public void seed(long? seed = null)
    {
        var state = RankRandom.Current;
        state.Seed = seed ?? ht.get_comm().Bcast(DateTime.UtcNow.Ticks, 0);
        state.Counter = 0;
    }

    /// <summary>The generator state (algorithm, seed, counter).</summary>
    public RandomState get_state()
    {
        var state = RankRandom.Current;
        return new RandomState(RankRandom.Algorithm, state.Seed, state.Counter);
    }

    /// <summary>Restores a state from <see cref="get_state"/>.</summary>
    /// <exception cref="ArgumentException">The algorithm is not Philox4x32-10 or the counter is negative.</exception>
    public void set_state(RandomState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Algorithm != RankRandom.Algorithm)
            throw new ArgumentException($"set_state: the algorithm must be '{RankRandom.Algorithm}', got "
                + $"'{state.Algorithm}'.", nameof(state));
        if (state.Counter < 0) throw new ArgumentException($"set_state: the counter must be >= 0, got "
            + $"{state.Counter}.", nameof(state));
        var current = RankRandom.Current;
        current.Seed = state.Seed;
        current.Counter = state.Counter;
    }

    /// <summary>Uniform samples in [0, 1) of the given shape.</summary>
    public DNDarray rand(params long[] shape) => rand(shape, null);

    /// <summary>Uniform samples in [0, 1): float32 (24 random bits) by default, float64 (53 bits) on request.</summary>
    public DNDarray rand(long[] shape, DType? dtype = null, int? split = null, Device? device = null)
    {
        var type = FloatType(dtype, "rand");
        return Sample(shape, type, split, device, type == DType.Float32 ? Draw.UniformSingle : Draw.UniformDouble);
    }

    /// <summary>Uniform samples in [0, 1) (NumPy's random_sample).</summary>
    public DNDarray random_sample(long[] shape, DType? dtype = null, int? split = null, Device? device = null)
        => rand(shape, dtype, split, device);

    /// <summary>Uniform samples in [0, 1) (NumPy's random).</summary>
    public DNDarray random(long[] shape, DType? dtype = null, int? split = null, Device? device = null)
        => rand(shape, dtype, split, device);

    /// <summary>Standard normal samples of the given shape.</summary>
    public DNDarray randn(params long[] shape) => randn(shape, null);

    /// <summary>Standard normal samples by the exact Box-Muller transform of the counter stream.</summary>
    public DNDarray randn(long[] shape, DType? dtype = null, int? split = null, Device? device = null)
    {
        var type = FloatType(dtype, "randn");
        return Sample(shape, type, split, device, type == DType.Float32 ? Draw.NormalSingle : Draw.NormalDouble);
    }

    /// <summary>Uniform samples in [low, high).</summary>
    /// <exception cref="ArgumentException">low is not below high, or a bound is not finite.</exception>
    public DNDarray uniform(double low = 0, double high = 1, long[]? size = null, DType? dtype = null,
        int? split = null, Device? device = null)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || low >= high)
            throw new ArgumentException($"uniform needs finite low < high, got low={low}, high={high}.", nameof(low));
        using var u = rand(size ?? [], dtype, split, device);
        using var scaled = u * (high - low);
        return scaled + low;
    }

    /// <summary>Normal samples with the given mean and standard deviation.</summary>
    /// <remarks>The shape parameter is HeAT's <c>shape</c> (named <c>size</c> before HeAT 1.4.2 parity).</remarks>
    /// <exception cref="ArgumentException">std is negative or not finite.</exception>
    public DNDarray normal(
        double mean = 0, double std = 1, long[]? shape = null, DType? dtype = null, int? split = null,
        Device? device = null)
    {
        if (!(std >= 0) || !double.IsFinite(std)) throw new ArgumentException($"normal needs a finite std >= 0, got "
            + $"{std}.", nameof(std));
        using var z = randn(shape ?? [], dtype, split, device);
        using var scaled = z * std;
        return scaled + mean;
    }

    /// <summary>Integers uniform in [low, high) (in [0, low) when high is null); int32 by default, as HeAT.</summary>
    /// <exception cref="ArgumentException">low >= high, a non-integer dtype, or bounds outside the dtype.</exception>
    public DNDarray randint(long low, long? high = null, long[]? size = null, DType? dtype = null, int? split = null,
        Device? device = null)
    {
        long lo = high is null ? 0 : low, hi = high ?? low;
        if (lo >= hi) throw new ArgumentException($"randint needs low < high, got low={lo}, high={hi}.", nameof(low));
        var type = dtype ?? DType.Int32;
        if (type.Kind is not (DTypeKind.Signed or DTypeKind.Unsigned))
            throw new ArgumentException($"randint needs an integer dtype, got {type}.", nameof(dtype));
        var limits = ht.iinfo(type);
        if (lo < limits.min || hi - 1 > limits.max)
            throw new ArgumentException($"randint bounds [{lo}, {hi}) do not fit {type} [{limits.min}, "
                + $"{limits.max}].", nameof(high));
        ulong range = (ulong)(hi - lo);
        var draw = range <= 1UL << 32 ? Draw.Int32Range : Draw.Int64Range;
        using var wide = Sample(size ?? [], DType.Int64, split, device, draw, lo, range);
        return wide.astype(type);
    }

    /// <summary>A random permutation of 0..n-1 (int64 by default), identical for every rank count and split.</summary>
    /// <remarks>Every rank sorts the n random keys (O(n) memory per rank); the result keeps only the rank's
    /// chunk.</remarks>
    public DNDarray randperm(long n, DType? dtype = null, int? split = null, Device? device = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var order = Permutation(n);
        using var perm = ht.array(order, [n], split: split, device: device);
        return perm.astype(dtype ?? DType.Int64);
    }

    /// <summary>A random permutation of 0..n-1.</summary>
    public DNDarray permutation(long n) => randperm(n);

    /// <summary>A copy of <paramref name="x"/> with its rows (axis 0) randomly permuted; the distribution is
    /// kept.</summary>
    public DNDarray permutation(DNDarray x)
    {
        using var scope = DisposeScope.Begin();
        var copy = ht.copy(x);
        shuffle(copy);
        return scope.MoveToOuter(copy);
    }

    /// <summary>Permutes the rows (axis 0) of <paramref name="x"/> in place; split along axis 0 this is one
    /// Alltoallv.</summary>
    /// <exception cref="ArgumentException">x is 0-d.</exception>
    public void shuffle(DNDarray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.ndim == 0) throw new ArgumentException("shuffle needs an array of at least one dimension.", nameof(x));
        var order = Permutation(x.GShapeRef[0]);
        Shuffle.Rows(x, order);
    }

    // The full permutation on every rank: each rank draws the keys of its canonical share, one Allgatherv, a stable
    // sort.
    private static long[] Permutation(long n)
    {
        using var keys = Sample([n], DType.Int64, 0, Device.Cpu, Draw.Int64Range, 0, 1UL << 62);
        var all = keys.ToArray<long>();
        var order = new long[n];
        for (long i = 0; i < n; i++) order[i] = i;
        Array.Sort(all, order);
        return order;
    }

    private static DNDarray Sample(long[] shape, DType dtype, int? split, Device? device, Draw draw, long low = 0,
        ulong range = 0)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var gshape = Factory.CheckShape(shape, "size");
        var state = RankRandom.Current;
        ulong first = state.Take(Sampler.Blocks(draw, Shapes.Numel(gshape)));
        long seed = state.Seed;
        return Factory.Create(gshape, dtype, split, device, (local, offset) =>
            Sampler.Fill(local, gshape, Factory.CheckSplit(split, gshape.Length), offset, draw, first, seed, low,
                range));
    }

    private static DType FloatType(DType? dtype, string name)
    {
        var type = dtype ?? DType.Float32;
        if (type != DType.Float32 && type != DType.Float64)
            throw new ArgumentException($"{name} needs float32 or float64, got {type}.", nameof(dtype));
        return type;
    }
}
