#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes dmd.json: exact DMD and DMDc (Proctor, Brunton, Kutz 2016, Sects. 2.2 and 3.3-3.4, as HeAT's
heat/decomposition/dmd.py computes them) by definition in NumPy, the reference of Heat.Decomposition.DMD / DMDc.

DMD, on X (features x time steps), rank r (or all):  U S Vt = svd(X[:, :-1]) truncated to r;
  A = U^T X[:, 1:] Vt^T diag(1/S) (rom_transfer_matrix_), eig(A) = (lambda, W), dmdmodes_ = U W,
  predict(x0, steps)[:, t] = Re(U W diag(lambda^t) W^-1 U^T x0), predict_next(x0, n) = U A^n U^T x0.
DMDc, on X and controls C:  U S Vt = svd(X[:, 1:]) truncated to r;  Ut St Vtt = svd([X; C][:, :-1]) truncated to
  r + q;  U1, U2 = the state and control rows of Ut;  A = U^T X' Vtt^T diag(1/St) U1^T U,  B = U^T X' Vtt^T
  diag(1/St) U2^T;  dmdmodes_ = X' Vtt^T diag(1/St) U1^T U W;  predict(x0, c): z0 = U^T x0, z_t = A z_{t-1} +
  B c_{t-1}, states U z_t.
SVD factors are unique up to the sign of each singular pair: the tests compare U up to column signs, A as D A D and
B as D B (D the sign matrix), eigenvalues as a set and modes up to a complex factor.

Run: /usr/bin/python3 make_dmd.py
"""
import json
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20)


def cplx(a):
    a = np.asarray(a)
    return {"re": np.real(a).tolist(), "im": np.imag(a).tolist()}


def dmd(x, r=None, tol=None):
    u, s, vt = np.linalg.svd(x[:, :-1], full_matrices=False)
    if tol is not None:
        c = np.cumsum(s ** 2)
        r = min(int(np.sum(c <= (1 - tol) * c[-1])) + 1, len(s))
    r = len(s) if r is None else r
    u, s, vt = u[:, :r], s[:r], vt[:r]
    a = u.T @ x[:, 1:] @ vt.T / s
    lam, w = np.linalg.eig(a)
    x0 = x[:, :3]
    steps = 6
    pred = np.stack([np.real(u @ w @ np.diag(lam ** t) @ np.linalg.inv(w) @ u.T @ x0) for t in range(steps)], -1)
    nxt = u @ np.linalg.matrix_power(a, 3) @ u.T @ x0
    return {"n_modes_": r, "rom_basis_": u.tolist(), "rom_transfer_matrix_": a.tolist(), "eigenvalues": cplx(lam),
            "dmdmodes_": cplx(u @ w), "x0": x0.tolist(), "predict": pred.transpose(1, 0, 2).tolist(),
            "predict_next3": nxt.tolist()}


def dmdc(x, c, r):
    n, q = x.shape[0], c.shape[0]
    xp = x[:, 1:]
    u, s, vt = np.linalg.svd(xp, full_matrices=False)
    u = u[:, :r]
    ut, st, vtt = np.linalg.svd(np.vstack([x, c])[:, :-1], full_matrices=False)
    p = r + q
    ut, st, vtt = ut[:, :p], st[:p], vtt[:p]
    u1, u2 = ut[:n], ut[n:]
    core = xp @ vtt.T / st
    a = u.T @ core @ u1.T @ u
    b = u.T @ core @ u2.T
    lam, w = np.linalg.eig(a)
    x0 = x[:, :2].T  # (batch, features)
    cc = c[:, :7]
    z = [x0 @ u]
    for t in range(1, cc.shape[1]):
        z.append((a @ z[-1].T).T + (b @ cc[:, t - 1])[None, :])
    pred = np.stack([zz @ u.T for zz in z], -1)  # (batch, features, time)
    return {"n_modes_": r, "rom_basis_": u.tolist(), "rom_transfer_matrix_": a.tolist(),
            "rom_control_matrix_": b.tolist(), "eigenvalues": cplx(lam), "dmdmodes_": cplx(core @ u1.T @ u @ w),
            "x0": x0.tolist(), "c": cc.tolist(), "predict": pred.tolist()}


# A low-rank linear system: 18 features, 40 steps, 6 modes (two complex pairs and two real decays).
modes = rng.standard_normal((18, 6))
lam = np.array([0.95 * np.exp(0.3j), 0.95 * np.exp(-0.3j), 0.8 * np.exp(1.1j), 0.8 * np.exp(-1.1j), 0.9, 0.5])
t = np.arange(40)
phi = np.column_stack([modes[:, 0] + 1j * modes[:, 1], modes[:, 0] - 1j * modes[:, 1], modes[:, 2] + 1j * modes[:, 3],
                       modes[:, 2] - 1j * modes[:, 3], modes[:, 4], modes[:, 5]])
coeff = np.array([1 + 1j, 1 - 1j, 0.5j, -0.5j, 2.0, 1.0])
lowrank = phi @ np.diag(coeff) @ (lam[:, None] ** t[None, :])
lowrank = np.real(lowrank)
# A full-rank noisy linear system: 7 features, 25 steps.
a_full = rng.standard_normal((7, 7))
a_full *= 0.9 / np.max(np.abs(np.linalg.eigvals(a_full)))
full = np.zeros((7, 25))
full[:, 0] = rng.standard_normal(7)
for k in range(1, 25):
    full[:, k] = a_full @ full[:, k - 1] + 0.01 * rng.standard_normal(7)
# A controlled system: 9 states, 2 controls, 30 steps.
a_c = rng.standard_normal((9, 9))
a_c *= 0.9 / np.max(np.abs(np.linalg.eigvals(a_c)))
b_c = rng.standard_normal((9, 2))
controls = rng.standard_normal((2, 30))
states = np.zeros((9, 30))
states[:, 0] = rng.standard_normal(9)
for k in range(1, 30):
    states[:, k] = a_c @ states[:, k - 1] + b_c @ controls[:, k - 1]

out = {"lowrank": {"x": lowrank.tolist(), "rank6": dmd(lowrank, r=6), "tol": dmd(lowrank, tol=1e-6)},
       "full": {"x": full.tolist(), "all": dmd(full)},
       "control": {"x": states.tolist(), "c": controls.tolist(), "rank5": dmdc(states, controls, 5)},
       "numpy": np.__version__}
with open(os.path.join(here, "dmd.json"), "w") as f:
    json.dump(out, f)
print(out["lowrank"]["tol"]["n_modes_"], out["lowrank"]["rank6"]["eigenvalues"])
