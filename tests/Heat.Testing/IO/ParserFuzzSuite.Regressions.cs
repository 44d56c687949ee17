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
}
