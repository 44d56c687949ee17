// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Heat.Abstractions;

namespace Heat.Comm.Mpi.Driver;

/// <summary>
/// Real faults for the fault tests: <c>--fault KIND --fault-rank R [--fault-dir DIR] [--Heat:Mpi:...=V]</c>. Every rank
/// runs KIND in a loop and rank R dies in the middle of it with SIGKILL (no cleanup, no message of its own):
/// <c>collective</c> (64 MiB Allreduces; a second thread kills the rank), <c>matmul</c> (the ring product; likewise),
/// <c>save-npy</c>, <c>save-hdf5</c>, <c>save-netcdf</c>, <c>save-csv</c> (rank R kills itself from the save's
/// progress callback in the third save, after writing its part and before the rename). <c>hang</c>: rank R stops
/// calling MPI and sleeps, so its peers' next Allreduce never completes (the watchdog's case). Every rank first prints
/// <c>fault: rank R pid P</c>; after each save rank 0 prints <c>fault: saved K sha256 HEX</c>.
/// </summary>
internal static class FaultScenario
{
    private const int KillAtSave = 2;

    public static int Run(string[] args, string kind, int victim)
    {
        using var runtime = ht.init([.. args.Where(a => a.StartsWith("--Heat:", StringComparison.Ordinal))]);
        var comm = ht.get_comm();
        Say($"fault: rank {comm.Rank} pid {Environment.ProcessId}");
        comm.Barrier();
        bool me = comm.Rank == victim;
        var deadline = Stopwatch.StartNew();
        switch (kind)
        {
            case "collective":
            {
                if (me) KillLater(kind, TimeSpan.FromMilliseconds(300));
                var buffer = new double[8 << 20];
                while (deadline.Elapsed < TimeSpan.FromMinutes(2)) comm.AllreduceInPlace<double>(buffer, ReduceOp.Sum);
                break;
            }
            case "matmul":
            {
                using var a = ht.ones([600, 600], dtype: ht.float64, split: 0);
                using var b = ht.ones([600, 600], dtype: ht.float64, split: 0);
                if (me) KillLater(kind, TimeSpan.FromMilliseconds(300));
                while (deadline.Elapsed < TimeSpan.FromMinutes(2)) ht.matmul(a, b).Dispose();
                break;
            }
            case "hang":
            {
                for (int i = 0; i < 3; i++) comm.Allreduce(1.0, ReduceOp.Sum);
                if (me) { Say($"fault: rank {comm.Rank} stops calling MPI"); Thread.Sleep(Timeout.Infinite); }
                comm.Allreduce(1.0, ReduceOp.Sum);
                break;
            }
            default:
                if (!kind.StartsWith("save-", StringComparison.Ordinal))
                    throw new ArgumentException($"--fault {kind}?");
                SaveLoop(comm, kind["save-".Length..], me, RequiredValue(args, "--fault-dir"));
                break;
        }
        Say($"fault: rank {comm.Rank} finished {kind} without the expected end");
        return 3;
    }

    /// <summary>Saves versions 0, 1, 2 of a 16 MiB array to one file; the victim dies inside version
    /// <see cref="KillAtSave"/>.</summary>
    private static void SaveLoop(ICommunicator comm, string format, bool me, string dir)
    {
        string path = FaultFiles.PathOf(dir, format);
        long n = format == "csv" ? 1L << 19 : 1L << 21;
        for (int version = 0; version <= KillAtSave; version++)
        {
            using var x = FaultFiles.Version(n, version);
            IProgress<IoProgress>? progress = me && version == KillAtSave ? new KillOnReport("save-" + format) : null;
            FaultFiles.Save(format, x, path, progress);
            if (comm.Rank == 0)
                Say($"fault: saved {version} sha256 {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))}");
            comm.Barrier();
        }
    }

    /// <summary>Kills this process at the save's first progress report: its part is (partly) written to the
    /// temporary file, and the rename onto the real name has not happened.</summary>
    private sealed class KillOnReport(string what) : IProgress<IoProgress>
    {
        public void Report(IoProgress value) => Die($"{what} ({value.BytesDone} of {value.BytesTotal} bytes written)");
    }

    private static void KillLater(string what, TimeSpan delay) =>
        new Thread(() => { Thread.Sleep(delay); Die(what); }) { IsBackground = true }.Start();

    private static void Die(string what)
    {
        Say($"fault: rank {ht.get_comm().Rank} kills itself (SIGKILL) during {what}");
        Process.GetCurrentProcess().Kill();  // SIGKILL on Linux
        Thread.Sleep(Timeout.Infinite);
    }

    private static void Say(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }

    private static string RequiredValue(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{name} is missing.");
    }
}

/// <summary>The files of the save scenarios, shared with <c>--fault-verify</c>.</summary>
internal static class FaultFiles
{
    public static string PathOf(string dir, string format) => Path.Combine(dir, "data." + format switch
    {
        "npy" => "npy", "hdf5" => "h5", "netcdf" => "nc", "csv" => "csv",
        _ => throw new ArgumentException($"unknown save format {format}"),
    });

    /// <summary>Version <paramref name="version"/>: <c>arange(n) + version * n</c>, float64, split 0.</summary>
    public static DNDarray Version(long n, int version)
    {
        using var r = ht.arange(n, dtype: ht.float64, split: 0);
        return r + (double)(version * n);
    }

    public static void Save(string format, DNDarray x, string path, IProgress<IoProgress>? progress)
    {
        switch (format)
        {
            case "npy": ht.save_npy(x, path, progress); break;
            case "hdf5": ht.save_hdf5(x, path, "data", progress: progress); break;
            case "netcdf": ht.save_netcdf(x, path, "data", progress: progress); break;
            case "csv": ht.save_csv(x, path, progress: progress); break;
            default: throw new ArgumentException($"unknown save format {format}");
        }
    }

    public static DNDarray Load(string format, string path) => format switch
    {
        "npy" => ht.load_npy(path, split: 0),
        "hdf5" => ht.load_hdf5(path, "data", split: 0),
        "netcdf" => ht.load_netcdf(path, "data", split: 0),
        "csv" => ht.load_csv(path, dtype: ht.float64, split: 0),
        _ => throw new ArgumentException($"unknown save format {format}"),
    };

    /// <summary><c>--fault-verify FORMAT DIR</c>: loads the file and prints <c>fault: file holds version K</c> when it
    /// equals a whole version, else a mismatch.</summary>
    public static int Verify(string format, string dir)
    {
        using var runtime = ht.init([]);
        string path = PathOf(dir, format);
        using var x = Load(format, path);
        var values = x.ToArray<double>();
        long n = values.Length;
        if (n == 0) { Console.WriteLine("fault: file is empty"); return 1; }
        long version = (long)values[0] / n;
        for (long i = 0; i < n; i++)
            if (values[i] != i + version * n)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault: element {i} is {values[i]}"));
                return 1;
            }
        if (ht.get_comm().Rank == 0) Console.WriteLine($"fault: file holds version {version}");
        return 0;
    }
}
