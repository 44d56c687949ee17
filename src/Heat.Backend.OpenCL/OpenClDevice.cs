// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using Heat.Abstractions;
using Heat.Backend.OpenCL.Interop;

namespace Heat.Backend.OpenCL;

/// <summary>
/// One OpenCL device with its context and program cache, shared process-wide (every rank's backend on the same
/// device builds each program once). Programs are keyed by kernel family and dtype.
/// </summary>
internal sealed unsafe class OpenClDevice
{
    private const uint SingleFpConfig = 0x101B;
    private const ulong FpCorrectlyRoundedDivideSqrt = 1 << 7;
    private static readonly ConcurrentDictionary<nint, OpenClDevice> Devices = new();
    /// <summary>
    /// Serialises every OpenCL call process-wide (builds, buffers, enqueues, clFinish): PoCL compiles work-group
    /// functions at enqueue time and crashed or hung with several rank threads driving their own queues at once.
    /// Each kernel already uses every core of a CPU device, so in-process ranks lose little by taking turns.
    /// </summary>
    internal static readonly Lock CompilerGate = new();
    private static readonly ConcurrentDictionary<string, string> Sources = new();
    private readonly ConcurrentDictionary<string, Lazy<ClProgramHandle>> _programs = new();
    private readonly string _baseOptions;

    private OpenClDevice(OpenClDeviceInfo info)
    {
        Info = info;
        nint dev = info.DeviceId;
        int err;
        nint ctx = Cl.CreateContext(null, 1, &dev, 0, 0, &err);
        Cl.Check(err, "clCreateContext");
        Context = new ClContextHandle(ctx);
        ulong fp = 0;
        Cl.Check(Cl.GetDeviceInfo(dev, SingleFpConfig, sizeof(ulong), &fp, null), "clGetDeviceInfo");
        var options = new StringBuilder("-cl-std=CL1.2");
        if ((fp & FpCorrectlyRoundedDivideSqrt) != 0) options.Append(" -cl-fp32-correctly-rounded-divide-sqrt");
        if (info.HasFp64) options.Append(" -D HAS_FP64");
        _baseOptions = options.ToString();
    }

    /// <summary>The device's description.</summary>
    public OpenClDeviceInfo Info { get; }
    /// <summary>The shared context.</summary>
    public ClContextHandle Context { get; }
    /// <summary>True for GPUs (tree-shaped work, staged host transfers); false for CPU devices (long runs, zero-copy
    /// host memory).</summary>
    public bool IsGpu => Info.IsGpu;
    /// <summary>Programs built so far (for tests of the cache).</summary>
    public int ProgramsBuilt => _programs.Count;

    /// <summary>The shared instance for a device.</summary>
    public static OpenClDevice For(OpenClDeviceInfo info)
    {
        lock (CompilerGate) return Devices.GetOrAdd(info.DeviceId, _ => new OpenClDevice(info));
    }

    /// <summary>The program of a kernel family for a dtype (built once per process).</summary>
    public ClProgramHandle Program(string family, DType dtype) =>
        Program(family, dtype.Name, KernelTypes.Defines(dtype));

    /// <summary>The program of a kernel family under a key with extra defines (built once per process).</summary>
    public ClProgramHandle Program(string family, string key, string defines) =>
        _programs.GetOrAdd(family + ":" + key, _ => new Lazy<ClProgramHandle>(() =>
            Build($"{family} ({key})", Header() + Source("common") + Source(family), defines))).Value;

    /// <summary>Compiles <paramref name="source"/>; a failure throws with the compiler's log.</summary>
    /// <exception cref="OpenClBuildException">The source does not compile.</exception>
    public ClProgramHandle Build(string name, string source, string defines)
    {
        var bytes = Encoding.UTF8.GetBytes(source);
        int err;
        nint program;
        fixed (byte* p = bytes)
        {
            byte* ps = p;
            nuint len = (nuint)bytes.Length;
            lock (CompilerGate) program = Cl.CreateProgramWithSource(Context.DangerousGetHandle(), 1, &ps, &len, &err);
        }
        Cl.Check(err, "clCreateProgramWithSource");
        var handle = new ClProgramHandle(program);
        var options = Encoding.UTF8.GetBytes(_baseOptions + " " + defines + "\0");
        nint dev = Info.DeviceId;
        int status;
        lock (CompilerGate)
            fixed (byte* o = options) status = Cl.BuildProgram(program, 1, &dev, o, 0, 0);
        if (status != Cl.Success)
        {
            string log = BuildLog(program, dev);
            handle.Dispose();
            throw new OpenClBuildException(
                $"OpenCL backend: building kernel program {name} for {Info.Name} failed with status {status} ({Cl.ErrorName(status)}). Compiler log:\n{log}", status, log);
        }
        return handle;
    }

    private static string BuildLog(nint program, nint device)
    {
        nuint size = 0;
        _ = Cl.GetProgramBuildInfo(program, device, Cl.ProgramBuildLog, 0, null, &size); // the log is best effort
        if (size == 0) return "";
        var buf = new byte[(int)size];
        fixed (byte* b = buf) _ = Cl.GetProgramBuildInfo(program, device, Cl.ProgramBuildLog, size, b, null);
        return Encoding.UTF8.GetString(buf).TrimEnd('\0');
    }

    /// <summary>The embedded source of a kernel family.</summary>
    public static string Source(string family) => Sources.GetOrAdd(family, f =>
    {
        using var s = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Heat.Backend.OpenCL.Kernels.{f}.cl")
            ?? throw new InvalidOperationException($"OpenCL backend: the kernel source {f}.cl is not embedded.");
        using var r = new StreamReader(s);
        return r.ReadToEnd() + "\n";
    });

    /// <summary>Op-code defines generated from the enums, so kernels and host never disagree.</summary>
    private static string Header() => Sources.GetOrAdd("#header", _ =>
    {
        var sb = new StringBuilder();
        foreach (var op in Enum.GetValues<UnaryOp>()) sb.Append(CultureInfo.InvariantCulture, $"#define U_{op} {(int)op}\n");
        foreach (var op in Enum.GetValues<BinaryOp>()) sb.Append(CultureInfo.InvariantCulture, $"#define B_{op} {(int)op}\n");
        return sb.ToString();
    });
}

/// <summary>A kernel program failed to compile; <see cref="BuildLog"/> holds the compiler's output.</summary>
public sealed class OpenClBuildException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OpenClBuildException(string message, int status, string buildLog) : base(message) { Status = status; BuildLog = buildLog; }
    /// <summary>Creates the exception.</summary>
    public OpenClBuildException() { BuildLog = ""; }
    /// <summary>Creates the exception.</summary>
    public OpenClBuildException(string message) : base(message) { BuildLog = ""; }
    /// <summary>Creates the exception.</summary>
    public OpenClBuildException(string message, Exception inner) : base(message, inner) { BuildLog = ""; }
    /// <summary>The OpenCL status of clBuildProgram.</summary>
    public int Status { get; }
    /// <summary>The compiler's log.</summary>
    public string BuildLog { get; }
}
