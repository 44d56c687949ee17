// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Reflection;
using System.Text;
using Heat.Cluster;

namespace Heat.ML.Tests.Coverage;

/// <summary>
/// Renders <c>docs/heat-coverage.md</c>: which of HeAT's public names (<c>docs/coverage/heat-names.tsv</c>) and
/// DNDarray members (<c>heat-dndarray-members.tsv</c>) the built Heat.Core and Heat.ML assemblies have, found by
/// reflection; names with no same-named member carry the note of <c>dotnet-notes.tsv</c>.
/// </summary>
internal static class HeatCoverage
{
    private const BindingFlags Public = BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance;
    private static readonly Assembly[] Assemblies =
        [typeof(Device).Assembly, typeof(ht).Assembly, typeof(KMeans).Assembly];

    /// <summary>One HeAT name: where HeAT has it and whether we do.</summary>
    private sealed record Row(string Namespace, string Name, string Module, bool Present, string? Note);

    /// <summary>The whole markdown file, from the lists in <paramref name="coverageFolder"/>.</summary>
    public static string Render(string coverageFolder)
    {
        var notes = ReadTsv(Path.Combine(coverageFolder, "dotnet-notes.tsv"))
            .ToDictionary(r => (r[0], r[1]), r => r[2]);
        var namesFile = Path.Combine(coverageFolder, "heat-names.tsv");
        var version = File.ReadLines(namesFile).First().Split(':')[0].TrimStart('#', ' ');
        var rows = ReadTsv(namesFile)
            .Select(r => new Row(r[0], r[1], r[2], HasName(r[0], r[1], r[2]), notes.GetValueOrDefault((r[0], r[1]))))
            .Concat(ReadTsv(Path.Combine(coverageFolder, "heat-dndarray-members.tsv"))
                .Select(r => new Row("DNDarray", r[0], r[1], HasMember(typeof(DNDarray), r[0]),
                    notes.GetValueOrDefault(("DNDarray", r[0])))))
            .ToList();
        var groups = rows.GroupBy(r => r.Namespace).OrderBy(g => Order(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var names = rows.Where(r => r.Namespace != "DNDarray").ToList();
        var members = rows.Where(r => r.Namespace == "DNDarray").ToList();

        var s = new StringBuilder();
        s.Append("# Coverage of HeAT's public API\n\n")
            .Append(Invariant($"Generated from the built assemblies by reflection against {version}'s public names "))
            .Append("(`docs/coverage/heat-names.tsv`, `heat-dndarray-members.tsv`, written by ")
            .Append("`docs/coverage/heat_names.py` from HeAT's source: every module's `__all__`, the ML packages' ")
            .Append("public classes, the DNDarray members).\nDo not edit: ")
            .Append("`HEAT_WRITE_COVERAGE=1 dotnet test tests/Heat.ML.Tests --filter HeatCoverage` rewrites it, and ")
            .Append("that test fails when it is stale. ✓ present (same name, HeAT's parameters); · a documented "
                + ".NET ")
            .Append("equivalent or a Python-only name; ✗ missing.\n\n")
            .Append(Invariant($"**{Present(names)} of {names.Count} names present**, {Noted(names)} with a .NET "))
            .Append(Invariant($"equivalent or Python-only; **{Present(members)} of {members.Count} DNDarray "))
            .Append("members**.")
            .Append("\n\n| Namespace | ✓ | · | ✗ | Total |\n|---|---:|---:|---:|---:|\n");
        foreach (var g in groups)
        {
            var missing = g.Count() - Present(g) - Noted(g);
            s.Append(Invariant($"| {Title(g.Key)} | {Present(g)} | {Noted(g)} | {missing} | {g.Count()} |\n"));
        }
        foreach (var g in groups)
        {
            s.Append(Invariant($"\n## {Title(g.Key)}\n\n| Name | HeAT module | Here |\n|---|---|---|\n"));
            foreach (var r in g)
                s.Append(Invariant($"| `{r.Name}` | `{r.Module}` | "))
                    .Append(r.Present ? "✓" : r.Note is null ? "✗" : "· " + r.Note).Append(" |\n");
        }
        return s.ToString();
    }

    private static int Present(IEnumerable<Row> rows) => rows.Count(r => r.Present);

    private static int Noted(IEnumerable<Row> rows) => rows.Count(r => !r.Present && r.Note is not null);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static int Order(string ns) => ns switch
    {
        "ht" => 0,
        "DNDarray" => 1,
        "linalg" or "fft" or "random" or "spatial" => 2,
        _ => 3,
    };

    private static string Title(string ns) => ns switch
    {
        "ht" => "`ht`",
        "DNDarray" => "DNDarray members",
        _ => $"`ht.{ns}`",
    };

    /// <summary>
    /// Whether HeAT's <paramref name="ns"/>.<paramref name="name"/> exists here: core names as static members of
    /// <c>ht</c> (or of its module object named after HeAT's file, e.g. <c>ht.signal</c>) or as public types;
    /// <c>linalg</c>, <c>random</c>, <c>fft</c>… as members of the module object <c>ht.&lt;ns&gt;</c>; ML names as
    /// types (or members of the lowercase static class) in the namespace <c>Heat.&lt;Ns&gt;</c>.
    /// </summary>
    private static bool HasName(string ns, string name, string module)
    {
        if (ns == "ht")
            return HasMember(typeof(ht), name) || ModuleHas(Path.GetFileNameWithoutExtension(module), name)
                || PublicTypes().Any(t => t.Name == name);
        if (ModuleHas(ns, name)) return true;
        var dotnetNamespace = "Heat." + string.Concat(ns.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return PublicTypes().Any(t =>
            t.Namespace == dotnetNamespace && (t.Name == name || (t.Name == ns && HasMember(t, name))));
    }

    private static bool ModuleHas(string module, string name)
    {
        var field = typeof(ht).GetField(module, BindingFlags.Public | BindingFlags.Static);
        var property = typeof(ht).GetProperty(module, BindingFlags.Public | BindingFlags.Static);
        var type = field?.FieldType ?? property?.PropertyType;
        return type is not null && type != typeof(DNDarray) && HasMember(type, name);
    }

    private static bool HasMember(Type type, string name) => type.GetMember(name, Public).Length > 0;

    private static IEnumerable<Type> PublicTypes() => Assemblies.SelectMany(a => a.GetExportedTypes());

    private static IEnumerable<string[]> ReadTsv(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'));
}
