// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>The dtype of an op's result, given the dtype it computes in.</summary>
public enum OpResult
{
    /// <summary>The compute dtype.</summary>
    Same,
    /// <summary>bool, whatever the compute dtype.</summary>
    Bool,
    /// <summary>The real counterpart of a complex compute dtype (float32 for complex64), else the compute
    /// dtype.</summary>
    RealOfComplex,
}

/// <summary>What an op is: its result dtype, what Core does to its operands first, and the dtypes it is defined
/// for.</summary>
/// <param name="Name">The op's name in messages.</param>
/// <param name="Result">The result dtype.</param>
/// <param name="DTypes">The compute dtypes the op is defined for; every backend throws
/// <see cref="NotSupportedException"/> for others.</param>
/// <param name="NeedsInexact">Core casts bool and integer operands to float32 first (the op is defined only for inexact
/// dtypes).</param>
/// <param name="NeedsOrder">The op compares magnitudes, so complex operands are an error (Core raises, naming the
/// op).</param>
/// <param name="Bitwise">The op works on bits: float and complex operands are an error.</param>
public sealed record OpTraits(string Name, OpResult Result, DTypeSet DTypes, bool NeedsInexact = false, bool NeedsOrder = false, bool Bitwise = false)
{
    /// <summary>True when the op is defined for compute dtype <paramref name="dtype"/>.</summary>
    public bool IsDefinedFor(DType dtype) => DTypes.Contains(dtype);

    /// <summary>The result dtype when the op computes in <paramref name="dtype"/>.</summary>
    public DType ResultType(DType dtype) => Result switch
    {
        OpResult.Bool => DType.Bool,
        OpResult.RealOfComplex => dtype.RealType,
        _ => dtype,
    };
}
