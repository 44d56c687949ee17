// SPDX-License-Identifier: MIT
using Heat.Testing.Backend;

namespace Heat.Backend.Managed.Tests;

public sealed class ManagedElementwise(ManagedBackendFixture f) : ElementwiseSuite(f), IClassFixture<ManagedBackendFixture>;
public sealed class ManagedReductions(ManagedBackendFixture f) : ReductionSuite(f), IClassFixture<ManagedBackendFixture>;
public sealed class ManagedMatmul(ManagedBackendFixture f) : MatmulSuite(f), IClassFixture<ManagedBackendFixture>;
public sealed class ManagedCopy(ManagedBackendFixture f) : CopySuite(f), IClassFixture<ManagedBackendFixture>;
public sealed class ManagedConformance(ManagedBackendFixture f) : BackendConformanceSuite(f), IClassFixture<ManagedBackendFixture>;
public sealed class ManagedDistances(ManagedBackendFixture f) : DistanceKernelSuite(f), IClassFixture<ManagedBackendFixture>;
