// SPDX-License-Identifier: MIT
using Microsoft.Extensions.Logging;

namespace Heat.Abstractions;

/// <summary>
/// A backend that runs the op families it lacks on a host backend, handed to it by the runtime through
/// <see cref="ProviderContext.HostBackend"/>: its tensors are staged through host copies.
/// </summary>
public interface IHostFallback
{
    /// <summary>The host backend (managed) that runs what this backend lacks.</summary>
    ITensorBackend HostBackend { get; }
    /// <summary>Where the one line per staged op goes.</summary>
    ILogger FallbackLogger { get; }
}
