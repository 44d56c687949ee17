// SPDX-License-Identifier: MIT
namespace Heat.Decomposition;

/// <summary>
/// Dynamic Mode Decomposition with control (Proctor, Brunton, Kutz 2016, Sects. 3.3–3.4), as HeAT's
/// <c>heat.decomposition.DMDc</c>: states X (features × time steps) and controls C (control features × time steps);
/// U = svd(X[:, 1:]) truncated to r, Ũ S̃ Ṽᵀ = svd([X; C][:, :-1]) truncated to r + controls (or by svd_tol),
/// Ũ₁/Ũ₂ its state/control rows; Ã = Uᵀ X' Ṽ S̃⁻¹ Ũ₁ᵀ U, B̃ = Uᵀ X' Ṽ S̃⁻¹ Ũ₂ᵀ,
/// modes X' Ṽ S̃⁻¹ Ũ₁ᵀ U W.
/// </summary>
/// <remarks>
/// X and C may be split along either axis (the same one when both are split) or replicated; the reduced matrices are
/// replicated. HeAT's typo that leaves <c>n_modes_system_</c> unset without truncation is not copied.
/// </remarks>
public sealed class DMDc : BaseEstimator
{
    /// <summary>Creates the estimator (the parameters as <see cref="DMD"/>; svd_rank truncates the state SVD, the
    /// system SVD keeps svd_rank + control features, as HeAT and pykoopman).</summary>
    /// <exception cref="ArgumentException">An unknown solver or a combination HeAT rejects.</exception>
    public DMDc(string svd_solver = "full", int? svd_rank = null, double? svd_tol = null)
    {
        DmdSvd.Check(svd_solver, svd_rank, svd_tol);
        this.svd_solver = svd_solver; this.svd_rank = svd_rank; this.svd_tol = svd_tol;
    }

    /// <summary>The SVD algorithm.</summary>
    public string svd_solver { get; }
    /// <summary>The rank the state SVD is truncated to, if given.</summary>
    public int? svd_rank { get; }
    /// <summary>The tolerance both SVDs are truncated to, if given.</summary>
    public double? svd_tol { get; }

    /// <summary>The reduced-order basis U (state features × modes).</summary>
    public DNDarray? rom_basis_ { get; private set; }
    /// <summary>The reduced transfer matrix Ã (modes × modes, replicated).</summary>
    public DNDarray? rom_transfer_matrix_ { get; private set; }
    /// <summary>The reduced control matrix B̃ (modes × control features, replicated).</summary>
    public DNDarray? rom_control_matrix_ { get; private set; }
    /// <summary>The eigenvalues of Ã (complex, replicated).</summary>
    public DNDarray? rom_eigenvalues_ { get; private set; }
    /// <summary>The eigenvectors W of Ã (the columns; complex, replicated).</summary>
    public DNDarray? rom_eigenmodes_ { get; private set; }
    /// <summary>The DMD modes X' Ṽ S̃⁻¹ Ũ₁ᵀ U W (state features × modes, complex).</summary>
    public DNDarray? dmdmodes_ { get; private set; }
    /// <summary>The number of modes of the state SVD kept.</summary>
    public int n_modes_ { get; private set; }
    /// <summary>The number of modes of the system SVD kept.</summary>
    public int n_modes_system_ { get; private set; }

