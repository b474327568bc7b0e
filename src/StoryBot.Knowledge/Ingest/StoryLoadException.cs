namespace StoryBot.Knowledge.Ingest;

/// <summary>A story that cannot be loaded; the message names the path and is fit to show an operator as is.</summary>
public sealed class StoryLoadException : Exception
{
    public StoryLoadException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
