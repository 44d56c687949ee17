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
