// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using Heat.Abstractions;
using Heat.Backend.Managed;
using Heat.Distributed;

namespace Heat.Fft;

/// <summary>
/// Where Core finds the local transforms (<see cref="IFftKernels"/>): the backend's own, its host backend's staged
/// through host copies (OpenCL), or, for a backend with neither, the managed backend's FFTW kernels run on host
/// copies made here.
/// </summary>
internal static class FftEngine
{
    private static readonly ConditionalWeakTable<ITensorBackend, IFftKernels> Staged = new();

    public static IFftKernels Of(ITensorBackend backend) =>
        backend is IFftKernels || backend is IHostFallback
            ? backend.Capability<IFftKernels>()
            : Staged.GetValue(backend, b => new HostFft(new ManagedBackend(b.Threads)));

    /// <summary>The managed kernels over host copies: operands copied out, destinations written back.</summary>
    private sealed class HostFft(ManagedBackend host) : IFftKernels
    {
        private readonly IFftKernels _kernels = host;

        public void ComplexToComplex(LocalTensor source, LocalTensor destination, int axis, bool inverse,
            double scale) =>
            Staged2(source, destination, (s, d) => _kernels.ComplexToComplex(s, d, axis, inverse, scale));

        public void RealToComplex(LocalTensor source, LocalTensor destination, int axis, double scale) =>
            Staged2(source, destination, (s, d) => _kernels.RealToComplex(s, d, axis, scale));

        public void ComplexToReal(LocalTensor source, LocalTensor destination, int axis, double scale) =>
            Staged2(source, destination, (s, d) => _kernels.ComplexToReal(s, d, axis, scale));

        public void Twiddle(LocalTensor source, LocalTensor destination, long n, long rowOffset, long columnOffset,
            bool inverse) =>
            Staged2(source, destination, (s, d) => _kernels.Twiddle(s, d, n, rowOffset, columnOffset, inverse));

        public void Chirp(LocalTensor source, LocalTensor destination, long n, long offset, bool inverse) =>
            Staged2(source, destination, (s, d) => _kernels.Chirp(s, d, n, offset, inverse));

        private static void Staged2(LocalTensor source, LocalTensor destination, Action<LocalTensor, LocalTensor> run)
        {
            source.Backend.Synchronize();
            using var s = HostStaging.CopyOf(source);
            using var d = HostStaging.Empty(destination.Shape, destination.DType);
            run(s, d);
            HostStaging.WriteBack(d, destination);
        }
    }
}
