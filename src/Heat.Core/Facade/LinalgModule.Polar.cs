// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/linalg/polar.py, basics.py (condest, matrix_exp, expm)
public sealed partial class LinalgModule
{
    /// <inheritdoc cref="ht.polar(DNDarray, int?, bool, double, bool, int)"/>
    public (DNDarray U, DNDarray? H) polar(DNDarray A, int? r = null, bool calcH = true,
        double condition_estimate = 1.0e16, bool silent = true, int r_max = 8) =>
        ht.polar(A, r, calcH, condition_estimate, silent, r_max);

    /// <inheritdoc cref="ht.condest(DNDarray, object?, string, IReadOnlyDictionary{string, object}?)"/>
    public DNDarray condest(DNDarray A, object? p = null, string algorithm = "randomized",
        IReadOnlyDictionary<string, object>? @params = null) => ht.condest(A, p, algorithm, @params);

    /// <inheritdoc cref="ht.matrix_exp(DNDarray)"/>
    public DNDarray matrix_exp(DNDarray A) => ht.matrix_exp(A);

    /// <inheritdoc cref="ht.expm(DNDarray)"/>
    public DNDarray expm(DNDarray A) => ht.expm(A);
}
