// SPDX-License-Identifier: MIT
using System.CommandLine;

namespace Heat.Cli;

/// <summary>The <c>heat</c> command.</summary>
internal static class Program
{
    private static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    /// <summary>The command tree (also used by the CLI tests).</summary>
    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("Heat for .NET: distributed tensors for data analytics (after HeAT).");
        root.Subcommands.Add(InfoCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(MlCommands.KMeansCommand());
        root.Subcommands.Add(MlCommands.LassoCommand());
        root.Subcommands.Add(MlCommands.CdistCommand());
        root.Subcommands.Add(EstimatorCommands.ClusterCommand());
        root.Subcommands.Add(EstimatorCommands.PcaCommand());
        root.Subcommands.Add(EstimatorCommands.KnnCommand());
        root.Subcommands.Add(EstimatorCommands.ScaleCommand());
        root.Subcommands.Add(Paper.PaperBenchCommand.Create());
        return root;
    }
}
