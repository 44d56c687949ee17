// SPDX-License-Identifier: MIT
namespace Heat.IO.Interop;

/// <summary>
/// The one process-wide lock around every HDF5 and netCDF call. Debian's serial HDF5 (and netCDF, which sits on it)
/// is not thread-safe, and in-process ranks are threads of one process, so calls from different ranks must never
/// overlap. The lock is re-entrant, so handle releases inside a locked region are fine.
/// </summary>
internal static class NativeIoLock
{
    /// <summary>The lock.</summary>
    public static readonly Lock Gate = new();
}
