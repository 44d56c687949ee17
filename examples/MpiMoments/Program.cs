// SPDX-License-Identifier: MIT
// Distributed mean and standard deviation of a generated array.
//   laptop:  mpiexec.mpich -n 4 dotnet examples/MpiMoments/bin/Release/net10.0/MpiMoments.dll [n]
//   Slurm:   srun -n 64 dotnet examples/MpiMoments/bin/Release/net10.0/MpiMoments.dll 1000000000
// Without a launcher it runs as a single rank. Every rank runs this same program (SPMD); each holds one chunk of x.
using System.Globalization;
using Heat;
using Heat.Abstractions;

using var runtime = ht.init(args);          // picks MPI under mpiexec/srun (Heat:Communicator=auto)
var comm = ht.get_comm();
long n = args.Length > 0 && long.TryParse(args[0], CultureInfo.InvariantCulture, out var given) ? given : 10_000_000;

using var index = ht.arange(n, dtype: ht.float64, split: 0);   // 0, 1, ..., n-1, split into chunks along axis 0
using var x = ht.sin(index);
using var mean = ht.mean(x);                                     // local sums, one Allreduce
double m = mean.item<double>();
using var centred = x - m;
using var squares = ht.square(centred);
using var variance = ht.mean(squares);
double std = Math.Sqrt(variance.item<double>());

// Each rank reports its chunk; rank 0 prints them in rank order, then the result.
var chunks = comm.Allgather(x.lshape[0]);
if (comm.Rank == 0)
{
    Console.WriteLine($"{comm.Size} rank(s) over the '{comm.Kind}' communicator, backend '{runtime.Backend.Name}' with {runtime.Backend.Threads} thread(s) per rank");
    Console.WriteLine($"chunks along axis 0: {string.Join(", ", chunks)}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"x = sin(0 .. {n - 1}): mean {m:F9}, std {std:F9}"));
}
