// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Backend.Managed.LocalReductions;

/// <summary>The checks every local reduction kernel makes on its operands: host memory, contiguous, a dtype.</summary>
internal static class HostOperands
{
    /// <summary>
    /// Throws unless <paramref name="t"/> is contiguous host memory of one of <paramref name="types"/>.
    /// </summary>
    public static void Require(LocalTensor t, string name, params DTypeCode[] types)
    {
        if (t.Numel > 0 && t.HostPointer == 0)
            throw new ArgumentException($"{name} is not in host memory (stage it through host copies).", name);
        if (!t.IsContiguous) throw new ArgumentException($"{name} must be contiguous.", name);
        if (!types.Contains(t.DType.Code)) throw new ArgumentException($"{name} has dtype {t.DType}; expected {string.Join(" or ", types)}.", name);
    }
}
