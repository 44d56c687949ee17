// SPDX-License-Identifier: MIT
using Heat.Testing.Backend;

namespace Heat.Backend.OpenCL.Tests;

public sealed class OpenClElementwise(OpenClBackendFixture f) : ElementwiseSuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClReductions(OpenClBackendFixture f) : ReductionSuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClMatmul(OpenClBackendFixture f) : MatmulSuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClCopy(OpenClBackendFixture f) : CopySuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClConformance(OpenClBackendFixture f) : BackendConformanceSuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClDistances(OpenClBackendFixture f) : DistanceKernelSuite(f), IClassFixture<OpenClBackendFixture>;
