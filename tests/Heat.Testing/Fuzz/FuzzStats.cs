// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Heat.Testing.Fuzz;

/// <summary>What a differential fuzz campaign exercised: steps run per operation (the name up to its first
/// parenthesis or space) and the steps that ended their chain with an exception (alike in the reference and the
/// world under test), by exception type.</summary>
public sealed class FuzzStats
{
    private readonly SortedDictionary<string, int> _ops = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _errors = new(StringComparer.Ordinal);

    /// <summary>Steps run.</summary>
    public int Steps { get; private set; }

    /// <summary>Records one step of the reference run.</summary>
    public void Add(string step, string? error)
    {
        ArgumentNullException.ThrowIfNull(step);
        Steps++;
        string op = step.Split('(', ' ', '[')[0];
        if (op.Length == 0) op = step.StartsWith("x[", StringComparison.Ordinal) ? "getitem" : step;
        if (step.StartsWith("y = copy(x); y[", StringComparison.Ordinal)) op = "setitem";
        _ops[op] = _ops.GetValueOrDefault(op) + 1;
        if (error is not null) _errors[$"{op}: {error}"] = _errors.GetValueOrDefault($"{op}: {error}") + 1;
    }

    /// <summary>The operations seen and their counts, then the exceptions.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Steps} steps over {_ops.Count} operations: ")
        + string.Join(", ", _ops.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value}")))
        + "\nchains ended by an exception (alike): "
        + string.Join(", ", _errors.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {kv.Value}")));
}
