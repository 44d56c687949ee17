// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat;

// HeAT: heat/core/types.py (the type hierarchy, the aliases and the helpers around it)
public static partial class ht
{
    /// <summary>The root of HeAT's type hierarchy.</summary>
    public static readonly DTypeClass datatype = DTypeClass.Datatype;
    /// <summary>Every numeric type (integers, floats, complex).</summary>
    public static readonly DTypeClass number = DTypeClass.Number;
    /// <summary>The integer types.</summary>
    public static readonly DTypeClass integer = DTypeClass.Integer;
    /// <summary>The signed integer types.</summary>
    public static readonly DTypeClass signedinteger = DTypeClass.SignedInteger;
    /// <summary>The unsigned integer types.</summary>
    public static readonly DTypeClass unsignedinteger = DTypeClass.UnsignedInteger;
    /// <summary>The real floating-point types.</summary>
    public static readonly DTypeClass floating = DTypeClass.Floating;
    /// <summary>The complex types (HeAT's <c>ht.complex</c> class).</summary>
    public static readonly DTypeClass complex = DTypeClass.Complex;
    /// <summary>HeAT's (empty) class of flexible types.</summary>
    public static readonly DTypeClass flexible = DTypeClass.Flexible;

    /// <summary>HeAT's alias of bool.</summary>
    public static readonly DType bool_ = DType.Bool;
    /// <summary>HeAT's alias of uint8.</summary>
    public static readonly DType ubyte = DType.UInt8;
    /// <summary>HeAT's alias of int8 (NumPy's <c>byte</c> is signed).</summary>
    public static readonly DType @byte = DType.Int8;
    /// <summary>HeAT's alias of int16.</summary>
    public static readonly DType @short = DType.Int16;
    /// <summary>HeAT's alias of int32.</summary>
    public static readonly DType @int = DType.Int32;
    /// <summary>HeAT's alias of int32.</summary>
    public static readonly DType int_ = DType.Int32;
    /// <summary>HeAT's alias of int64.</summary>
    public static readonly DType @long = DType.Int64;
    /// <summary>HeAT's alias of float32.</summary>
    public static readonly DType @float = DType.Float32;
    /// <summary>HeAT's alias of float32.</summary>
    public static readonly DType float_ = DType.Float32;
    /// <summary>HeAT's alias of float64.</summary>
    public static readonly DType @double = DType.Float64;
    /// <summary>HeAT's alias of complex64.</summary>
    public static readonly DType cfloat = DType.Complex64;
    /// <summary>HeAT's alias of complex64.</summary>
    public static readonly DType csingle = DType.Complex64;
    /// <summary>HeAT's alias of complex128.</summary>
    public static readonly DType cdouble = DType.Complex128;

    /// <summary>
    /// The dtype a description names: a <see cref="DType"/> itself, HeAT's/NumPy's type codes (<c>"?"</c>, <c>"b"</c>,
    /// <c>"i1"</c>, <c>"h"</c>, <c>"i2"</c>, <c>"i"</c>, <c>"i4"</c>, <c>"l"</c>, <c>"i8"</c>, <c>"B"</c>, <c>"u"</c>,
    /// <c>"u1"</c>, <c>"f"</c>, <c>"f4"</c>, <c>"d"</c>, <c>"f8"</c>, <c>"F"</c>, <c>"c8"</c>, <c>"D"</c>,
    /// <c>"c16"</c>, <c>"bool_"</c>), the dtype names (<c>"float32"</c>) or a .NET element type
    /// (<c>typeof(double)</c> is float64: its width, where HeAT maps Python's <c>float</c> to float32).
    /// </summary>
    /// <exception cref="ArgumentException">The description names no dtype.</exception>
    public static DType canonical_heat_type(object a_type)
    {
        ArgumentNullException.ThrowIfNull(a_type);
        switch (a_type)
        {
            case DType d: return d;
            case Type t:
                foreach (var d in DType.All) if (d.ClrType == t) return d;
                throw new ArgumentException($"data type {t.Name} is not understood.", nameof(a_type));
            case string s:
                var byCode = s switch
                {
                    "?" or "bool_" => DType.Bool,
                    "b" or "i1" => DType.Int8,
                    "h" or "i2" => DType.Int16,
                    "i" or "i4" => DType.Int32,
                    "l" or "i8" => DType.Int64,
                    "B" or "u" or "u1" => DType.UInt8,
                    "e" or "f2" or "half" => DType.Float16,
                    "f" or "f4" => DType.Float32,
                    "d" or "f8" => DType.Float64,
                    "F" or "c8" => DType.Complex64,
                    "D" or "c16" => DType.Complex128,
                    _ => null,
                };
                if (byCode is not null) return byCode;
                foreach (var d in DType.All) if (d.Name == s) return d;
                throw new ArgumentException($"data type \"{s}\" is not understood.", nameof(a_type));
            default:
                throw new ArgumentException($"data type {a_type.GetType().Name} is not understood.", nameof(a_type));
        }
    }

