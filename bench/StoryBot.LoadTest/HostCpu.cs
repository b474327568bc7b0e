using System.Globalization;

/// <summary>A host process's CPU time, read from Linux's /proc so the client's own work is never counted.</summary>
static class HostCpu
{
    /// <summary>User + system CPU time of process <paramref name="pid"/>, from /proc/pid/stat.</summary>
    public static TimeSpan Of(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }
}
