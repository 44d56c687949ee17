// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Heat.Abstractions;

/// <summary>The built-in reductions, matching MPI's predefined operations.</summary>
public enum ReduceKind
{
    /// <summary>Sum (neutral 0).</summary>
    Sum,
    /// <summary>Product (neutral 1).</summary>
    Prod,
    /// <summary>Minimum (neutral: the type's largest value); NaN propagates.</summary>
    Min,
    /// <summary>Maximum (neutral: the type's smallest value); NaN propagates.</summary>
    Max,
    /// <summary>Logical and (neutral true).</summary>
    LAnd,
    /// <summary>Logical or (neutral false).</summary>
    LOr,
    /// <summary>Bitwise and (neutral all ones).</summary>
    BAnd,
    /// <summary>Bitwise or (neutral 0).</summary>
    BOr,
    /// <summary>Bitwise exclusive or (neutral 0).</summary>
    BXor,
    /// <summary>A user-defined operation.</summary>
    User,
}

/// <summary>Combines <paramref name="input"/> into <paramref name="inout"/> element-wise: <c>inout[i] = input[i] op inout[i]</c> (MPI's convention).</summary>
public delegate void ReduceFunc<T>(ReadOnlySpan<T> input, Span<T> inout) where T : unmanaged;

/// <summary>A reduction operation with its neutral element (the value an empty chunk contributes).</summary>
public class ReduceOp
{
    private protected ReduceOp(ReduceKind kind, string name, bool commutative) { Kind = kind; Name = name; IsCommutative = commutative; }

    /// <summary>Which built-in operation this is, or <see cref="ReduceKind.User"/>.</summary>
    public ReduceKind Kind { get; }
    /// <summary>A readable name (used in error messages and collective-mismatch checks).</summary>
    public string Name { get; }
    /// <summary>Whether operand order may be changed.</summary>
    public bool IsCommutative { get; }

    /// <summary>Sum.</summary>
    public static readonly ReduceOp Sum = new(ReduceKind.Sum, "sum", true);
    /// <summary>Product.</summary>
    public static readonly ReduceOp Prod = new(ReduceKind.Prod, "prod", true);
    /// <summary>Minimum.</summary>
    public static readonly ReduceOp Min = new(ReduceKind.Min, "min", true);
    /// <summary>Maximum.</summary>
    public static readonly ReduceOp Max = new(ReduceKind.Max, "max", true);
    /// <summary>Logical and.</summary>
    public static readonly ReduceOp LAnd = new(ReduceKind.LAnd, "land", true);
    /// <summary>Logical or.</summary>
    public static readonly ReduceOp LOr = new(ReduceKind.LOr, "lor", true);
    /// <summary>Bitwise and.</summary>
    public static readonly ReduceOp BAnd = new(ReduceKind.BAnd, "band", true);
    /// <summary>Bitwise or.</summary>
    public static readonly ReduceOp BOr = new(ReduceKind.BOr, "bor", true);
    /// <summary>Bitwise exclusive or.</summary>
    public static readonly ReduceOp BXor = new(ReduceKind.BXor, "bxor", true);

