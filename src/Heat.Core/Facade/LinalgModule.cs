// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/linalg/__init__.py (the linalg namespace)
public static partial class ht
{
    /// <summary>Linear algebra: <c>ht.linalg.matmul</c>, <c>dot</c>, <c>outer</c>, <c>vdot</c>, <c>trace</c>,
    /// ...</summary>
    public static readonly LinalgModule linalg = new();
}

/// <summary>
/// <c>ht.linalg</c>, HeAT's linear-algebra namespace. The basics are also on the facade (<c>ht.matmul</c>, as in HeAT);
/// both names run the same code.
/// </summary>
public sealed partial class LinalgModule
{
    internal LinalgModule() { }

    /// <inheritdoc cref="ht.matmul(DNDarray, DNDarray)"/>
    public DNDarray matmul(DNDarray a, DNDarray b) => ht.matmul(a, b);

    /// <inheritdoc cref="ht.dot(DNDarray, DNDarray)"/>
    public DNDarray dot(DNDarray a, DNDarray b) => ht.dot(a, b);

    /// <inheritdoc cref="ht.outer(DNDarray, DNDarray)"/>
    public DNDarray outer(DNDarray a, DNDarray b) => ht.outer(a, b);

    /// <inheritdoc cref="ht.vdot(DNDarray, DNDarray)"/>
    public DNDarray vdot(DNDarray a, DNDarray b) => ht.vdot(a, b);

    /// <inheritdoc cref="ht.transpose(DNDarray, int[])"/>
    public DNDarray transpose(DNDarray a, int[]? axes = null) => ht.transpose(a, axes);

    /// <inheritdoc cref="ht.trace(DNDarray, long)"/>
    public double trace(DNDarray a, long offset = 0) => ht.trace(a, offset);

    /// <inheritdoc cref="ht.tril(DNDarray, long)"/>
    public DNDarray tril(DNDarray m, long k = 0) => ht.tril(m, k);

    /// <inheritdoc cref="ht.triu(DNDarray, long)"/>
    public DNDarray triu(DNDarray m, long k = 0) => ht.triu(m, k);
}
