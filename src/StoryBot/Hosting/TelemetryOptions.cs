using OpenTelemetry.Exporter;

namespace StoryBot.Hosting;

/// <summary>
/// Section Metrics: where the bot's metrics (<see cref="StoryBotMetrics"/>) are exported. Both exporters
/// are off by default, and with both off no OpenTelemetry SDK is registered at all: the instruments then
/// cost nothing beyond a check that nobody listens.
/// </summary>
public sealed record TelemetryOptions
{
    /// <summary>Metrics:Prometheus:Enabled: serve a Prometheus scrape endpoint (unauthenticated: expose it on a private network only).</summary>
    public bool PrometheusEnabled { get; init; }

    /// <summary>Metrics:Prometheus:Path: where the scrape endpoint is served.</summary>
    public string PrometheusPath { get; init; } = "/metrics";

    /// <summary>Metrics:Otlp:Endpoint: an OpenTelemetry collector to push to (empty: no OTLP export).</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>Metrics:Otlp:Protocol: <c>grpc</c> (port 4317) or <c>http</c> (http/protobuf, port 4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; init; } = OtlpExportProtocol.Grpc;

    /// <summary>True when any exporter is configured.</summary>
    public bool Exporting => PrometheusEnabled || OtlpEndpoint is not null;

    /// <summary>Reads section Metrics; a malformed value is a start-up error that names the key.</summary>
    public static TelemetryOptions From(IConfiguration configuration)
    {
        var d = new TelemetryOptions();
        var endpoint = configuration["Metrics:Otlp:Endpoint"];
        Uri? otlp = null;
        if (!string.IsNullOrWhiteSpace(endpoint) && !Uri.TryCreate(endpoint, UriKind.Absolute, out otlp))
        {
            throw new InvalidOperationException($"Metrics:Otlp:Endpoint '{endpoint}' is not an absolute URL.");
        }

        var protocol = (configuration["Metrics:Otlp:Protocol"] ?? "grpc").Trim().ToLowerInvariant() switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidOperationException($"Metrics:Otlp:Protocol '{other}' is not grpc or http."),
        };

        var path = configuration["Metrics:Prometheus:Path"] ?? d.PrometheusPath;
        return new TelemetryOptions
        {
            PrometheusEnabled = configuration.GetValue("Metrics:Prometheus:Enabled", d.PrometheusEnabled),
            PrometheusPath = path.StartsWith('/') ? path : "/" + path,
            OtlpEndpoint = otlp,
            OtlpProtocol = protocol,
        };
    }
}
