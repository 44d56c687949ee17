// SPDX-License-Identifier: MIT
using System.CommandLine;
using Heat.Abstractions;

namespace Heat.Cli;

/// <summary><c>heat info</c>: version, backend, communicator, ranks, device, threads, native library versions and the
/// components found.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var ranks = CommonOptions.Ranks(0);
        var backend = CommonOptions.Backend();
        var command = new Command("info", "Print the version, backend, communicator, rank/size, device and native library versions.") { ranks, backend };
        command.SetAction(parse =>
        {
            var lines = RankRunner.Run(parse.GetValue(ranks), parse.GetValue(backend), Describe);
            foreach (var line in lines) Console.WriteLine(line);
            Console.WriteLine(Components());
            foreach (var line in OpenClListing.Lines()) Console.WriteLine(line);
            foreach (var line in Heat.Backend.ILGPU.ILGPUDevices.Describe()) Console.WriteLine(line);
            return 0;
        });
        return command;
    }

    /// <summary>The backends and communicators found next to the application (by their assembly names).</summary>
    internal static string Components() =>
        $"Components: backends {string.Join(", ", ComponentDiscovery.BackendNames)}; communicators auto, self, {string.Join(", ", ComponentDiscovery.CommunicatorNames)}";

    /// <summary>One rank's description.</summary>
    internal static string Describe()
    {
        var comm = ht.get_comm();
        var backend = HeatContext.Current?.Backend ?? throw new InvalidOperationException("No Heat context.");
        var natives = backend.NativeVersions.Count == 0 ? "none (pure managed)" : string.Join(", ", backend.NativeVersions.Select(kv => $"{kv.Key} {kv.Value}"));
        return $"Heat {HeatRuntime.Version} | rank {comm.Rank}/{comm.Size} | communicator {comm.Kind} | backend {backend.Name} " +
               $"({backend.Threads} thread{(backend.Threads == 1 ? "" : "s")}) | device {ht.get_device()} | cores {CpuBudget.Cores} | " +
               $".NET {Environment.Version} {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier} | native: {natives}";
    }
}
