// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.IO;

/// <summary>Turns a rank's freshly read box into its DNDarray.</summary>
internal static class IoArrays
{
    /// <summary>Converts <paramref name="local"/> to <paramref name="dtype"/> if needed (taking ownership) and wraps it as a balanced DNDarray.</summary>
    public static DNDarray Wrap(LocalTensor local, IoLayout layout, DType dtype, RankContext ctx)
    {
        if (local.DType != dtype)
        {
            try { var converted = ctx.Backend.Copy(local, dtype); local.Dispose(); local = converted; }
            catch { local.Dispose(); throw; }
        }
        return new DNDarray(local, layout.Shape, layout.Split, ctx, balanced: true);
    }
}
