// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>What a node of a fused element-wise program computes.</summary>
public enum FusedNodeKind
{
    /// <summary>A local tensor, already broadcast to the program's shape.</summary>
    Input,
    /// <summary>A scalar in the node's dtype (every element alike).</summary>
    Constant,
    /// <summary>The <see cref="FusedNode.Left"/> node converted to the node's dtype (as a copy between
    /// dtypes).</summary>
    Cast,
    /// <summary>A unary op of the registry on the <see cref="FusedNode.Left"/> node.</summary>
    Unary,
    /// <summary>A binary op of the registry on the <see cref="FusedNode.Left"/> and <see cref="FusedNode.Right"/>
    /// nodes (both of one dtype).</summary>
    Binary,
}

/// <summary>One node of a fused element-wise program; operands are indices of earlier nodes.</summary>
public sealed class FusedNode
{
    private FusedNode(FusedNodeKind kind, DType dtype, int left, int right)
    {
        Kind = kind; DType = dtype; Left = left; Right = right;
    }

    /// <summary>What the node computes.</summary>
    public FusedNodeKind Kind { get; }
    /// <summary>The dtype of the node's values.</summary>
    public DType DType { get; }
    /// <summary>The first operand's node index, or -1.</summary>
    public int Left { get; }
    /// <summary>The second operand's node index, or -1.</summary>
    public int Right { get; }
    /// <summary>The op of a <see cref="FusedNodeKind.Unary"/> node.</summary>
    public UnaryOp UnaryOp { get; private init; }
    /// <summary>The op of a <see cref="FusedNodeKind.Binary"/> node.</summary>
    public BinaryOp BinaryOp { get; private init; }
    /// <summary>The tensor of an <see cref="FusedNodeKind.Input"/> node.</summary>
    public LocalTensor? Tensor { get; private init; }
    /// <summary>The value of a <see cref="FusedNodeKind.Constant"/> node.</summary>
    public Scalar Value { get; private init; }

    /// <summary>An input tensor (shape = the program's shape; any strides, zero where broadcast).</summary>
    public static FusedNode Input(LocalTensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return new(FusedNodeKind.Input, tensor.DType, -1, -1) { Tensor = tensor };
    }

    /// <summary>A scalar converted to <paramref name="dtype"/>.</summary>
    public static FusedNode Constant(Scalar value, DType dtype) =>
        new(FusedNodeKind.Constant, dtype, -1, -1) { Value = value };

    /// <summary>Node <paramref name="source"/> converted to <paramref name="dtype"/>.</summary>
    public static FusedNode Cast(int source, DType dtype) => new(FusedNodeKind.Cast, dtype, source, -1);

    /// <summary><paramref name="op"/> on node <paramref name="x"/>, giving <paramref name="dtype"/>.</summary>
    public static FusedNode Unary(UnaryOp op, int x, DType dtype) =>
        new(FusedNodeKind.Unary, dtype, x, -1) { UnaryOp = op };

    /// <summary><paramref name="op"/> on nodes <paramref name="a"/> and <paramref name="b"/>, giving
    /// <paramref name="dtype"/>.</summary>
    public static FusedNode Binary(BinaryOp op, int a, int b, DType dtype) =>
        new(FusedNodeKind.Binary, dtype, a, b) { BinaryOp = op };
}

/// <summary>
/// Evaluates a chain of element-wise ops in one blocked pass over memory: every node is computed block by block with
/// the backend's own per-op kernels, so results are bit-identical to evaluating the ops one by one.
/// </summary>
/// <remarks>
/// Unlike the other capabilities this one is never staged through a host backend: Core asks for it with a type test
/// and evaluates op by op where a backend does not implement it.
/// </remarks>
public interface IFusedElementwiseKernels : IBackendCapability
{
    /// <summary>True when programs may hold nodes and inputs of <paramref name="dtype"/>.</summary>
    bool CanFuse(DType dtype);

    /// <summary>Evaluates <paramref name="program"/> (nodes in dependency order, the last one the result) into
    /// <paramref name="destination"/>, whose shape is the program's shape and dtype the last node's.</summary>
    void Evaluate(IReadOnlyList<FusedNode> program, [Destination] LocalTensor destination);
}
