// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.Core;

namespace Heat.Core.Tests;

public sealed class InProcFactories() : FactorySuite(new InProcTestWorld());
public sealed class InProcDistribution() : DistributionSuite(new InProcTestWorld());
public sealed class InProcElementwise() : ElementwiseSuite(new InProcTestWorld());
public sealed class InProcReductions() : ReductionSuite(new InProcTestWorld());
public sealed class InProcStatistics() : StatisticsSuite(new InProcTestWorld());
public sealed class InProcElementwiseExtras() : ElementwiseExtrasSuite(new InProcTestWorld());
public sealed class InProcDifferentialProperty() : DifferentialPropertySuite(new InProcTestWorld());
public sealed class InProcValidation() : ValidationSuite(new InProcTestWorld());
public sealed class InProcRandom() : RandomSuite(new InProcTestWorld());
public sealed class InProcMatmul() : MatmulSuite(new InProcTestWorld());
public sealed class InProcIndexing() : IndexingSuite(new InProcTestWorld());
public sealed class InProcPrinting() : PrintingSuite(new InProcTestWorld());
public sealed class InProcManipulation() : ManipulationSuite(new InProcTestWorld());
public sealed class InProcSpatial() : SpatialSuite(new InProcTestWorld());
public sealed class InProcSegments() : SegmentSuite(new InProcTestWorld());
