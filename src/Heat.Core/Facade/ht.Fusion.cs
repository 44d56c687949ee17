// SPDX-License-Identifier: MIT
using Heat.Distributed;

namespace Heat;

// Element-wise fusion (no HeAT counterpart): chains of element-wise ops evaluated in one pass over memory.
public static partial class ht
{
    /// <summary>
    /// Evaluates <paramref name="expression"/> with its element-wise ops fused: <c>ht.fuse(() =&gt; a * b + c)</c>
    /// reads a, b and c once and writes the result once. Results are bit-identical to evaluating the ops one by one.
    /// </summary>
    /// <remarks>Fuses on backends with <see cref="Heat.Abstractions.IFusedElementwiseKernels"/> (the managed one);
    /// elsewhere, and where operands need communication to line up, the ops run one by one. The result is
    /// computed when this returns.</remarks>
    public static DNDarray fuse(Func<DNDarray> expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        DNDarray result;
        using (Fusion.Begin(Context, evaluateAtEnd: false)) result = expression();
        _ = result.larray;
        return result;
    }

    /// <summary>
    /// Defers element-wise results until the returned scope ends: <c>using (ht.lazy()) { var y = (x - m) / s; }</c>.
    /// Element-wise ops then build expressions that are evaluated in one pass each at the first reduction,
    /// communication or data access of their result, at the size threshold of 32 nodes, or when the scope ends
    /// (results created in the scope that no other pending result uses). Results are bit-identical to evaluating
    /// the ops one by one.
    /// </summary>
    /// <remarks>Arrays still pending after the scope stay correct: they are computed on first use, and before any
    /// array they read is handed out for writing.</remarks>
    public static IDisposable lazy() => Fusion.Begin(Context, evaluateAtEnd: true);
}
