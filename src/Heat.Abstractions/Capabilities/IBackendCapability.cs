// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// An optional op family (distances; next sort, FFT, dense factorizations) that a backend implements or not. A backend
/// offers one by implementing its interface; Core asks with <see cref="BackendCapabilities.Capability{T}"/> and gets the
/// backend's own implementation, or the host backend's staged through host copies (<see cref="IHostFallback"/>).
/// </summary>
/// <remarks>
/// The shape every capability follows, so that one staging adapter serves them all: methods take
/// <see cref="LocalTensor"/> operands (read) and destinations marked <see cref="DestinationAttribute"/> (every element
/// written, never read), plus plain values; they return nothing or a new <see cref="LocalTensor"/>. Validation happens
/// in Core, as for <see cref="ITensorBackend"/>.
/// </remarks>
public interface IBackendCapability;

/// <summary>Marks a capability method's parameter as a destination: every element is written and none is read.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DestinationAttribute : Attribute;

/// <summary>
/// A backend that runs the op families it lacks on a host backend, handed to it by the runtime through
/// <see cref="ProviderContext.HostBackend"/>: its tensors are staged through host copies.
/// </summary>
public interface IHostFallback
{
    /// <summary>The host backend (managed) that runs what this backend lacks.</summary>
    ITensorBackend HostBackend { get; }
    /// <summary>Where the one line per staged op goes.</summary>
    Microsoft.Extensions.Logging.ILogger FallbackLogger { get; }
}
