// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.Backend.Torch.Interop;

/// <summary>
/// Finds and loads <c>libheat_torch.so</c> once: <c>HEAT_TORCH_SHIM_PATH</c> (a file or a folder), next to the app,
/// <c>runtimes/&lt;rid&gt;/native</c>, then the folder the build wrote it to. Registers the DllImport resolver for
/// <see cref="TorchNative"/> and checks the shim's ABI version. Failing, it throws
/// <see cref="BackendUnavailableException"/> naming every path tried and what to install.
/// </summary>
internal static partial class NativeLoader
{
    /// <summary>The shim's file name.</summary>
    public const string FileName = "libheat_torch.so";
    /// <summary>The environment variable that points at the shim.</summary>
    public const string PathVariable = "HEAT_TORCH_SHIM_PATH";
    /// <summary>What to do when the shim is missing.</summary>
    public const string InstallHint =
        "Install libtorch and the build tools (Debian: apt-get install libtorch-dev cmake g++) and rebuild: dotnet build builds the shim " +
        "(native/heat_torch) unless -p:SkipNative=true; or set HEAT_TORCH_SHIM_PATH to a built libheat_torch.so.";

    private static readonly Lock Gate = new();
    private static nint _handle;

    /// <summary>The loaded shim's path.</summary>
    public static string? LoadedFrom { get; private set; }

    /// <summary>Loads the shim unless already loaded.</summary>
    /// <param name="blasThreads">Threads for OpenBLAS, set in the environment before libtorch loads unless already
    /// set.</param>
    /// <exception cref="BackendUnavailableException">The shim or libtorch cannot be loaded, or its ABI
    /// differs.</exception>
    public static void EnsureLoaded(int blasThreads)
    {
        lock (Gate)
        {
            if (_handle != 0) return;
            if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("OPENBLAS_NUM_THREADS") is null)
            {
                var value = Math.Max(1, blasThreads).ToString(System.Globalization.CultureInfo.InvariantCulture);
                Environment.SetEnvironmentVariable("OPENBLAS_NUM_THREADS", value);
                _ = setenv("OPENBLAS_NUM_THREADS", value, 0); // the native environment, which OpenBLAS reads when it loads
            }
            var tried = new List<string>();
            foreach (var path in Candidates())
            {
                if (!File.Exists(path)) { tried.Add($"{path}: not found"); continue; }
                try
                {
                    var handle = NativeLibrary.Load(path);
                    LoadedFrom = path;
                    _handle = handle;
                    break;
                }
                catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
                {
                    tried.Add($"{path}: {e.Message}");
                }
            }
            if (_handle == 0) throw new BackendUnavailableException(FailureMessage(tried));
            NativeLibrary.SetDllImportResolver(typeof(NativeLoader).Assembly, (name, _, _) => name == TorchNative.Lib ? _handle : 0);
            int abi = TorchNative.hts_abi_version();
            if (abi != TorchNative.AbiVersion)
            {
                var path = LoadedFrom;
                throw new BackendUnavailableException(
                    $"The libtorch shim {path} has ABI version {abi}, but Heat.Backend.Torch needs {TorchNative.AbiVersion}: it is stale or from another " +
                    $"Heat version. Rebuild it (dotnet build, or cmake on native/heat_torch) or point {PathVariable} at a matching one.");
            }
            CheckOpNumbering(_handle, LoadedFrom);
        }
    }

    /// <summary>The message when no candidate loads: every path tried with its error, and what to install.</summary>
    internal static string FailureMessage(IEnumerable<string> tried) =>
        $"The torch backend needs its libtorch shim {FileName}, which could not be loaded. Tried:{Environment.NewLine}  " +
        string.Join(Environment.NewLine + "  ", tried) + Environment.NewLine + InstallHint;

    /// <summary>The paths tried, in order.</summary>
    internal static IEnumerable<string> Candidates()
    {
        var fromEnv = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
            yield return Directory.Exists(fromEnv) ? Path.Combine(fromEnv, FileName) : fromEnv;
        var app = AppContext.BaseDirectory;
        yield return Path.Combine(app, FileName);
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        foreach (var rid in new[] { RuntimeInformation.RuntimeIdentifier, $"linux-{arch}" }.Distinct())
            yield return Path.Combine(app, "runtimes", rid, "native", FileName);
        var assemblyDir = Path.GetDirectoryName(typeof(NativeLoader).Assembly.Location);
        if (!string.IsNullOrEmpty(assemblyDir) && Path.TrimEndingDirectorySeparator(Path.GetFullPath(assemblyDir)) != Path.TrimEndingDirectorySeparator(Path.GetFullPath(app)))
            yield return Path.Combine(assemblyDir, FileName);
        var buildDir = typeof(NativeLoader).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "HeatTorchShimBuildDir")?.Value;
        if (!string.IsNullOrEmpty(buildDir)) yield return Path.Combine(buildDir, FileName);
    }

    [LibraryImport("libc.so.6", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