    /// <summary>Fits the model to the states <paramref name="X"/> and controls <paramref name="C"/>.</summary>
    /// <exception cref="ArgumentException">X or C is not 2-d real with at least two time steps, their time steps
    /// differ, or they are split along different axes.</exception>
    /// <exception cref="NotSupportedException">A distributed X with a solver other than "full".</exception>
    public DMDc fit(DNDarray X, DNDarray C)
    {
        using var scope = DisposeScope.Begin();
        var x = DmdSvd.Snapshots(X, nameof(X));
        var c = DmdSvd.Snapshots(C, nameof(C));
        if (x.shape[1] != c.shape[1])
            throw new ArgumentException($"X has {x.shape[1]} time steps, C {c.shape[1]}; they must be equal.",
                nameof(C));
        if (x.split is not null && c.split is not null && x.split != c.split)
            throw new ArgumentException($"X and C must be split along the same axis, got {x.split} and {c.split}.",
                nameof(C));
        DmdSvd.RequireSolver(svd_solver, x, nameof(DMDc));
        long n = x.shape[0], q = c.shape[0], t = x.shape[1];
        if (c.dtype != x.dtype) c = c.astype(x.dtype);
        if (c.split != x.split) c = ht.resplit(c, x.split);
        var plus = x[.., 1..];
        var omega = ht.concatenate([x, c], axis: 0)[.., ..(int)(t - 1)];
        var (u, s, _) = ht.linalg.svd(plus, full_matrices: false);
        var (ut, st, vtt) = ht.linalg.svd(omega, full_matrices: false);
        int r = DmdSvd.Modes(s, svd_rank, svd_tol);
        int p = DmdSvd.Modes(st, svd_rank is int rank ? rank + (int)q : null, svd_tol);
        var basis = u![.., ..r];
        var core = ht.matmul(plus, vtt![..p].T / st[..p]);               // X' Ṽ S̃⁻¹, n × p
        var u1 = ut![..(int)n, ..p];
        var u2 = ut[(int)n.., ..p];
        var left = ht.matmul(basis.T, core);                              // r × p
        var transfer = ht.resplit(ht.matmul(left, ht.matmul(u1.T, basis)), null);
        var control = ht.resplit(ht.matmul(left, u2.T), null);
        var (values, vectors, modes) = DmdSvd.Eigen(transfer, ht.matmul(core, ht.matmul(u1.T, basis)));
        Release();
        (rom_basis_, rom_transfer_matrix_, rom_control_matrix_) =
            (scope.MoveToOuter(basis), scope.MoveToOuter(transfer), scope.MoveToOuter(control));
        (rom_eigenvalues_, rom_eigenmodes_, dmdmodes_) =
            (scope.MoveToOuter(values), scope.MoveToOuter(vectors), scope.MoveToOuter(modes));
        (n_modes_, n_modes_system_) = (r, p);
        return this;
    }

    /// <summary>
    /// The states over the control trajectory <paramref name="C"/> (control features, or control features × time
    /// steps) from the initial states <paramref name="X"/> (features, or states × features): z₀ = Uᵀ x,
    /// zₜ = Ã zₜ₋₁ + B̃ cₜ₋₁, states U zₜ; the result is states × features × time steps
    /// (one state for a 1-d X).
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is not fitted.</exception>
    /// <exception cref="ArgumentException">X or C has another number of features or more than 2 dimensions.
    /// </exception>
    public DNDarray predict(DNDarray X, DNDarray C)
    {
        if (rom_basis_ is null) throw new InvalidOperationException("This DMDc is not fitted yet; call fit first.");
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(C);
        long n = rom_basis_.shape[0], q = rom_control_matrix_!.shape[1];
        if (X.ndim is not (1 or 2) || X.shape[^1] != n)
            throw new ArgumentException($"X must be (features,) or (states, features) with {n} features, got shape "
                + $"({string.Join(", ", X.shape)}).", nameof(X));
        if (C.ndim is not (1 or 2) || C.shape[0] != q)
            throw new ArgumentException($"C must be (controls,) or (controls, time steps) with {q} controls, got shape "
                + $"({string.Join(", ", C.shape)}).", nameof(C));
        using var scope = DisposeScope.Begin();
        var x = X.ndim == 1 ? ht.expand_dims(X, 0) : X;
        var c = ht.resplit(C.ndim == 1 ? ht.expand_dims(C, 1) : C, null).astype(rom_basis_.dtype);
        var z = ht.matmul(x.astype(rom_basis_.dtype), rom_basis_);       // states × r
        long steps = c.shape[1];
        var states = new DNDarray[steps];
        states[0] = ht.matmul(z, rom_basis_.T);
        for (long i = 1; i < steps; i++)
        {
            z = ht.matmul(z, rom_transfer_matrix_!.T) + ht.matmul(rom_control_matrix_, c[.., i - 1]);
            states[i] = ht.matmul(z, rom_basis_.T);
        }
        return scope.MoveToOuter(ht.stack(states, axis: 2));
    }

    private void Release()
    {
        rom_basis_?.Dispose(); rom_transfer_matrix_?.Dispose(); rom_control_matrix_?.Dispose();
        rom_eigenvalues_?.Dispose(); rom_eigenmodes_?.Dispose(); dmdmodes_?.Dispose();
    }
}
