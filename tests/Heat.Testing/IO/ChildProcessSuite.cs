// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Heat.IO.Interop;

namespace Heat.Testing.IO;

/// <summary>
/// A child process started while HDF5 holds a file open inherits the descriptor (HDF5 does not set O_CLOEXEC); saving
/// and loading that file again must still work while the child lives (HDF5's flock would refuse it).
/// </summary>
public abstract class ChildProcessSuite<TWorld>(ITestWorld? world = null) : IoSuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    [Theory, MemberData(nameof(Ranks))]
    public void FilesStayUsable_WhileAChildHoldsAnInheritedDescriptor(int ranks)
    {
        var nc = PathOf("held.nc");
        var h5 = PathOf("held.h5");
        World.Run(1, () =>
        {
            using var x = ht.arange(12, dtype: ht.float64).reshape(3, 4);
            ht.save_netcdf(x, nc, "x");
            ht.save_hdf5(x, h5, "x");
        });
        using var child = StartWhileOpen(nc, h5);
        try
        {
            World.Run(ranks, () =>
            {
                foreach (int? split in new int?[] { null, 0, 1 })
                {
                    using var y = ht.load_netcdf(nc, "x", split: split);
                    Assert.Equal(Enumerable.Range(0, 12).Select(v => (double)v), y.ToArray<double>());
                    using var doubled = y * 2.0;
                    ht.save_netcdf(doubled, nc, $"d{split}", mode: "a");
                    ht.save_hdf5(doubled, h5, $"d{split}", mode: "a");
                    using var back = ht.load_hdf5(h5, $"d{split}", split: split);
                    Assert.Equal(Enumerable.Range(0, 12).Select(v => 2.0 * v), back.ToArray<double>());
                }
            });
            Assert.False(child.HasExited, "the child process must outlive the saves for this test to mean anything");
        }
        finally { child.Kill(); }
    }

    /// <summary>Starts <c>sleep</c> while both files are open in HDF5, so the child inherits their
    /// descriptors.</summary>
    private static Process StartWhileOpen(string nc, string h5)
    {
        Hdf5Library.Ensure();
        lock (NativeIoLock.Gate)
        {
            NetCdfNative.Check(NetCdfNative.nc_open(nc, NetCdfNative.NC_WRITE, out int ncid), "nc_open", nc);
            using var ncFile = new NetCdfFileHandle(ncid);
            using var h5File = new Hdf5FileHandle(Hdf5Native.H5Fopen(h5, Hdf5Native.H5F_ACC_RDWR, Hdf5Native.H5P_DEFAULT));
            Assert.False(h5File.IsInvalid);
            return Process.Start(new ProcessStartInfo("sleep", "30") { UseShellExecute = false })!;
        }
    }
}
