// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.ML;

namespace Heat.ML.Tests;

public sealed class InProcKMeans() : KMeansSuite(new InProcTestWorld());
public sealed class InProcLasso() : LassoSuite(new InProcTestWorld());
