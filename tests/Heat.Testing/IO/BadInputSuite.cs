// SPDX-License-Identifier: MIT
using Heat.IO.Interop;
using static Heat.IO.Interop.Hdf5Native;

namespace Heat.Testing.IO;

/// <summary>Bad files and arguments: every rank throws the same exception (type and message), nobody crashes or
/// hangs.</summary>
public abstract unsafe class BadInputSuite<TWorld>(ITestWorld? world = null) : IoSuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    public static TheoryData<int> SomeRanks => new() { 1, 3, 5 };

    private string GoodFile(string name, Action<DNDarray, string> save)
    {
        var file = PathOf(name);
        World.Run(1, () =>
        {
            using var x = ht.array(Enumerable.Range(0, 4000).Select(i => (double)i).ToArray(), [1000, 4]);
            save(x, file);
        });
        return file;
    }

    [Theory, MemberData(nameof(SomeRanks))]
    public void MissingFiles_AreReportedOnEveryRank(int ranks)
    {
        var missing = PathOf("nope");
        AssertFailsAlike<FileNotFoundException>(ranks, () => ht.load_hdf5(missing + ".h5", "data", split: 0), "does not exist");
        AssertFailsAlike<FileNotFoundException>(ranks, () => ht.load_netcdf(missing + ".nc", "data", split: 0), "does not exist");
        AssertFailsAlike<FileNotFoundException>(ranks, () => ht.load_csv(missing + ".csv", split: 0), "does not exist");
        AssertFailsAlike<FileNotFoundException>(ranks, () => ht.load_npy(missing + ".npy", split: 0), "does not exist");
        AssertFailsAlike<DirectoryNotFoundException>(ranks, () => ht.load_npy_from_path(missing), "does not exist");
        AssertFailsAlike<ArgumentException>(ranks, () => ht.load(missing + ".xyz"), ".xyz");
    }

    [Theory, MemberData(nameof(SomeRanks))]
    public void MissingDatasetsAndVariables_AreReported(int ranks)
    {
        var h5 = GoodFile("g.h5", (x, f) => ht.save_hdf5(x, f, "data"));
        var nc = GoodFile("g.nc", (x, f) => ht.save_netcdf(x, f, "data"));
        AssertFailsAlike<KeyNotFoundException>(ranks, () => ht.load_hdf5(h5, "other", split: 0), "'other' not found");
        AssertFailsAlike<KeyNotFoundException>(ranks, () => ht.load_hdf5(h5, "no/such/path", split: 0), "'no/such/path' not found");
        AssertFailsAlike<KeyNotFoundException>(ranks, () => ht.load_netcdf(nc, "other", split: 0), "'other' not found");
    }

    [Theory, MemberData(nameof(SomeRanks))]
    public void UnsupportedElementTypes_AreRefused(int ranks)
    {
        var h5 = PathOf("strings.h5");
        Hdf5Library.Ensure();
        lock (NativeIoLock.Gate)
        {
            using var f = new Hdf5FileHandle(H5Fcreate(h5, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
            using var t = new Hdf5TypeHandle(H5Tcopy(Hdf5Library.CString));
            H5Tset_size(t.Id, 8);
            ulong n = 3;
            using var s = new Hdf5SpaceHandle(H5Screate_simple(1, &n, null));
            using var d = new Hdf5DatasetHandle(H5Dcreate2(f.Id, "names", t.Id, s.Id, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT));
            Assert.False(d.IsInvalid);
        }
        var nc = PathOf("ushort.nc");
        lock (NativeIoLock.Gate)
        {
            NetCdfNative.Check(NetCdfNative.nc_create(nc, NetCdfNative.NC_NETCDF4, out int ncid), "nc_create", nc);
            using var file = new NetCdfFileHandle(ncid);
            NetCdfNative.nc_def_dim(ncid, "n", 4, out int dim);
            NetCdfNative.Check(NetCdfNative.nc_def_var(ncid, "u", NetCdfNative.NC_USHORT, 1, &dim, out _), "nc_def_var", "u");
            NetCdfNative.nc_enddef(ncid);
        }
        var pickled = PathOf("objects.npy");
        NpyFormatSuite_Write(pickled, "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", new byte[16]);
        var strings = PathOf("strings.npy");
        NpyFormatSuite_Write(strings, "{'descr': '<U3', 'fortran_order': False, 'shape': (2,), }", new byte[24]);
        AssertFailsAlike<NotSupportedException>(ranks, () => ht.load_hdf5(h5, "names", split: 0), "string", "'names'");
        AssertFailsAlike<NotSupportedException>(ranks, () => ht.load_netcdf(nc, "u", split: 0), "ushort");
        AssertFailsAlike<NotSupportedException>(ranks, () => ht.load_npy(pickled, split: 0), "pickled");
        AssertFailsAlike<NotSupportedException>(ranks, () => ht.load_npy(strings, split: 0), "strings");
        AssertFailsAlike<NotSupportedException>(ranks, () =>
        {
            using var c = ht.zeros([3], dtype: ht.complex64, split: 0);
            ht.save_netcdf(c, PathOf("c.nc"), "c");
        }, "complex");
        Assert.False(File.Exists(PathOf("c.nc")));
    }

    private static void NpyFormatSuite_Write(string path, string dict, byte[] data)
    {
        int total = (10 + dict.Length + 1 + 63) / 64 * 64;
        var body = System.Text.Encoding.ASCII.GetBytes(dict.PadRight(total - 11) + "\n");
        using var f = File.Create(path);
        f.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        f.Write(BitConverter.GetBytes((ushort)body.Length));
        f.Write(body);
        f.Write(data);
    }

    private static void Truncate(string file, double fraction)
    {
        using var f = new FileStream(file, FileMode.Open);
        f.SetLength((long)(f.Length * fraction));
    }

    private static void Scribble(string file, long at, int count)
    {
        using var f = new FileStream(file, FileMode.Open);
        f.Position = at;
        f.Write(Enumerable.Range(0, count).Select(i => (byte)(0xA5 ^ i)).ToArray());
    }

    [Theory, MemberData(nameof(SomeRanks))]
    public void TruncatedAndCorruptFiles_AreReported(int ranks)
    {
        var h5 = GoodFile("t.h5", (x, f) => ht.save_hdf5(x, f, "data"));
        Truncate(h5, 0.5);
        AssertFailsAlike<InvalidDataException>(ranks, () => ht.load_hdf5(h5, "data", split: 0), "truncated or corrupt");
        var h5b = GoodFile("s.h5", (x, f) => ht.save_hdf5(x, f, "data"));
        Scribble(h5b, 0, 8);
        AssertFailsAlike<InvalidDataException>(ranks, () => ht.load_hdf5(h5b, "data", split: 0), "not an HDF5 file");
        var h5c = GoodFile("m.h5", (x, f) => ht.save_hdf5(x, f, "data"));
        Scribble(h5c, 96, 600);  // object headers and symbol table after the superblock
        AssertFailsAlike<InvalidDataException>(ranks, () => ht.load_hdf5(h5c, "data", split: 0), "'");
        var nc = GoodFile("t.nc", (x, f) => ht.save_netcdf(x, f, "data"));
        Truncate(nc, 0.5);
        AssertFailsAlike<InvalidDataException>(ranks, () => ht.load_netcdf(nc, "data", split: 0), "netCDF cannot open");
        var npy = GoodFile("t.npy", (x, f) => ht.save_npy(x, f));
        Truncate(npy, 0.9);
        AssertFailsAlike<InvalidDataException>(ranks, () => ht.load_npy(npy, split: 0), "truncated");
        var bad = GoodFile("b.npy", (x, f) => ht.save_npy(x, f));
        Scribble(bad, 0, 4);
        AssertFailsAlike<InvalidDataException>(ranks, () => ht.load_npy(bad, split: 0), "not a NumPy .npy file");
        var header = GoodFile("h.npy", (x, f) => ht.save_npy(x, f));
        Scribble(header, 20, 30);
        AssertFailsAlike<InvalidDataException>(ranks, () => ht.load_npy(header, split: 0), "corrupt");
    }

    private string Csv(string name, IEnumerable<string> lines)
    {
        var file = PathOf(name);
        File.WriteAllLines(file, lines);
        return file;
    }

    [Theory, MemberData(nameof(SomeRanks))]
    public void BadCsv_NamesLineAndColumn(int ranks)
    {
        var rows = Enumerable.Range(0, 30).Select(i => $"{i},{i * 2},{i * 3}").ToList();
        var ragged = rows.ToList();
        ragged[24] = "24,48";
        var text = rows.ToList();
        text[21] = "21,4x2,63";
        var head = Csv("head.csv", rows.Take(3));
        // Files are written once, before the ranks run (every rank writing them while others read was a race).
        var raggedFile = Csv("ragged.csv", ragged);
        var textFile = Csv("text.csv", text);
        AssertFailsAlike<InvalidDataException>(ranks, () => ht.load_csv(raggedFile, split: 0), "line 25", "has 2 fields, expected 3");
        AssertFailsAlike<InvalidDataException>(ranks, () => ht.load_csv(textFile, header_lines: 1, split: 0), "line 22, column 2", "'4x2' is not a number");
        AssertFailsAlike<ArgumentException>(ranks, () => ht.load_csv(head, header_lines: 5, split: 0), "header_lines=5", "only 3 lines");
        AssertFailsAlike<ArgumentException>(ranks, () => ht.load_csv(head, sep: "", split: 0), "sep");
        // The same file with a valid header count loads (the header is skipped, blank lines ignored).
        var withBlank = Csv("blank.csv", ["# a header", "", .. rows, "", ""]);
        World.Run(ranks, () =>
        {
            using var y = ht.load_csv(withBlank, header_lines: 1, dtype: ht.int32, split: 0);
            Assert.Equal([30L, 3], y.shape);
            Assert.Equal(Enumerable.Range(0, 30).SelectMany(i => new[] { i, 2 * i, 3 * i }).ToArray(), y.ToArray<int>());
        });
    }

    [Theory, MemberData(nameof(SomeRanks))]
    public void Hdf5ExternalLinksAndStorage_AreRefusedByDefault(int ranks)
    {
        var target = GoodFile("target.h5", (x, f) => ht.save_hdf5(x, f, "data"));
        var linked = PathOf("linked.h5");
        var external = PathOf("external.h5");
        var raw = PathOf("external.bin");
        var values = Enumerable.Range(0, 6).Select(i => i * 0.5).ToArray();
        Hdf5Library.Ensure();
        lock (NativeIoLock.Gate)
        {
            using (var f = new Hdf5FileHandle(H5Fcreate(linked, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT)))
                Assert.True(H5Lcreate_external(target, "/data", f.Id, "link", H5P_DEFAULT, H5P_DEFAULT) >= 0);
            using var g = new Hdf5FileHandle(H5Fcreate(external, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT));
            using var dcpl = new Hdf5PropertyListHandle(H5Pcreate(Hdf5Library.DatasetCreateClass));
            Assert.True(H5Pset_external(dcpl.Id, raw, 0, 48) >= 0);
            ulong n = 6;
            using var s = new Hdf5SpaceHandle(H5Screate_simple(1, &n, null));
            using var d = new Hdf5DatasetHandle(H5Dcreate2(g.Id, "ext", Hdf5Library.NativeFloat64, s.Id, H5P_DEFAULT, dcpl.Id, H5P_DEFAULT));
            fixed (double* p = values) Assert.True(H5Dwrite(d.Id, Hdf5Library.NativeFloat64, H5S_ALL, H5S_ALL, H5P_DEFAULT, p) >= 0);
        }
        AssertFailsAlike<NotSupportedException>(ranks, () => ht.load_hdf5(linked, "link", split: 0), "external link");
        AssertFailsAlike<NotSupportedException>(ranks, () => ht.load_hdf5(external, "ext", split: 0), "external storage");
        World.Run(ranks, () =>
        {
            using var a = ht.load_hdf5(linked, "link", dtype: ht.float64, split: 0, allow_external: true);
            Assert.Equal([1000L, 4], a.shape);
            using var b = ht.load_hdf5(external, "ext", dtype: ht.float64, split: 0, allow_external: true);
            Assert.Equal(values, b.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(SomeRanks))]
    public void FailedSaves_LeaveNoHalfFile_AndKeepExistingData(int ranks)
    {
        var existing = GoodFile("keep.h5", (x, f) => ht.save_hdf5(x, f, "data"));
        var before = File.ReadAllBytes(existing);
        // "w" over an existing file: the failure happens after the temporary file exists.
        AssertFailsAlike<IOException>(ranks, () =>
        {
            using var x = ht.ones([4, 2], split: 0);
            ht.save_hdf5(x, existing, ".");
        }, "H5Dcreate2");
        // "a" with a name already taken.
        AssertFailsAlike<ArgumentException>(ranks, () =>
        {
            using var x = ht.ones([4, 2], split: 0);
            ht.save_hdf5(x, existing, "data", mode: "a");
        }, "already exists");
        Assert.Equal(before, File.ReadAllBytes(existing));
        AssertFailsAlike<DirectoryNotFoundException>(ranks, () =>
        {
            using var x = ht.ones([4, 2], split: 0);
            ht.save_npy(x, PathOf("no/such/dir/x.npy"));
        });
        AssertFailsAlike<ArgumentException>(ranks, () =>
        {
            using var x = ht.ones([4, 2], split: 0);
            ht.save_hdf5(x, PathOf("m.h5"), "x", mode: "x");
        }, "mode 'x'");
        Assert.Equal(["keep.h5"], Directory.GetFiles(Dir).Select(Path.GetFileName));
    }
}
