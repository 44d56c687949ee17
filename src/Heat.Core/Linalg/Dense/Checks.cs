// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Linalg.Dense;

/// <summary>The argument checks of the dense linalg functions, on replicated metadata only (so every rank throws
/// alike, before any communication).</summary>
internal static class Checks
{
    /// <summary>Throws unless <paramref name="a"/> is a (batch of) matrices of a LAPACK dtype.</summary>
    public static void Matrix(DNDarray a, string function, string name = "a", bool square = false)
    {
        ArgumentNullException.ThrowIfNull(a, name);
        if (a.ndim < 2)
            throw new ArgumentException(
                $"{function}: {name} must have at least 2 dimensions (a matrix or a batch of matrices), not {a.ndim}.",
                name);
        if (a.dtype.Kind is not (DTypeKind.Float or DTypeKind.Complex) || a.dtype.ItemSize < 4)
            throw new ArgumentException(
                $"{function}: {name} must be float32, float64, complex64 or complex128, not {a.dtype}.",
                name);
        if (square && a.GShapeRef[^1] != a.GShapeRef[^2])
            throw new ArgumentException(
                $"{function}: {name} must be square in its last two dimensions, not {Shapes.Format(a.GShapeRef)}.",
                name);
    }

    /// <summary>The merge count of TS-QR (0: all ranks at once).</summary>
    public static int Merge(int procs_to_merge, int size, string function) => procs_to_merge switch
    {
        0 => Math.Max(size, 2),
        < 0 or 1 => throw new ArgumentException(
            $"{function}: procs_to_merge must be 0 (all ranks at once) or at least 2, not {procs_to_merge}.",
            nameof(procs_to_merge)),
        _ => procs_to_merge,
    };

    /// <summary>True when the matrix dimensions of <paramref name="a"/> are distributed.</summary>
    public static bool MatrixSplit(DNDarray a) => a.is_distributed() && a.split >= a.ndim - 2;
}
