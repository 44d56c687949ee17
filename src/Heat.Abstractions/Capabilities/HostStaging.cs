// SPDX-License-Identifier: MIT
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace Heat.Abstractions;

/// <summary>
/// The generic staging adapter: implements any capability interface by calling the host backend's implementation.
/// Operands are copied to host tensors of the host backend (<see cref="ITensorBackend.CopyToHost"/>) and destinations
/// copied back (<see cref="ITensorBackend.CopyFromHost"/>). Where
/// every operand is host-addressable already (CPU OpenCL devices: zero-copy buffers) the host implementation works on
/// them in place, after the device's queue has finished.
/// </summary>
internal class HostStaging : DispatchProxy
{
    private readonly ConcurrentDictionary<string, bool> _announced = new();
    private ITensorBackend _device = null!, _host = null!;
    private object _implementation = null!;
    private ILogger _logger = null!;
    private string _capability = "";

    public static T Create<T>(ITensorBackend device, ITensorBackend host, ILogger logger) where T : class, IBackendCapability
    {
        var implementation = host as T
            ?? throw new NotSupportedException($"Neither the {device.Name} backend nor its host backend ({host.Name}) implements {typeof(T).Name}.");
        if (typeof(T).GetMethods().FirstOrDefault(m => m.ReturnType == typeof(LocalTensor)) is { } returning)
            throw new NotSupportedException($"{typeof(T).Name}.{returning.Name} returns a tensor; capabilities pass destinations (see {nameof(IBackendCapability)}).");
        var proxy = DispatchProxy.Create<T, HostStaging>();
        var staging = (HostStaging)(object)proxy;
        (staging._device, staging._host, staging._implementation, staging._logger, staging._capability) =
            (device, host, implementation, logger, typeof(T).Name);
        return proxy;
    }

    protected override unsafe object? Invoke(MethodInfo? method, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(method);
        args ??= [];
        if (_announced.TryAdd(method.Name, true))
            _logger.LogInformation("{Backend} backend: {Capability}.{Op} runs on the {Host} backend through host copies (no {Backend} implementation).",
                _device.Name, _capability, method.Name, _host.Name, _device.Name);
        var parameters = method.GetParameters();
        var tensors = args.OfType<LocalTensor>().ToArray();
        foreach (var backend in tensors.Select(t => t.Backend).Distinct()) backend.Synchronize();
        if (tensors.All(t => t.HostPointer != 0)) return Call(method, args);

        var staged = (object?[])args.Clone();
        var copies = new List<LocalTensor>();
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] is not LocalTensor t) continue;
                var h = _host.Empty(t.Shape, t.DType);
                copies.Add(h);
                if (h.HostPointer == 0) throw new InvalidOperationException($"The host backend {_host.Name} gave a tensor that is not in host memory.");
                if (!parameters[i].IsDefined(typeof(DestinationAttribute))) t.Backend.CopyToHost(t, (void*)h.HostPointer);
                staged[i] = h;
            }
            var result = Call(method, staged);
            _host.Synchronize();
            for (int i = 0; i < args.Length; i++)
                if (args[i] is LocalTensor t && parameters[i].IsDefined(typeof(DestinationAttribute)))
                    t.Backend.CopyFromHost((void*)((LocalTensor)staged[i]!).HostPointer, t);
            return result;
        }
        finally { foreach (var h in copies) h.Dispose(); }
    }

    private object? Call(MethodInfo method, object?[] args)
    {
        try { return method.Invoke(_implementation, args); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
