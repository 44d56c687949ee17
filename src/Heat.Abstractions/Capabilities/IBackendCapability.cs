// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>
/// An optional op family (distances; next sort, FFT, dense factorizations) that a backend implements or not. A backend
/// offers one by implementing its interface; Core asks with <see cref="BackendCapabilities.Capability{T}"/> and gets
/// the
/// backend's own implementation, or the host backend's staged through host copies (<see cref="IHostFallback"/>).
/// </summary>
/// <remarks>
/// The shape every capability follows, so that one staging adapter serves them all: methods take
/// <see cref="LocalTensor"/> operands (read) and destinations marked <see cref="DestinationAttribute"/> (every element
/// written, never read), plus plain values, and return no tensor (destination passing, as
/// <see cref="ITensorBackend"/>).
/// Validation happens in Core.
/// </remarks>
public interface IBackendCapability;
