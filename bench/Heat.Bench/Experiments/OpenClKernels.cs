// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Backend.Managed;
using Heat.Backend.OpenCL;

namespace Heat.Bench.Experiments;

/// <summary>
/// The OpenCL backend (default device: PoCL on the CPU in CI, a GPU where one is installed) against the managed backend
/// with all cores, on the same ops and sizes: element-wise add, scalar multiply and exp, full and per-row float32 sums,
/// and float32 matmul. The reference is the managed backend; speed &gt; 1 means OpenCL is faster.
/// </summary>
public sealed class OpenClKernels : IExperiment
{
    /// <inheritdoc/>
    public string Name => "opencl.kernels";

    /// <inheritdoc/>
    public IEnumerable<BenchResult> Run(BenchOptions options)
    {
        long n = options.Quick ? 1L << 22 : 1L << 24;
        long side = options.Quick ? 2048 : 4096;
        long mm = options.Quick ? 512 : 1024;
        int reps = options.Quick ? 3 : 5;
        using var ocl = new OpenClBackend();
        using var man = new ManagedBackend();
        string device = $"{ocl.Info.Name} ({(ocl.Info.IsGpu ? "GPU" : "CPU")}, {ocl.Info.ComputeUnits} CUs)";
        var results = new List<BenchResult>();

        double Time(ITensorBackend b, Func<ITensorBackend, Action> setup)
        {
            var act = setup(b);
            return Timing.Best(reps, () => { act(); b.Synchronize(); });
        }

        void Add(string name, Func<ITensorBackend, Action> setup, double bytes, double flops, string note)
        {
            double tm = Time(man, setup), to = Time(ocl, setup);
            double rate = flops > 0 ? flops / to / 1e9 : bytes / to / 1e9;
            results.Add(new BenchResult($"opencl.{name}", 1, ocl.Threads, to, $"managed {man.Threads}t", tm, rate, flops > 0 ? "GFLOP/s" : "GB/s",
                $"{note}; device {device}; managed {(flops > 0 ? flops / tm / 1e9 : bytes / tm / 1e9):F2} {(flops > 0 ? "GFLOP/s" : "GB/s")}"));
        }

        var keep = new List<LocalTensor>();
        LocalTensor Filled(ITensorBackend b, long[] shape, double v)
        {
            var t = b.Empty(shape, DType.Float32);
            b.Arange(t.TryReshapeView([Shapes.Numel(shape)])!, 0, 1e-7);
            b.BinaryScalar(BinaryOp.Add, t, v, false, t);
            keep.Add(t);
            return t;
        }
        LocalTensor Out(ITensorBackend b, long[] shape) { var t = b.Empty(shape, DType.Float32); keep.Add(t); return t; }
        try
        {
            Add("add.float32", b => { var x = Filled(b, [n], 1); var y = Filled(b, [n], 2); var d = Out(b, [n]); return () => b.Binary(BinaryOp.Add, x, y, d); },
                3.0 * n * 4, 0, $"{n} elements, 3 streams");
            Add("mul-scalar.float32", b => { var x = Filled(b, [n], 1); var d = Out(b, [n]); return () => b.BinaryScalar(BinaryOp.Multiply, x, 3.0, false, d); },
                2.0 * n * 4, 0, $"{n} elements");
            Add("exp.float32", b => { var x = Filled(b, [n], 0.5); var d = Out(b, [n]); return () => b.Unary(UnaryOp.Exp, x, d); },
                2.0 * n * 4, 0, $"{n} elements");
            Add("add-transposed.float32", b =>
            {
                var x = Filled(b, [side, side], 1); var y = Filled(b, [side, side], 2); var d = Out(b, [side, side]);
                var yt = y.Permute([1, 0]); keep.Add(yt);
                return () => b.Binary(BinaryOp.Add, x, yt, d);
            }, 3.0 * side * side * 4, 0, $"{side}x{side}, one operand transposed");
            Add("sum.float32", b => { var x = Filled(b, [4 * n], 0.1); var d = Out(b, [1]); return () => b.Reduce(ReduceOp.Sum, x, [0], d); },
                4.0 * n * 4, 0, $"{4 * n} elements to 1, float64 accumulator");
            Add("sum-rows.float32", b => { var x = Filled(b, [side, side], 0.1); var d = Out(b, [side, 1]); return () => b.Reduce(ReduceOp.Sum, x, [1], d); },
                1.0 * side * side * 4, 0, $"{side}x{side} over axis 1");
            Add("sum-cols.float32", b => { var x = Filled(b, [side, side], 0.1); var d = Out(b, [1, side]); return () => b.Reduce(ReduceOp.Sum, x, [0], d); },
                1.0 * side * side * 4, 0, $"{side}x{side} over axis 0");
            Add("matmul.float32", b => { var x = Filled(b, [mm, mm], 0.1); var y = Filled(b, [mm, mm], 0.2); var d = Out(b, [mm, mm]); return () => b.Matmul(x, y, d); },
                0, 2.0 * mm * mm * mm, $"{mm}^3, 16x16 local-memory tiles");
        }
        finally { foreach (var t in keep) t.Dispose(); }
        return results;
    }
}
