using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace StoryBot.Tests.Reliability;

/// <summary>
/// The host run as its own process (<c>dotnet StoryBot.dll</c>) on a free loopback port, for what only a
/// process can show: refusing to start, stderr, exit codes, SIGTERM, and auth with a trusted local
/// certificate (SSL_CERT_FILE applies to a whole process). Killed by its own id on dispose.
/// </summary>
internal sealed class BotProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly string? _indexPath;

    private BotProcess(Process process, int port, string? indexPath)
    {
        _process = process;
        Port = port;
        _indexPath = indexPath;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the host with the given environment (Story path, index and URLs are defaulted).</summary>
    public static BotProcess Start(IDictionary<string, string?>? environment = null)
    {
        var port = FreePort();
        var index = Directory.CreateTempSubdirectory("storybot-rel-proc-index-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add(ReliabilityPaths.HostDll);
        info.Environment["STORYBOT_ROOT"] = ReliabilityPaths.RepoRoot;
        info.Environment["Story__Path"] = ReliabilityPaths.StoryFile;
        info.Environment["Story__IndexPath"] = index;
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Test";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[k] = v;
        }

        var process = new Process { StartInfo = info };
        var bot = new BotProcess(process, port, index);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (bot._stdout) { bot._stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (bot._stderr) { bot._stderr.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits (bounded) until /healthz answers.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"the bot did not become ready. stdout: {Stdout} stderr: {Stderr}");
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            _process.WaitForExit(); // flush the redirected streams
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Sends SIGTERM (what a container runtime or systemd sends to stop a service).</summary>
    public void Terminate()
    {
        if (kill(_process.Id, 15) != 0)
        {
            throw new InvalidOperationException("kill(SIGTERM) failed: " + Marshal.GetLastPInvokeError());
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        if (_indexPath is not null)
        {
            try
            {
                Directory.Delete(_indexPath, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
