// SPDX-License-Identifier: MIT
namespace Heat;

public sealed partial class DNDarray
{
    /// <summary>The diagonal of the sub-arrays spanned by dim1 and dim2 (see <see cref="ht.diagonal"/>).</summary>
    public DNDarray diagonal(long offset = 0, int dim1 = 0, int dim2 = 1) => ht.diagonal(this, offset, dim1, dim2);
}
