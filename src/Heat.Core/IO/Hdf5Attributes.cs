// SPDX-License-Identifier: MIT
using System.Text;
using Heat.IO;
using Heat.IO.Interop;
using static Heat.IO.Interop.Hdf5Native;

namespace Heat;

/// <summary>
/// The attributes of an HDF5 file's root group (what h5py shows as <c>f.attrs</c>): strings (fixed-length UTF-8),
/// 64-bit integers, doubles and 1-d arrays of them. The ML estimators keep their parameters here
/// (<c>BaseEstimator.save</c>); datasets go through <see cref="ht.save_hdf5"/>.
/// </summary>
/// <remarks>Collective on the current communicator: rank 0 writes, every rank reads; errors are raised on every
/// rank alike.</remarks>
public static unsafe class Hdf5Attributes
{
    /// <summary>
    /// Sets the root attributes <paramref name="attributes"/> of <paramref name="path"/> (replacing ones of the same
    /// name), creating the file when it does not exist or <paramref name="create"/> is true (a new, empty file).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="attributes">Values: string, bool (stored as 0/1), an integer, float or double, or a 1-d array of
    /// long or double.</param>
    /// <param name="create">Start a new file even if one exists.</param>
    /// <exception cref="ArgumentException">A value of another type.</exception>
    public static void Write(string path, IReadOnlyDictionary<string, object> attributes, bool create = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(attributes);
        foreach (var (name, value) in attributes)
            if (value is not (string or bool or byte or sbyte or short or int or long or float or double or long[]
                or double[]))
                throw new ArgumentException($"attribute '{name}' has a value of type {value?.GetType().Name ?? "null"};"
                    + " expected a string, number, bool, long[] or double[].", nameof(attributes));
        var comm = ht.get_comm();
        var full = Path.GetFullPath(path);
        CollectiveError.Run(comm, () =>
        {
            if (comm.Rank != 0) return;
            Hdf5Library.Ensure();
            lock (NativeIoLock.Gate)
            {
                bool fresh = create || !File.Exists(full);
                using var file = new Hdf5FileHandle(Hdf5Library.Check(fresh
                    ? H5Fcreate(full, H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT)
                    : H5Fopen(full, H5F_ACC_RDWR, H5P_DEFAULT), fresh ? "H5Fcreate" : "H5Fopen", $"'{path}'"));
                foreach (var (name, value) in attributes) Set(file.Id, name, value);
            }
        });
    }

