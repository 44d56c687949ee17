// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Runtime.InteropServices;

namespace Heat.Backend.Managed.Native;

/// <summary>
/// Resolves <see cref="LapackNative"/>'s imports: LAPACKE (<c>liblapacke.so.3</c>, Debian <c>liblapacke</c> /
/// <c>liblapacke-dev</c>) over the system LAPACK/BLAS (OpenBLAS here), and OpenBLAS itself (<c>libopenblas.so.0</c>,
/// Debian <c>libopenblas0-pthread</c>) for its thread count. A missing LAPACKE throws a
/// <see cref="DllNotFoundException"/> naming the package; a missing OpenBLAS only leaves the thread count to the BLAS.
/// </summary>
internal static class LapackLibrary
{
    /// <summary>The import name of LAPACKE.</summary>
    public const string Lapacke = "lapacke";
    /// <summary>The import name of OpenBLAS (thread control only).</summary>
    public const string OpenBlas = "openblas";
    /// <summary>The Debian packages that provide LAPACKE and a threaded BLAS.</summary>
    public const string Packages = "liblapacke-dev libopenblas0-pthread";

    private static readonly string[] LapackeNames =
        ["liblapacke.so.3", "liblapacke.so", "liblapacke.dylib", "lapacke.dll"];
    private static readonly string[] OpenBlasNames = ["libopenblas.so.0", "libopenblas.so", "libopenblas.dylib"];
    private static readonly object Gate = new();
    private static nint _lapacke, _openblas;
    private static bool _registered, _openblasTried;

    /// <summary>Registers the resolver once (called from <see cref="LapackNative"/>'s static constructor).</summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered) return;
            NativeLibrary.SetDllImportResolver(typeof(LapackLibrary).Assembly, Resolve);
            _registered = true;
        }
    }

    /// <summary>True when OpenBLAS's thread control was found.</summary>
    public static bool HasOpenBlas
    {
        get { lock (Gate) return LoadOpenBlas() != 0; }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        lock (Gate)
        {
            if (name == OpenBlas) return LoadOpenBlas();
            if (name != Lapacke) return 0;
            if (_lapacke != 0) return _lapacke;
            foreach (var candidate in LapackeNames)
                if (NativeLibrary.TryLoad(candidate, out _lapacke)) return _lapacke;
            throw new DllNotFoundException(
                "The dense linear algebra of the managed backend needs LAPACKE " +
                $"(tried: {string.Join(", ", LapackeNames)}). " +
                $"Install it (Debian/Ubuntu: apt-get install {Packages}).");
        }
    }

    private static nint LoadOpenBlas()
    {
        if (_openblasTried) return _openblas;
        _openblasTried = true;
        foreach (var candidate in OpenBlasNames)
            if (NativeLibrary.TryLoad(candidate, out _openblas)) return _openblas;
        return 0;
    }
}
