// SPDX-License-Identifier: MIT
using Microsoft.Extensions.Configuration;

namespace Heat;

/// <summary>The <c>Heat</c> configuration section: <c>Heat:Backend</c>, <c>Heat:Communicator</c>, <c>Heat:Device</c>, <c>Heat:Threads</c>.</summary>
public sealed class HeatOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Heat";

    /// <summary><c>managed</c> (default), <c>torch</c> or <c>opencl</c>.</summary>
    public string Backend { get; set; } = "managed";
    /// <summary><c>auto</c> (default: MPI when launched by an MPI launcher, else one rank), <c>self</c>, <c>inproc</c> or <c>mpi</c>.</summary>
    public string Communicator { get; set; } = "auto";
    /// <summary><c>cpu</c> (default) or <c>gpu</c> (= <c>gpu:(local rank % GPUs)</c>).</summary>
    public string Device { get; set; } = "cpu";
    /// <summary>Compute threads per rank; 0 (default) means cores / ranks on the node.</summary>
    public int Threads { get; set; }
    /// <summary>Minimum log level of Heat's console logging (default <c>Warning</c>).</summary>
    public string LogLevel { get; set; } = "Warning";

    /// <summary>Reads the section from a configuration, validating the values.</summary>
    /// <exception cref="ArgumentException">A value is not one of the allowed ones.</exception>
    public static HeatOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new HeatOptions();
        configuration.GetSection(Section).Bind(options);
        options.Validate();
        return options;
    }

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is not one of the allowed ones.</exception>
    public void Validate()
    {
        string[] comms = ["auto", "self", "inproc", "mpi"];
        if (!comms.Contains(Communicator, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"Heat:Communicator is '{Communicator}'; expected one of {string.Join(", ", comms)}.", nameof(Communicator));
        if (Threads < 0) throw new ArgumentException($"Heat:Threads is {Threads}; expected 0 (automatic) or a positive number.", nameof(Threads));
        _ = Heat.Device.Parse(Device);
        if (!Enum.TryParse<Microsoft.Extensions.Logging.LogLevel>(LogLevel, ignoreCase: true, out _))
            throw new ArgumentException($"Heat:LogLevel is '{LogLevel}'; expected Trace, Debug, Information, Warning, Error, Critical or None.", nameof(LogLevel));
    }
}
