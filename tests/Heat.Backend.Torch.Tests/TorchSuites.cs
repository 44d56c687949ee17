// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.Backend;

namespace Heat.Backend.Torch.Tests;

// The backend conformance suite, unchanged, against libtorch.
public sealed class TorchBackendElementwise(TorchBackendFixture f) : BackendElementwiseSuite(f), IClassFixture<TorchBackendFixture>;
public sealed class TorchBackendReductions(TorchBackendFixture f) : BackendReductionSuite(f), IClassFixture<TorchBackendFixture>;
public sealed class TorchBackendMatmul(TorchBackendFixture f) : BackendMatmulSuite(f), IClassFixture<TorchBackendFixture>;
public sealed class TorchBackendCopy(TorchBackendFixture f) : BackendCopySuite(f), IClassFixture<TorchBackendFixture>;
public sealed class TorchBackendConformance(TorchBackendFixture f) : BackendConformanceSuite(f), IClassFixture<TorchBackendFixture>;
public sealed class TorchBackendDistances(TorchBackendFixture f) : DistanceKernelSuite(f), IClassFixture<TorchBackendFixture>;

