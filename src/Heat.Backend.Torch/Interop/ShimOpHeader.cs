// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Text;
using Heat.Abstractions;

namespace Heat.Backend.Torch.Interop;

/// <summary>
/// Writes <c>native/heat_torch/hts_ops.h</c>, the shim's numbering of dtypes and ops, from the C# enums: one X-macro
/// list
/// per family, <c>X(name, code)</c> in code order. The checked-in header must equal <see cref="Generate"/> (a test says
/// so), and the shim reports its lists back through <c>hts_op_name</c>, so the two sides cannot drift apart.
/// </summary>
internal static class ShimOpHeader
{
    /// <summary>The header's file name in <c>native/heat_torch</c>.</summary>
    public const string FileName = "hts_ops.h";

    /// <summary>The families in <c>hts_op_name</c>'s family order: the macro name and the enum it lists.</summary>
    public static readonly (string Macro, Type Enum)[] Families =
    [
        ("HTS_DTYPES", typeof(DTypeCode)),
        ("HTS_BINARY_OPS", typeof(BinaryOp)),
        ("HTS_UNARY_OPS", typeof(UnaryOp)),
        ("HTS_REDUCE_KINDS", typeof(ReduceKind)),
        ("HTS_ARGREDUCE_KINDS", typeof(ArgReduceKind)),
    ];

    /// <summary>The members of a family's enum as (name, code), in code order.</summary>
    public static IEnumerable<(string Name, int Code)> Members(Type enumType) =>
        Enum.GetValues(enumType).Cast<object>().Select(v => (Enum.GetName(enumType, v)!, Convert.ToInt32(v, null))).OrderBy(m => m.Item2);

    /// <summary>The header text.</summary>
    public static string Generate()
    {
        var s = new StringBuilder();
        s.Append("/* SPDX-License-Identifier: MIT */\n");
        s.Append("/* Generated from the C# enums by src/Heat.Backend.Torch/Interop/ShimOpHeader.cs: do not edit. ShimOpHeaderTests\n");
        s.Append("   fails when this file and the enums disagree (HEAT_WRITE_SHIM_HEADER=1 makes it rewrite the file). Each list is\n");
        s.Append("   X(name, code) in code order; family k of hts_op_name is the k-th list. */\n");
        s.Append("#ifndef HTS_OPS_H\n#define HTS_OPS_H\n");
        foreach (var (macro, type) in Families)
        {
            s.Append(CultureInfo.InvariantCulture, $"\n/* {type.Name} */\n#define {macro}(X)");
            foreach (var (name, code) in Members(type)) s.Append(CultureInfo.InvariantCulture, $" \\\n  X({name}, {code})");
            s.Append('\n');
        }
        s.Append("\n#endif\n");
        return s.ToString();
    }
}
