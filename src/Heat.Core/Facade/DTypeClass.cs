// SPDX-License-Identifier: MIT
namespace Heat;

/// <summary>
/// One of HeAT's abstract type classes (<c>ht.datatype</c>, <c>ht.number</c>, <c>ht.integer</c>,
/// <c>ht.signedinteger</c>, <c>ht.unsignedinteger</c>, <c>ht.floating</c>, <c>ht.complex</c>, <c>ht.flexible</c>): the
/// inner nodes of the type hierarchy whose leaves are the dtypes, for <see cref="ht.issubdtype"/>.
/// </summary>
public sealed class DTypeClass
{
    internal DTypeClass(string name, DTypeClass? parent) { Name = name; Parent = parent; }

    /// <summary>HeAT's name, e.g. <c>floating</c>.</summary>
    public string Name { get; }

    /// <summary>The class above this one (null for <c>datatype</c>).</summary>
    public DTypeClass? Parent { get; }

    internal static readonly DTypeClass Datatype = new("datatype", null);
    internal static readonly DTypeClass Number = new("number", Datatype);
    internal static readonly DTypeClass Integer = new("integer", Number);
    internal static readonly DTypeClass SignedInteger = new("signedinteger", Integer);
    internal static readonly DTypeClass UnsignedInteger = new("unsignedinteger", Integer);
    internal static readonly DTypeClass Floating = new("floating", Number);
    internal static readonly DTypeClass Complex = new("complex", Number);
    internal static readonly DTypeClass Flexible = new("flexible", Datatype);

    /// <summary>Every class, parents before children.</summary>
    internal static IReadOnlyList<DTypeClass> All { get; } =
        [Datatype, Number, Integer, SignedInteger, UnsignedInteger, Floating, Complex, Flexible];

    /// <summary>The class directly above a dtype (bool sits right under <c>datatype</c>, as in HeAT).</summary>
    internal static DTypeClass Of(DType dtype) => dtype.Kind switch
    {
        DTypeKind.Bool => Datatype,
        DTypeKind.Unsigned => UnsignedInteger,
        DTypeKind.Signed => SignedInteger,
        DTypeKind.Float => Floating,
        _ => Complex,
    };

    /// <summary>True when <paramref name="other"/> is this class or one of its ancestors.</summary>
    internal bool IsWithin(DTypeClass other)
    {
        for (var c = this; c is not null; c = c.Parent)
            if (c == other) return true;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
