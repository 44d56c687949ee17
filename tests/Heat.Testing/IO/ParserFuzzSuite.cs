// SPDX-License-Identifier: MIT
using Heat.Testing.Fuzz;

namespace Heat.Testing.IO;

/// <summary>
/// The CI-sized parser fuzz run (<see cref="ParserFuzzer"/>): per format a fixed seed of mutations of a corpus written
/// by Heat's savers, loaded on one and on three ranks; no crash, hang, disagreement between ranks or over-allocation.
/// The long run: <c>dotnet run --project tests/Heat.Fuzz -- parsers --seed S --count N</c>.
/// </summary>
public abstract partial class ParserFuzzSuite<TWorld>(ITestWorld? world = null) : IoSuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    /// <summary>(ranks, format, inputs): the binary readers get more inputs than the slower native ones.</summary>
    public static TheoryData<int, string, int> Cases
    {
        get
        {
            var data = new TheoryData<int, string, int>();
            foreach (var ranks in new[] { 1, 3 }.Where(RankSample.Contains))
                foreach (var format in ParserFuzzer.Formats)
                    data.Add(ranks, format, format is "npy" or "csv" ? 150 : 60);
            return data;
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void MutatedFiles_LoadOrFailAlikeWithDocumentedExceptions(int ranks, string format, int inputs)
    {
        if (format == "hdf5") Assert.True(ht.supports_hdf5(), "HDF5 is not installed (libhdf5).");
        if (format == "netcdf") Assert.True(ht.supports_netcdf(), "netCDF is not installed (libnetcdf).");
        var report = ParserFuzzer.Run(World, ranks, format, seed: 2026, inputs, Dir, TimeSpan.FromSeconds(10));
        Assert.Equal(inputs, report.Tried);
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures));
        Assert.True(report.Refused > 0, $"no {format} mutation was refused: the mutations do not reach the parser");
    }
}