    /// <summary>Every root attribute of <paramref name="path"/>: string, long, double, long[] or double[] (an
    /// attribute of one element is a scalar).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">An attribute of another type (variable-length strings
    /// included).</exception>
    public static IReadOnlyDictionary<string, object> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var comm = ht.get_comm();
        var full = Path.GetFullPath(path);
        return CollectiveError.Run(comm, () =>
        {
            if (!File.Exists(full)) throw new FileNotFoundException($"'{path}' does not exist.", path);
            Hdf5Library.Ensure();
            var result = new Dictionary<string, object>();
            lock (NativeIoLock.Gate)
            {
                using var file = new Hdf5FileHandle(Hdf5Library.Check(H5Fopen(full, H5F_ACC_RDONLY, H5P_DEFAULT),
                    "H5Fopen", $"'{path}'"));
                byte dot = (byte)'.';
                for (ulong i = 0; ; i++)
                {
                    long id = H5Aopen_by_idx(file.Id, &dot, H5_INDEX_NAME, H5_ITER_INC, i, H5P_DEFAULT, H5P_DEFAULT);
                    if (id < 0) break;
                    using var attribute = new Hdf5AttributeHandle(id);
                    var (name, value) = Get(attribute.Id, path);
                    result[name] = value;
                }
            }
            return (IReadOnlyDictionary<string, object>)result;
        });
    }

    private static void Set(long file, string name, object value)
    {
        if (H5Aexists(file, name) > 0) Hdf5Library.Check(H5Adelete(file, name), "H5Adelete", name);
        switch (value)
        {
            case string s:
            {
                var bytes = Encoding.UTF8.GetBytes(s);
                using var type = new Hdf5TypeHandle(Hdf5Library.Check(H5Tcopy(Hdf5Library.CString), "H5Tcopy", name));
                Hdf5Library.Check(H5Tset_size(type.Id, (nuint)Math.Max(1, bytes.Length)), "H5Tset_size", name);
                Hdf5Library.Check(H5Tset_cset(type.Id, H5T_CSET_UTF8), "H5Tset_cset", name);
                var padded = new byte[Math.Max(1, bytes.Length)];
                bytes.CopyTo(padded, 0);
                fixed (byte* p = padded) Put(file, name, type.Id, p, 1, scalar: true);
                break;
            }
            case double[] d:
                fixed (double* p = d) Put(file, name, Hdf5Library.NativeFloat64, p, d.Length, false);
                break;
            case long[] l: fixed (long* p = l) Put(file, name, Hdf5Library.NativeInt64, p, l.Length, false); break;
            case double or float:
            {
                double d = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                Put(file, name, Hdf5Library.NativeFloat64, &d, 1, scalar: true);
                break;
            }
            default:
            {
                long l = value is bool b ? (b ? 1 : 0)
                    : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                Put(file, name, Hdf5Library.NativeInt64, &l, 1, scalar: true);
                break;
            }
        }
    }

    private static void Put(long file, string name, long type, void* data, long count, bool scalar)
    {
        ulong n = (ulong)count;
        using var space = new Hdf5SpaceHandle(Hdf5Library.Check(scalar ? H5Screate(H5S_SCALAR)
            : H5Screate_simple(1, &n, null), "H5Screate", name));
        using var attribute = new Hdf5AttributeHandle(Hdf5Library.Check(
            H5Acreate2(file, name, type, space.Id, H5P_DEFAULT, H5P_DEFAULT), "H5Acreate2", name));
        Hdf5Library.Check(H5Awrite(attribute.Id, type, data), "H5Awrite", name);
    }

    private static (string Name, object Value) Get(long attribute, string path)
    {
        nint length = H5Aget_name(attribute, 0, null);
        var raw = new byte[length + 1];
        fixed (byte* p = raw) H5Aget_name(attribute, (nuint)raw.Length, p);
        string name = Encoding.UTF8.GetString(raw, 0, (int)length);
        using var type = new Hdf5TypeHandle(Hdf5Library.Check(H5Aget_type(attribute), "H5Aget_type", name));
        using var space = new Hdf5SpaceHandle(Hdf5Library.Check(H5Aget_space(attribute), "H5Aget_space", name));
        long count = H5Sget_simple_extent_npoints(space.Id);
        switch (H5Tget_class(type.Id))
        {
            case H5T_STRING when H5Tis_variable_str(type.Id) <= 0 && count == 1:
            {
                var bytes = new byte[(int)H5Tget_size(type.Id)];
                fixed (byte* p = bytes) Hdf5Library.Check(H5Aread(attribute, type.Id, p), "H5Aread", name);
                int end = Array.IndexOf(bytes, (byte)0);
                return (name, Encoding.UTF8.GetString(bytes, 0, end < 0 ? bytes.Length : end));
            }
            case H5T_INTEGER:
            {
                var values = new long[count];
                fixed (long* p = values)
                    Hdf5Library.Check(H5Aread(attribute, Hdf5Library.NativeInt64, p), "H5Aread", name);
                return (name, count == 1 && IsScalar(space.Id) ? values[0] : values);
            }
            case H5T_FLOAT:
            {
                var values = new double[count];
                fixed (double* p = values)
                    Hdf5Library.Check(H5Aread(attribute, Hdf5Library.NativeFloat64, p), "H5Aread", name);
                return (name, count == 1 && IsScalar(space.Id) ? values[0] : values);
            }
            default:
                throw new InvalidDataException($"attribute '{name}' of '{path}' is a {Hdf5Library.ClassName(type.Id)}; "
                    + "expected a fixed-length string, integers or floats.");
        }
    }

    private static bool IsScalar(long space) => H5Sget_simple_extent_ndims(space) == 0;
}
