// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

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
            return (T)Staged.GetOrCreateValue(backend).GetOrAdd(typeof(T), _ => HostStaging.Create<T>(backend, fallback.HostBackend, fallback.FallbackLogger));
        throw new NotSupportedException($"The {backend.Name} backend does not implement {typeof(T).Name} and has no host backend to run it on.");
    }
}
