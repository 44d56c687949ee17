// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat.Decomposition;

/// <summary>
/// Dynamic Mode Decomposition, exact DMD (Proctor, Brunton, Kutz 2016, Sect. 2.2), as HeAT's
/// <c>heat.decomposition.DMD</c>: snapshots X (features × time steps), U S Vᵀ = svd(X[:, :-1]) truncated,
/// Ã = Uᵀ X[:, 1:] V S⁻¹, its eigenvalues and eigenvectors W, DMD modes U W.
/// </summary>
/// <remarks>
/// X may be split along either axis or replicated; the SVD is <c>ht.linalg.svd</c>; the reduced matrices are
/// replicated (they are assumed to fit one rank, as in HeAT). Unlike the rest of the library the time series has the
/// features along axis 0 (HeAT's convention for DMD).
/// </remarks>
public sealed class DMD : BaseEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="svd_solver"><c>"full"</c>, <c>"hierarchical"</c> or <c>"randomized"</c> (HeAT's rules for
    /// svd_rank/svd_tol); the last two need <c>ht.linalg.hsvd_*</c>/<c>rsvd</c> on distributed data, which this
    /// library does not have yet (undistributed data always gets the full SVD, as in HeAT).</param>
    /// <param name="svd_rank">Keep this many singular values.</param>
    /// <param name="svd_tol">Keep the fewest singular values whose squares hold more than 1 − svd_tol of the
    /// total.</param>
    /// <exception cref="ArgumentException">An unknown solver or a combination HeAT rejects.</exception>
    public DMD(string svd_solver = "full", int? svd_rank = null, double? svd_tol = null)
    {
        DmdSvd.Check(svd_solver, svd_rank, svd_tol);
        this.svd_solver = svd_solver; this.svd_rank = svd_rank; this.svd_tol = svd_tol;
    }

    /// <summary>The SVD algorithm.</summary>
    public string svd_solver { get; }
    /// <summary>The rank the SVD is truncated to, if given.</summary>
    public int? svd_rank { get; }
    /// <summary>The tolerance the SVD is truncated to, if given.</summary>
    public double? svd_tol { get; }

    /// <summary>The reduced-order basis U (features × modes, split like the features).</summary>
    public DNDarray? rom_basis_ { get; private set; }
    /// <summary>The reduced transfer matrix Ã (modes × modes, replicated).</summary>
    public DNDarray? rom_transfer_matrix_ { get; private set; }
    /// <summary>The eigenvalues of Ã (complex, replicated).</summary>
    public DNDarray? rom_eigenvalues_ { get; private set; }
    /// <summary>The eigenvectors W of Ã (the columns; complex, replicated).</summary>
    public DNDarray? rom_eigenmodes_ { get; private set; }
    /// <summary>The DMD modes U W (features × modes, complex).</summary>
    public DNDarray? dmdmodes_ { get; private set; }
    /// <summary>The number of modes kept.</summary>
    public int n_modes_ { get; private set; }

    /// <summary>Fits the model to the time series <paramref name="X"/> (features × time steps).</summary>
    /// <exception cref="ArgumentException">X is not 2-d real or has fewer than two time steps.</exception>
    /// <exception cref="NotSupportedException">A distributed X with a solver other than "full".</exception>
    public DMD fit(DNDarray X)
    {
        using var scope = DisposeScope.Begin();
        var x = DmdSvd.Snapshots(X, nameof(X));
        DmdSvd.RequireSolver(svd_solver, x, nameof(DMD));
        long t = x.shape[1];
        var (u, s, vt) = ht.linalg.svd(x[.., ..(int)(t - 1)], full_matrices: false);
        int r = DmdSvd.Modes(s, svd_rank, svd_tol);
        var basis = u![.., ..r];
        var transfer = ht.resplit(ht.matmul(ht.matmul(basis.T, x[.., 1..]), vt![..r].T) / s[..r], null);
        var (values, vectors, modes) = DmdSvd.Eigen(transfer, basis);
        Release();
        (rom_basis_, rom_transfer_matrix_, rom_eigenvalues_, rom_eigenmodes_, dmdmodes_) = (scope.MoveToOuter(basis),
            scope.MoveToOuter(transfer), scope.MoveToOuter(values), scope.MoveToOuter(vectors),
            scope.MoveToOuter(modes));
        n_modes_ = r;
        return this;
    }

    /// <summary>The state <paramref name="n_steps"/> time steps after <paramref name="X"/> (features, or features ×
    /// states), U Ãⁿ Uᵀ X, in X's shape.</summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">X has another number of features, or n_steps is negative.</exception>
    public DNDarray predict_next(DNDarray X, int n_steps = 1)
    {
        if (n_steps < 0) throw new ArgumentOutOfRangeException(nameof(n_steps), n_steps, "n_steps must be >= 0.");
        using var scope = DisposeScope.Begin();
        var (x, basis) = States(X);
        var z = ht.matmul(basis.T, x.ndim == 1 ? ht.expand_dims(x, 1) : x);
        for (int i = 0; i < n_steps; i++) z = ht.matmul(rom_transfer_matrix_!, z);
        var next = ht.matmul(basis, z);
        return scope.MoveToOuter(x.ndim == 1 ? ht.squeeze(next, 1) : next);
    }

    /// <summary>
    /// The states at the time steps <paramref name="steps"/> (0 = <paramref name="X"/> projected on the basis) in one
    /// go through the eigendecomposition, Re(U W diag(λᵗ) W⁻¹ Uᵀ X): features × steps for a 1-d X,
    /// states × features ×
    /// steps for X of features × states (HeAT squeezes a single state away; this keeps the shape).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">X has another number of features, or steps is empty.</exception>
    public DNDarray predict(DNDarray X, long[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (steps.Length == 0) throw new ArgumentException("steps must not be empty.", nameof(steps));
        using var scope = DisposeScope.Begin();
        var (x, basis) = States(X);
        int r = n_modes_;
        var w = rom_eigenmodes_!.astype(ht.complex128).ToArray<Complex>();
        var winv = ht.linalg.inv(rom_eigenmodes_!.astype(ht.complex128)).ToArray<Complex>();
        var lambda = rom_eigenvalues_!.astype(ht.complex128).ToArray<Complex>();
        var z = ht.matmul(basis.T, x.ndim == 1 ? ht.expand_dims(x, 1) : x);
        var moved = new DNDarray[steps.Length];
        for (int i = 0; i < steps.Length; i++)
        {
            var m = new double[r * r];
            for (int a = 0; a < r; a++)
                for (int b = 0; b < r; b++)
                {
                    Complex sum = 0;
                    for (int k = 0; k < r; k++)
                        sum += w[a * r + k] * Complex.Pow(lambda[k], steps[i]) * winv[k * r + b];
                    m[a * r + b] = sum.Real;
                }
            moved[i] = ht.matmul(ht.array(m, [r, r], dtype: basis.dtype, device: basis.device), z);
        }
        var states = ht.matmul(basis, ht.concatenate(moved, axis: 1));   // features × (steps · states), step-major
        long batch = z.shape[1], f = basis.shape[0];
        var cube = ht.transpose(states.reshape([f, steps.Length, batch]), [2, 0, 1]);
        return scope.MoveToOuter(x.ndim == 1 ? ht.squeeze(cube, 0) : cube);
    }

    /// <summary>predict at the time steps 0, 1, …, <paramref name="steps"/> − 1.</summary>
    public DNDarray predict(DNDarray X, int steps) =>
        predict(X, Enumerable.Range(0, steps > 0 ? steps : throw new ArgumentOutOfRangeException(nameof(steps),
            steps, "steps must be positive.")).Select(i => (long)i).ToArray());

    private (DNDarray X, DNDarray Basis) States(DNDarray X)
    {
        if (rom_basis_ is null) throw new InvalidOperationException("This DMD is not fitted yet; call fit first.");
        ArgumentNullException.ThrowIfNull(X);
        if (X.ndim is not (1 or 2) || X.shape[0] != rom_basis_.shape[0])
            throw new ArgumentException($"X must be (features,) or (features, states) with {rom_basis_.shape[0]} "
                + $"features, got shape ({string.Join(", ", X.shape)}).", nameof(X));
        return (X.dtype == rom_basis_.dtype ? X : X.astype(rom_basis_.dtype), rom_basis_);
    }

    private void Release()
    {
        rom_basis_?.Dispose(); rom_transfer_matrix_?.Dispose(); rom_eigenvalues_?.Dispose();
        rom_eigenmodes_?.Dispose(); dmdmodes_?.Dispose();
    }
}
