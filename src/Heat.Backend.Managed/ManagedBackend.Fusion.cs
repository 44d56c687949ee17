// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Backend.Managed;

public sealed partial class ManagedBackend : IFusedElementwiseKernels
{
    /// <summary>Set on a thread that evaluates fused blocks: its element-wise kernels then run on that thread alone
    /// (the blocks are already spread over the workers).</summary>
    [ThreadStatic] internal static bool InlineOps;

    private int OpThreads => InlineOps ? 1 : Threads;

    /// <inheritdoc/>
    public bool CanFuse(DType dtype) => dtype.Code is DTypeCode.Bool or DTypeCode.UInt8 or DTypeCode.Int8
        or DTypeCode.Int16 or DTypeCode.Int32 or DTypeCode.Int64 or DTypeCode.Float32 or DTypeCode.Float64;

    /// <inheritdoc/>
    public void Evaluate(IReadOnlyList<FusedNode> program, LocalTensor destination) =>
        FusedEvaluator.Run(this, program, destination);
}
