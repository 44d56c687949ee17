// SPDX-License-Identifier: MIT
using Heat.Testing.Fuzz;

namespace Heat.Testing.Core;

/// <summary>
/// The CI-sized differential fuzz run (<see cref="OpFuzzer"/>): fixed seeds, each a random array and a chain of up to
/// six steps over the <c>ht</c> operations, on one rank count of the world's sample, compared step by step with one
/// managed rank. A failure names the seed and the chain; replay or extend with
/// <c>dotnet run --project tests/Heat.Fuzz -- ops --world NAME --seed S --count N</c>.
/// </summary>
public abstract partial class OpFuzzSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world)
    where TWorld : ITestWorldKind
{
    /// <summary>The managed one-rank reference, in process for every world (under MPI each rank computes it locally:
    /// the MPI world gathers results as JSON, which the outcomes' dtypes are not).</summary>
    private static readonly InProcTestWorld ManagedReference = new(backend: "managed");

    /// <summary>(ranks, seed): more seeds on the full-matrix worlds, a sample on the others.</summary>
    public static TheoryData<int, int> Cases
    {
        get
        {
            var data = new TheoryData<int, int>();
            int count = TWorld.SeedStride == 1 ? 40 : 16;
            for (int seed = 0; seed < count; seed++) data.Add(RankSample[seed % RankSample.Length], seed);
            return data;
        }
    }

    [Theory, MemberData(nameof(Cases))]
    public void RandomChain_EqualsOneManagedRank(int ranks, int seed)
    {
        var failure = OpFuzzer.Run(OpFuzzer.Plan.Draw(seed, RankSample, ranks), World, ManagedReference);
        Assert.True(failure is null, failure);
    }
}
