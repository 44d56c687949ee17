// SPDX-License-Identifier: MIT
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Heat.Abstractions;

/// <summary>
/// The <c>Heat</c> configuration section, parsed and validated in this one place: <c>Heat:Backend</c>,
/// <c>Heat:Communicator</c>, <c>Heat:Device</c>, <c>Heat:Threads</c>, <c>Heat:LogLevel</c>. Providers receive it in
/// <see cref="ProviderContext.Settings"/>; their own keys (<c>Heat:OpenCL:Device</c>, ...) stay in
/// <see cref="Configuration"/>.
/// </summary>
public sealed record HeatSettings
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Heat";

    /// <summary>The backend's name (default <c>managed</c>), found as the assembly
    /// <c>Heat.Backend.&lt;Name&gt;</c>.</summary>
    public string Backend { get; init; } = "managed";
    /// <summary>
    /// <c>auto</c> (default: the communicator whose launcher started this process, else one rank), <c>self</c> (one
    /// rank), or a name found as the assembly <c>Heat.Comm.&lt;Name&gt;</c> (<c>mpi</c>; <c>inproc</c> only in
    /// InProcWorld).
    /// </summary>
    public string Communicator { get; init; } = "auto";
    /// <summary>The requested device (default cpu); see <see cref="DevicePerLocalRank"/> for plain
    /// <c>gpu</c>.</summary>
    public Device Device { get; init; } = Device.Cpu;
    /// <summary>True for <c>Heat:Device=gpu</c> without an index: each rank takes <c>gpu:(local rank % GPUs on the
    /// node)</c>.</summary>
    public bool DevicePerLocalRank { get; init; }
    /// <summary>Compute threads per rank; 0 (default) means the cores divided by the ranks on the node.</summary>
    public int Threads { get; init; }
    /// <summary>Minimum level of Heat's console logging (default <see cref="LogLevel.Warning"/>).</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Warning;
    /// <summary>The whole configuration, for provider-specific keys.</summary>
    public required IConfiguration Configuration { get; init; }

    /// <summary>Reads and validates the <c>Heat</c> section; empty values mean the default.</summary>
    /// <exception cref="ArgumentException">A value is malformed; the message names the key.</exception>
    public static HeatSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var settings = new HeatSettings { Configuration = configuration };
        if (Value(section, "Backend") is { } backend)
            settings = settings with { Backend = Name(backend, "Backend", "a backend") };
        if (Value(section, "Communicator") is { } comm)
            settings = settings with { Communicator = Name(comm, "Communicator", "auto, self or a communicator") };
        if (Value(section, "Device") is { } device)
            settings = settings with { Device = ParseDevice(device), DevicePerLocalRank = IsPlainGpu(device) };
        if (Value(section, "Threads") is { } threads)
        {
            if (!int.TryParse(threads, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 0)
                throw Bad("Threads", threads, "0 (automatic) or a positive integer");
            settings = settings with { Threads = n };
        }
        if (Value(section, "LogLevel") is { } level)
        {
            if (int.TryParse(level, out _) || !Enum.TryParse<LogLevel>(level, ignoreCase: true, out var parsed))
                throw Bad("LogLevel", level, "Trace, Debug, Information, Warning, Error, Critical or None");
            settings = settings with { LogLevel = parsed };
        }
        return settings;
    }

    /// <summary>These settings with the backend and device given explicitly (null keeps the configured one).</summary>
    public HeatSettings With(string? backend, Device? device)
    {
        var settings = this;
        if (!string.IsNullOrWhiteSpace(backend)) settings = settings with { Backend = Name(backend, "Backend", "a backend") };
        if (device is not null) settings = settings with { Device = device, DevicePerLocalRank = false };
        return settings;
    }

    private static string? Value(IConfigurationSection section, string key) =>
        section[key] is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static string Name(string value, string key, string what)
    {
        // A component name becomes part of an assembly name: letters, digits and underscores only.
        if (!char.IsAsciiLetter(value[0]) || !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw Bad(key, value, $"{what} name of letters, digits and underscores");
        return value.ToLowerInvariant();
    }

    private static Device ParseDevice(string text)
    {
        try { return Device.Parse(text); }
        catch (ArgumentException) { throw Bad("Device", text, "cpu, gpu or gpu:N with N >= 0"); }
    }

    private static bool IsPlainGpu(string text) => text.Trim().ToLowerInvariant() is "gpu" or "cuda" or "opencl";

    private static ArgumentException Bad(string key, string value, string expected) =>
        new($"{Section}:{key} is '{value}'; expected {expected}.", "configuration");
}