    /// <summary>Creates a user-defined operation for element type <typeparamref name="T"/>.</summary>
    /// <param name="name">A name, used in error messages.</param>
    /// <param name="combine">The element-wise combination, <c>inout[i] = input[i] op inout[i]</c>.</param>
    /// <param name="identity">The neutral element.</param>
    /// <param name="commutative">Whether the operation is commutative.</param>
    public static ReduceOp Create<T>(string name, ReduceFunc<T> combine, T identity, bool commutative = true) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(combine);
        return new UserReduceOp<T>(name, combine, identity, commutative);
    }

    /// <summary>The neutral element for element type <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException">The operation is undefined for the type (e.g. bitwise ops on floats).</exception>
    public virtual T Identity<T>() where T : unmanaged
    {
        if (Kind == ReduceKind.Sum || Kind == ReduceKind.BOr || Kind == ReduceKind.BXor || Kind == ReduceKind.LOr) return default;
        if (Kind == ReduceKind.Prod || Kind == ReduceKind.LAnd) return Scalar.FromInt(1).To<T>();
        if (Kind == ReduceKind.BAnd) { CheckBitwise<T>(); return Scalar.FromInt(-1).To<T>(); }
        if (Kind == ReduceKind.Min) return Extreme<T>(max: true);
        if (Kind == ReduceKind.Max) return Extreme<T>(max: false);
        throw new NotSupportedException($"Reduction {Name} has no identity for {typeof(T).Name}.");
    }

    /// <summary>Combines <paramref name="input"/> into <paramref name="inout"/>: <c>inout[i] = input[i] op inout[i]</c>.</summary>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    /// <exception cref="NotSupportedException">The operation is undefined for the type.</exception>
    public virtual void Combine<T>(ReadOnlySpan<T> input, Span<T> inout) where T : unmanaged
    {
        if (input.Length != inout.Length)
            throw new ArgumentException($"Reduction {Name}: input has {input.Length} elements, inout {inout.Length}.", nameof(inout));
        if (typeof(T) == typeof(float)) { CombineFloat(Cast<T, float>(input), Cast<T, float>(inout)); return; }
        if (typeof(T) == typeof(double)) { CombineFloat(Cast<T, double>(input), Cast<T, double>(inout)); return; }
        if (typeof(T) == typeof(bool)) { CombineBool(Cast<T, bool>(input), Cast<T, bool>(inout)); return; }
        if (typeof(T) == typeof(byte)) { CombineInt(Cast<T, byte>(input), Cast<T, byte>(inout)); return; }
        if (typeof(T) == typeof(sbyte)) { CombineInt(Cast<T, sbyte>(input), Cast<T, sbyte>(inout)); return; }
        if (typeof(T) == typeof(short)) { CombineInt(Cast<T, short>(input), Cast<T, short>(inout)); return; }
        if (typeof(T) == typeof(int)) { CombineInt(Cast<T, int>(input), Cast<T, int>(inout)); return; }
        if (typeof(T) == typeof(long)) { CombineInt(Cast<T, long>(input), Cast<T, long>(inout)); return; }
        if (typeof(T) == typeof(ushort)) { CombineInt(Cast<T, ushort>(input), Cast<T, ushort>(inout)); return; }
        if (typeof(T) == typeof(uint)) { CombineInt(Cast<T, uint>(input), Cast<T, uint>(inout)); return; }
        if (typeof(T) == typeof(ulong)) { CombineInt(Cast<T, ulong>(input), Cast<T, ulong>(inout)); return; }
        if (typeof(T) == typeof(Complex)) { CombineComplex(Cast<T, Complex>(input), Cast<T, Complex>(inout)); return; }
        if (typeof(T) == typeof(Complex64)) { CombineComplex64(Cast<T, Complex64>(input), Cast<T, Complex64>(inout)); return; }
        throw new NotSupportedException($"Reduction {Name} is not defined for element type {typeof(T).Name}.");
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static Span<TTo> Cast<TFrom, TTo>(Span<TFrom> s) where TFrom : unmanaged where TTo : unmanaged => MemoryMarshal.Cast<TFrom, TTo>(s);
    private static ReadOnlySpan<TTo> Cast<TFrom, TTo>(ReadOnlySpan<TFrom> s) where TFrom : unmanaged where TTo : unmanaged => MemoryMarshal.Cast<TFrom, TTo>(s);

    private void CombineFloat<T>(ReadOnlySpan<T> a, Span<T> d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        switch (Kind)
        {
            case ReduceKind.Sum: TensorPrimitives.Add(a, d, d); break;
            case ReduceKind.Prod: TensorPrimitives.Multiply(a, d, d); break;
            case ReduceKind.Min: TensorPrimitives.Min(a, d, d); break;
            case ReduceKind.Max: TensorPrimitives.Max(a, d, d); break;
            case ReduceKind.LAnd: for (int i = 0; i < d.Length; i++) d[i] = a[i] != T.Zero && d[i] != T.Zero ? T.One : T.Zero; break;
            case ReduceKind.LOr: for (int i = 0; i < d.Length; i++) d[i] = a[i] != T.Zero || d[i] != T.Zero ? T.One : T.Zero; break;
            default: throw new NotSupportedException($"Reduction {Name} is not defined for floating-point type {typeof(T).Name}.");
        }
    }

    private void CombineInt<T>(ReadOnlySpan<T> a, Span<T> d) where T : unmanaged, IBinaryInteger<T>
    {
        switch (Kind)
        {
            case ReduceKind.Sum: TensorPrimitives.Add(a, d, d); break;
            case ReduceKind.Prod: TensorPrimitives.Multiply(a, d, d); break;
            case ReduceKind.Min: TensorPrimitives.Min(a, d, d); break;
            case ReduceKind.Max: TensorPrimitives.Max(a, d, d); break;
            case ReduceKind.BAnd: TensorPrimitives.BitwiseAnd(a, d, d); break;
            case ReduceKind.BOr: TensorPrimitives.BitwiseOr(a, d, d); break;
            case ReduceKind.BXor: TensorPrimitives.Xor(a, d, d); break;
            case ReduceKind.LAnd: for (int i = 0; i < d.Length; i++) d[i] = a[i] != T.Zero && d[i] != T.Zero ? T.One : T.Zero; break;
            case ReduceKind.LOr: for (int i = 0; i < d.Length; i++) d[i] = a[i] != T.Zero || d[i] != T.Zero ? T.One : T.Zero; break;
            default: throw new NotSupportedException($"Reduction {Name} is not defined for {typeof(T).Name}.");
        }
    }

    private void CombineBool(ReadOnlySpan<bool> a, Span<bool> d)
    {
        for (int i = 0; i < d.Length; i++)
        {
            d[i] = Kind switch
            {
                ReduceKind.Sum or ReduceKind.LOr or ReduceKind.BOr or ReduceKind.Max => a[i] | d[i],
                ReduceKind.Prod or ReduceKind.LAnd or ReduceKind.BAnd or ReduceKind.Min => a[i] & d[i],
                ReduceKind.BXor => a[i] ^ d[i],
                _ => throw new NotSupportedException($"Reduction {Name} is not defined for bool."),
            };
        }
    }

    private void CombineComplex(ReadOnlySpan<Complex> a, Span<Complex> d)
    {
        if (Kind == ReduceKind.Sum) { for (int i = 0; i < d.Length; i++) d[i] = a[i] + d[i]; return; }
        if (Kind == ReduceKind.Prod) { for (int i = 0; i < d.Length; i++) d[i] = a[i] * d[i]; return; }
        throw new NotSupportedException($"Reduction {Name} is not defined for complex numbers (they are unordered).");
    }

    private void CombineComplex64(ReadOnlySpan<Complex64> a, Span<Complex64> d)
    {
        if (Kind == ReduceKind.Sum) { TensorPrimitives.Add(Cast<Complex64, float>(a), Cast<Complex64, float>(d), Cast<Complex64, float>(d)); return; }
        if (Kind == ReduceKind.Prod) { for (int i = 0; i < d.Length; i++) d[i] = a[i] * d[i]; return; }
        throw new NotSupportedException($"Reduction {Name} is not defined for complex numbers (they are unordered).");
    }

    private void CheckBitwise<T>()
    {
        if (typeof(T) == typeof(float) || typeof(T) == typeof(double) || typeof(T) == typeof(Complex) || typeof(T) == typeof(Complex64))
            throw new NotSupportedException($"Reduction {Name} is not defined for {typeof(T).Name}.");
    }

    private T Extreme<T>(bool max) where T : unmanaged
    {
        object v = typeof(T) switch
        {
            var t when t == typeof(bool) => max,
            var t when t == typeof(byte) => max ? byte.MaxValue : byte.MinValue,
            var t when t == typeof(sbyte) => max ? sbyte.MaxValue : sbyte.MinValue,
            var t when t == typeof(short) => max ? short.MaxValue : short.MinValue,
            var t when t == typeof(int) => max ? int.MaxValue : int.MinValue,
            var t when t == typeof(long) => max ? long.MaxValue : long.MinValue,
            var t when t == typeof(ushort) => max ? ushort.MaxValue : ushort.MinValue,
            var t when t == typeof(uint) => max ? uint.MaxValue : uint.MinValue,
            var t when t == typeof(ulong) => max ? ulong.MaxValue : ulong.MinValue,
            var t when t == typeof(float) => max ? float.PositiveInfinity : float.NegativeInfinity,
            var t when t == typeof(double) => max ? double.PositiveInfinity : double.NegativeInfinity,
            _ => throw new NotSupportedException($"Reduction {Name} is not defined for {typeof(T).Name}."),
        };
        return (T)v;
    }
}

/// <summary>A user-defined reduction bound to one element type.</summary>
internal sealed class UserReduceOp<TElement> : ReduceOp where TElement : unmanaged
{
    private readonly ReduceFunc<TElement> _combine;
    private readonly TElement _identity;

    public UserReduceOp(string name, ReduceFunc<TElement> combine, TElement identity, bool commutative)
        : base(ReduceKind.User, name, commutative) { _combine = combine; _identity = identity; }

    public override T Identity<T>() => typeof(T) == typeof(TElement)
        ? (T)(object)_identity
        : throw new NotSupportedException($"User reduction {Name} is defined for {typeof(TElement).Name}, not {typeof(T).Name}.");

    public override void Combine<T>(ReadOnlySpan<T> input, Span<T> inout)
    {
        if (typeof(T) != typeof(TElement))
            throw new NotSupportedException($"User reduction {Name} is defined for {typeof(TElement).Name}, not {typeof(T).Name}.");
        if (input.Length != inout.Length)
            throw new ArgumentException($"Reduction {Name}: input has {input.Length} elements, inout {inout.Length}.", nameof(inout));
        _combine(MemoryMarshal.Cast<T, TElement>(input), MemoryMarshal.Cast<T, TElement>(inout));
    }
}
