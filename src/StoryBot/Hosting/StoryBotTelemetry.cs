using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace StoryBot.Hosting;

/// <summary>
/// Exports the bot's metrics with OpenTelemetry when section Metrics asks for it (<see cref="TelemetryOptions"/>):
/// a Prometheus scrape endpoint and/or OTLP push. Besides StoryBot's own meter, ASP.NET Core's request
/// duration and Kestrel's connection metrics are exported, so turns and HTTP can be read side by side.
/// </summary>
public static class StoryBotTelemetry
{
    /// <summary>Registers the OpenTelemetry meter provider and its exporters (nothing when none is configured).</summary>
    public static IServiceCollection AddStoryBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = TelemetryOptions.From(configuration);
        services.AddSingleton(options);
        if (!options.Exporting)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("StoryBot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(StoryBotMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
                if (options.PrometheusEnabled)
                {
                    metrics.AddPrometheusExporter();
                }

                if (options.OtlpEndpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(otlp =>
                    {
                        otlp.Endpoint = endpoint;
                        otlp.Protocol = options.OtlpProtocol;
                    });
                }
            });
        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint when it is enabled.</summary>
    public static IEndpointRouteBuilder MapStoryBotTelemetry(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<TelemetryOptions>();
        if (options.PrometheusEnabled)
        {
            endpoints.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        }

        return endpoints;
    }
}
