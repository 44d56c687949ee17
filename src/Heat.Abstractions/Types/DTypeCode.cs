// SPDX-License-Identifier: MIT
namespace Heat;

/// <summary>The element type of a tensor, as a switchable code (the order is the promotion order within a kind).</summary>
public enum DTypeCode : byte
{
    /// <summary>Boolean, one byte.</summary>
    Bool,
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8,
    /// <summary>Signed 8-bit integer.</summary>
    Int8,
    /// <summary>Signed 16-bit integer.</summary>
    Int16,
    /// <summary>Signed 32-bit integer.</summary>
    Int32,
    /// <summary>Signed 64-bit integer.</summary>
    Int64,
    /// <summary>IEEE half precision (storage type; backends may compute in float32 and round once).</summary>
    Float16,
    /// <summary>IEEE single precision.</summary>
    Float32,
    /// <summary>IEEE double precision.</summary>
    Float64,
    /// <summary>Two float32 (real, imaginary).</summary>
    Complex64,
    /// <summary>Two float64 (real, imaginary).</summary>
    Complex128,
}

/// <summary>The kind of a dtype, used by promotion and scalar handling.</summary>
public enum DTypeKind : byte
{
    /// <summary>bool.</summary>
    Bool,
    /// <summary>uint8.</summary>
    Unsigned,
    /// <summary>int8 .. int64.</summary>
    Signed,
    /// <summary>float16, float32, float64.</summary>
    Float,
    /// <summary>complex64, complex128.</summary>
    Complex,
}
