// SPDX-License-Identifier: MIT
using Heat.Testing.Backend;

namespace Heat.Backend.Managed.Tests;

public sealed class ManagedBackendElementwise(ManagedBackendFixture f) : BackendElementwiseSuite(f), IClassFixture<ManagedBackendFixture>;
public sealed class ManagedBackendReductions(ManagedBackendFixture f) : BackendReductionSuite(f), IClassFixture<ManagedBackendFixture>;
public sealed class ManagedBackendMatmul(ManagedBackendFixture f) : BackendMatmulSuite(f), IClassFixture<ManagedBackendFixture>;
public sealed class ManagedBackendCopy(ManagedBackendFixture f) : BackendCopySuite(f), IClassFixture<ManagedBackendFixture>;
public sealed class ManagedBackendConformance(ManagedBackendFixture f) : BackendConformanceSuite(f), IClassFixture<ManagedBackendFixture>;
public sealed class ManagedBackendDistances(ManagedBackendFixture f) : DistanceKernelSuite(f), IClassFixture<ManagedBackendFixture>;
public sealed class ManagedBackendReductionKernels(ManagedBackendFixture f) : ReductionKernelSuite(f), IClassFixture<ManagedBackendFixture>;
