// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Linalg.Dense;

/// <summary>
/// The distributed eigh of a Hermitian (symmetric) matrix split 0 or 1: Householder tridiagonalisation of the
/// row-distributed matrix (<see cref="Tridiagonalization"/>), the real tridiagonal problem solved on every rank by
/// LAPACK's divide and conquer (O(n²) data), then every rank applies the replicated reflectors (ormtr/unmtr) to its
/// own block of eigenvector columns, which come out split 1 without further communication.
/// </summary>
internal static class SymmetricEigen
{
    public static (DNDarray Eigenvalues, DNDarray Eigenvectors) Eigh(DNDarray a)
    {
        var b = a.Backend;
        var comm = a.comm;
        long n = a.GShapeRef[0];
        var counts = a.SplitCounts();
        var dtype = a.dtype;
        // A is Hermitian, so its column block is the conjugate transpose of the matching row block.
        LocalTensor d, e, tau, refl;
        using (var rows = a.split == 0 ? b.Copy(a.larray) : Local.ConjTCopy(b, a.larray))
            (d, e, tau, refl) = Tridiagonalization.Reduce(b, comm, rows, counts);
        using (d)
        using (e)
        using (tau)
        using (refl)
        {
            var kernels = TridiagonalKernels.Of(b);
            using var w = b.Empty([n], dtype.RealType, a.larray.Device);
            using var z = b.Empty([n, n], dtype.RealType, a.larray.Device);
            kernels.TridiagonalEigh(d, e, w, z);
            // Descending (HeAT): this rank's output columns are ascending columns n − off − k .. n − off − 1,
            // reversed.
            var outCounts = Chunking.Counts(n, comm.Size);
            long off = Chunking.Displacements(outCounts)[comm.Rank], k = outCounts[comm.Rank];
            using var block = k == 0 ? b.Empty([n, 0], dtype, a.larray.Device) : Reversed(b, z, n - off - 1, k, dtype);
            var local = b.Empty([n, k], dtype, a.larray.Device);
            DNDarray vectors;
            try
            {
                kernels.ApplyReflectors(refl, tau, block, local);
                vectors = DNDarray.WithSplitCounts(local, [n, n], 1, a.Context, outCounts);
            }
            catch { local.Dispose(); throw; }
            if (a.split == 0)
            {
                var columns = vectors;
                using (columns) vectors = ht.resplit(columns, 0);
            }
            try
            {
                using var lambda = new DNDarray(Local.Flip(b, w, 0), [n], null, a.Context, true);
                return (ht.resplit(lambda, 0), vectors);
            }
            catch { vectors.Dispose(); throw; }
        }
    }

    // Columns first, first − 1, …, first − k + 1 of z as a contiguous tensor of dtype.
    private static LocalTensor Reversed(ITensorBackend b, LocalTensor z, long first, long k, DType dtype)
    {
        using var view = z.Slice(1, first, k, -1);
        return b.Copy(view, dtype);
    }
}
