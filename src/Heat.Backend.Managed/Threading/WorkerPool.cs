// SPDX-License-Identifier: MIT
using System.Runtime.ExceptionServices;

namespace Heat.Backend.Managed;

/// <summary>
/// One process-wide set of kernel worker threads. Workers block on a monitor between jobs (no spinning, so idle ranks
/// leave the cores to busy ones); the calling thread always takes part, and takes back chunks no worker picked up, so a
/// job finishes even when every worker is busy with another rank's op.
/// </summary>
internal static class WorkerPool
{
    private static readonly object Gate = new();
    private static readonly Queue<Job> Queue = new();
    private static int _started;

    /// <summary>Worker threads of the process (cores - 1; the caller is the last one).</summary>
    public static int WorkerCount { get; } = Math.Max(0, Heat.Abstractions.CpuBudget.Cores - 1);

    /// <summary>Runs <paramref name="body"/> over [0, count) split into at most <paramref name="threads"/> ranges, in parallel.</summary>
    public static void For(long count, int threads, Action<long, long> body)
    {
        int parts = (int)Math.Min(Math.Min(threads, WorkerCount + 1), count);
        if (parts <= 1)
        {
            if (count > 0) body(0, count);
            return;
        }
        EnsureStarted();
        var job = new Job(count, parts, body);
        lock (Gate)
        {
            for (int i = 1; i < parts; i++) Queue.Enqueue(job);
            if (parts - 1 == 1) Monitor.Pulse(Gate); else Monitor.PulseAll(Gate);
        }
        job.Work();
        job.WaitAll();
    }

    private static void EnsureStarted()
    {
        if (Volatile.Read(ref _started) != 0 || Interlocked.Exchange(ref _started, 1) != 0) return;
        for (int i = 0; i < WorkerCount; i++)
            new Thread(WorkerLoop) { IsBackground = true, Name = $"heat-managed-{i}" }.Start();
    }

    private static void WorkerLoop()
    {
        while (true)
        {
            Job job;
            lock (Gate)
            {
                while (Queue.Count == 0) Monitor.Wait(Gate);
                job = Queue.Dequeue();
            }
            job.Work();
        }
    }

    private sealed class Job(long count, int parts, Action<long, long> body)
    {
        private int _next, _done;
        private ExceptionDispatchInfo? _error;

        public void Work()
        {
            int i;
            while ((i = Interlocked.Increment(ref _next) - 1) < parts)
            {
                long start = count * i / parts, end = count * (i + 1) / parts;
                try { body(start, end); }
                catch (Exception e) { Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null); }
                if (Interlocked.Increment(ref _done) == parts)
                    lock (this) Monitor.PulseAll(this);
            }
        }

        public void WaitAll()
        {
            lock (this)
                while (Volatile.Read(ref _done) < parts) Monitor.Wait(this);
            _error?.Throw();
        }
    }
}
