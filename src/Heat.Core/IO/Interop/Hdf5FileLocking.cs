// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.IO.Interop;

/// <summary>
/// Turns HDF5's advisory file locks off (<c>HDF5_USE_FILE_LOCKING=FALSE</c>) before HDF5 or netCDF is loaded, unless
/// the user set the variable. HDF5 opens files without <c>O_CLOEXEC</c>: a child process started by any thread while a
/// file is open inherits the descriptor and with it HDF5's <c>flock</c>, so the next open of that file in this process
/// fails ("HDF error") until the child exits. Heat coordinates its own writers (one rank at a time, or disjoint raw
/// regions), so the locks protect nothing here; HPC sites commonly disable them for the same reason.
/// </summary>
internal static partial class Hdf5FileLocking
{
    private const string Variable = "HDF5_USE_FILE_LOCKING";

    /// <summary>Sets the variable in the native environment (HDF5 reads it with <c>getenv</c> at every open).</summary>
    public static void DisableUnlessConfigured()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not null) return;
        Environment.SetEnvironmentVariable(Variable, "FALSE"); // the managed view, for child processes started by .NET
        if (OperatingSystem.IsLinux()) _ = SetEnvLinux(Variable, "FALSE", 0);
        else if (OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()) _ = SetEnvUnix(Variable, "FALSE", 0);
        // Windows HDF5 reads the process environment block, which Environment.SetEnvironmentVariable already updated.
    }

    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvLinux(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvUnix(string name, string value, int overwrite);
}
