// SPDX-License-Identifier: MIT
// The examples of the docs, one file each, as one program: dotnet HeatExamples.dll EXAMPLE [--ranks N] [--data DIR]
//   --ranks N   N ranks as threads of this process (InProcWorld)
//   (no --ranks) one rank, or one per process under mpiexec.mpich -n N / srun: the same code, SPDM
// Data sets (iris.csv, diabetes.h5): --data DIR, else $HEAT_DATA, else the first tests/data or shared/datasets above.
using Heat;
using Heat.Comm.InProc;
using HeatExamples;

var examples = new Dictionary<string, Func<string, string>>
{
    ["kmeans-iris"] = KMeansIris.Run,
    ["lasso-diabetes"] = LassoDiabetes.Run,
    ["cdist-rbf"] = CdistRbf.Run,
    ["moments"] = Moments.Run,
    ["io-roundtrip"] = IoRoundTrip.Run,
    ["porting"] = Porting.Run,
};
if (args.Length == 0 || !examples.TryGetValue(args[0], out var example))
{
    Console.Error.WriteLine($"usage: HeatExamples {{{string.Join('|', examples.Keys)}}} [--ranks N] [--data DIR]");
    return 2;
}
string data = Option(args, "--data") ?? Environment.GetEnvironmentVariable("HEAT_DATA") ?? DataSets.Find();

// <ranks>
if (Option(args, "--ranks") is { } ranks)
{
    // N ranks as N threads of this process; rank 0's report is printed.
    string[] reports = InProcWorld.Run(int.Parse(ranks, System.Globalization.CultureInfo.InvariantCulture),
        () => example(data), timeout: TimeSpan.FromMinutes(5));
    Console.WriteLine(reports[0]);
}
else
{
    // One rank per process: MPI under mpiexec.mpich or srun (Heat:Communicator=auto), else a single rank.
    using var runtime = ht.init([]);
    string report = example(data);
    if (ht.get_comm().Rank == 0) Console.WriteLine(report);
}
// </ranks>
return 0;

static string? Option(string[] args, string name)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
