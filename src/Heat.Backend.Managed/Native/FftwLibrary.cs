// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Managed.Native;

/// <summary>
/// Checks once that FFTW's four shared libraries load (double and single precision, each with its threads library),
/// so that a missing FFTW fails with one clear message instead of a bare entry-point error. The imports name the
/// sonames themselves, so no assembly-wide import resolver is needed.
/// </summary>
internal static class FftwLibrary
{
    /// <summary>The Debian packages: the runtime libraries, and the development package that also provides
    /// them.</summary>
    public const string Packages = "libfftw3-3 (runtime) or libfftw3-dev";

    private static readonly string[] Sonames =
        [FftwNative.Lib, FftwThreadsNative.Lib, FftwfNative.Lib, FftwfThreadsNative.Lib];
    private static readonly Lazy<string?> Missing = new(Probe);

    /// <summary>Throws unless all four libraries load.</summary>
    /// <exception cref="DllNotFoundException">A library is missing; the message names it and the package.</exception>
    public static void EnsureLoaded()
    {
        if (Missing.Value is { } message) throw new DllNotFoundException(message);
    }

    private static string? Probe()
    {
        var missing = Sonames.Where(name => !NativeLibrary.TryLoad(name, out _)).ToArray();
        return missing.Length == 0 ? null :
            $"The managed backend's FFT needs FFTW 3, but {string.Join(", ", missing)} could not be loaded. " +
            $"Install FFTW (Debian/Ubuntu: apt-get install {Packages}; it provides libfftw3.so.3, libfftw3f.so.3 " +
            "and their _threads libraries) or add its directory to LD_LIBRARY_PATH.";
    }
}
