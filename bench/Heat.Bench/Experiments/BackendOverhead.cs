// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Bench.Experiments;

/// <summary>
/// Per-call cost of a tiny op from C# on the chosen backend (<c>--backend</c>), against the managed backend: an add of
/// two 1-element float32 tensors into a preallocated destination, and the same with the destination allocated and freed per call.
/// </summary>
public sealed class BackendOverhead : IExperiment
{
    /// <inheritdoc/>
    public string Name => "backend.overhead";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        int calls = options.Quick ? 20_000 : 200_000;
        using var backend = BackendFactory.Create(options.Backend, 1);
        using var reference = BackendFactory.Create("managed", 1);
        double into = PerCall(backend, calls, allocate: false), intoRef = PerCall(reference, calls, allocate: false);
        double alloc = PerCall(backend, calls, allocate: true), allocRef = PerCall(reference, calls, allocate: true);
        return
        [
            new BenchResult($"{backend.Name}.overhead.add", 1, 1, into, "managed add", intoRef, null, null,
                $"{into * 1e9:F0} ns per call (managed {intoRef * 1e9:F0} ns): 1-element float32 add into a preallocated tensor, mean of {calls} calls"),
            new BenchResult($"{backend.Name}.overhead.add+alloc", 1, 1, alloc, "managed add+alloc", allocRef, null, null,
                $"{alloc * 1e9:F0} ns per call (managed {allocRef * 1e9:F0} ns): the same with Empty + Dispose of the destination per call"),
        ];
    }

    private static double PerCall(ITensorBackend b, int calls, bool allocate)
    {
        using var x = b.Full([1], DType.Float32, 1.5f);
        using var y = b.Full([1], DType.Float32, 2.5f);
        using var d = b.Empty([1], DType.Float32);
        return Timing.Best(3, () =>
        {
            for (int i = 0; i < calls; i++)
            {
                if (allocate)
                {
                    using var t = b.Empty([1], DType.Float32);
                    b.Binary(BinaryOp.Add, x, y, t);
                }
                else b.Binary(BinaryOp.Add, x, y, d);
            }
        }) / calls;
    }
}
