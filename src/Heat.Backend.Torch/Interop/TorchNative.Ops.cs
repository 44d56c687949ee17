// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace Heat.Backend.Torch.Interop;

internal static unsafe partial class TorchNative
{
    /// <summary>How many codes the shim knows in a family of <see cref="ShimOpHeader.Families"/>.</summary>
    [LibraryImport(Lib)] internal static partial int hts_op_count(int family, out int count);

    /// <summary>The shim's name for a code (a static string).</summary>
    [LibraryImport(Lib)] internal static partial int hts_op_name(int family, int code, out nint name);

    /// <summary>The shim's names of a family's codes, in code order.</summary>
    public static string[] OpNames(int family)
    {
        Check(hts_op_count(family, out int count), "hts_op_count");
        var names = new string[count];
        for (int code = 0; code < count; code++)
        {
            Check(hts_op_name(family, code, out nint name), "hts_op_name");
            names[code] = Marshal.PtrToStringUTF8(name) ?? "";
        }
        return names;
    }
}
