// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.InteropServices;

namespace Heat.Testing.IO;

/// <summary>Shared helpers of the I/O suites: a fresh temporary directory per test, sample arrays of every dtype,
/// byte-exact comparison.</summary>
/// <param name="world">The world to run on; null: <typeparamref name="TWorld"/>'s own (in process).</param>
public abstract class IoSuiteBase<TWorld>(ITestWorld? world = null) : IDisposable where TWorld : ITestWorldKind
{
    protected ITestWorld World { get; } = world ?? TWorld.Create();

    /// <summary>The rank counts this world's cases run on.</summary>
    protected static int[] RankSample => TWorld.RankSample;

    /// <summary>The test's own directory (deleted afterwards).</summary>
    protected string Dir { get; } = Directory.CreateTempSubdirectory("heat-io-").FullName;

    public static TheoryData<int> Ranks => [.. RankSample];

    public static TheoryData<int, int?> RanksAndSplits
    {
        get
        {
            var data = new TheoryData<int, int?>();
            foreach (var r in RankSample)
                foreach (var s in new int?[] { null, 0, 1 }) data.Add(r, s);
            return data;
        }
    }

    /// <summary>A path in <see cref="Dir"/>.</summary>
    protected string PathOf(string name) => Path.Combine(Dir, name);

    /// <summary>A reference file of tests/data (copied beside the test assembly).</summary>
    protected static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", name);

    /// <summary>Deterministic sample values of <paramref name="dtype"/> (negative, fractional and complex where the
    /// type allows).</summary>
    protected static DNDarray Sample(DType dtype, long[] shape, int? split)
    {
        long n = shape.Aggregate(1L, (a, b) => a * b);
        if (dtype.IsComplex)
        {
            var c = new Complex[n];
            for (long i = 0; i < n; i++) c[i] = new Complex(Value(i, dtype), -0.5 * i);
            return ht.array(c, shape, dtype: dtype, split: split);
        }
        var v = new double[n];
        for (long i = 0; i < n; i++) v[i] = Value(i, dtype);
        return ht.array(v, shape, dtype: dtype, split: split);
    }

    private static double Value(long i, DType dtype) => dtype.Code switch
    {
        DTypeCode.Bool => i % 3 == 0 ? 1 : 0,
        DTypeCode.UInt8 => (i * 37) % 251,
        DTypeCode.Float16 or DTypeCode.Float32 or DTypeCode.Float64
            or DTypeCode.Complex64 or DTypeCode.Complex128 => (i * 7 % 23 - 11) * 0.375,
        _ => i * 7 % 23 - 11,
    };

    /// <summary>The whole array's bytes (row-major), for exact comparisons of any dtype.</summary>
    protected static byte[] Bytes(DNDarray x) => x.dtype.Code switch
    {
        DTypeCode.Bool => MemoryMarshal.AsBytes(x.ToArray<bool>().AsSpan()).ToArray(),
        DTypeCode.UInt8 => x.ToArray<byte>(),
        DTypeCode.Int8 => MemoryMarshal.AsBytes(x.ToArray<sbyte>().AsSpan()).ToArray(),
        DTypeCode.Int16 => MemoryMarshal.AsBytes(x.ToArray<short>().AsSpan()).ToArray(),
        DTypeCode.Int32 => MemoryMarshal.AsBytes(x.ToArray<int>().AsSpan()).ToArray(),
        DTypeCode.Int64 => MemoryMarshal.AsBytes(x.ToArray<long>().AsSpan()).ToArray(),
        DTypeCode.Float16 => MemoryMarshal.AsBytes(x.ToArray<Half>().AsSpan()).ToArray(),
        DTypeCode.Float32 => MemoryMarshal.AsBytes(x.ToArray<float>().AsSpan()).ToArray(),
        DTypeCode.Float64 => MemoryMarshal.AsBytes(x.ToArray<double>().AsSpan()).ToArray(),
        DTypeCode.Complex64 => MemoryMarshal.AsBytes(x.ToArray<Complex64>().AsSpan()).ToArray(),
        _ => MemoryMarshal.AsBytes(x.ToArray<Complex>().AsSpan()).ToArray(),
    };

    /// <summary>Moves every element along the split axis to the last rank (an unbalanced array; empty chunks
    /// elsewhere).</summary>
    protected static void Unbalance(DNDarray x)
    {
        if (x.split is not int s || x.comm.Size == 1) return;
        var map = x.lshape_map;
        for (int r = 0; r < x.comm.Size; r++) map[r, s] = r == x.comm.Size - 1 ? x.shape[s] : 0;
        x.redistribute_(target_map: map);
    }

    /// <summary>Asserts that <paramref name="y"/> is a balanced array with the given split holding exactly
    /// <paramref name="expected"/>.</summary>
    protected static void AssertSame(byte[] expected, DNDarray y, long[] shape, int? split, DType dtype)
    {
        Assert.Equal(shape, y.shape);
        Assert.Equal(split, y.split);
        Assert.Equal(dtype, y.dtype);
        if (split is int s)
            Assert.Equal(Heat.Distributed.Chunking.Counts(shape[s], y.comm.Size)[y.comm.Rank], y.lshape[s]);
        else
            Assert.Equal(shape, y.lshape);
        Assert.Equal(expected, Bytes(y));
    }

    /// <summary>Runs a body expected to fail and returns each rank's "Type: message".</summary>
    protected string[] Errors(int ranks, Action body) => World.Run(ranks, () =>
    {
        try { body(); return "no exception"; }
        catch (Exception e) { return $"{e.GetType().Name}: {e.Message}"; }
    });

    /// <summary>Asserts that every rank threw the same exception type and message, of type <typeparamref name="T"/>,
    /// mentioning each of <paramref name="fragments"/>.</summary>
    protected void AssertFailsAlike<T>(int ranks, Action body, params string[] fragments) where T : Exception
    {
        var errors = Errors(ranks, body);
        Assert.All(errors, e => Assert.Equal(errors[0], e));
        Assert.StartsWith(typeof(T).Name + ":", errors[0]);
        foreach (var f in fragments) Assert.Contains(f, errors[0]);
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
