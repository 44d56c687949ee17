// SPDX-License-Identifier: MIT
using Heat.Testing.Reliability;
using Xunit.Abstractions;

namespace Heat.Backend.OpenCL.Tests;

/// <summary>The long run on the opencl backend with device buffers (every host access staged).</summary>
public sealed class LongRun(ITestOutputHelper output) : LongRunSuite("opencl", output,
    new Dictionary<string, string?> { ["Heat:OpenCL:Memory"] = "device" });

/// <summary>Runs the long run with nothing else in parallel (the pool and the process are shared).</summary>
[CollectionDefinition(LongRunSuite.Collection, DisableParallelization = true)]
public sealed class LongRunCollection;
