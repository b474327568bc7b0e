using Microsoft.Bot.Builder;
using StoryBot.Hosting;

namespace StoryBot.Tests.Storage;

/// <summary>The storage contract on the default store (<c>Storage:Kind=memory</c>).</summary>
public sealed class BoundedMemoryStorageContractTests : StorageContractTests
{
    protected override IStorage CreateStorage() => new BoundedMemoryStorage(TimeSpan.FromHours(1), 10_000, TimeSpan.FromMinutes(1));
}
