// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/random.py — the NumPy aliases HeAT exports beside the main names.
public sealed partial class RandomModule
{
    /// <summary>Uniform samples in [0, 1): an alias of <see cref="random_sample"/> (NumPy's <c>ranf</c>).</summary>
    public DNDarray ranf(long[] shape, DType? dtype = null, int? split = null, Device? device = null)
        => rand(shape, dtype, split, device);

    /// <summary>Uniform samples in [0, 1): an alias of <see cref="random_sample"/> (NumPy's <c>sample</c>).</summary>
    public DNDarray sample(long[] shape, DType? dtype = null, int? split = null, Device? device = null)
        => rand(shape, dtype, split, device);

    /// <summary>Standard normal samples: an alias of <see cref="randn(long[], DType?, int?, Device?)"/>.</summary>
    public DNDarray standard_normal(long[] shape, DType? dtype = null, int? split = null, Device? device = null)
        => randn(shape, dtype, split, device);

    /// <summary>Random integers in [low, high): an alias of <see cref="randint"/> (HeAT's <c>random_integer</c>).
    /// </summary>
    public DNDarray random_integer(long low, long? high = null, long[]? size = null, DType? dtype = null,
        int? split = null, Device? device = null)
        => randint(low, high, size, dtype, split, device);
}
