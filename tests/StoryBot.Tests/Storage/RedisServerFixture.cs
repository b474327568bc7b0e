using System.Diagnostics;
using StackExchange.Redis;
using StoryBot.Tests.Reliability;
using Xunit;

namespace StoryBot.Tests.Storage;

/// <summary>
/// A private <c>redis-server</c> for one test class: on a free loopback port, no persistence, no config
/// file, stopped by its own pid. Installs Debian's redis-server (.ci/install-redis.sh, apt) when it is
/// missing, so the README's <c>dotnet test</c> works on a fresh machine. Public and self-contained so any
/// test class can take it with <c>IClassFixture&lt;RedisServerFixture&gt;</c>; use <see cref="NewPrefix"/>
/// to keep tests' keys apart.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private static readonly object InstallLock = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("storybot-redis-").FullName;
    private ConnectionMultiplexer? _connection;

    /// <summary>The loopback port the server listens on (kept across <see cref="RestartAsync"/>).</summary>
    public int Port { get; } = BotProcess.FreePort();

    /// <summary>The StackExchange.Redis configuration string for <c>Storage:Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    /// <summary>A connection of the fixture's own, for looking at keys directly.</summary>
    public IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("the Redis fixture has not started");

    private string PidFile => Path.Combine(_folder, "redis.pid");

    /// <summary>A key prefix no other test uses.</summary>
    public static string NewPrefix() => "test" + Guid.NewGuid().ToString("N")[..8] + ":";

    public async Task InitializeAsync()
    {
        EnsureInstalled();
        await StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync($"{Configuration},abortConnect=false,connectTimeout=2000");
    }

    public Task DisposeAsync()
    {
        _connection?.Dispose();
        Stop();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts the server (again) on <see cref="Port"/> and waits until it answers.</summary>
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "yes", "--pidfile", PidFile, "--dir", _folder })
        {
            info.ArgumentList.Add(arg);
        }

        using (var start = Process.Start(info)!)
        {
            await start.WaitForExitAsync();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(PidFile) && await RespondsAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"redis-server did not start on port {Port}");
    }

    /// <summary>Stops the server by its pid (as a crash or a restart would look to the bot) and waits until it is gone.</summary>
    public void Stop()
    {
        if (!File.Exists(PidFile) || !int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            process.WaitForExit(5000);
        }
        catch (ArgumentException)
        {
            // already gone
        }

        File.Delete(PidFile);
    }

    /// <summary>Stops the server, waits <paramref name="downtime"/>, starts it again (empty: nothing is persisted).</summary>
    public async Task RestartAsync(TimeSpan downtime)
    {
        Stop();
        await Task.Delay(downtime);
        await StartAsync();
    }

    private async Task<bool> RespondsAsync()
    {
        try
        {
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(System.Net.IPAddress.Loopback, Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(1));
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or TimeoutException)
        {
            return false;
        }
    }

    private static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (IsInstalled())
            {
                return;
            }

            var printed = CiInstallScript.Run("install-redis.sh");
            Assert.True(IsInstalled(), $"redis-server is missing and .ci/install-redis.sh did not install it: {printed}");
        }
    }

    private static bool IsInstalled() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Any(dir => File.Exists(Path.Combine(dir, "redis-server")));
}
