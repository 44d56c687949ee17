// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed.CoordinateDescent;

namespace Heat.Backend.Managed;

/// <summary>The coordinate-descent capability (CoordinateDescent/), also the host implementation other backends stage
/// to.</summary>
public sealed partial class ManagedBackend : ICoordinateDescentKernels
{
    /// <inheritdoc/>
    void ICoordinateDescentKernels.Gram(LocalTensor x, LocalTensor y, LocalTensor gram, LocalTensor xty) =>
        CoordinateDescentKernels.Gram(this, x, y, gram, xty);

    /// <inheritdoc/>
    void ICoordinateDescentKernels.Columns(LocalTensor x, LocalTensor columns, LocalTensor squares) =>
        CoordinateDescentKernels.Columns(this, x, columns, squares);

    /// <inheritdoc/>
    double ICoordinateDescentKernels.Dot(LocalTensor columns, long nextColumn, LocalTensor residual) =>
        CoordinateDescentKernels.Dot(this, columns, nextColumn, residual);

    /// <inheritdoc/>
    double ICoordinateDescentKernels.Update(LocalTensor columns, LocalTensor residual, LocalTensor updated,
        long previous, double delta, long nextColumn) =>
        CoordinateDescentKernels.Update(this, columns, residual, updated, previous, delta, nextColumn);
}
