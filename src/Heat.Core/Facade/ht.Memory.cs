// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/memory.py
public static partial class ht
{
    /// <summary>A copy with the same distribution.</summary>
    public static DNDarray copy(DNDarray a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.astype(a.dtype, copy: true);
    }
}
