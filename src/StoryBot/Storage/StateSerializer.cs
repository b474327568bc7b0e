using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace StoryBot.Storage;

/// <summary>
/// JSON with type names (as the SDK's storages write state, so a bag of properties comes back with its
/// real types), restricted to the types state can hold: the bot's own, the Bot Framework schema's,
/// primitives and generic collections of them. Why the restriction: a value read from a shared server
/// must not be able to name an arbitrary .NET type to construct.
/// </summary>
internal static class StateSerializer
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = new AllowListBinder(),
        MaxDepth = 64,
    };

    public static string Serialize(object value) => JsonConvert.SerializeObject(value, Settings);

    public static object? Deserialize(string json) => JsonConvert.DeserializeObject(json, Settings);

    private sealed class AllowListBinder : ISerializationBinder
    {
        private readonly DefaultSerializationBinder _inner = new();

        public Type BindToType(string? assemblyName, string typeName)
        {
            var type = _inner.BindToType(assemblyName, typeName);
            return IsAllowed(type) ? type : throw new JsonSerializationException($"Type '{typeName}' may not be read from state storage.");
        }

        public void BindToName(Type serializedType, out string? assemblyName, out string? typeName) =>
            _inner.BindToName(serializedType, out assemblyName, out typeName);

        private static bool IsAllowed(Type type)
        {
            if (type.IsArray)
            {
                return IsAllowed(type.GetElementType()!);
            }

            if (type.IsGenericType && !type.GetGenericArguments().All(IsAllowed))
            {
                return false;
            }

            var assembly = type.Assembly.GetName().Name ?? string.Empty;
            if (assembly.StartsWith("StoryBot", StringComparison.Ordinal) || assembly.StartsWith("Microsoft.Bot.", StringComparison.Ordinal)
                || assembly.StartsWith("Newtonsoft.Json", StringComparison.Ordinal))
            {
                return true;
            }

            return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(object) || type == typeof(decimal)
                || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid)
                || type.Namespace is "System.Collections.Generic" or "System.Collections.ObjectModel" or "System.Collections.Concurrent";
        }
    }
}
