// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;

namespace Heat.Distributed;

/// <summary>
/// Contiguous host copies of local tensors for communication and host-side loops. Whether a tensor needs one depends
/// on its memory (<see cref="LocalTensor.HostPointer"/> is 0 for device buffers: a GPU, or OpenCL in device mode),
/// never
/// on the device kind. Copies are managed host tensors, filled and written back through the owning backend.
/// </summary>
internal static unsafe class HostStaging
{
    private static readonly ManagedBackend Host = new(threads: 1);

    /// <summary>True when <paramref name="t"/> is contiguous host memory (or empty), usable as a buffer as it
    /// is.</summary>
    public static bool IsHostContiguous(LocalTensor t) => t.Numel == 0 || (t.HostPointer != 0 && t.IsContiguous);

    /// <summary>A new contiguous host tensor with unspecified contents.</summary>
    public static LocalTensor Empty(ReadOnlySpan<long> shape, DType dtype) => Host.Empty(shape, dtype);

    /// <summary>A new contiguous host tensor holding the values of <paramref name="t"/> (any memory, any
    /// strides).</summary>
    public static LocalTensor CopyOf(LocalTensor t)
    {
        var host = Host.Empty(t.Shape, t.DType);
        try
        {
            if (t.Numel > 0) t.Backend.CopyToHost(t, (void*)host.HostPointer);
            return host;
        }
        catch { host.Dispose(); throw; }
    }

    /// <summary><paramref name="t"/> itself (shared) when it is contiguous host memory, else
    /// <see cref="CopyOf"/>.</summary>
    public static LocalTensor Readable(LocalTensor t) => IsHostContiguous(t) ? t.Share() : CopyOf(t);

    /// <summary>Writes the contiguous host tensor <paramref name="host"/> into <paramref name="t"/> (any memory, any
    /// strides).</summary>
    public static void WriteBack(LocalTensor host, LocalTensor t)
    {
        if (t.Numel == 0 || (host.Storage == t.Storage && host.Offset == t.Offset && t.IsContiguous)) return;
        t.Backend.CopyFromHost((void*)host.HostPointer, t);
    }

    /// <summary>The elements of <paramref name="t"/> (row-major) as <typeparamref name="T"/>s of the same size (bool as
    /// byte).</summary>
    public static T[] Read<T>(LocalTensor t) where T : unmanaged
    {
        CheckItem<T>(t);
        var result = new T[checked((int)t.Numel)];
        if (result.Length > 0) fixed (T* p = result) t.Backend.CopyToHost(t, p);
        return result;
    }

    /// <summary>Writes row-major <paramref name="values"/> into <paramref name="t"/> (any memory, any
    /// strides).</summary>
    public static void Write<T>(LocalTensor t, ReadOnlySpan<T> values) where T : unmanaged
    {
        CheckItem<T>(t);
        if (values.Length != t.Numel) throw new ArgumentException($"{values.Length} values for a tensor of {t.Numel}.", nameof(values));
        if (values.Length > 0) fixed (T* p = values) t.Backend.CopyFromHost(p, t);
    }

    private static void CheckItem<T>(LocalTensor t) where T : unmanaged
    {
        if (sizeof(T) != t.DType.ItemSize)
            throw new ArgumentException($"{typeof(T).Name} does not match the tensor's dtype {t.DType}.", nameof(t));
    }
}
