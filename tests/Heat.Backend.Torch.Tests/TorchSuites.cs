// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.Backend;

namespace Heat.Backend.Torch.Tests;

// The backend conformance suite, unchanged, against libtorch.
public sealed class TorchElementwise(TorchBackendFixture f) : ElementwiseSuite(f), IClassFixture<TorchBackendFixture>;
public sealed class TorchReductions(TorchBackendFixture f) : ReductionSuite(f), IClassFixture<TorchBackendFixture>;
public sealed class TorchMatmul(TorchBackendFixture f) : MatmulSuite(f), IClassFixture<TorchBackendFixture>;
public sealed class TorchCopy(TorchBackendFixture f) : CopySuite(f), IClassFixture<TorchBackendFixture>;
public sealed class TorchConformance(TorchBackendFixture f) : BackendConformanceSuite(f), IClassFixture<TorchBackendFixture>;
public sealed class TorchDistances(TorchBackendFixture f) : DistanceKernelSuite(f), IClassFixture<TorchBackendFixture>;

// The DNDarray suites with Heat:Backend=torch on 1..5 in-process ranks.
public sealed class TorchFactories() : Heat.Testing.Core.FactorySuite(new InProcTestWorld(backend: "torch"));
public sealed class TorchDistribution() : Heat.Testing.Core.DistributionSuite(new InProcTestWorld(backend: "torch"));
public sealed class TorchDndarrayElementwise() : Heat.Testing.Core.ElementwiseSuite(new InProcTestWorld(backend: "torch"));
public sealed class TorchDndarrayReductions() : Heat.Testing.Core.ReductionSuite(new InProcTestWorld(backend: "torch"));
public sealed class TorchSpatial() : Heat.Testing.Core.SpatialSuite(new InProcTestWorld(backend: "torch"));
