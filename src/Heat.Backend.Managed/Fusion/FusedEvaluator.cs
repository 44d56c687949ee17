// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.Backend.Managed;

/// <summary>
/// Runs a fused element-wise program block by block: a block is a range of one axis (with fixed indices before it and
/// everything after it) of about <see cref="BlockElements"/> elements, so intermediates stay in cache. Each node runs
/// the same strided kernel as the op-by-op path on the block; every block holds at least half a block of elements
/// (the last range of an axis absorbs the remainder), so vectorised kernels see the same element-wise paths and
/// results are bit-identical.
/// </summary>
internal static unsafe class FusedEvaluator
{
    /// <summary>Elements per block (intermediates of 8-byte types take 128 KiB: they stay in L2).</summary>
    public const long BlockElements = 16 * 1024;

    public static void Run(ManagedBackend backend, IReadOnlyList<FusedNode> program, LocalTensor destination)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(destination);
        Validate(backend, program, destination);
        long n = destination.Numel;
        if (n == 0) return;
        var plan = new Plan(program, destination);
        int computeNodes = 0;
        foreach (var node in program)
            if (node.Kind is not (FusedNodeKind.Input or FusedNodeKind.Constant)) computeNodes++;
        int parts = Parallelism.Parts(n * Math.Max(1, computeNodes), backend.Threads);
        byte* constants = (byte*)NativeMemory.AlignedAlloc((nuint)(16 * program.Count), 64);
        try
        {
            for (int i = 0; i < program.Count; i++)
                if (program[i].Kind == FusedNodeKind.Constant)
                    program[i].Value.WriteTo(program[i].DType, constants + 16 * i);
            WorkerPool.For(plan.Blocks, parts, (b0, b1) => plan.RunBlocks(backend, b0, b1, (nint)constants));
        }
        finally
        {
            NativeMemory.AlignedFree(constants);
        }
    }

    private static void Validate(ManagedBackend backend, IReadOnlyList<FusedNode> program, LocalTensor destination)
    {
        if (program.Count == 0)
            throw new ArgumentException("A fused program needs at least one node.", nameof(program));
        if (program[^1].DType != destination.DType)
            throw new ArgumentException($"The destination is {destination.DType}; the program gives "
                + $"{program[^1].DType}.", nameof(destination));
        for (int i = 0; i < program.Count; i++)
        {
            var node = program[i];
            if (!backend.CanFuse(node.DType))
                throw new ArgumentException($"Node {i}: {node.DType} cannot be fused.", nameof(program));
            bool needsLeft = node.Kind is FusedNodeKind.Cast or FusedNodeKind.Unary or FusedNodeKind.Binary;
            if (needsLeft && (node.Left < 0 || node.Left >= i)
                || node.Kind == FusedNodeKind.Binary && (node.Right < 0 || node.Right >= i))
                throw new ArgumentException($"Node {i} refers to a node that does not precede it.", nameof(program));
            if (node.Kind == FusedNodeKind.Input && !node.Tensor!.Shape.SequenceEqual(destination.Shape))
                throw new ArgumentException($"Input {i} has shape {Shapes.Format(node.Tensor.Shape)}, the destination "
                    + $"{Shapes.Format(destination.Shape)}.", nameof(program));
            if (node.Kind == FusedNodeKind.Binary && program[node.Left].DType != program[node.Right].DType)
                throw new ArgumentException($"Node {i} combines {program[node.Left].DType} with "
                    + $"{program[node.Right].DType}.", nameof(program));
        }
    }

    /// <summary>The block decomposition and, per node and block shape, the strided layout of its kernel.</summary>
    private sealed class Plan
    {
        private readonly IReadOnlyList<FusedNode> _program;
        private readonly long[] _shape;
        private readonly int _axis;          // the blocked axis, -1 when the whole tensor is one block
        private readonly long _rows;         // extent of a regular block along _axis
        private readonly long _segments;     // blocks along _axis per outer index
        private readonly long[][] _strides;  // per node: its strides over the full shape (inputs, destination)
        private readonly nint[] _bases;
        private readonly StridedLayout?[][] _layouts; // [variant][node]
        private readonly long _maxBlock;

        public Plan(IReadOnlyList<FusedNode> program, LocalTensor destination)
        {
            _program = program;
            _shape = destination.GetShape();
            int nd = _shape.Length, count = program.Count;
            long inner = 1;
            _axis = -1;
            for (int d = nd - 1; d >= 0; d--)
            {
                if (inner * _shape[d] > BlockElements) { _axis = d; break; }
                inner *= _shape[d];
            }
            long last;
            if (_axis < 0) { _rows = 1; _segments = 1; last = 1; Blocks = 1; _maxBlock = destination.Numel; }
            else
            {
                _rows = Math.Max(1, BlockElements / inner);
                _segments = Math.Max(1, _shape[_axis] / _rows);
                last = _shape[_axis] - (_segments - 1) * _rows;
                long outer = 1;
                for (int d = 0; d < _axis; d++) outer *= _shape[d];
                Blocks = outer * _segments;
                _maxBlock = Math.Max(_rows, last) * inner;
            }
            _strides = new long[count][];
            _bases = new nint[count];
            for (int i = 0; i < count; i++)
            {
                var node = program[i];
                if (i == count - 1)
                {
                    _strides[i] = destination.Strides.ToArray(); _bases[i] = destination.HostPointer;
                }
                else if (node.Kind == FusedNodeKind.Input)
                {
                    _strides[i] = node.Tensor!.Strides.ToArray(); _bases[i] = node.Tensor.HostPointer;
                }
                else _strides[i] = new long[nd];
            }
            _layouts = [Layouts(BlockShape(_rows)), Layouts(BlockShape(last))];
        }

        public long Blocks { get; }

        private long[] BlockShape(long rows)
        {
            var s = (long[])_shape.Clone();
            if (_axis < 0) return s;
            for (int d = 0; d < _axis; d++) s[d] = 1;
            s[_axis] = rows;
            return s;
        }

        private StridedLayout?[] Layouts(long[] blockShape)
        {
            int count = _program.Count, nd = blockShape.Length;
            var contiguous = new long[nd];
            long step = 1;
            for (int d = nd - 1; d >= 0; d--) { contiguous[d] = step; step *= blockShape[d]; }
            var result = new StridedLayout?[count];
            for (int i = 0; i < count; i++)
            {
                var node = _program[i];
                if (node.Kind is FusedNodeKind.Input or FusedNodeKind.Constant) continue;
                var own = i == count - 1 ? _strides[i] : contiguous;
                result[i] = node.Kind == FusedNodeKind.Binary
                    ? StridedLayout.Create(blockShape, Of(node.Left), Of(node.Right), own)
                    : StridedLayout.Create(blockShape, Of(node.Left), own);
            }
            return result;

            long[] Of(int j) => _program[j].Kind is FusedNodeKind.Input or FusedNodeKind.Constant || j == count - 1
                ? _strides[j] : contiguous;
        }

        public void RunBlocks(ManagedBackend backend, long b0, long b1, nint constants)
        {
            int count = _program.Count;
            var scratch = new nint[count];
            var pointers = new nint[count];
            bool inline = ManagedBackend.InlineOps;
            ManagedBackend.InlineOps = true;
            try
            {
                for (int i = 0; i < count - 1; i++)
                    if (_program[i].Kind is not (FusedNodeKind.Input or FusedNodeKind.Constant))
                        scratch[i] = (nint)NativeMemory.AlignedAlloc(
                            (nuint)(_maxBlock * _program[i].DType.ItemSize), 64);
                for (long b = b0; b < b1; b++) RunBlock(backend, b, scratch, pointers, constants);
            }
            finally
            {
                ManagedBackend.InlineOps = inline;
                foreach (var p in scratch) if (p != 0) NativeMemory.AlignedFree((void*)p);
            }
        }

        private void RunBlock(ManagedBackend backend, long block, nint[] scratch, nint[] pointers, nint constants)
        {
            int count = _program.Count;
            long outer = block / _segments, segment = block % _segments;
            var layouts = _layouts[segment == _segments - 1 ? 1 : 0];
            for (int i = 0; i < count; i++)
            {
                var node = _program[i];
                if (node.Kind == FusedNodeKind.Constant) { pointers[i] = constants + 16 * i; continue; }
                if (scratch[i] != 0) { pointers[i] = scratch[i]; continue; }
                pointers[i] = _bases[i] + (nint)(Offset(_strides[i], outer, segment) * node.DType.ItemSize);
            }
            for (int i = 0; i < count; i++)
            {
                var node = _program[i];
                var layout = layouts[i];
                switch (node.Kind)
                {
                    case FusedNodeKind.Cast:
                        backend.CastPtr(_program[node.Left].DType, node.DType, layout!, pointers[node.Left],
                            pointers[i]);
                        break;
                    case FusedNodeKind.Unary:
                        backend.UnaryPtr(node.UnaryOp, _program[node.Left].DType, layout!, pointers[node.Left],
                            pointers[i]);
                        break;
                    case FusedNodeKind.Binary:
                        backend.BinaryPtr(node.BinaryOp, _program[node.Left].DType, layout!, pointers[node.Left],
                            pointers[node.Right], pointers[i]);
                        break;
                }
            }
        }

        /// <summary>Element offset of the block's first element in a tensor with <paramref name="strides"/>.</summary>
        private long Offset(long[] strides, long outer, long segment)
        {
            if (_axis < 0) return 0;
            long offset = segment * _rows * strides[_axis];
            for (int d = _axis - 1; d >= 0; d--)
            {
                offset += outer % _shape[d] * strides[d];
                outer /= _shape[d];
            }
            return offset;
        }
    }
}
