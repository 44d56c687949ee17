// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Runtime.InteropServices;

namespace Heat.IO.Interop;

/// <summary>
/// Finds the HDF5 and netCDF shared libraries by their Debian sonames (or an override in
/// <c>HEAT_HDF5_PATH</c> / <c>HEAT_NETCDF_PATH</c>) and resolves the <c>[LibraryImport]</c> names <c>hdf5</c> and
/// <c>netcdf</c> of this assembly to them. A missing library fails with a message naming the package to install.
/// </summary>
internal static class IoLibraryLoader
{
    public const string Hdf5 = "hdf5";
    public const string NetCdf = "netcdf";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, nint> Loaded = [];
    private static bool _registered;

    private static readonly string[] Hdf5Names =
        ["libhdf5_serial.so.103", "libhdf5_serial.so.310", "libhdf5_serial.so.200", "libhdf5_serial.so", "libhdf5.so.103", "libhdf5.so.310", "libhdf5.so.200", "libhdf5.so"];
    private static readonly string[] NetCdfNames =
        ["libnetcdf.so.19", "libnetcdf.so.22", "libnetcdf.so.18", "libnetcdf.so.15", "libnetcdf.so"];

    /// <summary>Loads the library (once) and returns its handle.</summary>
    /// <exception cref="DllNotFoundException">The library is not installed; the message names the Debian package.</exception>
    public static nint Load(string name)
    {
        lock (Gate)
        {
            if (!_registered)
            {
                NativeLibrary.SetDllImportResolver(typeof(IoLibraryLoader).Assembly, Resolve);
                _registered = true;
            }
            if (Loaded.TryGetValue(name, out var h)) return h;
            Hdf5FileLocking.DisableUnlessConfigured();
            var (env, names, package) = name == Hdf5
                ? ("HEAT_HDF5_PATH", Hdf5Names, "libhdf5-dev (runtime: libhdf5-103-1)")
                : ("HEAT_NETCDF_PATH", NetCdfNames, "libnetcdf-dev (runtime: libnetcdf19)");
            var tried = new List<string>();
            var candidates = new List<string>();
            if (Environment.GetEnvironmentVariable(env) is { Length: > 0 } overridePath) candidates.Add(overridePath);
            candidates.AddRange(names);
            foreach (var candidate in candidates)
            {
                if (NativeLibrary.TryLoad(candidate, out h)) { Loaded[name] = h; return h; }
                tried.Add(candidate);
            }
            throw new DllNotFoundException(
                $"The {name} library was not found (tried {string.Join(", ", tried)}). Install it with " +
                $"`sudo apt-get install -y {package.Split(' ')[0]}` or set {env} to its path. Package: {package}.");
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName is Hdf5 or NetCdf ? Load(libraryName) : 0;
}