    /// <summary>
    /// The dtype of an object: a DNDarray's dtype, a dtype or type description (<see cref="canonical_heat_type"/>), a
    /// .NET array's element type, or a number as HeAT types Python numbers (<c>bool</c> → bool, <c>int</c> → int32,
    /// <c>long</c> → int64, <c>float</c> and <c>double</c> → float32, complex → complex64).
    /// </summary>
    /// <exception cref="ArgumentException">The type cannot be inferred.</exception>
    public static DType heat_type_of(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj switch
        {
            DNDarray a => a.dtype,
            DType or Type or string => canonical_heat_type(obj),
            bool => DType.Bool,
            byte => DType.UInt8,
            sbyte => DType.Int8,
            short => DType.Int16,
            int => DType.Int32,
            long => DType.Int64,
            Half => DType.Float16,
            float or double => DType.Float32,
            Complex or Complex64 => DType.Complex64,
            Array array => canonical_heat_type(array.GetType().GetElementType()!),
            _ => throw new ArgumentException($"data type of {obj.GetType().Name} is not understood.", nameof(obj)),
        };
    }

    /// <summary>True when <paramref name="arg1"/> is <paramref name="arg2"/> or lies below it in HeAT's type hierarchy
    /// (each a <see cref="DType"/>, a <see cref="DTypeClass"/> such as <c>ht.integer</c>, or a description for
    /// <see cref="canonical_heat_type"/>).</summary>
    /// <exception cref="ArgumentException">An argument names no type.</exception>
    public static bool issubdtype(object arg1, object arg2)
    {
        var (t1, c1) = TypeOrClass(arg1, nameof(arg1));
        var (t2, c2) = TypeOrClass(arg2, nameof(arg2));
        if (t2 is not null) return t1 == t2;
        return (c1 ?? DTypeClass.Of(t1!)).IsWithin(c2!);
    }

    /// <summary>True for the integer dtypes (HeAT's exact types; bool is not one).</summary>
    public static bool heat_type_is_exact(DType ht_dtype) => issubdtype(ht_dtype, integer);
    /// <summary>True for the float and complex dtypes.</summary>
    public static bool heat_type_is_inexact(DType ht_dtype) =>
        issubdtype(ht_dtype, floating) || issubdtype(ht_dtype, complex);
    /// <summary>True for the real floating-point dtypes.</summary>
    public static bool heat_type_is_realfloating(DType ht_dtype) => issubdtype(ht_dtype, floating);
    /// <summary>True for the complex dtypes.</summary>
    public static bool heat_type_is_complexfloating(DType ht_dtype) => issubdtype(ht_dtype, complex);

    /// <summary>Element-wise: true where the imaginary part is not zero (all false for real arrays).</summary>
    /// <remarks>Distributed like <paramref name="x"/>; no communication.</remarks>
    public static DNDarray iscomplex(DNDarray x)
    {
        using var im = imag(x);
        return ne(im, 0);
    }

    /// <summary>Element-wise: true where the imaginary part is zero (all true for real arrays).</summary>
    /// <remarks>Distributed like <paramref name="x"/>; no communication.</remarks>
    public static DNDarray isreal(DNDarray x)
    {
        using var im = imag(x);
        return eq(im, 0);
    }

    /// <summary><see cref="can_cast(DType, DType, string)"/> for any type descriptions or objects
    /// (<see cref="heat_type_of"/>), as HeAT's <c>can_cast(from_, to, casting)</c>.</summary>
    /// <exception cref="ArgumentException">A type is not understood, or an unknown casting rule.</exception>
    public static bool can_cast(object from_, object to, string casting = "intuitive")
        => can_cast(heat_type_of(from_), heat_type_of(to), casting);

    private static (DType? Type, DTypeClass? Class) TypeOrClass(object arg, string name)
    {
        ArgumentNullException.ThrowIfNull(arg, name);
        if (arg is DTypeClass c) return (null, c);
        if (arg is string s)
            foreach (var k in DTypeClass.All)
                if (k.Name == s) return (null, k);
        return (canonical_heat_type(arg), null);
    }
}
