using System.Diagnostics;
using System.Globalization;

/// <summary>
/// Turns completed and the host's CPU, sampled once a second from the moment the load starts. A host is a
/// fresh process per round, and .NET's tiered JIT keeps promoting methods (tier 0 → instrumented → tier 1
/// with dynamic PGO) for tens of seconds under load: the samples show how long that takes (the curve that
/// chose the default warm-up) and give the cold phase's figures, since a restarted service serves its
/// first seconds at that speed.
/// </summary>
sealed class Timeline
{
    private readonly int pid;
    private readonly List<Sample> samples = new();
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly TimeSpan cpuAtStart;
    private long completed;

    /// <summary>Starts the clock for the host with process id <paramref name="pid"/>.</summary>
    public Timeline(int pid)
    {
        this.pid = pid;
        cpuAtStart = HostCpu.Of(pid);
        samples.Add(new Sample(0, 0, TimeSpan.Zero));
    }

    /// <summary>One point: seconds since the load started, turns completed by then, host CPU used since then.</summary>
    public readonly record struct Sample(double Seconds, long Turns, TimeSpan Cpu);

    /// <summary>Every sample taken, the first at 0 s.</summary>
    public IReadOnlyList<Sample> Samples => samples;

    /// <summary>Counts one completed turn (any worker thread).</summary>
    public void Completed() => Interlocked.Increment(ref completed);

    /// <summary>Samples once a second until <paramref name="cancellationToken"/> is cancelled, then once more.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                Take();
            }
        }
        catch (OperationCanceledException)
        {
        }

        Take();
    }

    /// <summary>
    /// Turns per second and host CPU µs per turn from the start to the first sample at or after
    /// <paramref name="seconds"/> (the cold phase), or NaN when the run was shorter.
    /// </summary>
    public (double TurnsPerSecond, double CpuMicrosPerTurn) Until(double seconds)
    {
        var end = samples.FirstOrDefault(s => s.Seconds >= seconds - 0.05);
        if (end.Seconds <= 0 || end.Turns == 0)
        {
            return (double.NaN, double.NaN);
        }

        return (end.Turns / end.Seconds, end.Cpu.TotalMilliseconds * 1000 / end.Turns);
    }

    /// <summary>
    /// Turns per second and host CPU µs per turn between the samples nearest <paramref name="from"/> and
    /// <paramref name="to"/> seconds (NaN when that stretch holds no turn): the warm-up's last seconds against the
    /// measured ones tell whether the warm-up was long enough.
    /// </summary>
    public (double TurnsPerSecond, double CpuMicrosPerTurn) Between(double from, double to)
    {
        var a = samples.FirstOrDefault(s => s.Seconds >= from - 0.05);
        var b = samples.LastOrDefault(s => s.Seconds <= to + 0.05);
        var turns = b.Turns - a.Turns;
        if (b.Seconds <= a.Seconds || turns <= 0)
        {
            return (double.NaN, double.NaN);
        }

        return (turns / (b.Seconds - a.Seconds), (b.Cpu - a.Cpu).TotalMilliseconds * 1000 / turns);
    }

    /// <summary>One row per second: when, turns/s and CPU µs/turn within that second.</summary>
    public IEnumerable<string> Rows(string kind, int round)
    {
        for (var i = 1; i < samples.Count; i++)
        {
            var (a, b) = (samples[i - 1], samples[i]);
            var turns = b.Turns - a.Turns;
            var seconds = b.Seconds - a.Seconds;
            if (seconds < 0.5)
            {
                continue; // the last sample, taken when the load stopped, closes a sliver of a second
            }

            var cpu = (b.Cpu - a.Cpu).TotalMilliseconds * 1000;
            yield return string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {round} | {b.Seconds:0.0} | {turns / seconds:0} | {(turns > 0 ? cpu / turns : double.NaN):0} |");
        }
    }

    private void Take()
    {
        TimeSpan cpu;
        try
        {
            cpu = HostCpu.Of(pid) - cpuAtStart;
        }
        catch (IOException)
        {
            return; // the host has exited
        }

        lock (samples)
        {
            samples.Add(new Sample(Stopwatch.GetElapsedTime(started).TotalSeconds, Interlocked.Read(ref completed), cpu));
        }
    }
}
