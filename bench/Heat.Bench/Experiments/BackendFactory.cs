// SPDX-License-Identifier: MIT
using System.Globalization;
using Heat.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Heat.Bench.Experiments;

/// <summary>Creates a backend by configuration name, as Heat:Backend does.</summary>
internal static class BackendFactory
{
    public static ITensorBackend Create(string name, int threads)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Heat:Threads"] = threads.ToString(CultureInfo.InvariantCulture) })
            .Build();
        return ComponentDiscovery.FindBackend(name).Create(new ProviderContext(config, NullLoggerFactory.Instance, 1));
    }
}
