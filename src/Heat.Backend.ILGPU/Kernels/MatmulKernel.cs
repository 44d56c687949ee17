// SPDX-License-Identifier: MIT
using global::ILGPU;

namespace Heat.Backend.ILGPU.Kernels;

/// <summary>One matrix product's strides and offsets (one batch entry).</summary>
internal struct MatmulArgs
{
    public long M, N, K;
    public long SA0, SA1, SB0, SB1, SC0, SC1;
    public long OA, OB, OC;
    public int Accumulate, Tile;
}

/// <summary>
/// C = A·B (or C += A·B) tiled in shared memory: each group of tile² threads computes one tile of C,
/// staging a tile of A and of B per step along K, in the element type's own precision.
/// </summary>
internal static class MatmulKernel
{
    public static void Matmul<T, A>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, MatmulArgs p)
        where T : unmanaged where A : struct, IArith<T>
    {
        // Dynamic shared memory: the tile's edge depends on the accelerator's group size.
        int Tile = p.Tile;
        var shared = SharedMemory.GetDynamic<T>();
        var sa = shared.SubView(0, Tile * Tile);
        var sb = shared.SubView(Tile * Tile, Tile * Tile);
        int tx = Group.IdxX, ty = Group.IdxY;
        long col = (long)Grid.IdxX * Tile + tx, row = (long)Grid.IdxY * Tile + ty;
        T acc = default(A).Zero;
        for (long k0 = 0; k0 < p.K; k0 += Tile)
        {
            long ka = k0 + tx, kb = k0 + ty;
            sa[ty * Tile + tx] = row < p.M && ka < p.K ? a[p.OA + row * p.SA0 + ka * p.SA1] : default(A).Zero;
            sb[ty * Tile + tx] = kb < p.K && col < p.N ? b[p.OB + kb * p.SB0 + col * p.SB1] : default(A).Zero;
            Group.Barrier();
            for (int k = 0; k < Tile; k++) acc = default(A).MulAdd(sa[ty * Tile + k], sb[k * Tile + tx], acc);
            Group.Barrier();
        }
        if (row < p.M && col < p.N)
        {
            long at = p.OC + row * p.SC0 + col * p.SC1;
            c[at] = p.Accumulate != 0 ? default(A).Add(c[at], acc) : acc;
        }
    }
}

/// <summary>
/// C = A·B with one work-item per element of C and no shared memory: what ILGPU's CPU accelerator runs for larger
/// products, where the simulator's group barriers would dominate.
/// </summary>
internal static class MatmulDirectKernel
{
    public static void Matmul<T, A>(Index1D w, ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, MatmulArgs p, long total)
        where T : unmanaged where A : struct, IArith<T>
    {
        for (long e = w; e < p.M * p.N; e += total)
        {
            long row = e / p.N, col = e - row * p.N;
            T acc = default(A).Zero;
            for (long k = 0; k < p.K; k++) acc = default(A).MulAdd(a[p.OA + row * p.SA0 + k * p.SA1],
                b[p.OB + k * p.SB0 + col * p.SB1], acc);
            long at = p.OC + row * p.SC0 + col * p.SC1;
            c[at] = p.Accumulate != 0 ? default(A).Add(c[at], acc) : acc;
        }
    }
}
