// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Text;

namespace Heat.Testing.IO;

/// <summary>.npy files as NumPy writes them: format versions 1-3, both byte orders, C and Fortran order.</summary>
public abstract class NpyFormatSuite<TWorld>(ITestWorld? world = null) : IoSuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    /// <summary>Writes an .npy file with the given version, header dict and raw data.</summary>
    protected static void WriteNpy(string path, int major, string dict, byte[] data)
    {
        int prefix = major == 1 ? 10 : 12;
        int total = (prefix + dict.Length + 1 + 63) / 64 * 64;
        var body = Encoding.UTF8.GetBytes(dict.PadRight(total - prefix - 1) + "\n");
        using var f = File.Create(path);
        f.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', (byte)major, 0]);
        if (major == 1) f.Write(BitConverter.GetBytes((ushort)body.Length));
        else f.Write(BitConverter.GetBytes((uint)body.Length));
        f.Write(body);
        f.Write(data);
    }

    public static TheoryData<int, int, bool, bool> Variants
    {
        get
        {
            var data = new TheoryData<int, int, bool, bool>();
            foreach (var ranks in new[] { 1, 2, 3, 5 })
                foreach (var (major, big, fortran) in new[] { (1, false, false), (1, true, true), (2, false, true), (3, true, false) })
                    data.Add(ranks, major, big, fortran);
            return data;
        }
    }

    [Theory, MemberData(nameof(Variants))]
    public void NumPyFiles_LoadOnAnySplit(int ranks, int major, bool bigEndian, bool fortran)
    {
        // A 4 x 3 x 2 int32 array a[i,j,k] = 100 i + 10 j + k, stored as NumPy would.
        long[] shape = [4, 3, 2];
        var expected = new int[24];
        var raw = new byte[24 * 4];
        int n = 0;
        for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 2; k++) expected[n++] = 100 * i + 10 * j + k;
        for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 2; k++)
        {
            int at = fortran ? i + 4 * (j + 3 * k) : (i * 3 + j) * 2 + k;
            var slot = raw.AsSpan(at * 4, 4);
            if (bigEndian) BinaryPrimitives.WriteInt32BigEndian(slot, expected[(i * 3 + j) * 2 + k]);
            else BinaryPrimitives.WriteInt32LittleEndian(slot, expected[(i * 3 + j) * 2 + k]);
        }
        var file = PathOf("a.npy");
        string descr = major == 3 ? "'descr': '" + (bigEndian ? ">" : "<") + "i4', 'note_ünïcode': 1" : "'descr': '" + (bigEndian ? ">" : "<") + "i4'";
        WriteNpy(file, major, $"{{{descr}, 'fortran_order': {(fortran ? "True" : "False")}, 'shape': (4, 3, 2), }}", raw);
        World.Run(ranks, () =>
        {
            foreach (var split in new int?[] { null, 0, 1, 2 })
            {
                using var y = ht.load_npy(file, split: split);
                Assert.Equal(shape, y.shape);
                Assert.Equal(ht.int32, y.dtype);
                Assert.Equal(split, y.split);
                Assert.Equal(expected, y.ToArray<int>());
            }
        });
    }

    [Fact]
    public void BigEndianComplexAndFloat_AreSwappedPerPart()
    {
        var raw = new byte[16 * 2];
        BinaryPrimitives.WriteDoubleBigEndian(raw.AsSpan(0), 1.5);
        BinaryPrimitives.WriteDoubleBigEndian(raw.AsSpan(8), -2.25);
        BinaryPrimitives.WriteDoubleBigEndian(raw.AsSpan(16), 3);
        BinaryPrimitives.WriteDoubleBigEndian(raw.AsSpan(24), 4);
        WriteNpy(PathOf("c.npy"), 1, "{'descr': '>c16', 'fortran_order': False, 'shape': (2,), }", raw);
        World.Run(2, () =>
        {
            using var y = ht.load_npy(PathOf("c.npy"), split: 0);
            Assert.Equal([new System.Numerics.Complex(1.5, -2.25), new System.Numerics.Complex(3, 4)], y.ToArray<System.Numerics.Complex>());
        });
    }

    [Fact]
    public void SavedFiles_HaveNumPysHeader()
    {
        World.Run(2, () =>
        {
            using var x = ht.arange(10, dtype: ht.int16, split: 0);
            ht.save_npy(x, PathOf("h.npy"));
        });
        var bytes = File.ReadAllBytes(PathOf("h.npy"));
        Assert.Equal(0x93, bytes[0]);
        Assert.Equal("NUMPY", Encoding.ASCII.GetString(bytes, 1, 5));
        int headerLength = BitConverter.ToUInt16(bytes, 8);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.StartsWith("{'descr': '<i2', 'fortran_order': False, 'shape': (10,), }", Encoding.ASCII.GetString(bytes, 10, headerLength));
        Assert.Equal(10 + headerLength + 20, bytes.Length);
        Assert.Equal(9, BitConverter.ToInt16(bytes, 10 + headerLength + 18));
    }
}
