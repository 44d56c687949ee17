// SPDX-License-Identifier: MIT
using Heat;
using Heat.Abstractions;

namespace HeatExamples;

/// <summary>Writes a distributed array in every format ht.save knows and reads each back, split along another
/// axis; and reads iris from CSV and HDF5.</summary>
public static class IoRoundTrip
{
    /// <summary>Runs on the calling rank; returns the report (the same on every rank).</summary>
    public static string Run(string data)
    {
        // Every rank must name the same folder: rank 0 chooses it, the others receive it.
        var comm = ht.get_comm();
        string folder = Path.Combine(Path.GetTempPath(), "heat-io-" + comm.Bcast(Environment.ProcessId, 0));
        if (comm.Rank == 0) Directory.CreateDirectory(folder);
        comm.Barrier();
        var results = new List<string>();
        try
        {
            // <io>
            using var x = ht.arange(60_000, dtype: ht.float64, split: 0).reshape(3_000, 20);
            foreach (string name in new[] { "x.h5", "x.nc", "x.npy", "x.csv" })
            {
                string path = Path.Combine(folder, name);
                ht.save(x, path, "x");                                  // each rank writes its own rows
                using var back = ht.load(path, "x", dtype: ht.float64, split: 1);   // read back split by columns
                results.Add($"{name} {(ht.equal(x, back) ? "ok" : "DIFFERS")}");
            }
            using var csv = ht.load_csv(Path.Combine(data, "iris.csv"), sep: ";", dtype: ht.float64, split: 0);
            using var h5 = ht.load_hdf5(Path.Combine(data, "iris.h5"), "data", dtype: ht.float64, split: 0);
            results.Add($"iris csv == h5 {(ht.allclose(csv, h5) ? "ok" : "DIFFERS")}");
            // </io>
        }
        finally
        {
            comm.Barrier();
            if (comm.Rank == 0) Directory.Delete(folder, recursive: true);
        }
        return $"io-roundtrip on {comm.Size} rank(s): {string.Join(", ", results)}";
    }
}
