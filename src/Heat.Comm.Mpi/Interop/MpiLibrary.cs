// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Heat.Abstractions;

namespace Heat.Comm.Mpi.Interop;

/// <summary>
/// Finds MPICH's shared library (<c>HEAT_MPI_LIBRARY</c>, then <c>libmpich.so.12</c>, <c>libmpich.so</c>), checks with
/// <c>MPI_Get_library_version</c> that it is MPICH, and resolves <see cref="MpiNative"/>'s imports to it. A missing or
/// wrong library gives a <see cref="CommunicatorUnavailableException"/> naming what was tried and what to install.
/// </summary>
internal static unsafe class MpiLibrary
{
    /// <summary>The Debian packages that provide MPICH and its launcher.</summary>
    public const string Packages = "mpich libmpich-dev";
    /// <summary>The variable that names the library explicitly.</summary>
    public const string PathVariable = "HEAT_MPI_LIBRARY";

    private static readonly string[] Sonames = ["libmpich.so.12", "libmpich.so"];
    private static readonly string[] OpenMpiSonames = ["libmpi.so.40", "libmpi.so"];
    private static readonly object Gate = new();
    private static nint _handle;
    private static string? _version;

    /// <summary>Loads and checks the library once; returns MPICH's version text.</summary>
    /// <exception cref="CommunicatorUnavailableException">MPICH is missing, or the library found is not
    /// MPICH.</exception>
    public static string EnsureLoaded()
    {
        lock (Gate)
        {
            if (_version is not null) return _version;
            var candidates = Candidates(Environment.GetEnvironmentVariable(PathVariable));
            var attempts = new List<string>();
            nint handle = 0;
            foreach (var name in candidates)
            {
                if (NativeLibrary.TryLoad(name, out handle)) break;
                attempts.Add(name);
                handle = 0;
            }
            if (handle == 0) throw new CommunicatorUnavailableException(MissingMessage(attempts, OpenMpiPresent()));
            _handle = handle;
            NativeLibrary.SetDllImportResolver(typeof(MpiLibrary).Assembly, Resolve);
            string version = ReadVersion();
            CheckVendor(version);
            _version = version;
            return version;
        }
    }

    /// <summary>The names tried, in order: the explicit path first when set.</summary>
    internal static IReadOnlyList<string> Candidates(string? explicitPath) =>
        string.IsNullOrWhiteSpace(explicitPath) ? Sonames : [explicitPath, .. Sonames];

    /// <summary>The message when no candidate loads.</summary>
    internal static string MissingMessage(IEnumerable<string> attempts, bool openMpiPresent)
    {
        var text = new StringBuilder("The MPI communicator needs MPICH's shared library (libmpich.so.12), which could not be loaded (tried: ")
            .Append(string.Join(", ", attempts)).Append("). ");
        if (openMpiPresent)
            text.Append("Only Open MPI (libmpi.so) is installed; Heat binds MPICH's ABI, not Open MPI's. ");
        text.Append($"Install MPICH (Debian/Ubuntu: apt-get install {Packages}) and launch with mpiexec.mpich, or set {PathVariable} to the path of libmpich.so.");
        return text.ToString();
    }

    /// <summary>Throws unless <paramref name="version"/> (from <c>MPI_Get_library_version</c>) is MPICH's.</summary>
    /// <exception cref="CommunicatorUnavailableException">Another MPI library answered.</exception>
    internal static void CheckVendor(string version)
    {
        // MPICH and its derivatives that keep its ABI (e.g. Cray MPICH) name themselves so.
        if (version.Contains("MPICH", StringComparison.Ordinal)) return;
        string first = version.Split('\n')[0].Trim();
        bool openMpi = version.Contains("Open MPI", StringComparison.OrdinalIgnoreCase);
        throw new CommunicatorUnavailableException(
            $"The MPI library loaded is not MPICH: it reports '{first}'. " +
            (openMpi ? "Heat binds MPICH's ABI (int handles), not Open MPI's. " : "Heat binds MPICH's ABI (int handles). ") +
            $"Install MPICH (Debian/Ubuntu: apt-get install {Packages}), launch with mpiexec.mpich, and unset {PathVariable} or point it at libmpich.so.12.");
    }

    private static bool OpenMpiPresent()
    {
        foreach (var name in OpenMpiSonames)
        {
            if (!NativeLibrary.TryLoad(name, out var h)) continue;
            NativeLibrary.Free(h);
            return true;
        }
        return false;
    }

    private static string ReadVersion()
    {
        var buffer = new byte[MpiConstants.MPI_MAX_LIBRARY_VERSION_STRING + 1];
        int length = 0;
        fixed (byte* p = buffer) _ = MpiNative.MPI_Get_library_version(p, &length); // checked: the text must say MPICH
        return Encoding.UTF8.GetString(buffer, 0, Math.Clamp(length, 0, buffer.Length)).TrimEnd('\0', '\n', ' ');
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path) =>
        name == MpiNative.Lib ? _handle : 0;
}
