// SPDX-License-Identifier: MIT
namespace Heat.IO.Tests;

/// <summary>Runs the parser fuzz cases with nothing else in parallel: they bound each input's time and the process's
/// peak working set, which tests running beside them would inflate.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ParserFuzzCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Heat.ParserFuzz";
}
