// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Heat;

/// <summary>Registers Heat with Microsoft.Extensions.DependencyInjection.</summary>
public static class HeatServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HeatRuntime"/> (chosen by the <c>Heat</c> section of <paramref name="configuration"/>), its
    /// <see cref="ITensorBackend"/>, <see cref="ICommunicator"/> and <see cref="HeatSettings"/>. The runtime is created
    /// on
    /// first resolution and becomes the context of threads that entered none; <see cref="HeatRuntime.Enter"/> scopes it
    /// explicitly.
    /// </summary>
    public static IServiceCollection AddHeat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(_ => HeatSettings.From(configuration));
        services.AddSingleton(sp =>
        {
            var runtime = HeatRuntime.Create(configuration, sp.GetService<ILoggerFactory>(), enterContext: false);
            runtime.UseAsProcessDefault();
            return runtime;
        });
        services.AddSingleton(sp => sp.GetRequiredService<HeatRuntime>().Backend);
        services.AddSingleton(sp => sp.GetRequiredService<HeatRuntime>().Communicator);
        return services;
    }
}
