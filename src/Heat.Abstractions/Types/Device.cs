// SPDX-License-Identifier: MIT
namespace Heat;

/// <summary>Where a tensor lives: <c>cpu</c> or <c>gpu:N</c>.</summary>
public sealed record Device(DeviceKind Kind, int Index = 0)
{
    /// <summary>The host CPU.</summary>
    public static readonly Device Cpu = new(DeviceKind.Cpu, 0);

    /// <summary>True for device (non-host) memory.</summary>
    public bool IsGpu => Kind == DeviceKind.Gpu;

    /// <summary>Parses <c>cpu</c>, <c>gpu</c>, <c>gpu:1</c>, <c>cuda:0</c>.</summary>
    /// <exception cref="ArgumentException">The text names no device.</exception>
    public static Device Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split(':');
        var kind = parts[0] switch
        {
            "cpu" => DeviceKind.Cpu,
            "gpu" or "cuda" or "opencl" => DeviceKind.Gpu,
            _ => throw new ArgumentException($"Unknown device '{text}'; expected 'cpu', 'gpu' or 'gpu:N'.", nameof(text)),
        };
        if (parts.Length == 1) return kind == DeviceKind.Cpu ? Cpu : new Device(kind, 0);
        if (parts.Length == 2 && int.TryParse(parts[1], out var index) && index >= 0) return new Device(kind, index);
        throw new ArgumentException($"Bad device '{text}'; expected 'cpu', 'gpu' or 'gpu:N' with N >= 0.", nameof(text));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{(Kind == DeviceKind.Cpu ? "cpu" : "gpu")}:{Index}";
}

/// <summary>The kind of a device.</summary>
public enum DeviceKind
{
    /// <summary>Host memory and CPU cores.</summary>
    Cpu,
    /// <summary>An accelerator with its own memory.</summary>
    Gpu,
}
