// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.Backend.Torch.Interop;

internal static partial class NativeLoader
{
    /// <summary>
    /// Compares the shim's op numbering (hts_ops.h as compiled in) with the C# enums, so a shim built from another
    /// header fails at start-up instead of running the wrong op. Shims without <c>hts_op_count</c> are not checked.
    /// </summary>
    /// <exception cref="BackendUnavailableException">A family's names differ.</exception>
    private static void CheckOpNumbering(nint handle, string? path)
    {
        if (!NativeLibrary.TryGetExport(handle, "hts_op_count", out _)) return;
        for (int family = 0; family < ShimOpHeader.Families.Length; family++)
        {
            var type = ShimOpHeader.Families[family].Enum;
            var expected = ShimOpHeader.Members(type).Select(m => m.Name).ToArray();
            var actual = TorchNative.OpNames(family);
            if (!expected.SequenceEqual(actual))
                throw new BackendUnavailableException(
                    $"The libtorch shim {path} numbers {type.Name} as [{string.Join(", ", actual)}], but Heat.Backend.Torch as " +
                    $"[{string.Join(", ", expected)}]: it was built from another native/heat_torch/{ShimOpHeader.FileName}. Rebuild it " +
                    $"(dotnet build, or cmake on native/heat_torch) or point {PathVariable} at a matching one.");
        }
    }
}
