// SPDX-License-Identifier: MIT
using Heat.Backend.Torch.Interop;

namespace Heat.Backend.Torch.Tests;

/// <summary>The shim numbers dtypes and ops as the C# enums do: its generated header and the built library both
/// agree.</summary>
public sealed class ShimOpHeaderTests(TorchBackendFixture f) : IClassFixture<TorchBackendFixture>
{
    [Fact]
    public void CheckedInHeader_IsWhatTheEnumsGenerate()
    {
        var path = Path.Combine(RepositoryRoot(), "native", "heat_torch", ShimOpHeader.FileName);
        var expected = ShimOpHeader.Generate();
        if (Environment.GetEnvironmentVariable("HEAT_WRITE_SHIM_HEADER") == "1") File.WriteAllText(path, expected);
        Assert.True(expected == File.ReadAllText(path),
            $"{path} differs from the C# enums: run this test with HEAT_WRITE_SHIM_HEADER=1 to regenerate it, then rebuild the shim.");
    }

    [Fact]
    public void BuiltShim_NamesEveryCode_AsTheEnums()
    {
        Assert.Equal("torch", f.Backend.Name); // the fixture loaded the shim
        for (int family = 0; family < ShimOpHeader.Families.Length; family++)
        {
            var type = ShimOpHeader.Families[family].Enum;
            var expected = ShimOpHeader.Members(type).Select(m => m.Name).ToArray();
            Assert.Equal(Enumerable.Range(0, expected.Length), ShimOpHeader.Members(type).Select(m => m.Code)); // codes are dense
            Assert.Equal(expected, TorchNative.OpNames(family));
        }
        Assert.Equal(HtsStatus.InvalidArgument, TorchNative.hts_op_count(ShimOpHeader.Families.Length, out _));
        Assert.Equal(HtsStatus.InvalidArgument, TorchNative.hts_op_name(1, 999, out _));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "native", "heat_torch"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No native/heat_torch above {AppContext.BaseDirectory}.");
    }
}
