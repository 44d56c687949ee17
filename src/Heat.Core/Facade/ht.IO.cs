// SPDX-License-Identifier: MIT
using Heat.IO;
using Heat.IO.Interop;

namespace Heat;

// HeAT: heat/core/io.py
public static partial class ht
{
    /// <summary>Loads a file by its extension: <c>.h5 .hdf5</c> (needs <paramref name="dataset"/>), <c>.nc .nc4 .netcdf</c> (needs it as the variable), <c>.csv</c>, <c>.npy</c>, or a directory of .npy files.</summary>
    /// <remarks>Collective. Without <paramref name="dtype"/>: float32 for HDF5, netCDF and CSV (as HeAT), the file's type for .npy.</remarks>
    /// <exception cref="ArgumentException">Unknown extension, or no dataset name for HDF5/netCDF.</exception>
    public static DNDarray load(string path, string? dataset = null, DType? dtype = null, int? split = null, Device? device = null,
        Range[]? slices = null, int header_lines = 0, string sep = ",", string encoding = "utf-8", IProgress<IoProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path)) return load_npy_from_path(path, dtype, split ?? 0, device, progress);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".h5" or ".hdf5" or ".hdf":
                return load_hdf5(path, dataset ?? throw new ArgumentException($"load: an HDF5 file needs the dataset name ('{path}').", nameof(dataset)), dtype, slices, split, device, progress: progress);
            case ".nc" or ".nc4" or ".netcdf" or ".cdf":
                return load_netcdf(path, dataset ?? throw new ArgumentException($"load: a netCDF file needs the variable name, passed as dataset ('{path}').", nameof(dataset)), dtype, slices, split, device, progress);
            case ".csv" or ".txt":
                return load_csv(path, header_lines, sep, dtype, encoding, split, device, progress);
            case ".npy":
                return load_npy(path, dtype, split, device, slices, progress);
            default:
                throw new ArgumentException($"load: unsupported file extension '{extension}' of '{path}'; expected .h5/.hdf5, .nc/.nc4, .csv or .npy (or a directory of .npy files).", nameof(path));
        }
    }

    /// <summary>Saves by extension: HDF5 and netCDF need <paramref name="dataset"/> (the dataset or variable name); also <c>.csv</c> and <c>.npy</c>.</summary>
    /// <exception cref="ArgumentException">Unknown extension, or no dataset name for HDF5/netCDF.</exception>
    public static void save(DNDarray data, string path, string? dataset = null, string mode = "w")
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".h5" or ".hdf5" or ".hdf":
                save_hdf5(data, path, dataset ?? throw new ArgumentException($"save: an HDF5 file needs the dataset name ('{path}').", nameof(dataset)), mode); break;
            case ".nc" or ".nc4" or ".netcdf" or ".cdf":
                save_netcdf(data, path, dataset ?? throw new ArgumentException($"save: a netCDF file needs the variable name, passed as dataset ('{path}').", nameof(dataset)), mode); break;
            case ".csv" or ".txt": save_csv(data, path); break;
            case ".npy": save_npy(data, path); break;
            default:
                throw new ArgumentException($"save: unsupported file extension '{extension}' of '{path}'; expected .h5/.hdf5, .nc/.nc4, .csv or .npy.", nameof(path));
        }
    }

    /// <summary>Loads an HDF5 dataset; each rank reads only its own hyperslab of <paramref name="split"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="dataset">The dataset's path in the file (<c>"data"</c>, <c>"group/data"</c>).</param>
    /// <param name="dtype">The result's type (HeAT's default: float32).</param>
    /// <param name="slices">Reads only <c>[start..stop]</c> of the leading dimensions (e.g. <c>[10..20, ..]</c>).</param>
    /// <param name="split">The split axis of the result, or null for a copy on every rank.</param>
    /// <param name="device">Where the result lives.</param>
    /// <param name="allow_external">Follow external links and read external or virtual storage (refused by default).</param>
    /// <param name="progress">Receives this rank's bytes read.</param>
    /// <remarks>Collective. Contiguous datasets are read at their byte offset in parallel; chunked ones through HDF5 under a process-wide lock.</remarks>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="KeyNotFoundException">No such dataset.</exception>
    /// <exception cref="InvalidDataException">Not an HDF5 file, or truncated or corrupt.</exception>
    /// <exception cref="NotSupportedException">An element type Heat does not have, or external links/storage.</exception>
    public static DNDarray load_hdf5(string path, string dataset, DType? dtype = null, Range[]? slices = null, int? split = null, Device? device = null,
        bool allow_external = false, IProgress<IoProgress>? progress = null) =>
        Hdf5Io.Load(path, dataset, dtype ?? float32, slices, split, device, allow_external, progress);

    /// <summary>Saves <paramref name="data"/> as an HDF5 dataset; each rank writes its own region, nothing is gathered.</summary>
    /// <param name="data">The array.</param>
    /// <param name="path">The file.</param>
    /// <param name="dataset">The dataset's path (intermediate groups are created).</param>
    /// <param name="mode"><c>"w"</c>: a new file (written under a temporary name, renamed when complete); <c>"a"</c>: add to the file, creating it when missing; <c>"r+"</c>: add to an existing file.</param>
    /// <param name="compression">A gzip level 0-9 (chunked dataset, written rank by rank), or null for a contiguous dataset written in parallel.</param>
    /// <param name="progress">Receives this rank's bytes written.</param>
    /// <exception cref="ArgumentException">A bad mode, or the dataset exists already.</exception>
    public static void save_hdf5(DNDarray data, string path, string dataset, string mode = "w", int? compression = null, IProgress<IoProgress>? progress = null) =>
        Hdf5Io.Save(data, path, dataset, mode, compression, progress);

    /// <summary>Loads a netCDF variable; each rank reads only its own box of <paramref name="split"/>.</summary>
    /// <remarks>Collective; dtype defaults to float32 as in HeAT.</remarks>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="KeyNotFoundException">No such variable.</exception>
    /// <exception cref="InvalidDataException">Not a netCDF file, or truncated or corrupt.</exception>
    /// <exception cref="NotSupportedException">An element type Heat does not have.</exception>
    public static DNDarray load_netcdf(string path, string variable, DType? dtype = null, Range[]? slices = null, int? split = null, Device? device = null,
        IProgress<IoProgress>? progress = null) =>
        NetCdfIo.Load(path, variable, dtype ?? float32, slices, split, device, progress);

    /// <summary>Saves <paramref name="data"/> as a netCDF-4 variable with dimensions <c>{variable}_dim_{i}</c>; the ranks write their regions in turn.</summary>
    /// <exception cref="ArgumentException">A bad mode, or the variable exists already.</exception>
    /// <exception cref="NotSupportedException">Complex data (netCDF has no complex type).</exception>
    public static void save_netcdf(DNDarray data, string path, string variable, string mode = "w", string[]? dimension_names = null, IProgress<IoProgress>? progress = null) =>
        NetCdfIo.Save(data, path, variable, mode, dimension_names, progress);

    /// <summary>Loads a CSV file of numbers as a 2-d array; each rank parses only its byte range, then one rebalance.</summary>
    /// <param name="path">The file.</param>
    /// <param name="header_lines">Lines to skip at the top.</param>
    /// <param name="sep">The field separator.</param>
    /// <param name="dtype">The result's type (HeAT's default: float32).</param>
    /// <param name="encoding">The text encoding (one with a one-byte newline: utf-8, ascii, latin-1).</param>
    /// <param name="split">The split axis of the result.</param>
    /// <param name="device">Where the result lives.</param>
    /// <param name="progress">Receives this rank's bytes read.</param>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Ragged rows or a non-numeric field (the message names line and column).</exception>
    /// <exception cref="ArgumentException">header_lines beyond the file, or a bad separator or encoding.</exception>
    public static DNDarray load_csv(string path, int header_lines = 0, string sep = ",", DType? dtype = null, string encoding = "utf-8", int? split = null,
        Device? device = null, IProgress<IoProgress>? progress = null) =>
        CsvIo.Load(path, header_lines, sep, dtype ?? float32, encoding, split, device, progress);

    /// <summary>Saves a 0-, 1- or 2-d array as CSV; each rank formats and writes its own rows at agreed offsets.</summary>
    /// <param name="data">The array.</param>
    /// <param name="path">The file.</param>
    /// <param name="header_lines">Lines written first.</param>
    /// <param name="sep">The field separator.</param>
    /// <param name="decimals">Digits after the point for floats; -1 for the shortest exact form.</param>
    /// <param name="encoding">The text encoding.</param>
    /// <param name="progress">Receives this rank's bytes written.</param>
    /// <exception cref="ArgumentException">More than 2 dimensions.</exception>
    /// <exception cref="NotSupportedException">Complex data.</exception>
    public static void save_csv(DNDarray data, string path, string[]? header_lines = null, string sep = ",", int decimals = -1, string encoding = "utf-8",
        IProgress<IoProgress>? progress = null) =>
        CsvIo.Save(data, path, header_lines, sep, decimals, encoding, progress);

    /// <summary>Loads a NumPy .npy file (format 1-3, either byte order, C or Fortran order); each rank reads only its own box.</summary>
    /// <remarks>Collective. Without <paramref name="dtype"/>, the file's type.</remarks>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not an .npy file, or truncated or corrupt.</exception>
    /// <exception cref="NotSupportedException">Objects (pickles), strings, structured or other types Heat does not have.</exception>
    public static DNDarray load_npy(string path, DType? dtype = null, int? split = null, Device? device = null, Range[]? slices = null, IProgress<IoProgress>? progress = null) =>
        NpyIo.Load(path, dtype, slices, split, device, progress);

    /// <summary>Saves as a NumPy .npy file (format 1.0, little-endian, C order); each rank writes its own region in parallel.</summary>
    public static void save_npy(DNDarray data, string path, IProgress<IoProgress>? progress = null) => NpyIo.Save(data, path, progress);

    /// <summary>HeAT's <c>load_npy_from_path</c>: all .npy files of a directory, sorted by name, joined along <paramref name="split"/>; each rank reads whole files, then one rebalance.</summary>
    /// <exception cref="DirectoryNotFoundException">No such directory.</exception>
    /// <exception cref="FileNotFoundException">No .npy files in it.</exception>
    /// <exception cref="InvalidDataException">The files disagree in type or shape off the split axis.</exception>
    public static DNDarray load_npy_from_path(string path, DType? dtype = null, int split = 0, Device? device = null, IProgress<IoProgress>? progress = null) =>
        NpyIo.LoadFromPath(path, dtype, split, device, progress);

    /// <summary>True when the HDF5 library can be loaded.</summary>
    public static bool supports_hdf5()
    {
        try { Hdf5Library.Ensure(); return true; }
        catch (DllNotFoundException) { return false; }
    }

    /// <summary>True when the netCDF library can be loaded.</summary>
    public static bool supports_netcdf()
    {
        try { IoLibraryLoader.Load(IoLibraryLoader.NetCdf); return true; }
        catch (DllNotFoundException) { return false; }
    }
}
