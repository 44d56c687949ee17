// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Torch.Interop;

namespace Heat.Backend.Torch;

/// <summary>One shim call over several tensors: their views pinned on the stack for the call.</summary>
public sealed unsafe partial class TorchBackend
{
    /// <summary>A shim export over the views of the tensors given to <see cref="Call"/>, in their order.</summary>
    private delegate int ShimCall(HtsTensor* views);

    /// <summary>
    /// Runs <paramref name="call"/> over the shim's views of <paramref name="tensors"/> (a null tensor gets a view
    /// with <c>NDim</c> −1, passed on as a null pointer by <see cref="Optional"/>) and throws on a non-zero status.
    /// </summary>
    private static void Call(string what, ShimCall call, params ReadOnlySpan<LocalTensor?> tensors)
    {
        int dims = 0;
        foreach (var t in tensors) dims += t?.NDim ?? 0;
        long* extents = stackalloc long[Math.Max(1, 2 * dims)];
        HtsTensor* views = stackalloc HtsTensor[tensors.Length];
        long* p = extents;
        for (int i = 0; i < tensors.Length; i++)
        {
            if (tensors[i] is not { } t)
            {
                views[i] = new HtsTensor { NDim = -1 };
                continue;
            }
            t.Shape.CopyTo(new Span<long>(p, t.NDim));
            t.Strides.CopyTo(new Span<long>(p + t.NDim, t.NDim));
            views[i] = Describe(t, p, p + t.NDim);
            p += 2 * t.NDim;
        }
        TorchNative.Check(call(views), what);
    }

    /// <summary>The view, or null for an absent tensor.</summary>
    private static HtsTensor* Optional(HtsTensor* view) => view->NDim < 0 ? null : view;
}
