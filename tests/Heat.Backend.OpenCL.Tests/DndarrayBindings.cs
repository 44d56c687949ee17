// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.Core;

namespace Heat.Backend.OpenCL.Tests;

// The DNDarray suites on 1..5 in-process ranks with Heat:Backend=opencl (each rank its own backend and queue; the
// programs are built once per process and shared).
public sealed class OpenClDndFactories() : FactorySuite(new InProcTestWorld(backend: "opencl"));
public sealed class OpenClDndDistribution() : DistributionSuite(new InProcTestWorld(backend: "opencl"));
public sealed class OpenClDndElementwise() : ElementwiseSuite(new InProcTestWorld(backend: "opencl"));
public sealed class OpenClDndReductions() : ReductionSuite(new InProcTestWorld(backend: "opencl"));
public sealed class OpenClDndStatistics() : StatisticsSuite(new InProcTestWorld(backend: "opencl"));
public sealed class OpenClDndElementwiseExtras() : ElementwiseExtrasSuite(new InProcTestWorld(backend: "opencl"));
public sealed class OpenClDndDifferentialProperty() : DifferentialPropertySuite(new InProcTestWorld(backend: "opencl"));
public sealed class OpenClDndValidation() : ValidationSuite(new InProcTestWorld(backend: "opencl"));
public sealed class OpenClDndRandom() : RandomSuite(new InProcTestWorld(backend: "opencl"));
public sealed class OpenClDndMatmul() : MatmulSuite(new InProcTestWorld(backend: "opencl"));
public sealed class OpenClDndManipulation() : ManipulationSuite(new InProcTestWorld(backend: "opencl"));
public sealed class OpenClDndSpatial() : SpatialSuite(new InProcTestWorld(backend: "opencl"));
