// SPDX-License-Identifier: MIT
using Heat.Testing.Backend;

namespace Heat.Backend.OpenCL.Tests;

public sealed class OpenClBackendElementwise(OpenClBackendFixture f) : BackendElementwiseSuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClBackendReductions(OpenClBackendFixture f) : BackendReductionSuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClBackendMatmul(OpenClBackendFixture f) : BackendMatmulSuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClBackendCopy(OpenClBackendFixture f) : BackendCopySuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClBackendConformance(OpenClBackendFixture f) : BackendConformanceSuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClBackendDistances(OpenClBackendFixture f) : DistanceKernelSuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClBackendReductionKernels(OpenClBackendFixture f) : ReductionKernelSuite(f), IClassFixture<OpenClBackendFixture>;
public sealed class OpenClDeviceBackendReductionKernels(OpenClDeviceBackendFixture f) : ReductionKernelSuite(f), IClassFixture<OpenClDeviceBackendFixture>;
