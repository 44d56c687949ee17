// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;
using Heat.Distributed;

namespace Heat.Linalg.Dense;

/// <summary>
/// Where Core finds the local dense factorizations (<see cref="IDenseLinalgKernels"/>): the backend's own, its host
/// backend's staged through host copies (OpenCL), or, for a backend with neither, the
/// managed backend's LAPACK kernels on host copies made here.
/// </summary>
internal static class DenseKernels
{
    internal static readonly ManagedBackend Host = new();
    private static readonly HostDense Staged = new(Host);

    public static IDenseLinalgKernels Of(ITensorBackend backend) =>
        backend is IDenseLinalgKernels || backend is IHostFallback ? backend.Capability<IDenseLinalgKernels>() : Staged;

    // Operands as host-readable contiguous tensors, destinations written back after the call.
    private sealed class HostDense(IDenseLinalgKernels host) : IDenseLinalgKernels
    {
        public void Qr(LocalTensor a, LocalTensor? q, LocalTensor r)
        {
            using var s = new Stage();
            host.Qr(s.In(a), s.Out(q), s.Out(r)!);
            s.Flush();
        }

        public void Svd(LocalTensor a, LocalTensor? u, LocalTensor sv, LocalTensor? vt)
        {
            using var s = new Stage();
            host.Svd(s.In(a), s.Out(u), s.Out(sv)!, s.Out(vt));
            s.Flush();
        }

        public void Eigh(LocalTensor a, LocalTensor w, LocalTensor? v)
        {
            using var s = new Stage();
            host.Eigh(s.In(a), s.Out(w)!, s.Out(v));
            s.Flush();
        }

        public void Solve(LocalTensor a, LocalTensor b, LocalTensor x)
        {
            using var s = new Stage();
            host.Solve(s.In(a), s.In(b), s.Out(x)!);
            s.Flush();
        }

        public void Inv(LocalTensor a, LocalTensor x)
        {
            using var s = new Stage();
            host.Inv(s.In(a), s.Out(x)!);
            s.Flush();
        }

        public void Slogdet(LocalTensor a, LocalTensor sign, LocalTensor logabsdet)
        {
            using var s = new Stage();
            host.Slogdet(s.In(a), s.Out(sign)!, s.Out(logabsdet)!);
            s.Flush();
        }

        public void SolveTriangular(LocalTensor a, LocalTensor b, bool upper, bool unitDiagonal, LocalTensor x)
        {
            using var s = new Stage();
            host.SolveTriangular(s.In(a), s.In(b), upper, unitDiagonal, s.Out(x)!);
            s.Flush();
        }
    }

    internal sealed class Stage : IDisposable
    {
        private readonly List<LocalTensor> _owned = [];
        private readonly List<(LocalTensor Host, LocalTensor Target)> _outputs = [];

        public LocalTensor In(LocalTensor t)
        {
            var h = HostStaging.Readable(t);
            _owned.Add(h);
            return h;
        }

        public LocalTensor? Out(LocalTensor? t)
        {
            if (t is null) return null;
            var h = HostStaging.IsHostContiguous(t) ? t.Share() : HostStaging.Empty(t.Shape, t.DType);
            _owned.Add(h);
            _outputs.Add((h, t));
            return h;
        }

        public void Flush()
        {
            foreach (var (h, t) in _outputs) HostStaging.WriteBack(h, t);
        }

        public void Dispose()
        {
            foreach (var t in _owned) t.Dispose();
        }
    }
}
