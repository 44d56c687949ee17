// SPDX-License-Identifier: MIT
namespace Heat.Fft;

/// <summary>NumPy's normalization modes: which direction of a transform pair is scaled, by 1/n or 1/√n
/// each.</summary>
internal enum FftNorm
{
    /// <summary>The inverse is scaled by 1/n (the default).</summary>
    Backward,
    /// <summary>Both directions are scaled by 1/√n.</summary>
    Ortho,
    /// <summary>The forward transform is scaled by 1/n.</summary>
    Forward,
}

/// <summary>Parsing and applying <see cref="FftNorm"/>.</summary>
internal static class FftNorms
{
    /// <summary>The mode named by <paramref name="norm"/> (null is "backward").</summary>
    /// <exception cref="ArgumentException">Not one of "backward", "ortho", "forward".</exception>
    public static FftNorm Parse(string? norm) => norm switch
    {
        null or "backward" => FftNorm.Backward,
        "ortho" => FftNorm.Ortho,
        "forward" => FftNorm.Forward,
        _ => throw new ArgumentException($"Invalid norm value '{norm}'; should be \"backward\", \"ortho\" or "
            + $"\"forward\".", nameof(norm)),
    };

    /// <summary>The mode with its direction swapped (hfft and ihfft are irfft and rfft seen from the other
    /// side).</summary>
    public static FftNorm Swap(this FftNorm norm) => norm switch
    {
        FftNorm.Backward => FftNorm.Forward,
        FftNorm.Forward => FftNorm.Backward,
        _ => FftNorm.Ortho,
    };

    /// <summary>The factor of a transform of length <paramref name="n"/> in the given direction.</summary>
    public static double Scale(this FftNorm norm, long n, bool inverse) => norm switch
    {
        FftNorm.Ortho => 1 / Math.Sqrt(n),
        FftNorm.Backward => inverse ? 1.0 / n : 1,
        _ => inverse ? 1 : 1.0 / n,
    };
}
