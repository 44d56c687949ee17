// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Linalg.Dense;

/// <summary>
/// Where Core finds <see cref="ITridiagonalKernels"/>: the backend's own, its host backend's (OpenCL), or the managed
/// backend's LAPACK kernels on host copies made here (as <see cref="DenseKernels"/>).
/// </summary>
internal static class TridiagonalKernels
{
    private static readonly HostTridiagonal Staged = new(DenseKernels.Host);

    public static ITridiagonalKernels Of(ITensorBackend backend) =>
        backend is ITridiagonalKernels || backend is IHostFallback
            ? backend.Capability<ITridiagonalKernels>()
            : Staged;

    private sealed class HostTridiagonal(ITridiagonalKernels host) : ITridiagonalKernels
    {
        public void Reflector(LocalTensor x, LocalTensor v, LocalTensor tau, LocalTensor beta)
        {
            using var s = new DenseKernels.Stage();
            host.Reflector(s.In(x), s.Out(v)!, s.Out(tau)!, s.Out(beta)!);
            s.Flush();
        }

        public void MatrixVector(LocalTensor a, LocalTensor x, LocalTensor y)
        {
            using var s = new DenseKernels.Stage();
            host.MatrixVector(s.In(a), s.In(x), s.Out(y)!);
            s.Flush();
        }

        public void TridiagonalEigh(LocalTensor d, LocalTensor e, LocalTensor w, LocalTensor z)
        {
            using var s = new DenseKernels.Stage();
            host.TridiagonalEigh(s.In(d), s.In(e), s.Out(w)!, s.Out(z)!);
            s.Flush();
        }

        public void ApplyReflectors(LocalTensor reflectors, LocalTensor tau, LocalTensor c, LocalTensor result)
        {
            using var s = new DenseKernels.Stage();
            host.ApplyReflectors(s.In(reflectors), s.In(tau), s.In(c), s.Out(result)!);
            s.Flush();
        }
    }
}
