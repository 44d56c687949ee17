// SPDX-License-Identifier: MIT
namespace Heat.Distributed;

/// <summary>Shape changes that need no communication.</summary>
internal static class Manipulation
{
    /// <summary>
    /// A view of the 1-d <paramref name="v"/> as an <paramref name="ndim"/>-d array with extent 1 everywhere but
    /// <paramref name="axis"/> (NumPy's <c>v[None, :, None]</c>), so it broadcasts along that axis; a split moves with it.
    /// </summary>
    public static DNDarray AlignVector(DNDarray v, int ndim, int axis)
    {
        var local = v.larray.Share();
        try
        {
            for (int d = 0; d < axis; d++) Swap(ref local, local.ExpandDims(0));
            for (int d = axis + 1; d < ndim; d++) Swap(ref local, local.ExpandDims(local.NDim));
            var gshape = Enumerable.Repeat(1L, ndim).ToArray();
            gshape[axis] = v.GShapeRef[0];
            return new DNDarray(local, gshape, v.split is null ? null : axis, v.Context, v.balanced);
        }
        catch { local.Dispose(); throw; }
    }

    private static void Swap(ref Heat.Abstractions.LocalTensor current, Heat.Abstractions.LocalTensor next)
    {
        current.Dispose();
        current = next;
    }
}
