// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;
using Heat.Distributed;

namespace Heat.Linalg.Dense;

/// <summary>
/// The driver of <c>ht.linalg.eig</c>: the matrix is replicated on every rank and solved there by the backend's
/// <see cref="IEigenKernels"/> (its host backend's for OpenCL; host copies through the managed backend for a backend
/// with neither, such as Torch).
/// </summary>
internal static class Eigen
{
    private static readonly ManagedBackend Host = new();

    public static (DNDarray Values, DNDarray Vectors) Eig(DNDarray a)
    {
        Checks.Matrix(a, "eig", square: true);
        if (a.ndim != 2)
            throw new ArgumentException($"eig: a must be a 2-d (n × n) matrix, not {a.ndim}-d.", nameof(a));
        using var scope = DisposeScope.Begin();
        var replicated = a.split is null ? a : ht.resplit(a, null);
        var backend = a.Backend;
        long n = a.GShapeRef[0];
        var type = a.dtype.Code is DTypeCode.Float32 or DTypeCode.Complex64 ? DType.Complex64 : DType.Complex128;
        var w = backend.Empty([n], type, a.larray.Device);
        var v = backend.Empty([n, n], type, a.larray.Device);
        var values = scope.MoveToOuter(new DNDarray(w, [n], null, a.Context, true));
        var vectors = scope.MoveToOuter(new DNDarray(v, [n, n], null, a.Context, true));
        using (var c = backend.Contiguous(replicated.larray)) Solve(backend, c, w, v);
        return (values, vectors);
    }

    private static void Solve(ITensorBackend backend, LocalTensor a, LocalTensor w, LocalTensor v)
    {
        if (backend is IEigenKernels || backend is IHostFallback)
        {
            backend.Capability<IEigenKernels>().Eig(a, w, v);
            return;
        }
        using var ha = HostStaging.Readable(a);
        using var hw = HostStaging.IsHostContiguous(w) ? w.Share() : HostStaging.Empty(w.Shape, w.DType);
        using var hv = HostStaging.IsHostContiguous(v) ? v.Share() : HostStaging.Empty(v.Shape, v.DType);
        ((IEigenKernels)Host).Eig(ha, hw, hv);
        HostStaging.WriteBack(hw, w);
        HostStaging.WriteBack(hv, v);
    }
}
