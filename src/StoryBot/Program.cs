using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using StoryBot.Cli;
using StoryBot.DirectLine;
using StoryBot.Hosting;
using StoryBot.Knowledge;
using StoryBot.Knowledge.Ingest;
using StoryBot.Knowledge.Semantics;
using StoryBot.Storage;

var configRoot = StoryBotPaths.FindConfigRoot();
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args, configRoot);
}

// The content root is the configuration's folder; the Web Chat page's files sit beside the binary
// (wwwroot when published, the static web assets manifest when run from a build).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = configRoot, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
builder.WebHost.UseStaticWebAssets();
builder.Services.AddStoryBotRateLimiting(); // per-conversation 429s, see Hosting/StoryBotReliability.cs
builder.Services.AddStoryBotRequestLimit(); // Kestrel reads no body larger than an activity (Hosting:MaxActivityBytes)
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
{
    builder.WebHost.UseUrls("http://localhost:3978");
}

try
{
    builder.Services.AddStoryBot(builder.Configuration, configRoot); // reads the options that can be wrong (e.g. Feedback:RetentionDays)
    builder.Services.AddDirectLine(builder.Configuration);
    builder.Services.AddStoryBotTelemetry(builder.Configuration); // metrics exporters, off unless section Metrics enables one
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine("StoryBot cannot start: " + ex.Message);
    return 1;
}

var app = builder.Build();
try
{
    var knowledge = app.Services.GetRequiredService<StoryKnowledge>();
    app.Logger.LogInformation("Serving {Sentences} sentences of {Stories} story(ies); index {IndexResult} at {IndexPath}",
        knowledge.Stories.Sum(s => s.Sentences.Count), knowledge.Stories.Count, knowledge.Index.OpenResult, knowledge.Index.Path);
    if (knowledge.Encoder is { ModelFile: null })
    {
        app.Logger.LogWarning("The semantic model is read from its package: no copy of it could be written under {ModelDirectory}, so it takes ~110 MB more memory", SemanticEncoder.ModelDirectory);
    }
}
catch (StoryLoadException ex)
{
    Console.Error.WriteLine("StoryBot cannot start: " + ex.Message);
    return 1;
}

try
{
    await app.Services.VerifyStoryBotStorageAsync(); // Storage:Kind=redis: no Redis, no start (never a silent fallback to memory)
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine("StoryBot cannot start: " + ex.Message);
    return 1;
}

app.UseStoryBotErrorShield();
app.UseMiddleware<ActivityRequestValidation>();
app.UseStoryBotRateLimiting();
app.MapGet("/healthz", StorageHealth.ReportAsync); // {"status":"ok"}; 503 while Storage:Kind=redis cannot reach Redis
app.MapGet("/api/story", (StoryKnowledge knowledge) => Results.Ok(new
{
    title = knowledge.DisplayTitle,
    source = knowledge.DisplaySource,
    suggestions = knowledge.StarterQuestions,
}));
app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken cancellationToken)
    => adapter.ProcessAsync(request, response, bot, cancellationToken));
app.MapDirectLine();
app.MapStoryBotTelemetry();

await app.RunAsync();
return 0;

/// <summary>The host's entry point; public so tests can start it with WebApplicationFactory.</summary>
public partial class Program;
