// SPDX-License-Identifier: MIT
namespace Heat;

// C# operators: NumPy semantics (/ is true division, % is floor modulo, comparisons give bool arrays).
public sealed partial class DNDarray
{
    /// <summary>Reference equality (<c>==</c> compares elements and returns a DNDarray, as in HeAT).</summary>
    public override bool Equals(object? obj) => ReferenceEquals(this, obj);
    /// <summary>A reference-based hash code.</summary>
    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <summary><c>ht.add</c>.</summary>
    public static DNDarray operator +(DNDarray x1, DNDarray x2) => ht.add(x1, x2);
    /// <summary><c>ht.add</c> with a scalar.</summary>
    public static DNDarray operator +(DNDarray x1, Scalar x2) => ht.add(x1, x2);
    /// <summary><c>ht.add</c> with a scalar on the left.</summary>
    public static DNDarray operator +(Scalar x1, DNDarray x2) => ht.add(x1, x2);
    /// <summary><c>ht.sub</c>.</summary>
    public static DNDarray operator -(DNDarray x1, DNDarray x2) => ht.sub(x1, x2);
    /// <summary><c>ht.sub</c> with a scalar.</summary>
    public static DNDarray operator -(DNDarray x1, Scalar x2) => ht.sub(x1, x2);
    /// <summary><c>ht.sub</c> with a scalar on the left.</summary>
    public static DNDarray operator -(Scalar x1, DNDarray x2) => ht.sub(x1, x2);
    /// <summary><c>ht.mul</c>.</summary>
    public static DNDarray operator *(DNDarray x1, DNDarray x2) => ht.mul(x1, x2);
    /// <summary><c>ht.mul</c> with a scalar.</summary>
    public static DNDarray operator *(DNDarray x1, Scalar x2) => ht.mul(x1, x2);
    /// <summary><c>ht.mul</c> with a scalar on the left.</summary>
    public static DNDarray operator *(Scalar x1, DNDarray x2) => ht.mul(x1, x2);
    /// <summary><c>ht.div</c>.</summary>
    public static DNDarray operator /(DNDarray x1, DNDarray x2) => ht.div(x1, x2);
    /// <summary><c>ht.div</c> with a scalar.</summary>
    public static DNDarray operator /(DNDarray x1, Scalar x2) => ht.div(x1, x2);
    /// <summary><c>ht.div</c> with a scalar on the left.</summary>
    public static DNDarray operator /(Scalar x1, DNDarray x2) => ht.div(x1, x2);
    /// <summary><c>ht.remainder</c>.</summary>
    public static DNDarray operator %(DNDarray x1, DNDarray x2) => ht.remainder(x1, x2);
    /// <summary><c>ht.remainder</c> with a scalar.</summary>
    public static DNDarray operator %(DNDarray x1, Scalar x2) => ht.remainder(x1, x2);
    /// <summary><c>ht.remainder</c> with a scalar on the left.</summary>
    public static DNDarray operator %(Scalar x1, DNDarray x2) => ht.remainder(x1, x2);
    /// <summary><c>ht.bitwise_and</c>.</summary>
    public static DNDarray operator &(DNDarray x1, DNDarray x2) => ht.bitwise_and(x1, x2);
    /// <summary><c>ht.bitwise_and</c> with a scalar.</summary>
    public static DNDarray operator &(DNDarray x1, Scalar x2) => ht.bitwise_and(x1, x2);
    /// <summary><c>ht.bitwise_and</c> with a scalar on the left.</summary>
    public static DNDarray operator &(Scalar x1, DNDarray x2) => ht.bitwise_and(x1, x2);
    /// <summary><c>ht.bitwise_or</c>.</summary>
    public static DNDarray operator |(DNDarray x1, DNDarray x2) => ht.bitwise_or(x1, x2);
    /// <summary><c>ht.bitwise_or</c> with a scalar.</summary>
    public static DNDarray operator |(DNDarray x1, Scalar x2) => ht.bitwise_or(x1, x2);
    /// <summary><c>ht.bitwise_or</c> with a scalar on the left.</summary>
    public static DNDarray operator |(Scalar x1, DNDarray x2) => ht.bitwise_or(x1, x2);
    /// <summary><c>ht.bitwise_xor</c>.</summary>
    public static DNDarray operator ^(DNDarray x1, DNDarray x2) => ht.bitwise_xor(x1, x2);
    /// <summary><c>ht.bitwise_xor</c> with a scalar.</summary>
    public static DNDarray operator ^(DNDarray x1, Scalar x2) => ht.bitwise_xor(x1, x2);
    /// <summary><c>ht.bitwise_xor</c> with a scalar on the left.</summary>
    public static DNDarray operator ^(Scalar x1, DNDarray x2) => ht.bitwise_xor(x1, x2);
    /// <summary><c>ht.eq</c>.</summary>
    public static DNDarray operator ==(DNDarray x1, DNDarray x2) => ht.eq(x1, x2);
    /// <summary><c>ht.eq</c> with a scalar.</summary>
    public static DNDarray operator ==(DNDarray x1, Scalar x2) => ht.eq(x1, x2);
    /// <summary><c>ht.eq</c> with a scalar on the left.</summary>
    public static DNDarray operator ==(Scalar x1, DNDarray x2) => ht.eq(x1, x2);
    /// <summary><c>ht.ne</c>.</summary>
    public static DNDarray operator !=(DNDarray x1, DNDarray x2) => ht.ne(x1, x2);
    /// <summary><c>ht.ne</c> with a scalar.</summary>
    public static DNDarray operator !=(DNDarray x1, Scalar x2) => ht.ne(x1, x2);
    /// <summary><c>ht.ne</c> with a scalar on the left.</summary>
    public static DNDarray operator !=(Scalar x1, DNDarray x2) => ht.ne(x1, x2);
    /// <summary><c>ht.lt</c>.</summary>
    public static DNDarray operator <(DNDarray x1, DNDarray x2) => ht.lt(x1, x2);
    /// <summary><c>ht.lt</c> with a scalar.</summary>
    public static DNDarray operator <(DNDarray x1, Scalar x2) => ht.lt(x1, x2);
    /// <summary><c>ht.lt</c> with a scalar on the left.</summary>
    public static DNDarray operator <(Scalar x1, DNDarray x2) => ht.lt(x1, x2);
    /// <summary><c>ht.le</c>.</summary>
    public static DNDarray operator <=(DNDarray x1, DNDarray x2) => ht.le(x1, x2);
    /// <summary><c>ht.le</c> with a scalar.</summary>
    public static DNDarray operator <=(DNDarray x1, Scalar x2) => ht.le(x1, x2);
    /// <summary><c>ht.le</c> with a scalar on the left.</summary>
    public static DNDarray operator <=(Scalar x1, DNDarray x2) => ht.le(x1, x2);
    /// <summary><c>ht.gt</c>.</summary>
    public static DNDarray operator >(DNDarray x1, DNDarray x2) => ht.gt(x1, x2);
    /// <summary><c>ht.gt</c> with a scalar.</summary>
    public static DNDarray operator >(DNDarray x1, Scalar x2) => ht.gt(x1, x2);
    /// <summary><c>ht.gt</c> with a scalar on the left.</summary>
    public static DNDarray operator >(Scalar x1, DNDarray x2) => ht.gt(x1, x2);
    /// <summary><c>ht.ge</c>.</summary>
    public static DNDarray operator >=(DNDarray x1, DNDarray x2) => ht.ge(x1, x2);
    /// <summary><c>ht.ge</c> with a scalar.</summary>
    public static DNDarray operator >=(DNDarray x1, Scalar x2) => ht.ge(x1, x2);
    /// <summary><c>ht.ge</c> with a scalar on the left.</summary>
    public static DNDarray operator >=(Scalar x1, DNDarray x2) => ht.ge(x1, x2);
    /// <summary>Negation.</summary>
    public static DNDarray operator -(DNDarray x) => ht.neg(x);
    /// <summary>Bitwise not.</summary>
    public static DNDarray operator ~(DNDarray x) => ht.invert(x);
    /// <summary>Unary plus (a copy).</summary>
    public static DNDarray operator +(DNDarray x) => x.astype(x.dtype);
    /// <summary>Element-wise left shift.</summary>
    public static DNDarray operator <<(DNDarray x1, DNDarray x2) => ht.left_shift(x1, x2);
    /// <summary>Element-wise left shift by a scalar.</summary>
    public static DNDarray operator <<(DNDarray x1, int x2) => ht.left_shift(x1, x2);
    /// <summary>Element-wise right shift.</summary>
    public static DNDarray operator >>(DNDarray x1, DNDarray x2) => ht.right_shift(x1, x2);
    /// <summary>Element-wise right shift by a scalar.</summary>
    public static DNDarray operator >>(DNDarray x1, int x2) => ht.right_shift(x1, x2);
}
