// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.Communication;
using Heat.Testing.Core;

namespace Heat.Comm.Mpi.Driver;

// The shared suites, bound to the MPI world. The driver runs every [Theory] case of these classes whose rank count
// equals the world size.
public sealed class MpiCommunicatorConformance(ITestWorld world) : CommunicatorConformanceSuite(world);
public sealed class MpiFactories(ITestWorld world) : FactorySuite(world);
public sealed class MpiDistribution(ITestWorld world) : DistributionSuite(world);
public sealed class MpiElementwise(ITestWorld world) : ElementwiseSuite(world);
public sealed class MpiReductions(ITestWorld world) : ReductionSuite(world);
public sealed class MpiStatistics(ITestWorld world) : StatisticsSuite(world);
public sealed class MpiElementwiseExtras(ITestWorld world) : ElementwiseExtrasSuite(world);
public sealed class MpiDifferentialProperty(ITestWorld world) : DifferentialPropertySuite(world);
public sealed class MpiValidation(ITestWorld world) : ValidationSuite(world);
public sealed class MpiRandom(ITestWorld world) : RandomSuite(world);
public sealed class MpiMatmul(ITestWorld world) : MatmulSuite(world);
public sealed class MpiIndexing(ITestWorld world) : IndexingSuite(world);
public sealed class MpiPrinting(ITestWorld world) : PrintingSuite(world);
public sealed class MpiManipulation(ITestWorld world) : ManipulationSuite(world);
public sealed class MpiSpatial(ITestWorld world) : SpatialSuite(world);
