// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/signal.py (star-imported into ht, and the ht.signal namespace)
public static partial class ht
{
    /// <summary>Signal processing: <c>ht.signal.convolve</c>, <c>convolve2d</c>.</summary>
    public static readonly SignalModule signal = new();

    /// <inheritdoc cref="SignalModule.convolve"/>
    public static DNDarray convolve(DNDarray a, DNDarray v, string mode = "full", long stride = 1)
        => signal.convolve(a, v, mode, stride);

    /// <inheritdoc cref="SignalModule.convolve2d"/>
    public static DNDarray convolve2d(DNDarray a, DNDarray v, string mode = "full", (long, long)? stride = null) =>
        signal.convolve2d(a, v, mode, stride);
}

/// <summary><c>ht.signal</c>, HeAT's signal-processing namespace (also star-imported into <c>ht</c>).</summary>
public sealed class SignalModule
{
    internal SignalModule() { }

    /// <summary>
    /// The discrete linear convolution of two 1-d arrays (NumPy's <c>convolve</c>), every <paramref name="stride"/>-th
    /// output (HeAT). Arrays with more dimensions are batches of signals along the last axis, convolved with one filter
    /// or with one filter per signal (matching batch dimensions). The shorter array is the filter (NumPy swaps).
    /// </summary>
    /// <param name="a">Signal (…, N), any split.</param>
    /// <param name="v">Filter (M) or (…, M), any split (gathered: filters are small).</param>
    /// <param name="mode"><c>full</c> (length N + M − 1), <c>same</c> (length N, centred as NumPy, odd or even
    /// filters), <c>valid</c> (length N − M + 1); then strided: ⌊(length − 1) / stride⌋ + 1.</param>
    /// <param name="stride">Step between outputs, ≥ 1; 1 for <c>same</c>.</param>
    /// <remarks>
    /// Split along the convolved axis: the result is balanced, each rank gathering its input window from however many
    /// ranks hold it (chunks shorter than the filter and empty chunks work; HeAT raises). Split along a batch axis: no
    /// communication, chunks kept. Signed integer or real float dtypes (promoted).
    /// </remarks>
    /// <exception cref="ArgumentException">Bad mode or dtype, a stride below 1 or above 1 with <c>same</c>, an empty
    /// filter, or filter batch dimensions that differ from the signal's.</exception>
    public DNDarray convolve(DNDarray a, DNDarray v, string mode = "full", long stride = 1) =>
        Signal.Convolution.Convolve(a, v, mode, [stride], "convolve");

    /// <summary>
    /// The discrete linear convolution of two 2-d arrays (SciPy's <c>convolve2d</c> without boundary options), with
    /// HeAT's stride per axis; leading dimensions are batches as in <see cref="convolve"/>.
    /// </summary>
    /// <param name="a">Signal (…, H, W), any split.</param>
    /// <param name="v">Filter (Mh, Mw) or (…, Mh, Mw).</param>
    /// <param name="mode"><c>full</c>, <c>same</c> or <c>valid</c>, per axis as in <see cref="convolve"/>.</param>
    /// <param name="stride">(rows, columns), default (1, 1).</param>
    /// <remarks>Distributed as <see cref="convolve"/>.</remarks>
    /// <exception cref="ArgumentException">As <see cref="convolve"/>, or the filter is larger than the signal in one
    /// axis and smaller in the other.</exception>
    public DNDarray convolve2d(DNDarray a, DNDarray v, string mode = "full", (long, long)? stride = null)
    {
        var (sr, sc) = stride ?? (1, 1);
        return Signal.Convolution.Convolve(a, v, mode, [sr, sc], "convolve2d");
    }
}
