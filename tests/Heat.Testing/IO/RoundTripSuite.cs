// SPDX-License-Identifier: MIT
namespace Heat.Testing.IO;

/// <summary>save → load for every format, dtype and split on 1-5 ranks, incl. empty chunks and unbalanced
/// arrays.</summary>
public abstract class RoundTripSuite<TWorld>(ITestWorld? world = null) : IoSuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    // 3 rows give empty chunks on 4-5 ranks along split 0; 7 columns are uneven along split 1.
    private static readonly long[] Shape = [3, 7];
    private static readonly DType[] RealTypes = [.. DType.All.Where(d => !d.IsComplex)];

    private void RoundTrip(int ranks, int? split, IEnumerable<DType> dtypes, Action<DNDarray, string> save, Func<string, DType, int?, DNDarray> load, string extension)
    {
        World.Run(ranks, () =>
        {
            foreach (var dtype in dtypes)
            {
                var file = PathOf($"{dtype.Name}-{split}{extension}");
                using var x = Sample(dtype, Shape, split);
                var expected = Bytes(x);
                save(x, file);
                using var y = load(file, dtype, split);
                AssertSame(expected, y, Shape, split, dtype);
                // The other splits read the same file.
                using var z = load(file, dtype, split is null ? 0 : null);
                Assert.Equal(expected, Bytes(z));
            }
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits))]
    public void Hdf5_EveryDtype(int ranks, int? split) =>
        RoundTrip(ranks, split, DType.All, (x, f) => ht.save_hdf5(x, f, "data"), (f, d, s) => ht.load_hdf5(f, "data", dtype: d, split: s), ".h5");

    [Theory, MemberData(nameof(RanksAndSplits))]
    public void Hdf5Compressed_EveryDtype(int ranks, int? split) =>
        RoundTrip(ranks, split, [DType.Bool, DType.Int16, DType.Float64, DType.Complex64],
            (x, f) => ht.save_hdf5(x, f, "group/data", compression: 4), (f, d, s) => ht.load_hdf5(f, "group/data", dtype: d, split: s), ".h5");

    [Theory, MemberData(nameof(RanksAndSplits))]
    public void NetCdf_EveryDtype(int ranks, int? split) =>
        // netCDF has no float16 type (save_netcdf refuses it; NetCdf_RefusesFloat16 below).
        RoundTrip(ranks, split, RealTypes.Where(d => d != DType.Float16),
            (x, f) => ht.save_netcdf(x, f, "data"), (f, d, s) => ht.load_netcdf(f, "data", dtype: d, split: s), ".nc");

    [Theory, MemberData(nameof(Ranks))]
    public void NetCdf_RefusesFloat16(int ranks)
    {
        var threw = World.Run(ranks, () =>
        {
            using var x = Sample(DType.Float16, Shape, 0);
            try { ht.save_netcdf(x, PathOf("half.nc"), "data"); return false; }
            catch (NotSupportedException e) { return e.Message.Contains("float16", StringComparison.Ordinal); }
        });
        Assert.All(threw, Assert.True);
    }

    [Theory, MemberData(nameof(RanksAndSplits))]
    public void Npy_EveryDtype(int ranks, int? split) =>
        RoundTrip(ranks, split, DType.All, (x, f) => ht.save_npy(x, f), (f, d, s) => ht.load_npy(f, dtype: d, split: s), ".npy");

    [Theory, MemberData(nameof(RanksAndSplits))]
    public void Csv_EveryRealDtype(int ranks, int? split) =>
        RoundTrip(ranks, split, RealTypes, (x, f) => ht.save_csv(x, f), (f, d, s) => ht.load_csv(f, dtype: d, split: s), ".csv");

    [Theory, MemberData(nameof(Ranks))]
    public void UnbalancedArrays_AreSavedWhole_InEveryFormat(int ranks)
    {
        World.Run(ranks, () =>
        {
            foreach (var split in new[] { 0, 1 })
            {
                using var x = Sample(DType.Float64, [6, 5], split);
                var expected = Bytes(x);
                Unbalance(x);
                Assert.Equal(ranks == 1, x.is_balanced(force_check: true));
                ht.save_hdf5(x, PathOf($"u{split}.h5"), "x");
                ht.save_hdf5(x, PathOf($"uc{split}.h5"), "x", compression: 1);
                ht.save_netcdf(x, PathOf($"u{split}.nc"), "x");
                ht.save_npy(x, PathOf($"u{split}.npy"));
                ht.save_csv(x, PathOf($"u{split}.csv"));
                foreach (var y in new[]
                {
                    ht.load_hdf5(PathOf($"u{split}.h5"), "x", dtype: ht.float64, split: 0),
                    ht.load_hdf5(PathOf($"uc{split}.h5"), "x", dtype: ht.float64, split: 1),
                    ht.load_netcdf(PathOf($"u{split}.nc"), "x", dtype: ht.float64, split: 0),
                    ht.load_npy(PathOf($"u{split}.npy"), split: 1),
                    ht.load_csv(PathOf($"u{split}.csv"), dtype: ht.float64, split: 0),
                })
                    using (y) Assert.Equal(expected, Bytes(y));
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void OneAndZeroDimensionalArrays_RoundTrip(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var v = Sample(DType.Int32, [4], 0);
            var ev = Bytes(v);
            ht.save_hdf5(v, PathOf("v.h5"), "v");
            ht.save_npy(v, PathOf("v.npy"));
            ht.save_netcdf(v, PathOf("v.nc"), "v");
            ht.save_csv(v, PathOf("v.csv"));
            using (var y = ht.load_hdf5(PathOf("v.h5"), "v", dtype: ht.int32, split: 0)) AssertSame(ev, y, [4], 0, ht.int32);
            using (var y = ht.load_npy(PathOf("v.npy"), split: 0)) AssertSame(ev, y, [4], 0, ht.int32);
            using (var y = ht.load_netcdf(PathOf("v.nc"), "v", dtype: ht.int32)) AssertSame(ev, y, [4], null, ht.int32);
            using (var y = ht.load_csv(PathOf("v.csv"), dtype: ht.int32)) AssertSame(ev, y, [4, 1], null, ht.int32);
            using var s = ht.array(new[] { 2.5 }, []);
            ht.save_hdf5(s, PathOf("s.h5"), "s");
            ht.save_npy(s, PathOf("s.npy"));
            using (var y = ht.load_hdf5(PathOf("s.h5"), "s", dtype: ht.float64)) Assert.Equal(2.5, y.item<double>());
            using (var y = ht.load_npy(PathOf("s.npy"))) Assert.Equal(2.5, y.item<double>());
        });
    }

    [Theory, MemberData(nameof(RanksAndSplits))]
    public void Slices_ReadOnlyTheRegion(int ranks, int? split)
    {
        var data = Enumerable.Range(0, 8 * 6).Select(i => (double)i).ToArray();
        World.Run(ranks, () =>
        {
            using var x = ht.array(data, [8, 6], split: 0);
            ht.save_hdf5(x, PathOf("s.h5"), "x");
            ht.save_netcdf(x, PathOf("s.nc"), "x");
            ht.save_npy(x, PathOf("s.npy"));
            var expected = new List<double>();
            for (int r = 2; r < 7; r++) for (int k = 1; k < 5; k++) expected.Add(data[r * 6 + k]);
            using var a = ht.load_hdf5(PathOf("s.h5"), "x", dtype: ht.float64, slices: [2..7, 1..^1], split: split);
            using var b = ht.load_netcdf(PathOf("s.nc"), "x", dtype: ht.float64, slices: [2..7, 1..5], split: split);
            using var c = ht.load_npy(PathOf("s.npy"), slices: [2..7, 1..5], split: split);
            foreach (var y in new[] { a, b, c })
            {
                Assert.Equal([5L, 4L], y.shape);
                Assert.Equal(expected, y.ToArray<double>());
            }
            using var rows = ht.load_hdf5(PathOf("s.h5"), "x", dtype: ht.float64, slices: [^2..], split: split);
            Assert.Equal(data[36..], rows.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Hdf5AppendMode_AddsDatasets_AndKeepsTheOthers(int ranks)
    {
        World.Run(ranks, () =>
        {
            var file = PathOf("multi.h5");
            using var a = Sample(DType.Float32, [5, 3], 0);
            using var b = Sample(DType.Int64, [2, 9], 1);
            ht.save_hdf5(a, file, "a");
            ht.save_hdf5(b, file, "nested/b", mode: "a");
            ht.save_hdf5(a, file, "c", mode: "r+", compression: 2);
            using var a2 = ht.load_hdf5(file, "a", dtype: ht.float32, split: 0);
            using var b2 = ht.load_hdf5(file, "nested/b", dtype: ht.int64, split: 1);
            using var c2 = ht.load_hdf5(file, "c", dtype: ht.float32);
            Assert.Equal(Bytes(a), Bytes(a2));
            Assert.Equal(Bytes(b), Bytes(b2));
            Assert.Equal(Bytes(a), Bytes(c2));
            // netCDF likewise.
            var nc = PathOf("multi.nc");
            ht.save_netcdf(a, nc, "a");
            ht.save_netcdf(b, nc, "b", mode: "a");
            using var na = ht.load_netcdf(nc, "a", dtype: ht.float32, split: 1);
            using var nb = ht.load_netcdf(nc, "b", dtype: ht.int64, split: 0);
            Assert.Equal(Bytes(a), Bytes(na));
            Assert.Equal(Bytes(b), Bytes(nb));
        });
        Assert.Equal(["multi.h5", "multi.nc"], Directory.GetFiles(Dir).Select(Path.GetFileName).Order());
    }

    [Theory, MemberData(nameof(Ranks))]
    public void LoadDispatchesOnExtension_AndReportsProgress(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var x = Sample(DType.Float64, [9, 2], 0);
            var expected = Bytes(x);
            foreach (var name in new[] { "d.h5", "d.nc", "d.npy", "d.csv" })
            {
                ht.save(x, PathOf(name), "d");
                var reports = new List<IoProgress>();
                using var y = ht.load(PathOf(name), "d", dtype: ht.float64, split: 0, progress: new SyncProgress(reports.Add));
                Assert.Equal(expected, Bytes(y));
                Assert.NotEmpty(reports);
                Assert.Equal(1.0, reports[^1].Fraction);
            }
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void LoadNpyFromPath_JoinsTheFilesInNameOrder(int ranks)
    {
        var dir = PathOf("parts");
        Directory.CreateDirectory(dir);
        var rows = new[] { 3, 0, 5, 1, 2, 4, 1 };
        World.Run(1, () =>
        {
            int at = 0;
            for (int f = 0; f < rows.Length; f++)
            {
                using var part = ht.array(Enumerable.Range(at * 3, rows[f] * 3).Select(i => (float)i).ToArray(), [rows[f], 3]);
                ht.save_npy(part, Path.Combine(dir, $"part{f:00}.npy"));
                at += rows[f];
            }
        });
        int total = rows.Sum();
        World.Run(ranks, () =>
        {
            using var y = ht.load_npy_from_path(dir, split: 0);
            Assert.Equal([(long)total, 3], y.shape);
            Assert.True(y.is_balanced(force_check: true));
            Assert.Equal(Enumerable.Range(0, total * 3).Select(i => (float)i).ToArray(), y.ToArray<float>());
            using var z = ht.load(dir, dtype: ht.float64);
            Assert.Equal(ht.float64, z.dtype);
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Csv_LinesLongerThanARanksByteRange_AndCrLf(int ranks)
    {
        // Two long lines: most ranks' byte ranges start and end inside one line; CRLF endings, a header, tabs as
        // separator.
        var file = PathOf("long.csv");
        var lines = new[] { "x\ty", string.Join('\t', Enumerable.Range(0, 300)), string.Join('\t', Enumerable.Range(300, 300)) };
        File.WriteAllText(file, string.Join("\r\n", lines) + "\r\n");
        World.Run(ranks, () =>
        {
            using var y = ht.load_csv(file, header_lines: 1, sep: "\t", dtype: ht.int32, split: 1);
            Assert.Equal([2L, 300], y.shape);
            Assert.Equal(Enumerable.Range(0, 600).ToArray(), y.ToArray<int>());
        });
    }

    /// <summary>An IProgress that reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<IoProgress> report) : IProgress<IoProgress>
    {
        public void Report(IoProgress value) => report(value);
    }
}
