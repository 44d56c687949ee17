// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.ILGPU.Kernels;

/// <summary>
/// How a kernel reads and writes one element type: every real dtype converts to and from float64 (floating paths) and
/// int64 (integer paths). Implemented by empty structs, so ILGPU specialises each kernel per element type.
/// </summary>
internal interface IElem<T> where T : unmanaged
{
    double F(T v);
    long I(T v);
    T FromF(double v);
    T FromI(long v);
}

internal readonly struct EBool : IElem<byte>
{
    public double F(byte v) => v != 0 ? 1 : 0;
    public long I(byte v) => v != 0 ? 1 : 0;
    public byte FromF(double v) => v != 0 ? (byte)1 : (byte)0;
    public byte FromI(long v) => v != 0 ? (byte)1 : (byte)0;
}

internal readonly struct EU8 : IElem<byte>
{
    public double F(byte v) => v;
    public long I(byte v) => v;
    public byte FromF(double v) => (byte)(long)v;
    public byte FromI(long v) => (byte)v;
}

internal readonly struct EI8 : IElem<sbyte>
{
    public double F(sbyte v) => v;
    public long I(sbyte v) => v;
    public sbyte FromF(double v) => (sbyte)(long)v;
    public sbyte FromI(long v) => (sbyte)v;
}

internal readonly struct EI16 : IElem<short>
{
    public double F(short v) => v;
    public long I(short v) => v;
    public short FromF(double v) => (short)(long)v;
    public short FromI(long v) => (short)v;
}

internal readonly struct EI32 : IElem<int>
{
    public double F(int v) => v;
    public long I(int v) => v;
    public int FromF(double v) => (int)(long)v;
    public int FromI(long v) => (int)v;
}

internal readonly struct EI64 : IElem<long>
{
    public double F(long v) => v;
    public long I(long v) => v;
    public long FromF(double v) => (long)v;
    public long FromI(long v) => v;
}

internal readonly struct EF32 : IElem<float>
{
    public double F(float v) => v;
    public long I(float v) => (long)v;
    public float FromF(double v) => (float)v;
    public float FromI(long v) => v;
}

internal readonly struct EF64 : IElem<double>
{
    public double F(double v) => v;
    public long I(double v) => (long)v;
    public double FromF(double v) => v;
    public double FromI(long v) => v;
}

/// <summary>Native arithmetic of a floating element type (matmul computes in the element's precision).</summary>
internal interface IArith<T> where T : unmanaged
{
    T Zero { get; }
    T MulAdd(T a, T b, T c);
    T Add(T a, T b);
}

internal readonly struct AF32 : IArith<float>
{
    public float Zero => 0f;
    public float MulAdd(float a, float b, float c) => a * b + c;
    public float Add(float a, float b) => a + b;
}

internal readonly struct AF64 : IArith<double>
{
    public double Zero => 0.0;
    public double MulAdd(double a, double b, double c) => a * b + c;
    public double Add(double a, double b) => a + b;
}

/// <summary>A 16-byte element (complex128) moved by the raw copy kernels.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Raw16
{
    public long Lo, Hi;
}
