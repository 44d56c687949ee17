// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat.Abstractions;
using Heat.Backend.Torch;

[assembly: HeatBackendProvider(typeof(TorchBackendProvider))]

namespace Heat.Backend.Torch;

/// <summary>Creates the libtorch backend (configuration name <c>torch</c>).</summary>
/// <remarks>
/// Keys: <c>Heat:Threads</c> (threads per op for libtorch and OpenBLAS; default: the cores divided by the ranks on the
/// node, so several ranks per machine do not oversubscribe it). The shim is found as <see cref="TorchBackend"/> describes;
/// a missing shim or libtorch fails here, at start-up, with the install hint.
/// </remarks>
public sealed class TorchBackendProvider : ITensorBackendProvider
{
    /// <inheritdoc/>
    public string Name => "torch";

    /// <inheritdoc/>
    public ITensorBackend Create(ProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int threads = CpuBudget.ThreadsPerRank(context.RanksOnNode);
        var configured = context.Configuration["Heat:Threads"];
        if (!string.IsNullOrWhiteSpace(configured)
            && (!int.TryParse(configured, NumberStyles.Integer, CultureInfo.InvariantCulture, out threads) || threads < 1))
            throw new ArgumentException($"Heat:Threads must be a positive integer, got '{configured}'.", nameof(context));
        return new TorchBackend(threads);
    }
}
