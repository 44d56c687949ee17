// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Backend.Torch;

/// <summary>
/// LASSO's coordinate-descent kernels (<see cref="ICoordinateDescentKernels"/>): no ATen version yet, so the host
/// backend's run on this backend's tensors through host copies (in place where they are host-addressable).
/// </summary>
public sealed partial class TorchBackend : ICoordinateDescentKernels
{
    // The runtime's host backend (TorchBackendProvider hands it over), else a managed one of its own.
    private Lazy<ITensorBackend> _host = new(() =>
        new ProviderContext(new ConfigurationBuilder().Build(), NullLoggerFactory.Instance, 1).HostBackend);

    internal void UseHost(Func<ITensorBackend> host) => _host = new(host);

    private ICoordinateDescentKernels HostCoordinateDescent =>
        this.StagedThrough<ICoordinateDescentKernels>(_host.Value, NullLogger.Instance);

    void ICoordinateDescentKernels.Gram(LocalTensor x, LocalTensor y, LocalTensor gram, LocalTensor xty) =>
        HostCoordinateDescent.Gram(x, y, gram, xty);

    void ICoordinateDescentKernels.Columns(LocalTensor x, LocalTensor columns, LocalTensor squares) =>
        HostCoordinateDescent.Columns(x, columns, squares);

    double ICoordinateDescentKernels.Dot(LocalTensor columns, long nextColumn, LocalTensor residual) =>
        HostCoordinateDescent.Dot(columns, nextColumn, residual);

    double ICoordinateDescentKernels.Update(LocalTensor columns, LocalTensor residual, LocalTensor updated,
        long previous, double delta, long nextColumn) =>
        HostCoordinateDescent.Update(columns, residual, updated, previous, delta, nextColumn);
}
