// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Xunit;

namespace Heat.Testing.Backend;

/// <summary>
/// Host-side helpers of the backend conformance suites: tensors built from double values of any dtype, read back as
/// doubles, and the values a strided view should show (computed from the host copy of its base, independently of the backend).
/// </summary>
public static unsafe class BackendTestData
{
    /// <summary>The real dtypes (bool and integers and floats).</summary>
    public static readonly string[] RealDTypes =
        ["bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64"];
    /// <summary>Integer dtypes.</summary>
    public static readonly string[] IntDTypes = ["uint8", "int8", "int16", "int32", "int64"];
    /// <summary>Float dtypes.</summary>
    public static readonly string[] FloatDTypes = ["float32", "float64"];

    /// <summary>Encodes doubles as row-major host bytes of <paramref name="dtype"/> (C casts; complex gets imaginary part 0).</summary>
    public static byte[] Encode(DType dtype, ReadOnlySpan<double> values)
    {
        var bytes = new byte[values.Length * dtype.ItemSize];
        fixed (byte* p = bytes)
        {
            for (int i = 0; i < values.Length; i++)
            {
                double v = values[i];
                switch (dtype.Code)
                {
                    case DTypeCode.Bool: p[i] = v != 0 ? (byte)1 : (byte)0; break;
                    case DTypeCode.UInt8: p[i] = unchecked((byte)(long)v); break;
                    case DTypeCode.Int8: ((sbyte*)p)[i] = unchecked((sbyte)(long)v); break;
                    case DTypeCode.Int16: ((short*)p)[i] = unchecked((short)(long)v); break;
                    case DTypeCode.Int32: ((int*)p)[i] = unchecked((int)(long)v); break;
                    case DTypeCode.Int64: ((long*)p)[i] = (long)v; break;
                    case DTypeCode.Float16: ((Half*)p)[i] = (Half)v; break;
                    case DTypeCode.Float32: ((float*)p)[i] = (float)v; break;
                    case DTypeCode.Float64: ((double*)p)[i] = v; break;
                    case DTypeCode.Complex64: ((Complex64*)p)[i] = new Complex64((float)v, 0); break;
                    default: ((Complex*)p)[i] = new Complex(v, 0); break;
                }
            }
        }
        return bytes;
    }

    /// <summary>Decodes host bytes of <paramref name="dtype"/> to doubles (complex: the real part).</summary>
    public static double[] Decode(DType dtype, ReadOnlySpan<byte> bytes)
    {
        int n = bytes.Length / dtype.ItemSize;
        var r = new double[n];
        fixed (byte* p = bytes)
        {
            for (int i = 0; i < n; i++)
            {
                r[i] = dtype.Code switch
                {
                    DTypeCode.Bool or DTypeCode.UInt8 => p[i],
                    DTypeCode.Int8 => ((sbyte*)p)[i],
                    DTypeCode.Int16 => ((short*)p)[i],
                    DTypeCode.Int32 => ((int*)p)[i],
                    DTypeCode.Int64 => ((long*)p)[i],
                    DTypeCode.Float16 => (double)((Half*)p)[i],
                    DTypeCode.Float32 => ((float*)p)[i],
                    DTypeCode.Float64 => ((double*)p)[i],
                    DTypeCode.Complex64 => ((Complex64*)p)[i].Real,
                    _ => ((Complex*)p)[i].Real,
                };
            }
        }
        return r;
    }

    /// <summary>A new contiguous tensor holding <paramref name="values"/> converted to <paramref name="dtype"/> on the host.</summary>
    public static LocalTensor Make(ITensorBackend backend, DType dtype, long[] shape, double[] values)
    {
        Assert.Equal(Shapes.Numel(shape), values.Length);
        var t = backend.Empty(shape, dtype);
        var bytes = Encode(dtype, values);
        fixed (byte* p = bytes) backend.CopyFromHost(p, t);
        return t;
    }

    /// <summary>The elements of <paramref name="t"/> in row-major order as doubles.</summary>
    public static double[] Read(LocalTensor t)
    {
        var bytes = new byte[t.Numel * t.DType.ItemSize];
        fixed (byte* p = bytes) t.Backend.CopyToHost(t, p);
        return Decode(t.DType, bytes);
    }

    /// <summary>The values a view shows, from the row-major host values of its (contiguous, offset 0) base.</summary>
    public static double[] ViewValues(LocalTensor view, double[] baseValues)
    {
        var shape = view.Shape.ToArray(); var strides = view.Strides.ToArray();
        long n = view.Numel;
        var r = new double[n];
        var idx = new long[shape.Length];
        for (long i = 0; i < n; i++)
        {
            long off = view.Offset;
            for (int d = 0; d < shape.Length; d++) off += idx[d] * strides[d];
            r[i] = baseValues[off];
            for (int d = shape.Length - 1; d >= 0; d--) { if (++idx[d] < shape[d]) break; idx[d] = 0; }
        }
        return r;
    }

