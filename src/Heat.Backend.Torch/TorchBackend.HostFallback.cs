// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Backend.Torch;

/// <summary>
/// The op families the shim has no kernels for (advanced-indexing kernels) run on the managed backend: CPU tensors in
/// place (their memory is host-addressable), device tensors through host copies (<see cref="IHostFallback"/>).
/// </summary>
public sealed partial class TorchBackend : IHostFallback
{
    private ITensorBackend? _hostFallback;

    /// <inheritdoc/>
    ITensorBackend IHostFallback.HostBackend =>
        LazyInitializer.EnsureInitialized(ref _hostFallback,
            () => new ProviderContext(new ConfigurationBuilder().Build(), NullLoggerFactory.Instance, 1).HostBackend);

    /// <inheritdoc/>
    ILogger IHostFallback.FallbackLogger => NullLogger.Instance;
}
