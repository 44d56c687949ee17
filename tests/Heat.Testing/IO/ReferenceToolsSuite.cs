// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Heat.Testing.IO;

/// <summary>Files written here open in the reference tools (h5dump from hdf5-tools, ncdump from netcdf-bin) with the
/// expected shape and values.</summary>
public abstract partial class ReferenceToolsSuite<TWorld>(ITestWorld? world = null) : IoSuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    private static string Tool(string name, params string[] args)
    {
        var info = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info) ?? throw new InvalidOperationException($"{name} did not start.");
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        Assert.True(p.WaitForExit(30_000), $"{name} did not finish.");
        Assert.True(p.ExitCode == 0, $"{name} {string.Join(' ', args)} failed ({p.ExitCode}): {error}");
        return output;
    }

    private static double[] Numbers(string text) =>
        NumberRegex().Matches(text).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture)).ToArray();

    private static double[] Expected => Enumerable.Range(0, 15).Select(i => i * 1.5 - 4).ToArray();

    private void SaveUnbalanced(Action<DNDarray> save) => World.Run(3, () =>
    {
        using var x = ht.array(Expected, [5, 3], split: 1);
        Unbalance(x);
        save(x);
    });

    [Fact]
    public void H5dump_ShowsShapeTypeAndValues()
    {
        var file = PathOf("tool.h5");
        SaveUnbalanced(x => ht.save_hdf5(x, file, "grp/values"));
        var header = Tool("h5dump", "-H", file);
        Assert.Contains("H5T_IEEE_F64LE", header);
        Assert.Contains("SIMPLE { ( 5, 3 ) / ( 5, 3 ) }", header);
        var data = Tool("h5dump", "-y", "-d", "/grp/values", file);
        var values = data[(data.IndexOf("DATA {", StringComparison.Ordinal) + 6)..];
        Assert.Equal(Expected, Numbers(values));
    }

    [Fact]
    public void H5dump_ShowsBoolAsH5pyEnum_AndComplexAsCompound()
    {
        var file = PathOf("types.h5");
        World.Run(2, () =>
        {
            using var b = ht.array(new[] { true, false, true }, [3], split: 0);
            using var c = ht.array(new[] { new System.Numerics.Complex(1, 2) }, [1], split: 0);
            ht.save_hdf5(b, file, "b");
            ht.save_hdf5(c, file, "c", mode: "a");
        });
        var dump = Tool("h5dump", file);
        Assert.Contains("H5T_ENUM", dump);
        Assert.Contains("FALSE", dump);
        Assert.Contains("TRUE, FALSE, TRUE", dump);
        Assert.Contains("\"r\"", dump);
        Assert.Contains("\"i\"", dump);
    }

    [Fact]
    public void Ncdump_ShowsDimensionsAndValues()
    {
        var file = PathOf("tool.nc");
        SaveUnbalanced(x => ht.save_netcdf(x, file, "values"));
        var dump = Tool("ncdump", file);
        Assert.Contains("values_dim_0 = 5 ;", dump);
        Assert.Contains("values_dim_1 = 3 ;", dump);
        Assert.Contains("double values(values_dim_0, values_dim_1) ;", dump);
        var data = dump[(dump.IndexOf("values =", StringComparison.Ordinal) + 8)..];
        Assert.Equal(Expected, Numbers(data));
    }

    [GeneratedRegex(@"-?\d+(\.\d+)?(e[-+]?\d+)?")]
    private static partial Regex NumberRegex();
}