    /// <summary>Deterministic test values suited to the dtype (small integers, non-negative for uint8, 0/1 for bool).</summary>
    public static double[] Values(DType dtype, long count, int seed, double lo = -9, double hi = 9)
    {
        var rng = new Random(seed);
        var r = new double[count];
        for (long i = 0; i < count; i++)
        {
            r[i] = dtype.Code switch
            {
                DTypeCode.Bool => rng.Next(2),
                DTypeCode.UInt8 => rng.Next((int)Math.Max(0, lo), (int)hi + 1),
                DTypeCode.Float16 => (double)(Half)Math.Round(lo + (hi - lo) * rng.NextDouble(), 2),
                DTypeCode.Float32 => (float)Math.Round(lo + (hi - lo) * rng.NextDouble(), 2),
                DTypeCode.Float64 or DTypeCode.Complex128 or DTypeCode.Complex64 => Math.Round(lo + (hi - lo) * rng.NextDouble(), 3),
                _ => rng.Next((int)lo, (int)hi + 1),
            };
        }
        return r;
    }

    /// <summary>Wraps an exact integer result to the dtype's range as C casts do (identity for floats; bool: != 0).</summary>
    public static double Wrap(DType dtype, double v) => dtype.Code switch
    {
        DTypeCode.Bool => v != 0 ? 1 : 0,
        DTypeCode.UInt8 => unchecked((byte)(long)v),
        DTypeCode.Int8 => unchecked((sbyte)(long)v),
        DTypeCode.Int16 => unchecked((short)(long)v),
        DTypeCode.Int32 => unchecked((int)(long)v),
        DTypeCode.Int64 => (long)v,
        DTypeCode.Float16 => (double)(Half)v,
        DTypeCode.Float32 => (float)v,
        _ => v,
    };

    /// <summary>Relative tolerance for comparing a result of <paramref name="dtype"/> with a double reference.</summary>
    public static double Tolerance(DType dtype) => dtype.Code switch
    {
        DTypeCode.Float16 => 2e-3, // a few float16 roundings (eps 2^-10)
        DTypeCode.Float32 or DTypeCode.Complex64 => 2e-5,
        DTypeCode.Float64 or DTypeCode.Complex128 => 1e-12,
        _ => 0,
    };

    /// <summary>Asserts element-wise agreement (NaN equals NaN; exact for integers and bool).</summary>
    public static void AssertClose(double[] expected, double[] actual, DType dtype, string context, double? tolerance = null)
    {
        Assert.True(expected.Length == actual.Length, $"{context}: expected {expected.Length} elements, got {actual.Length}.");
        double tol = tolerance ?? Tolerance(dtype);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e) && double.IsNaN(a)) continue;
            if (e == a) continue;
            bool ok = tol > 0 && !double.IsNaN(a) && !double.IsInfinity(e) && Math.Abs(e - a) <= tol * Math.Max(1, Math.Abs(e));
            Assert.True(ok, $"{context}: element {i} expected {e:R}, got {a:R} ({dtype}).");
        }
    }

    /// <summary>Shapes every element-wise test runs on: empty, 0-d, 1-d, 2-d and 3-d.</summary>
    public static readonly long[][] Shapes_ = [[0], [], [1], [7], [3, 5], [2, 3, 4], [4, 0, 3]];

    /// <summary>Reads complex values (real, imaginary) of a complex tensor.</summary>
    public static Complex[] ReadComplex(LocalTensor t)
    {
        var bytes = new byte[t.Numel * t.DType.ItemSize];
        fixed (byte* p = bytes) t.Backend.CopyToHost(t, p);
        if (t.DType == DType.Complex128) return MemoryMarshal.Cast<byte, Complex>(bytes).ToArray();
        return MemoryMarshal.Cast<byte, Complex64>(bytes).ToArray().Select(c => (Complex)c).ToArray();
    }

    /// <summary>A new complex tensor with the given values.</summary>
    public static LocalTensor MakeComplex(ITensorBackend backend, DType dtype, long[] shape, Complex[] values)
    {
        var t = backend.Empty(shape, dtype);
        if (dtype == DType.Complex128) { fixed (Complex* p = values) backend.CopyFromHost(p, t); }
        else
        {
            var narrow = values.Select(c => (Complex64)c).ToArray();
            fixed (Complex64* p = narrow) backend.CopyFromHost(p, t);
        }
        return t;
    }
}
