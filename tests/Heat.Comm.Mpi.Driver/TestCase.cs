// SPDX-License-Identifier: MIT
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Heat.Testing;
using Xunit;

namespace Heat.Comm.Mpi.Driver;

/// <summary>One test case: a [Theory] or [Fact] method of a suite binding with its arguments.</summary>
public sealed record TestCase(Type Class, MethodInfo Method, object?[] Arguments, bool ByRanks)
{
    // ByRanks: the first argument is the case's rank count (then it runs in that world only).

    /// <summary><c>Class.Method(arg, ...)</c>, the same on every rank.</summary>
    public string Name => $"{Class.Name}.{Method.Name}({string.Join(", ", Arguments.Select(Format))})";

    /// <summary>Runs the case on a new instance of its class (as xunit does), unwrapping reflection's wrapper exception.</summary>
    public void Run(ITestWorld world)
    {
        var instance = Activator.CreateInstance(Class, world)!;
        try { Method.Invoke(instance, Arguments); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>Finds the cases to run: [Theory] cases whose <c>ranks</c> argument equals the world size, and those without one.</summary>
public static class TestDiscovery
{
    /// <summary>
    /// The cases of the suite bindings in <paramref name="assembly"/> for a world of <paramref name="worldSize"/>, in a
    /// fixed order (class, method, data order), optionally those whose name matches <paramref name="filter"/>.
    /// </summary>
    /// <remarks>With <paramref name="selfCheck"/> only <see cref="DriverSelfCheck"/> runs; otherwise it is left out.</remarks>
    public static List<TestCase> Find(Assembly assembly, int worldSize, Regex? filter, bool selfCheck = false)
    {
        var cases = new List<TestCase>();
        var classes = assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && t.GetConstructor([typeof(ITestWorld)]) is not null)
            .Where(t => (t == typeof(DriverSelfCheck)) == selfCheck)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in classes)
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.GetCustomAttribute<FactAttribute>() is not null)
                .OrderBy(m => m.Name, StringComparer.Ordinal);
            foreach (var method in methods)
            {
                if (method.GetCustomAttribute<FactAttribute>()?.Skip is not null) continue;
                var parameters = method.GetParameters();
                bool byRanks = parameters.Length > 0 && parameters[0].Name == "ranks" && parameters[0].ParameterType == typeof(int);
                foreach (var args in Arguments(type, method))
                {
                    // A case whose first argument is its rank count runs in the world of that size only; others (e.g.
                    // seeded cases that draw their rank count) run in every world, where only bodies for exactly the
                    // world's size run (MpiTestWorld.ExactSizeOnly), so each runs once over worlds of 1..N ranks.
                    if (byRanks && (args.Length == 0 || args[0] is not int ranks || ranks != worldSize)) continue;
                    var test = new TestCase(type, method, args, byRanks);
                    if (filter is null || filter.IsMatch(test.Name)) cases.Add(test);
                }
            }
        }
        return cases;
    }

    private static IEnumerable<object?[]> Arguments(Type type, MethodInfo method)
    {
        if (method.GetCustomAttribute<TheoryAttribute>() is null) yield break;  // a [Fact] has no rank count
        foreach (var inline in method.GetCustomAttributes<InlineDataAttribute>())
            foreach (var row in inline.GetData(method)) yield return row;
        foreach (var member in method.GetCustomAttributes<MemberDataAttribute>())
        {
            var owner = member.MemberType ?? type;
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy;
            object? data = owner.GetProperty(member.MemberName, flags)?.GetValue(null)
                ?? owner.GetField(member.MemberName, flags)?.GetValue(null)
                ?? owner.GetMethod(member.MemberName, flags, Type.EmptyTypes)?.Invoke(null, null)
                ?? throw new InvalidOperationException($"{type.Name}.{method.Name}: member data '{member.MemberName}' not found on {owner.Name}.");
            foreach (var row in (IEnumerable)data)
                yield return row as object?[] ?? throw new InvalidOperationException($"{type.Name}.{method.Name}: member data '{member.MemberName}' yields {row?.GetType().Name}, not object[].");
        }
    }
}
