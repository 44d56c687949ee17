// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Torch;
using Heat.Backend.Torch.Interop;

[assembly: HeatBackendProvider(typeof(TorchBackendProvider),
    Install = NativeLoader.InstallHint)]

namespace Heat.Backend.Torch;

/// <summary>Creates the libtorch backend (configuration name <c>torch</c>).</summary>
/// <remarks>
/// Keys: <c>Heat:Threads</c> (threads per op for libtorch and OpenBLAS; default: the cores divided by the ranks on the
/// node, so several ranks per machine do not oversubscribe it). The shim is found as <see cref="TorchBackend"/>
/// describes;
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
        var backend = new TorchBackend(context.Threads);
        backend.UseHost(() => context.HostBackend);
        return backend;
    }
}
