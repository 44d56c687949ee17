// SPDX-License-Identifier: MIT
namespace Heat.Testing.IO;

/// <summary>The iris data (tests/data) read from CSV, HDF5 and netCDF give HeAT's reference statistics; h5py's diabetes
/// file reads too.</summary>
public abstract class IrisSuite<TWorld>(ITestWorld? world = null) : IoSuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    private static readonly double[] ColumnMeans = [5.84333333333333, 3.054, 3.75866666666667, 1.19866666666667];

    [Theory, MemberData(nameof(RanksAndSplits))]
    public void Iris_HasTheReferenceMeans_FromEveryFormat(int ranks, int? split)
    {
        World.Run(ranks, () =>
        {
            foreach (var iris in new[]
            {
                ht.load_csv(DataFile("iris.csv"), sep: ";", split: split),
                ht.load_hdf5(DataFile("iris.h5"), "data", split: split),
                ht.load_netcdf(DataFile("iris.nc"), "data", split: split),
            })
            {
                using (iris)
                {
                    Assert.Equal([150L, 4], iris.shape);
                    Assert.Equal(ht.float32, iris.dtype);
                    Assert.Equal(split, iris.split);
                    using var mean = ht.mean(iris);
                    Assert.Equal(3.46366666666667, mean.item<double>(), 1e-5);
                    using var columns = ht.mean(iris, axis: 0);
                    var got = columns.ToArray<double>();
                    for (int c = 0; c < 4; c++) Assert.Equal(ColumnMeans[c], got[c], 1e-5);
                }
            }
            using var diabetes = ht.load_hdf5(DataFile("diabetes.h5"), "x", split: split);
            Assert.Equal([442L, 11], diabetes.shape);
            using var ones = ht.load_hdf5(DataFile("diabetes.h5"), "x", slices: [Range.All, 0..1], split: split);
            using var count = ht.sum(ones);
            Assert.Equal(442.0, count.item<double>());
            using var exact = ht.load_hdf5(DataFile("iris.h5"), "data", dtype: ht.float64, split: split);
            using var m = ht.mean(exact);
            Assert.Equal(3.46366666666667, m.item<double>(), 1e-12);
        });
    }
}
