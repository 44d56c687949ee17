// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat;

// HeAT: heat/core/dndarray.py and the modules that attach members — the alias names HeAT gives the in-place family,
// and the method forms of unique, norm and the savers.
public sealed partial class DNDarray
{
    /// <summary>In-place greatest common divisor (integers); returns this array.</summary>
    public DNDarray gcd_(DNDarray other) => InPlace.Binary(BinaryOp.Gcd, this, other, "gcd_");

    /// <summary>In-place least common multiple (integers); returns this array.</summary>
    public DNDarray lcm_(DNDarray other) => InPlace.Binary(BinaryOp.Lcm, this, other, "lcm_");

    /// <summary>Alias of <see cref="sub_(DNDarray)"/>.</summary>
    public DNDarray subtract_(DNDarray other) => sub_(other);

    /// <summary>Alias of <see cref="mul_(DNDarray)"/>.</summary>
    public DNDarray multiply_(DNDarray other) => mul_(other);

    /// <summary>Alias of <see cref="div_(DNDarray)"/>.</summary>
    public DNDarray divide_(DNDarray other) => div_(other);

    /// <summary>Alias of <see cref="floordiv_(DNDarray)"/>.</summary>
    public DNDarray floor_divide_(DNDarray other) => floordiv_(other);

    /// <summary>Alias of <see cref="pow_(DNDarray)"/>.</summary>
    public DNDarray power_(DNDarray other) => pow_(other);

    /// <summary>Alias of <see cref="mod_(DNDarray)"/>.</summary>
    public DNDarray remainder_(DNDarray other) => mod_(other);

    /// <summary>Alias of <see cref="neg_"/>.</summary>
    public DNDarray negative_() => neg_();

    /// <summary>Alias of <see cref="invert_"/>.</summary>
    public DNDarray bitwise_not_() => invert_();

    /// <summary>Alias of <see cref="cumprod_"/>.</summary>
    public DNDarray cumproduct_(int axis) => cumprod_(axis);

    /// <summary>The sorted unique elements (see <see cref="ht.unique(DNDarray, bool, int?)"/>).</summary>
    public DNDarray unique(bool sorted = false, int? axis = null) => ht.unique(this, sorted, axis);

    /// <summary>The vector or matrix norm (see <see cref="ht.norm"/>).</summary>
    public DNDarray norm(Axis? axis = null, bool keepdims = false, object? ord = null) => ht.norm(this, axis, keepdims,
        ord);

    /// <summary>The chunk shapes of every rank (ranks × ndim), as <see cref="lshape_map"/>.</summary>
    /// <param name="force_check">Accepted for HeAT's signature; the map is always exact here.</param>
    public long[,] create_lshape_map(bool force_check = false) => lshape_map;

    /// <summary>Saves the array to an HDF5 dataset (see <see cref="ht.save_hdf5"/>).</summary>
    public void save_hdf5(string path, string dataset, string mode = "w", int? compression = null)
        => ht.save_hdf5(this, path, dataset, mode, compression);

    /// <summary>Saves the array to a netCDF variable (see <see cref="ht.save_netcdf"/>).</summary>
    public void save_netcdf(string path, string variable, string mode = "w", string[]? dimension_names = null)
        => ht.save_netcdf(this, path, variable, mode, dimension_names);
}
