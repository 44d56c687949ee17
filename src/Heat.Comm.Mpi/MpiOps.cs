// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.InteropServices;
using Heat.Abstractions;
using Heat.Comm.Mpi.Interop;

namespace Heat.Comm.Mpi;

using static MpiConstants;

/// <summary>
/// Maps a <see cref="ReduceOp"/> and element type to an MPI operation and datatype. MPI's predefined operations serve
/// where their result equals <see cref="ReduceOp.Combine{T}"/>'s (sums, products, integer min/max, bitwise and
/// logical ops, bool as logical ops); everything else (user operations, float min/max whose NaN must propagate,
/// logical ops on floats) runs <see cref="ReduceOp.Combine{T}"/> itself through one <c>MPI_Op_create_c</c> callback.
/// </summary>
/// <remarks>
/// MPI's user function receives the datatype but not the operation, so every managed reduction gets its own
/// derived datatype for the duration of the call, and the callback finds the combine function by that handle.
/// MPI applies the function as <c>inout = in op inout</c> with <c>in</c> from lower ranks, as Combine expects, and keeps
/// rank order for non-commutative operations.
/// </remarks>
internal static unsafe class MpiOps
{
    private delegate void Combiner(nint input, nint inout, long count);

    private static readonly ConcurrentDictionary<int, Combiner> Combiners = new();
    private static readonly object Gate = new();
    private static int _commutative, _ordered;

    /// <summary>An operation bound to one call: MPI op, datatype, and the derived datatype to free afterwards.</summary>
    public readonly struct Binding(int op, int datatype, bool owned) : IDisposable
    {
        /// <summary>The MPI operation.</summary>
        public int Op { get; } = op;
        /// <summary>The datatype to pass with it.</summary>
        public int Datatype { get; } = datatype;
        /// <summary>Whether the managed combine function runs (the callback path).</summary>
        public bool IsManaged => owned;

        /// <inheritdoc/>
        public void Dispose()
        {
            if (!owned) return;
            Combiners.TryRemove(Datatype, out _);
            MpiDatatypes.Free(Datatype);
        }
    }

    /// <summary>Validates <paramref name="op"/> for <typeparamref name="T"/> and binds it for one call.</summary>
    /// <exception cref="NotSupportedException">The operation is not defined for the type (thrown alike on every rank).</exception>
    public static Binding Bind<T>(ReduceOp op) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(op);
        // Combine throws for an undefined (operation, type) pair whatever the length: validate before any communication.
        op.Combine(ReadOnlySpan<T>.Empty, Span<T>.Empty);
        int native = Predefined<T>(op.Kind);
        if (native != 0) return new Binding(native, MpiDatatypes.Of<T>(), owned: false);
        int type = MpiDatatypes.CreateContiguous<T>();
        Combiners[type] = (input, inout, count) => CombineChunks<T>(op, (T*)input, (T*)inout, count);
        return new Binding(op.IsCommutative ? Commutative : Ordered, type, owned: true);
    }

    /// <summary>MPI's predefined operation equivalent to <paramref name="kind"/> on <typeparamref name="T"/>, or 0.</summary>
    internal static int Predefined<T>(ReduceKind kind) where T : unmanaged
    {
        var t = typeof(T);
        if (t == typeof(bool))
        {
            return kind switch
            {
                ReduceKind.Sum or ReduceKind.LOr or ReduceKind.BOr or ReduceKind.Max => MPI_LOR,
                ReduceKind.Prod or ReduceKind.LAnd or ReduceKind.BAnd or ReduceKind.Min => MPI_LAND,
                ReduceKind.BXor => MPI_LXOR,
                _ => 0,
            };
        }
        bool integer = t == typeof(byte) || t == typeof(sbyte) || t == typeof(short) || t == typeof(ushort) || t == typeof(int)
            || t == typeof(uint) || t == typeof(long) || t == typeof(ulong);
        if (integer)
        {
            return kind switch
            {
                ReduceKind.Sum => MPI_SUM, ReduceKind.Prod => MPI_PROD, ReduceKind.Min => MPI_MIN, ReduceKind.Max => MPI_MAX,
                ReduceKind.BAnd => MPI_BAND, ReduceKind.BOr => MPI_BOR, ReduceKind.BXor => MPI_BXOR,
                ReduceKind.LAnd => MPI_LAND, ReduceKind.LOr => MPI_LOR,
                _ => 0,
            };
        }
        // Floating point and complex: sums and products only (MPI's min/max do not propagate NaN as Combine does).
        if (t == typeof(float) || t == typeof(double) || t == typeof(Complex64) || t == typeof(Complex))
            return kind switch { ReduceKind.Sum => MPI_SUM, ReduceKind.Prod => MPI_PROD, _ => 0 };
        return 0;
    }

    private static int Commutative => EnsureOps().Commutative;
    private static int Ordered => EnsureOps().Ordered;

    private static (int Commutative, int Ordered) EnsureOps()
    {
        lock (Gate)
        {
            if (_commutative == 0)
            {
                int c, o;
                MpiEnvironment.Check(MpiNative.MPI_Op_create_c(&Callback, 1, &c), "MPI_Op_create_c");
                MpiEnvironment.Check(MpiNative.MPI_Op_create_c(&Callback, 0, &o), "MPI_Op_create_c");
                _commutative = c; _ordered = o;
            }
            return (_commutative, _ordered);
        }
    }

    private static void CombineChunks<T>(ReduceOp op, T* input, T* inout, long count) where T : unmanaged
    {
        const int chunk = 1 << 20;  // spans take int lengths
        for (long done = 0; done < count; done += chunk)
        {
            int len = (int)Math.Min(chunk, count - done);
            op.Combine(new ReadOnlySpan<T>(input + done, len), new Span<T>(inout + done, len));
        }
    }

    [UnmanagedCallersOnly]
    private static void Callback(nint input, nint inout, long* count, int* datatype)
    {
        try
        {
            if (!Combiners.TryGetValue(*datatype, out var combine))
                throw new CommunicationException($"MPI called Heat's reduction for datatype 0x{*datatype:x8}, which belongs to no pending reduction.");
            combine(input, inout, *count);
        }
        catch (Exception e)
        {
            // An exception must not unwind through MPICH's frames: stop the job with the cause.
            MpiEnvironment.Abort(e);
        }
    }
}
