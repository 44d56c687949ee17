// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat;

// HeAT: heat/core/linalg/basics.py (matmul, dot)
public static partial class ht
{
    /// <summary>
    /// Matrix product with NumPy's rules for vectors and batches, for every split pair: the result is split 0 for
    /// 00/01/0N/N0, 1 for 10/11/1N/N1, None for NN (HeAT's table). Inputs are never resplit in place.
    /// </summary>
    /// <exception cref="ArgumentException">The inner dimensions differ, or an operand is 0-d.</exception>
    public static DNDarray matmul(DNDarray a, DNDarray b) => Linalg.Matmul.Product(a, b);
}

public sealed partial class DNDarray
{
    /// <summary>Matrix product (see <see cref="ht.matmul"/>).</summary>
    public DNDarray matmul(DNDarray other) => ht.matmul(this, other);
}
