// SPDX-License-Identifier: MIT
using Heat.Backend.ILGPU;
using Heat.Backend.ILGPU.Conformance;

// Heat.Backend.ILGPU.Conformance [--accelerator cuda|opencl|cpu] [--suites backend|dndarray|all] [--filter TEXT]...
//   [--list]
// Runs the ILGPU backend's conformance suites (those Heat.Backend.ILGPU.Tests binds) on one accelerator without a
// test runner; prints one line per test and ends with "conformance: N ok, N failed". Exit code 0 when all passed,
// 1 when a test failed, 2 on bad arguments or when the accelerator is missing.
string accelerator = "cpu", suites = "all";
var filters = new List<string>();
bool list = false;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    try
    {
        switch (args[i])
        {
            case "--accelerator": accelerator = Next(); break;
            case "--suites": suites = Next(); break;
            case "--filter": filters.Add(Next()); break;
            case "--list": list = true; break;
            default: throw new ArgumentException($"Unknown argument {args[i]}.");
        }
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        Console.Error.WriteLine("usage: [--accelerator cuda|opencl|cpu] [--suites backend|dndarray|all] "
            + "[--filter TEXT]... [--list]");
        return 2;
    }
}
try
{
    Target.Kind = ILGPUBackendProvider.ParseAccelerator(accelerator);
    if (Target.Kind == ILGPUAcceleratorKind.Auto)
        throw new ArgumentException("--accelerator: choose cuda, opencl or cpu.");
    if (suites is not ("backend" or "dndarray" or "all"))
        throw new ArgumentException($"--suites is '{suites}'; expected backend, dndarray or all.");
    foreach (var line in ILGPUDevices.Describe()) Console.WriteLine(line);
    using var probe = new ILGPUBackend(Target.Kind);
    if (Target.Kind != ILGPUAcceleratorKind.Cpu && !probe.Devices.Any(d => d.IsGpu))
        throw new ArgumentException($"No {accelerator} accelerator on this machine.");
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var runner = new SuiteRunner(Console.Out, filters, list);
if (suites is "backend" or "all")
{
    using var fixture = new Fixture();
    foreach (var suite in Suites.Backend) runner.Run(suite, () => Activator.CreateInstance(suite, fixture)!);
}
if (suites is "dndarray" or "all")
    foreach (var suite in Suites.Dndarray) runner.Run(suite, () => Activator.CreateInstance(suite)!);
if (list) return 0;
Console.WriteLine($"conformance: {runner.Passed} ok, {runner.Failed} failed"
    + (runner.Skipped > 0 ? $" ({runner.Skipped} skipped)" : ""));
return runner.Failed == 0 && runner.Passed > 0 ? 0 : 1;
