// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat.Abstractions;
using Heat.Backend.Managed;

[assembly: HeatBackendProvider(typeof(ManagedBackendProvider),
    Install = "It ships with Heat.Core: check that Heat.Backend.Managed.dll is next to the application.")]

namespace Heat.Backend.Managed;

/// <summary>Creates the managed backend (configuration name <c>managed</c>).</summary>
/// <remarks>
/// Keys: <c>Heat:Threads</c> (threads per op; default: the cores divided by the ranks on the node) and
/// <c>Heat:Managed:PoolBytes</c> (cap of the process-wide memory pool).
/// </remarks>
public sealed class ManagedBackendProvider : ITensorBackendProvider
{
    /// <inheritdoc/>
    public string Name => "managed";

    /// <inheritdoc/>
    public ITensorBackend Create(ProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        int threads = context.Threads;
        var pool = context.Configuration["Heat:Managed:PoolBytes"];
        if (!string.IsNullOrWhiteSpace(pool))
        {
            if (!long.TryParse(pool, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bytes) || bytes < 0)
                throw new ArgumentException($"Heat:Managed:PoolBytes must be a non-negative integer, got '{pool}'.", nameof(context));
            ManagedMemoryPool.Shared.Capacity = bytes;
        }
        return new ManagedBackend(threads);
    }
}
