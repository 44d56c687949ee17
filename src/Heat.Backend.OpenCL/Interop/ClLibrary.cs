// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Runtime.InteropServices;

namespace Heat.Backend.OpenCL.Interop;

/// <summary>
/// Resolves the <c>[LibraryImport]</c> name <c>OpenCL</c> to the ICD loader (<c>libOpenCL.so.1</c>, or
/// <c>HEAT_OPENCL_PATH</c>). A missing loader fails with a message naming the Debian packages to install.
/// </summary>
internal static class ClLibrary
{
    /// <summary>What to install when the loader or a platform is missing.</summary>
    public const string Packages = "ocl-icd-opencl-dev pocl-opencl-icd";

    private static readonly Lock Gate = new();
    private static nint _handle;
    private static bool _registered;
    private static readonly string[] Names = ["libOpenCL.so.1", "libOpenCL.so"];

    /// <summary>Loads the loader (once) and returns its handle.</summary>
    /// <exception cref="DllNotFoundException">The loader is not installed; the message names the packages.</exception>
    public static nint Load()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                NativeLibrary.SetDllImportResolver(typeof(ClLibrary).Assembly, Resolve);
                _registered = true;
            }
            if (_handle != 0) return _handle;
            var candidates = new List<string>();
            if (Environment.GetEnvironmentVariable("HEAT_OPENCL_PATH") is { Length: > 0 } path) candidates.Add(path);
            candidates.AddRange(Names);
            foreach (var c in candidates)
                if (NativeLibrary.TryLoad(c, out _handle)) return _handle;
            throw new DllNotFoundException(
                $"The OpenCL ICD loader was not found (tried {string.Join(", ", candidates)}). Install it and a platform with " +
                $"`sudo apt-get install -y {Packages}` (PoCL runs the kernels on the CPU), or set HEAT_OPENCL_PATH.");
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Cl.Library ? Load() : 0;
}
