// SPDX-License-Identifier: MIT
using Heat.Testing.Backend;

namespace Heat.Backend.ILGPU.Tests;

public sealed class ILGPUBackendElementwise(ILGPUBackendFixture f) : BackendElementwiseSuite(f),
    IClassFixture<ILGPUBackendFixture>;
public sealed class ILGPUBackendReductions(ILGPUBackendFixture f) : BackendReductionSuite(f),
    IClassFixture<ILGPUBackendFixture>;
public sealed class ILGPUBackendMatmul(ILGPUBackendFixture f) : BackendMatmulSuite(f),
    IClassFixture<ILGPUBackendFixture>;
public sealed class ILGPUBackendCopy(ILGPUBackendFixture f) : BackendCopySuite(f), IClassFixture<ILGPUBackendFixture>;
public sealed class ILGPUBackendConformance(ILGPUBackendFixture f) : BackendConformanceSuite(f),
    IClassFixture<ILGPUBackendFixture>;
public sealed class ILGPUBackendDistances(ILGPUBackendFixture f) : DistanceKernelSuite(f),
    IClassFixture<ILGPUBackendFixture>;
public sealed class ILGPUBackendReductionKernels(ILGPUBackendFixture f) : ReductionKernelSuite(f),
    IClassFixture<ILGPUBackendFixture>;
