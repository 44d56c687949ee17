// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Reflection;
using Xunit.Sdk;

namespace Heat.Backend.ILGPU.Conformance;

/// <summary>
/// Runs xunit suites without xunit's runner: every public <c>[Fact]</c> once and every <c>[Theory]</c> once per row of
/// its data attributes (<c>InlineData</c>, <c>MemberData</c>), each on a fresh instance of the suite, in declaration
/// order and one at a time. Skipped tests are counted, not run.
/// </summary>
internal sealed class SuiteRunner(TextWriter output, IReadOnlyList<string> filters, bool list)
{
    /// <summary>Tests that passed.</summary>
    public int Passed { get; private set; }
    /// <summary>Tests that failed.</summary>
    public int Failed { get; private set; }
    /// <summary>Tests marked Skip.</summary>
    public int Skipped { get; private set; }

    /// <summary>Runs the tests of <paramref name="suite"/> whose name contains one of the filters (all without).
    /// </summary>
    public void Run(Type suite, Func<object> create)
    {
        var methods = suite.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
            .OrderBy(m => m.MetadataToken);
        foreach (var method in methods)
        {
            var fact = method.GetCustomAttribute<FactAttribute>()!;
            var rows = fact is TheoryAttribute
                ? method.GetCustomAttributes<DataAttribute>().SelectMany(d => d.GetData(method)).ToList()
                : [Array.Empty<object?>()];
            foreach (var row in rows)
            {
                var shown = row.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "null");
                string name = $"{suite.Name}.{method.Name}"
                    + (row.Length == 0 ? "" : "(" + string.Join(", ", shown) + ")");
                if (filters.Count > 0 && !filters.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase)))
                    continue;
                if (list) { output.WriteLine(name); continue; }
                if (fact.Skip is not null) { Skipped++; output.WriteLine($"SKIP {name}: {fact.Skip}"); continue; }
                Execute(name, method, row, create);
            }
        }
    }

    private void Execute(string name, MethodInfo method, object?[] row, Func<object> create)
    {
        var started = DateTime.UtcNow;
        try
        {
            var instance = create();
            try
            {
                var result = method.Invoke(instance, Arguments(method, row));
                if (result is Task task) task.GetAwaiter().GetResult();
            }
            finally { (instance as IDisposable)?.Dispose(); }
            Passed++;
            output.WriteLine($"ok   {name} ({(DateTime.UtcNow - started).TotalSeconds:F1} s)");
        }
        catch (Exception e)
        {
            var cause = e is TargetInvocationException { InnerException: { } inner } ? inner : e;
            Failed++;
            output.WriteLine($"FAIL {name}: {cause.GetType().Name}: {cause.Message}");
            output.WriteLine(cause.StackTrace);
        }
    }

    // Theory rows as the parameters want them (an int literal for a long parameter, as xunit converts).
    private static object?[] Arguments(MethodInfo method, object?[] row)
    {
        var parameters = method.GetParameters();
        var args = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            if (i >= row.Length) { args[i] = parameters[i].DefaultValue; continue; }
            var type = Nullable.GetUnderlyingType(parameters[i].ParameterType) ?? parameters[i].ParameterType;
            args[i] = row[i] is { } value && !type.IsInstanceOfType(value) && value is IConvertible && !type.IsEnum
                ? Convert.ChangeType(value, type, CultureInfo.InvariantCulture)
                : row[i];
        }
        return args;
    }
}
