// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace Heat.Abstractions;

/// <summary>
/// Finds backends and communicators by configuration name, by convention: the backend <c>x</c> is the assembly
/// <c>Heat.Backend.X</c> and the communicator <c>x</c> the assembly <c>Heat.Comm.X</c> (names compared ignoring case),
/// each announcing its provider with an assembly attribute that also says what to install. An application selects one
/// by configuration alone; adding one touches no other assembly.
/// </summary>
public static class ComponentDiscovery
{
    /// <summary>The assembly name prefix of backends.</summary>
    public const string BackendPrefix = "Heat.Backend.";
    /// <summary>The assembly name prefix of communicators.</summary>
    public const string CommunicatorPrefix = "Heat.Comm.";

    // Assemblies found so far (prefix + lower-case name): every rank of every InProcWorld.Run looks its backend up.
    private static readonly ConcurrentDictionary<string, Assembly> Found = new(StringComparer.Ordinal);

    /// <summary>The backends found next to the application or already loaded (lower-case names).</summary>
    public static IReadOnlyList<string> BackendNames => Candidates(BackendPrefix).Keys.ToList();

    /// <summary>The communicators found next to the application or already loaded (lower-case names).</summary>
    public static IReadOnlyList<string> CommunicatorNames => Candidates(CommunicatorPrefix).Keys.ToList();

    /// <summary>The provider of the named backend.</summary>
    /// <exception cref="BackendUnavailableException">No assembly <c>Heat.Backend.&lt;name&gt;</c> is found, or it
    /// announces no provider.</exception>
    public static ITensorBackendProvider FindBackend(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var assembly = Find(BackendPrefix, name)
            ?? throw new BackendUnavailableException(NotFound("backend", "Heat:Backend", BackendPrefix, name));
        var attribute = assembly.GetCustomAttribute<HeatBackendProviderAttribute>()
            ?? throw new BackendUnavailableException($"Assembly {assembly.GetName().Name} announces no backend provider ([assembly: HeatBackendProvider]).");
        return (ITensorBackendProvider)Activator.CreateInstance(attribute.ProviderType)!;
    }

    /// <summary>The provider of the named communicator, or null when it is absent and <paramref name="required"/> is
    /// false.</summary>
    /// <exception cref="CommunicatorUnavailableException">It is absent and required, or its assembly announces no
    /// provider.</exception>
    public static ICommunicatorProvider? FindCommunicator(string name, bool required = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var assembly = Find(CommunicatorPrefix, name);
        if (assembly is not null) return Communicator(assembly);
        if (!required) return null;
        throw new CommunicatorUnavailableException(NotFound("communicator", "Heat:Communicator", CommunicatorPrefix, name));
    }

    /// <summary>Every communicator found next to the application or already loaded.</summary>
    public static IReadOnlyList<ICommunicatorProvider> FindCommunicators() =>
        Candidates(CommunicatorPrefix).Keys
            .Select(n => FindCommunicator(n, required: false)).OfType<ICommunicatorProvider>().ToList();

    /// <summary>What the assembly of <paramref name="provider"/> says to install to use it, or null.</summary>
    public static string? InstallHint(ITensorBackendProvider provider) =>
        provider.GetType().Assembly.GetCustomAttribute<HeatBackendProviderAttribute>()?.Install;

    /// <summary>What the assembly of <paramref name="provider"/> says to install to use it, or null.</summary>
    public static string? InstallHint(ICommunicatorProvider provider) =>
        provider.GetType().Assembly.GetCustomAttribute<HeatCommunicatorProviderAttribute>()?.Install;

    private static ICommunicatorProvider Communicator(Assembly assembly)
    {
        var attribute = assembly.GetCustomAttribute<HeatCommunicatorProviderAttribute>()
            ?? throw new CommunicatorUnavailableException($"Assembly {assembly.GetName().Name} announces no communicator provider ([assembly: HeatCommunicatorProvider]).");
        return (ICommunicatorProvider)Activator.CreateInstance(attribute.ProviderType)!;
    }

    private static string NotFound(string kind, string key, string prefix, string name)
    {
        var found = Candidates(prefix).Keys;
        return $"The '{name}' {kind} ({key}={name}) is not installed: no assembly {prefix}{name} (any casing) is loaded or next to the " +
               $"application in {AppContext.BaseDirectory}. Found: {(found.Count == 0 ? "none" : string.Join(", ", found))}. " +
               $"To use it, reference its project or package, {prefix}<Name>, which announces what else it needs.";
    }

    private static Assembly? Find(string prefix, string name)
    {
        string key = prefix + name.ToLowerInvariant();
        if (Found.TryGetValue(key, out var known)) return known;
        var assembly = Load(prefix, name);
        if (assembly is not null) Found.TryAdd(key, assembly);
        return assembly;
    }

    private static Assembly? Load(string prefix, string name)
    {
        if (!Candidates(prefix).TryGetValue(name, out var candidate)) return null;
        if (candidate.Loaded is { } loaded) return loaded;
        try { return Assembly.Load(new AssemblyName(candidate.Name)); }
        catch (FileNotFoundException) { }
        catch (FileLoadException) { }
        // Next to the application but not in its dependency list (copied in, not referenced).
        try { return candidate.Path is { } path ? AssemblyLoadContext.Default.LoadFromAssemblyPath(path) : null; }
        catch (FileNotFoundException) { return null; }
        catch (FileLoadException) { return null; }
        catch (BadImageFormatException) { return null; }
    }

    /// <summary>Component name (lower case) to its assembly: loaded ones first, then the files next to the
    /// application.</summary>
    private static SortedDictionary<string, (string Name, Assembly? Loaded, string? Path)> Candidates(string prefix)
    {
        var found = new SortedDictionary<string, (string, Assembly?, string?)>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            if (assembly.GetName().Name is { } n && ComponentName(prefix, n) is { } c) found.TryAdd(c, (n, assembly, null));
        try
        {
            foreach (var path in Directory.EnumerateFiles(AppContext.BaseDirectory, prefix + "*.dll"))
            {
                var n = Path.GetFileNameWithoutExtension(path);
                if (ComponentName(prefix, n) is { } c) found.TryAdd(c, (n, null, path));
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return found;
    }

    /// <summary>The lower-case component name of an assembly named prefix + one identifier (<c>Heat.Comm.Mpi.Tests</c>
    /// is none).</summary>
    private static string? ComponentName(string prefix, string assemblyName)
    {
        if (!assemblyName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var rest = assemblyName[prefix.Length..];
        bool identifier = rest.Length > 0 && char.IsAsciiLetter(rest[0]) && rest.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return identifier ? rest.ToLowerInvariant() : null;
    }
}
