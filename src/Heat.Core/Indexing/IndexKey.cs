// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Heat;

/// <summary>What an <see cref="IndexKey"/> selects.</summary>
public enum IndexKeyKind
{
    /// <summary>One position (the axis disappears).</summary>
    Integer,
    /// <summary>A slice (the axis stays).</summary>
    Slice,
    /// <summary>A new axis of extent 1 (<see cref="ht.newaxis"/>).</summary>
    NewAxis,
    /// <summary>As many full slices as the other keys leave axes (<see cref="ht.ellipsis"/>).</summary>
    Ellipsis,
    /// <summary>A boolean mask or integer array.</summary>
    Advanced,
}

/// <summary>
/// One entry of a multi-axis index <c>x[k0, k1, ...]</c>: converts implicitly from <c>int</c>/<c>long</c> (negative
/// counts from the end), <see cref="Index"/> (<c>^1</c>), <see cref="Range"/> (<c>1..^1</c>), <see cref="Slice"/>
/// (<see cref="ht.slice"/>), and <see cref="ht.newaxis"/> / <see cref="ht.ellipsis"/>. DNDarrays and .NET arrays
/// convert
/// too, for boolean-mask and integer-array indexing.
/// </summary>
public readonly struct IndexKey
{
    private readonly long _value;
    private readonly bool _fromEnd;
    private readonly Slice _slice;
    private readonly object? _advanced;

    private IndexKey(IndexKeyKind kind, long value = 0, bool fromEnd = false, Slice slice = default,
        object? advanced = null)
    {
        Kind = kind; _value = value; _fromEnd = fromEnd; _slice = slice; _advanced = advanced;
    }

    /// <summary>What this key selects.</summary>
    public IndexKeyKind Kind { get; }

    /// <summary>The slice of a <see cref="IndexKeyKind.Slice"/> key.</summary>
    public Slice SliceValue => _slice;

    /// <summary>The new-axis key.</summary>
    public static IndexKey NewAxis { get; } = new(IndexKeyKind.NewAxis);
    /// <summary>The ellipsis key.</summary>
    public static IndexKey Ellipsis { get; } = new(IndexKeyKind.Ellipsis);

    /// <summary>An integer index (negative counts from the end).</summary>
    public static implicit operator IndexKey(long index) => new(IndexKeyKind.Integer, index);
    /// <summary>An integer index (negative counts from the end).</summary>
    public static implicit operator IndexKey(int index) => new(IndexKeyKind.Integer, index);
    /// <summary>A C# index (<c>^k</c> counts from the end).</summary>
    public static implicit operator IndexKey(Index index) => new(IndexKeyKind.Integer, index.Value, index.IsFromEnd);
    /// <summary>A C# range (a step-1 slice).</summary>
    public static implicit operator IndexKey(Range range) => new(IndexKeyKind.Slice, slice: Slice.FromRange(range));
    /// <summary>A slice.</summary>
    public static implicit operator IndexKey(Slice slice) => new(IndexKeyKind.Slice, slice: slice);
    /// <summary>A boolean mask or integer DNDarray.</summary>
    public static implicit operator IndexKey(DNDarray array) => new(IndexKeyKind.Advanced,
        advanced: array ?? throw new ArgumentNullException(nameof(array)));
    /// <summary>An integer array index.</summary>
    public static implicit operator IndexKey(long[] indices) => new(IndexKeyKind.Advanced,
        advanced: indices ?? throw new ArgumentNullException(nameof(indices)));
    /// <summary>An integer array index.</summary>
    public static implicit operator IndexKey(int[] indices) => new(IndexKeyKind.Advanced,
        advanced: indices ?? throw new ArgumentNullException(nameof(indices)));
    /// <summary>A boolean mask.</summary>
    public static implicit operator IndexKey(bool[] mask) => new(IndexKeyKind.Advanced,
        advanced: mask ?? throw new ArgumentNullException(nameof(mask)));

    /// <summary>An integer key as a position in an axis of extent <paramref name="n"/>.</summary>
    /// <exception cref="IndexOutOfRangeException">The index is outside the axis.</exception>
    internal long Resolve(long n, int axis)
    {
        long i = _fromEnd ? n - _value : _value < 0 ? _value + n : _value;
        if (i < 0 || i >= n || (_value == long.MinValue && !_fromEnd))
            throw new IndexOutOfRangeException($"index {this} is out of bounds for axis {axis} with size {n}.");
        return i;
    }

    /// <summary>The DNDarray or .NET array of an <see cref="IndexKeyKind.Advanced"/> key.</summary>
    internal object? AdvancedValue => _advanced;

    /// <summary>The kind of advanced index, for messages.</summary>
    internal string AdvancedDescription => _advanced switch
    {
        DNDarray a when a.dtype == DType.Bool => "boolean mask DNDarray",
        DNDarray => "integer DNDarray",
        bool[] => "boolean mask array",
        _ => "integer array",
    };

    /// <summary>Parses one comma-separated part of the string form: <c>3</c>, <c>-1</c>, <c>1:3</c>, <c>::-2</c>,
    /// <c>...</c>, <c>None</c>/<c>newaxis</c>.</summary>
    /// <exception cref="ArgumentException">The text is none of these.</exception>
    internal static IndexKey Parse(string part, string whole)
    {
        var p = part.Trim();
        if (p == "...") return Ellipsis;
        if (p is "None" or "newaxis" or "np.newaxis" or "ht.newaxis") return NewAxis;
        if (p.Contains(':'))
        {
            var pieces = p.Split(':');
            if (pieces.Length > 3) throw new ArgumentException($"Index string \"{whole}\": '{p}' has more than two "
                + $"':' (expected start:stop:step).", nameof(whole));
            long? Part(int i)
            {
                if (i >= pieces.Length) return null;
                var s = pieces[i].Trim();
                if (s.Length == 0 || s == "None") return null;
                if (!long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
                    throw new ArgumentException($"Index string \"{whole}\": '{s}' in '{p}' is not an "
                        + $"integer.", nameof(whole));
                return v;
            }
            return new Slice(Part(0), Part(1), Part(2));
        }
        if (long.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index)) return index;
        throw new ArgumentException($"Index string \"{whole}\": '{p}' is not an integer, a slice (start:stop:step), "
            + $"'...' or 'None'.", nameof(whole));
    }

    /// <summary>Splits the string form <c>"1:3, ::2, ..."</c> into keys (an empty string selects everything).</summary>
    internal static IndexKey[] ParseAll(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var text = key.Trim();
        if (text.StartsWith('[') && text.EndsWith(']')) text = text[1..^1];
        if (text.Trim().Length == 0) return [];
        var parts = text.Split(',');
        // A trailing comma (as in "1,") is allowed, as in Python.
        if (parts.Length > 1 && parts[^1].Trim().Length == 0) parts = parts[..^1];
        return parts.Select(part => Parse(part, key)).ToArray();
    }

    /// <summary>The key in Python notation.</summary>
    public override string ToString() => Kind switch
    {
        IndexKeyKind.Integer => _fromEnd ? $"^{_value}" : _value.ToString(CultureInfo.InvariantCulture),
        IndexKeyKind.Slice => _slice.ToString(),
        IndexKeyKind.NewAxis => "None",
        IndexKeyKind.Ellipsis => "...",
        _ => AdvancedDescription,
    };
}
