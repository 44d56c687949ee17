// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using Heat;
using Heat.Abstractions;
using Heat.Backend.ILGPU;

// Heat.Bench.ILGPU [--accelerator auto|cuda|opencl|cpu] [--device gpu|cpu] [--elements N] [--matmul N] [--reps R]
// Element-wise add (3 × 4 bytes moved per element) and sum (4 bytes) of float32 vectors in GB/s, and a float32
// matmul of N×N matrices in GFLOP/s (2N³ flops), each the best of R timed runs after one warm-up; every timing ends
// with the accelerator's stream synchronised (each op synchronises before it returns).
var options = Options.Parse(args);
foreach (var line in ILGPUDevices.Describe()) Console.WriteLine(line);
using var backend = new ILGPUBackend(options.Kind);
var device = options.Device ?? (backend.Devices.Any(d => d.IsGpu) ? new Device(DeviceKind.Gpu, 0) : Device.Cpu);
if (!backend.Devices.Contains(device)) throw backend.NoDevice(device);
var natives = string.Join(", ", backend.NativeVersions.Select(kv => $"{kv.Key} {kv.Value}"));
Console.WriteLine($"Device: {device} ({natives})");

long n = options.Elements;
using (var a = backend.Empty([n], DType.Float32, device))
using (var b = backend.Empty([n], DType.Float32, device))
using (var c = backend.Empty([n], DType.Float32, device))
using (var s = backend.Empty([], DType.Float32, device))
{
    backend.Arange(a, 0.0, 1e-6);
    backend.Fill(b, 1.0);
    double tAdd = Best(options.Reps, () => backend.Binary(BinaryOp.Add, a, b, c));
    Console.WriteLine(Line("add float32", n, $"{3.0 * 4 * n / tAdd / 1e9:F1} GB/s", tAdd));
    double tSum = Best(options.Reps, () => backend.Reduce(ReduceOp.Sum, b, [0], s));
    Console.WriteLine(Line("sum float32", n, $"{4.0 * n / tSum / 1e9:F1} GB/s", tSum));
    var check = new float[1];
    unsafe { fixed (float* p = check) backend.CopyToHost(s, p); }
    if (Math.Abs(check[0] - n) > 1e-6 * n) throw new InvalidOperationException($"sum is {check[0]}, expected {n}.");
}

long m = options.Matmul;
using (var a = backend.Empty([m, m], DType.Float32, device))
using (var b = backend.Empty([m, m], DType.Float32, device))
using (var c = backend.Empty([m, m], DType.Float32, device))
{
    backend.Fill(a, 1.0);
    backend.Fill(b, 0.5);
    double t = Best(options.Reps, () => backend.Matmul(a, b, c));
    Console.WriteLine(Line("matmul float32", m, $"{2.0 * m * m * m / t / 1e9:F1} GFLOP/s", t));
    var corner = new float[m * m];
    unsafe { fixed (float* p = corner) backend.CopyToHost(c, p); }
    if (Math.Abs(corner[^1] - 0.5 * m) > 1e-3 * m)
        throw new InvalidOperationException($"matmul gives {corner[^1]}, expected {0.5 * m}.");
}
return 0;

static double Best(int reps, Action op)
{
    op();
    double best = double.MaxValue;
    for (int i = 0; i < reps; i++)
    {
        var sw = Stopwatch.StartNew();
        op();
        best = Math.Min(best, sw.Elapsed.TotalSeconds);
    }
    return best;
}

static string Line(string what, long size, string rate, double seconds) =>
    string.Create(CultureInfo.InvariantCulture, $"{what,-16} n={size,-11} {rate,-16} ({seconds * 1e3:F3} ms)");

/// <summary>The command line.</summary>
internal sealed record Options(ILGPUAcceleratorKind Kind, Device? Device, long Elements, long Matmul, int Reps)
{
    public static Options Parse(string[] args)
    {
        var o = new Options(ILGPUAcceleratorKind.Auto, null, 1L << 26, 4096, 10);
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            string v = args[i + 1];
            o = args[i] switch
            {
                "--accelerator" => o with { Kind = ILGPUBackendProvider.ParseAccelerator(v) },
                "--device" => o with { Device = Heat.Device.Parse(v) },
                "--elements" => o with { Elements = long.Parse(v, CultureInfo.InvariantCulture) },
                "--matmul" => o with { Matmul = long.Parse(v, CultureInfo.InvariantCulture) },
                "--reps" => o with { Reps = int.Parse(v, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}; expected --accelerator, --device, --elements, --matmul or --reps.",
                    nameof(args)),
            };
        }
        return o;
    }
}
