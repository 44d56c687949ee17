// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Heat.Abstractions;

/// <summary>The one way Core asks a backend for an optional op family (<see cref="IBackendCapability"/>).</summary>
public static class BackendCapabilities
{
    private static readonly ConditionalWeakTable<ITensorBackend, ConcurrentDictionary<Type, object>> Staged = new();

    /// <summary>
    /// The backend's own implementation of <typeparamref name="T"/> (the backend implements the interface), else the
    /// implementation of its host backend (<see cref="IHostFallback"/>) behind an adapter that stages the tensors
    /// through
    /// host copies and logs one line per op the first time it runs on this backend.
    /// </summary>
    /// <exception cref="NotSupportedException">Neither the backend nor a host backend implements
    /// <typeparamref name="T"/>.</exception>
    public static T Capability<T>(this ITensorBackend backend) where T : class, IBackendCapability
    {
        ArgumentNullException.ThrowIfNull(backend);
        if (backend is T own) return own;
        if (backend is IHostFallback fallback)
            return backend.StagedThrough<T>(fallback.HostBackend, fallback.FallbackLogger);
        throw new NotSupportedException($"The {backend.Name} backend does not implement {typeof(T).Name} and has no host backend to run it on.");
    }

    /// <summary>
    /// <paramref name="host"/>'s implementation of <typeparamref name="T"/> run on <paramref name="device"/>'s tensors
    /// through host copies (as <see cref="Capability{T}"/> does for an <see cref="IHostFallback"/>), made once per
    /// device backend: for a backend that hands only some capabilities to a host backend.
    /// </summary>
    /// <exception cref="NotSupportedException"><paramref name="host"/> does not implement <typeparamref name="T"/>.
    /// </exception>
    public static T StagedThrough<T>(this ITensorBackend device, ITensorBackend host, ILogger logger)
        where T : class, IBackendCapability
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(logger);
        return (T)Staged.GetOrCreateValue(device).GetOrAdd(typeof(T), _ => HostStaging.Create<T>(device, host, logger));
    }
}
