// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Linalg.Dense;

/// <summary>
/// Where Core finds <see cref="IBidiagonalKernels"/>: the backend's own, its host backend's (OpenCL), or the managed
/// backend's LAPACK kernel on host copies made here (as <see cref="DenseKernels"/>).
/// </summary>
internal static class BidiagonalKernels
{
    private static readonly HostBidiagonal Staged = new(DenseKernels.Host);

    public static IBidiagonalKernels Of(ITensorBackend backend) =>
        backend is IBidiagonalKernels || backend is IHostFallback
            ? backend.Capability<IBidiagonalKernels>()
            : Staged;

    private sealed class HostBidiagonal(IBidiagonalKernels host) : IBidiagonalKernels
    {
        public void BidiagonalSvd(LocalTensor d, LocalTensor e, LocalTensor s, LocalTensor? u, LocalTensor? vt)
        {
            using var st = new DenseKernels.Stage();
            host.BidiagonalSvd(st.In(d), st.In(e), st.Out(s)!, st.Out(u), st.Out(vt));
            st.Flush();
        }

        public void VectorMatrix(LocalTensor x, LocalTensor a, LocalTensor y)
        {
            using var st = new DenseKernels.Stage();
            host.VectorMatrix(st.In(x), st.In(a), st.Out(y)!);
            st.Flush();
        }
    }
}
