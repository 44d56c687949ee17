// SPDX-License-Identifier: MIT
using Heat.Testing.Reliability;
using Xunit.Abstractions;

namespace Heat.Backend.Torch.Tests;

/// <summary>The long run on the torch backend, alone in its collection.</summary>
public sealed class LongRun(ITestOutputHelper output) : LongRunSuite("torch", output);

/// <summary>Runs the long run with nothing else in parallel (the pool and the process are shared).</summary>
[CollectionDefinition(LongRunSuite.Collection, DisableParallelization = true)]
public sealed class LongRunCollection;
