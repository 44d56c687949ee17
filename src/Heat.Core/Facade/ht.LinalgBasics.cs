// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat;

// HeAT: heat/__init__.py star-imports heat/core/linalg (basics.py, solver.py) into ht.
public static partial class ht
{
    /// <inheritdoc cref="LinalgModule.cg"/>
    public static DNDarray cg(DNDarray A, DNDarray b, DNDarray x0, DNDarray? @out = null, double tol = 1e-10,
        int? max_iter = null)
        => linalg.cg(A, b, x0, @out, tol, max_iter);

    /// <inheritdoc cref="LinalgModule.lanczos"/>
    public static (DNDarray V, DNDarray T) lanczos(DNDarray A, int m, DNDarray? v0 = null, DNDarray? V_out = null,
        DNDarray? T_out = null)
        => linalg.lanczos(A, m, v0, V_out, T_out);

    /// <inheritdoc cref="LinalgModule.cross"/>
    public static DNDarray cross(DNDarray a, DNDarray b, int axisa = -1, int axisb = -1, int axisc = -1,
        int? axis = null)
        => linalg.cross(a, b, axisa, axisb, axisc, axis);

    /// <inheritdoc cref="LinalgModule.vecdot"/>
    public static DNDarray vecdot(DNDarray x1, DNDarray x2, int axis = -1, bool keepdims = false) =>
        linalg.vecdot(x1, x2, axis, keepdims);

    /// <inheritdoc cref="LinalgModule.matrix_transpose"/>
    public static DNDarray matrix_transpose(DNDarray x) => linalg.matrix_transpose(x);

    /// <inheritdoc cref="LinalgModule.projection"/>
    public static DNDarray projection(DNDarray a, DNDarray b) => linalg.projection(a, b);
}
