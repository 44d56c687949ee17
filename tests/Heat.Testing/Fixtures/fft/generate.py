# SPDX-License-Identifier: MIT
"""Generates fft.json, the NumPy reference values of FftSuite (run: /usr/bin/python3 generate.py; needs numpy only).

Each case: the function, its arguments, the input's shape and kind (its values come from signal(), which the test
computes the same way; fftshift inputs are 0, 1, 2, ...) and NumPy's output (flattened row-major, complex as [re, im]
pairs, 15 significant digits). hfft2/hfftn/ihfft2/ihfftn are not in NumPy; they are defined as HeAT (torch) defines them:
hfftn(x) = irfftn(conj(x)) and ihfftn(x) = conj(rfftn(x)), each with the norm's direction swapped.
"""
import json
import numpy as np

SWAP = {None: "forward", "backward": "forward", "forward": "backward", "ortho": "ortho"}


def signal(shape, complex_):
    n = int(np.prod(shape))
    i = np.arange(n, dtype=np.float64)
    re = np.sin(0.7 * i + 0.3) + 0.25 * np.cos(2.3 * i)
    x = re + 1j * (np.cos(1.1 * i) - 0.5) if complex_ else re
    return x.reshape(shape)


def hfftn(x, s=None, axes=None, norm=None):
    return np.fft.irfftn(np.conj(x), s=s, axes=axes, norm=SWAP[norm])


def ihfftn(x, s=None, axes=None, norm=None):
    return np.conj(np.fft.rfftn(x, s=s, axes=axes, norm=SWAP[norm]))


ND = {
    "fftn": np.fft.fftn, "ifftn": np.fft.ifftn, "rfftn": np.fft.rfftn, "irfftn": np.fft.irfftn,
    "hfftn": hfftn, "ihfftn": ihfftn,
    "fft2": np.fft.fftn, "ifft2": np.fft.ifftn, "rfft2": np.fft.rfftn, "irfft2": np.fft.irfftn,
    "hfft2": hfftn, "ihfft2": ihfftn,
}
ONE = {"fft": np.fft.fft, "ifft": np.fft.ifft, "rfft": np.fft.rfft, "irfft": np.fft.irfft,
       "hfft": np.fft.hfft, "ihfft": np.fft.ihfft}
REAL_INPUT = {"rfft", "ihfft", "rfftn", "ihfftn", "rfft2", "ihfft2"}


def rounded(values):
    return [float("%.15g" % v) for v in values]


def described(a):
    return {"shape": list(a.shape), "complex": bool(np.iscomplexobj(a))}


def flat(a):
    a = np.asarray(a)
    if np.iscomplexobj(a):
        return {"shape": list(a.shape), "complex": True,
                "data": rounded(np.stack([a.real.ravel(), a.imag.ravel()], axis=1).ravel())}
    return {"shape": list(a.shape), "complex": False, "data": rounded(a.astype(np.float64).ravel())}


cases = []
for func in ONE:
    for length in [1, 2, 7, 12]:
        for shape, axis in [((length,), -1), ((3, length), 1), ((length, 4), 0)]:
            x = signal(shape, func not in REAL_INPUT)
            for n in [None, length + 3, max(1, length - 2)]:
                if func in ("irfft", "hfft") and n is None and length == 1:
                    continue  # default n = 0 is an error
                for norm in [None, "ortho", "forward"]:
                    if (n is not None or norm is not None) and shape != (length,) and (n, norm) != (length + 3, None):
                        continue
                    y = ONE[func](x, n=n, axis=axis, norm=norm)
                    cases.append({"func": func, "n": n, "axis": axis, "norm": norm, "x": described(x), "y": flat(y)})

for func in ND:
    two = func.endswith("2")
    for shape in [(5, 6), (3, 4, 5), (1, 3, 2)]:
        if func in ("irfftn", "hfftn", "irfft2", "hfft2") and shape[-1] == 1:
            continue
        x = signal(shape, func not in REAL_INPUT)
        variants = [(None, None)]
        if two:
            variants += [([6, 4], None), (None, [0, -1])] if len(shape) == 3 else [([6, 4], None)]
        else:
            variants += [(None, [0, 1]), ([4, 3], [-1, 0])]
        for s, axes in variants:
            for norm in [None, "ortho", "forward"] if (s, axes) == (None, None) else [None]:
                call_axes = axes if axes is not None else ([-2, -1] if two else None)
                y = ND[func](x, s=s, axes=call_axes, norm=norm)
                cases.append({"func": func, "s": s, "axes": axes, "norm": norm, "x": described(x), "y": flat(y)})

for func, ref in [("fftfreq", np.fft.fftfreq), ("rfftfreq", np.fft.rfftfreq)]:
    for n in [1, 2, 8, 9]:
        for d in [1.0, 0.5]:
            cases.append({"func": func, "n": n, "d": d, "y": flat(ref(n, d))})

for func, ref in [("fftshift", np.fft.fftshift), ("ifftshift", np.fft.ifftshift)]:
    for shape in [(1,), (7,), (8,), (5, 6), (3, 4, 5)]:
        x = np.arange(np.prod(shape), dtype=np.float64).reshape(shape)
        for axes in [None, [0], [-1]]:
            cases.append({"func": func, "axes": axes, "x": described(x), "y": flat(ref(x, axes=axes))})

with open("fft.json", "w") as f:
    json.dump(cases, f, separators=(",", ":"))  # float repr round-trips exactly
print(len(cases), "cases")
