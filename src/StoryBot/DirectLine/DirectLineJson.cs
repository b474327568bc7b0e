using Newtonsoft.Json;

namespace StoryBot.DirectLine;

/// <summary>
/// Newtonsoft settings for activities on the wire. Bot Schema types are annotated for Newtonsoft
/// (extension data on entities, camelCase names), so activities are (de)serialized with it, not
/// System.Text.Json; nulls are left out like the Bot Framework service does.
/// </summary>
internal static class DirectLineJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        DateTimeZoneHandling = DateTimeZoneHandling.Utc,
        MaxDepth = 32,
    };
}
