// SPDX-License-Identifier: MIT
using System.Text;

namespace Heat.Testing.IO;

// The bugs the parser fuzzer found, one regression case each.
public abstract partial class ParserFuzzSuite<TWorld>
{
    /// <summary>Shapes whose byte count overflows 64 bits, and 2^60 elements of a small file.</summary>
    public static TheoryData<int, string> HugeShapes
    {
        get
        {
            var data = new TheoryData<int, string>();
            foreach (var ranks in new[] { 1, 3 }.Where(RankSample.Contains))
                foreach (var shape in new[]
                         {
                             "(1152921504606846976,)", "(4611686018427387904, 4)", "(3037000500, 3037000500)",
                             "(9223372036854775807,)", "(2305843009213693952,)",
                         })
                    data.Add(ranks, shape);
            return data;
        }
    }

    /// <summary>Fuzz seed 1 (inputs 19, 22, 29, 52, 75, 93, 144): an .npy header claiming 2^60 or more elements
    /// overflowed the byte count (an OverflowException wrapped in an IOException, or a wrapped-around count that passed
    /// the size check and reached the allocator: OutOfMemoryException). Now an InvalidDataException on every rank,
    /// before any allocation.</summary>
    [Theory, MemberData(nameof(HugeShapes))]
    public void NpyHeader_ClaimingHugeShape_IsRefusedBeforeAllocation(int ranks, string shape)
    {
        foreach (var descr in new[] { "<f8", "|b1", "<c8" })
        {
            var path = PathOf($"huge-{descr[1..]}.npy");
            var dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}";
            int total = (10 + dict.Length + 1 + 63) / 64 * 64;
            var body = Encoding.Latin1.GetBytes(dict.PadRight(total - 11) + "\n");
            using (var f = File.Create(path))
            {
                f.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
                f.Write(BitConverter.GetBytes((ushort)body.Length));
                f.Write(body);
                f.Write(new byte[64]);
            }
            var outcomes = World.Run(ranks, () =>
            {
                try { using var x = ht.load_npy(path, split: 0); return "loaded"; }
                catch (Exception e) { return $"{e.GetType().Name}: {e.Message}"; }
            });
            Assert.All(outcomes, o => Assert.Equal(outcomes[0], o));
            Assert.StartsWith(nameof(InvalidDataException), outcomes[0]);
            Assert.True(outcomes[0].Contains("corrupt", StringComparison.Ordinal)
                || outcomes[0].Contains("truncated", StringComparison.Ordinal), outcomes[0]);
        }
    }

    /// <summary>Fuzz seed 7, input 202 (hdf5): a flipped byte made a compressed dataset's dataspace claim 754974724
    /// elements against its maximum of 4; the load allocated 6 GB and HDF5 then mapped millions of chunks, so the rank
    /// hung in H5Dread (30 s timeout) while the working set grew by 3.6 GiB until the process was killed. Now the
    /// dataspace is checked against its maximum first: an InvalidDataException on every rank.</summary>
    [Theory, MemberData(nameof(Ranks))]
    public void Hdf5Dataspace_BeyondItsMaximum_IsRefusedBeforeAllocation(int ranks)
    {
        var path = PathOf("inconsistent.h5");
        World.Run(1, () =>
        {
            using var x = ht.array(new long[] { -3, -2, -1, 0 });
            ht.save_hdf5(x, path, "g/data", compression: 4);
        });
        // The dataspace message holds the extent and the maximum as two 8-byte little-endian 4s.
        var bytes = File.ReadAllBytes(path);
        byte[] pattern = [4, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0];
        int at = bytes.AsSpan().IndexOf(pattern);
        Assert.True(at >= 0, "the dataspace message was not found");
        BitConverter.GetBytes(754974724L).CopyTo(bytes, at);
        File.WriteAllBytes(path, bytes);
        var outcomes = World.Run(ranks, () =>
        {
            try { using var y = ht.load_hdf5(path, "g/data", split: 0); return "loaded"; }
            catch (Exception e) { return $"{e.GetType().Name}: {e.Message}"; }
        });
        Assert.All(outcomes, o => Assert.Equal(outcomes[0], o));
        Assert.StartsWith(nameof(InvalidDataException), outcomes[0]);
        Assert.Contains("exceeds its maximum", outcomes[0], StringComparison.Ordinal);
    }
}
