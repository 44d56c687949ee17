// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/relational.py
public static partial class ht
{
    /// <summary>x1 == x2 as bool.</summary>
    public static DNDarray eq(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Equal, x1, x2);
    /// <summary>x1 == x2 as bool.</summary>
    public static DNDarray eq(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Equal, x1, x2, scalarFirst: false);
    /// <summary>x1 == x2 as bool.</summary>
    public static DNDarray eq(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Equal, x2, x1, scalarFirst: true);
    /// <summary>x1 != x2 as bool.</summary>
    public static DNDarray ne(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.NotEqual, x1, x2);
    /// <summary>x1 != x2 as bool.</summary>
    public static DNDarray ne(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.NotEqual, x1, x2, scalarFirst: false);
    /// <summary>x1 != x2 as bool.</summary>
    public static DNDarray ne(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.NotEqual, x2, x1, scalarFirst: true);
    /// <summary>x1 &lt; x2 as bool.</summary>
    public static DNDarray lt(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Less, x1, x2);
    /// <summary>x1 &lt; x2 as bool.</summary>
    public static DNDarray lt(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Less, x1, x2, scalarFirst: false);
    /// <summary>x1 &lt; x2 as bool.</summary>
    public static DNDarray lt(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Less, x2, x1, scalarFirst: true);
    /// <summary>x1 &lt;= x2 as bool.</summary>
    public static DNDarray le(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.LessEqual, x1, x2);
    /// <summary>x1 &lt;= x2 as bool.</summary>
    public static DNDarray le(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.LessEqual, x1, x2, scalarFirst: false);
    /// <summary>x1 &lt;= x2 as bool.</summary>
    public static DNDarray le(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.LessEqual, x2, x1, scalarFirst: true);
    /// <summary>x1 &gt; x2 as bool.</summary>
    public static DNDarray gt(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.Greater, x1, x2);
    /// <summary>x1 &gt; x2 as bool.</summary>
    public static DNDarray gt(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.Greater, x1, x2, scalarFirst: false);
    /// <summary>x1 &gt; x2 as bool.</summary>
    public static DNDarray gt(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.Greater, x2, x1, scalarFirst: true);
    /// <summary>x1 &gt;= x2 as bool.</summary>
    public static DNDarray ge(DNDarray x1, DNDarray x2) => Elementwise.Binary(BinaryOp.GreaterEqual, x1, x2);
    /// <summary>x1 &gt;= x2 as bool.</summary>
    public static DNDarray ge(DNDarray x1, Scalar x2)
        => Elementwise.BinaryScalar(BinaryOp.GreaterEqual, x1, x2, scalarFirst: false);
    /// <summary>x1 &gt;= x2 as bool.</summary>
    public static DNDarray ge(Scalar x1, DNDarray x2)
        => Elementwise.BinaryScalar(BinaryOp.GreaterEqual, x2, x1, scalarFirst: true);
    /// <summary>
    /// True when both arrays have the same shape and the same elements (HeAT's whole-array <c>equal</c>); a
    /// one-element array equals another one-element array of the same value whatever their shapes.
    /// </summary>
    /// <remarks>
    /// One bool on every rank: the element-wise comparison (<see cref="eq(DNDarray, DNDarray)"/>, which aligns the
    /// splits) and one Allreduce. Shapes that differ give false without communication. Before HeAT 1.4.2 parity this
    /// returned the element-wise array, which is <see cref="eq(DNDarray, DNDarray)"/>.
    /// </remarks>
    public static bool equal(DNDarray x1, DNDarray x2)
    {
        ArgumentNullException.ThrowIfNull(x1);
        ArgumentNullException.ThrowIfNull(x2);
        bool sameShape = x1.shape.AsSpan().SequenceEqual(x2.shape);
        if (!sameShape && !(x1.size == 1 && x2.size == 1)) return false;
        using var elementwise = eq(x1, x2);
        using var every = all(elementwise);
        return every.item<bool>();
    }

    /// <summary>True when <paramref name="x1"/> holds exactly one element and it equals <paramref name="x2"/> (HeAT's
    /// <c>equal</c> of an array and a scalar).</summary>
    /// <remarks>One bool on every rank; an array of more or fewer elements gives false without communication.</remarks>
    public static bool equal(DNDarray x1, Scalar x2)
    {
        ArgumentNullException.ThrowIfNull(x1);
        if (x1.size != 1) return false;
        using var elementwise = eq(x1, x2);
        using var every = all(elementwise);
        return every.item<bool>();
    }

    /// <summary>HeAT's <c>equal</c> of a scalar and an array: <see cref="equal(DNDarray, Scalar)"/>.</summary>
    public static bool equal(Scalar x1, DNDarray x2) => equal(x2, x1);
    /// <summary>Alias of <see cref="ne(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray not_equal(DNDarray x1, DNDarray x2) => ne(x1, x2);
    /// <summary>Alias of <see cref="ne(DNDarray, Scalar)"/>.</summary>
    public static DNDarray not_equal(DNDarray x1, Scalar x2) => ne(x1, x2);
    /// <summary>Alias of <see cref="lt(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray less(DNDarray x1, DNDarray x2) => lt(x1, x2);
    /// <summary>Alias of <see cref="lt(DNDarray, Scalar)"/>.</summary>
    public static DNDarray less(DNDarray x1, Scalar x2) => lt(x1, x2);
    /// <summary>Alias of <see cref="le(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray less_equal(DNDarray x1, DNDarray x2) => le(x1, x2);
    /// <summary>Alias of <see cref="le(DNDarray, Scalar)"/>.</summary>
    public static DNDarray less_equal(DNDarray x1, Scalar x2) => le(x1, x2);
    /// <summary>Alias of <see cref="gt(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray greater(DNDarray x1, DNDarray x2) => gt(x1, x2);
    /// <summary>Alias of <see cref="gt(DNDarray, Scalar)"/>.</summary>
    public static DNDarray greater(DNDarray x1, Scalar x2) => gt(x1, x2);
    /// <summary>Alias of <see cref="ge(DNDarray, DNDarray)"/>.</summary>
    public static DNDarray greater_equal(DNDarray x1, DNDarray x2) => ge(x1, x2);
    /// <summary>Alias of <see cref="ge(DNDarray, Scalar)"/>.</summary>
    public static DNDarray greater_equal(DNDarray x1, Scalar x2) => ge(x1, x2);
}
