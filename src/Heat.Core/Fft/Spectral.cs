// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Fft;

/// <summary>The six transform families of NumPy's and HeAT's fft module.</summary>
internal enum FftFamily
{
    /// <summary>Forward complex.</summary>
    Fft,
    /// <summary>Inverse complex.</summary>
    Ifft,
    /// <summary>Forward of real input, half spectrum along the last axis.</summary>
    Rfft,
    /// <summary>Inverse of a half spectrum, real output.</summary>
    Irfft,
    /// <summary>Forward of a Hermitian half spectrum, real output: irfft of the conjugate, norm swapped.</summary>
    Hfft,
    /// <summary>Inverse of real input: conjugate of rfft, norm swapped.</summary>
    Ihfft,
}

/// <summary>
/// Argument checks and the n-d composition of one-axis transforms (<see cref="Transforms"/>). Checks run before any
/// communication and use only replicated metadata, so every rank raises the same exception. Complex stages run the
/// non-split axes first and the split axis last, so an n-d transform costs at most one slab transpose and back.
/// </summary>
internal static class Spectral
{
    /// <summary>A 1-d transform (<paramref name="n"/> null: the axis' length, or 2(m − 1) for irfft and
    /// hfft).</summary>
    public static DNDarray OneAxis(DNDarray x, FftFamily family, long? n, int axis, string? norm)
    {
        ArgumentNullException.ThrowIfNull(x);
        axis = Shapes.NormalizeAxis(axis, x.ndim);
        if (n is < 1) throw new ArgumentOutOfRangeException(nameof(n), n,
            $"Invalid number of FFT data points ({n}); n must be at least 1.");
        return Run(x, family, n is { } value ? [value] : null, [axis], norm, "n");
    }

    /// <summary>An n-d transform (<paramref name="axes"/> null: the last len(s) axes, or all).</summary>
    public static DNDarray ManyAxes(DNDarray x, FftFamily family, long[]? s, int[]? axes, string? norm)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (s is not null && s.Length > x.ndim)
            throw new ArgumentException($"Input is {x.ndim}-dimensional, so s can be at most {x.ndim} elements "
                + $"long; got {s.Length}.", nameof(s));
        int[] resolved = axes is null
            ? Enumerable.Range(x.ndim - (s?.Length ?? x.ndim), s?.Length ?? x.ndim).ToArray()
            : axes.Select(a => Shapes.NormalizeAxis(a, x.ndim, nameof(axes))).ToArray();
        if (resolved.Distinct().Count() != resolved.Length)
            throw new ArgumentException(
                $"axes ({string.Join(", ", axes!)}) repeat an axis; repeated transforms over one axis are not "
                    + $"supported.",
                nameof(axes));
        if (s is not null && s.Length != resolved.Length)
            throw new ArgumentException($"s has {s.Length} entries but axes has {resolved.Length}; they must have "
                + $"the same length.", nameof(s));
        if (resolved.Length == 0) throw new ArgumentException("At least one axis must be transformed.", nameof(axes));
        if (s?.FirstOrDefault(v => v < 1, 1) is long bad && bad < 1)
            throw new ArgumentOutOfRangeException(nameof(s), bad,
                $"Invalid number of FFT data points ({bad}) in s; every entry must be at least 1.");
        return Run(x, family, s, resolved, norm, "s");
    }

    private static DNDarray Run(DNDarray x, FftFamily family, long[]? s, int[] axes, string? norm, string lengthName)
    {
        var mode = FftNorms.Parse(norm);
        bool realInput = family is FftFamily.Rfft or FftFamily.Ihfft;
        if (realInput && x.dtype.IsComplex)
            throw new ArgumentException($"{family.ToString().ToLowerInvariant()} needs real input; got {x.dtype}.",
                nameof(x));
        var lengths = s is not null ? (long[])s.Clone() : axes.Select(a => x.GShapeRef[a]).ToArray();
        if (s is null && family is FftFamily.Irfft or FftFamily.Hfft) lengths[^1] = 2 * (lengths[^1] - 1);
        for (int i = 0; i < lengths.Length; i++)
            if (lengths[i] < 1)
                throw new ArgumentException($"Invalid number of FFT data points ({lengths[i]}) along axis "
                    + $"{axes[i]}; give {lengthName} explicitly or a longer axis.", lengthName);

        using var scope = DisposeScope.Begin();
        var result = family switch
        {
            FftFamily.Fft or FftFamily.Ifft => Complex(x.AliasOrCast(Transforms.ComplexOf(x.dtype)), axes, lengths,
                family == FftFamily.Ifft, mode),
            FftFamily.Rfft => Forward(x, axes, lengths, mode),
            FftFamily.Ihfft => ht.conj(Forward(x, axes, lengths, mode.Swap())),
            FftFamily.Irfft => Inverse(x.AliasOrCast(Transforms.ComplexOf(x.dtype)), axes, lengths, mode),
            _ => Inverse(ht.conj(x.AliasOrCast(Transforms.ComplexOf(x.dtype))), axes, lengths, mode.Swap()),
        };
        return scope.MoveToOuter(result);
    }

    /// <summary>rfftn: the real-to-complex transform along the last axis, then complex ones along the others.</summary>
    private static DNDarray Forward(DNDarray x, int[] axes, long[] lengths, FftNorm mode)
    {
        using var real = x.AliasOrCast(Transforms.RealOf(x.dtype));
        var half = Transforms.Along(real, FftKind.RealToComplex, axes[^1], lengths[^1], false,
            mode.Scale(lengths[^1], false));
        return Complex(half, axes[..^1], lengths[..^1], inverse: false, mode);
    }

    /// <summary>irfftn: complex inverses along all but the last axis, then the complex-to-real one along it.</summary>
    private static DNDarray Inverse(DNDarray x, int[] axes, long[] lengths, FftNorm mode)
    {
        using var done = Complex(x, axes[..^1], lengths[..^1], inverse: true, mode);
        return Transforms.Along(done, FftKind.ComplexToReal, axes[^1], lengths[^1], true,
            mode.Scale(lengths[^1], true));
    }

    /// <summary>Complex transforms along <paramref name="axes"/>, the split axis last; takes ownership of
    /// <paramref name="x"/> (returned as is when there is no axis).</summary>
    private static DNDarray Complex(DNDarray x, int[] axes, long[] lengths, bool inverse, FftNorm mode)
    {
        var order = Enumerable.Range(0, axes.Length).OrderBy(i => axes[i] == x.split ? 1 : 0).ToArray();
        var current = x;
        foreach (int i in order)
        {
            var next = Transforms.Along(current, FftKind.ComplexToComplex, axes[i], lengths[i], inverse,
                mode.Scale(lengths[i], inverse));
            current.Dispose();
            current = next;
        }
        return current;
    }
}
