// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Distributed;

/// <summary>
/// A node of a deferred element-wise expression over this rank's local tensors: immutable, shared between the pending
/// arrays that use it, reference-counted (an input node holds its own share of the tensor).
/// </summary>
internal sealed class FusedExpr
{
    private int _references = 1;

    private FusedExpr(FusedNodeKind kind, DType dtype, long[] shape, Device device, FusedExpr? left, FusedExpr? right)
    {
        Kind = kind; DType = dtype; Shape = shape; Device = device; Left = left; Right = right;
        Numel = Shapes.Numel(shape);
        Size = 1 + (left?.Size ?? 0) + (right?.Size ?? 0);
    }

    public FusedNodeKind Kind { get; }
    public DType DType { get; }
    /// <summary>The local shape.</summary>
    public long[] Shape { get; }
    public long Numel { get; }
    public Device Device { get; }
    public FusedExpr? Left { get; }
    public FusedExpr? Right { get; }
    public UnaryOp UnaryOp { get; private init; }
    public BinaryOp BinaryOp { get; private init; }
    public LocalTensor? Tensor { get; private init; }
    public Scalar Value { get; private init; }
    /// <summary>Nodes of the tree (shared nodes counted once per use): the size threshold.</summary>
    public int Size { get; }

    /// <summary>An input; takes ownership of <paramref name="tensor"/> (a view already broadcast to the
    /// shape).</summary>
    public static FusedExpr Input(LocalTensor tensor) =>
        new(FusedNodeKind.Input, tensor.DType, tensor.GetShape(), tensor.Device, null, null) { Tensor = tensor };

    public static FusedExpr Constant(Scalar value, DType dtype, long[] shape, Device device) =>
        new(FusedNodeKind.Constant, dtype, shape, device, null, null) { Value = value };

    /// <summary>Nodes over existing ones take a reference to them.</summary>
    public static FusedExpr Cast(FusedExpr x, DType dtype) =>
        new(FusedNodeKind.Cast, dtype, x.Shape, x.Device, x.AddRef(), null);

    public static FusedExpr Unary(UnaryOp op, FusedExpr x, DType dtype) =>
        new(FusedNodeKind.Unary, dtype, x.Shape, x.Device, x.AddRef(), null) { UnaryOp = op };

    public static FusedExpr Binary(BinaryOp op, FusedExpr a, FusedExpr b, DType dtype) =>
        new(FusedNodeKind.Binary, dtype, a.Shape, a.Device, a.AddRef(), b.AddRef()) { BinaryOp = op };

    /// <summary>True when only the array that owns this expression refers to it (no other expression uses
    /// it).</summary>
    public bool IsRoot => _references == 1;

    public FusedExpr AddRef() { _references++; return this; }

    public void Release()
    {
        if (--_references > 0) return;
        Tensor?.Dispose();
        Left?.Release();
        Right?.Release();
    }

    /// <summary>True when an input of this expression is a view of <paramref name="storage"/>.</summary>
    public bool Reads(TensorStorage storage) => Kind == FusedNodeKind.Input
        ? ReferenceEquals(Tensor!.Storage, storage)
        : Left?.Reads(storage) == true || Right?.Reads(storage) == true;

    /// <summary>The program of the backend capability: nodes in dependency order, shared nodes once, this one
    /// last.</summary>
    public List<FusedNode> Compile()
    {
        var program = new List<FusedNode>();
        var index = new Dictionary<FusedExpr, int>(ReferenceEqualityComparer.Instance);
        Emit(this, program, index);
        return program;
    }

    private static int Emit(FusedExpr e, List<FusedNode> program, Dictionary<FusedExpr, int> index)
    {
        if (index.TryGetValue(e, out int known)) return known;
        int l = e.Left is null ? -1 : Emit(e.Left, program, index);
        int r = e.Right is null ? -1 : Emit(e.Right, program, index);
        program.Add(e.Kind switch
        {
            FusedNodeKind.Input => FusedNode.Input(e.Tensor!),
            FusedNodeKind.Constant => FusedNode.Constant(e.Value, e.DType),
            FusedNodeKind.Cast => FusedNode.Cast(l, e.DType),
            FusedNodeKind.Unary => FusedNode.Unary(e.UnaryOp, l, e.DType),
            _ => FusedNode.Binary(e.BinaryOp, l, r, e.DType),
        });
        index[e] = program.Count - 1;
        return program.Count - 1;
    }
}
