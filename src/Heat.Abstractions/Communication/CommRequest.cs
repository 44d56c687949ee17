// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>A pending non-blocking operation. Its buffers stay pinned until <see cref="Wait"/> returns.</summary>
public abstract class CommRequest
{
    /// <summary>Blocks until the operation completes; returns its status (for receives: source, tag, count).</summary>
    public abstract CommStatus Wait();

    /// <summary>True when the operation has completed (then <see cref="Wait"/> returns at once).</summary>
    public abstract bool Test();

    /// <summary>Waits for every request; the first failure is rethrown after all have finished or failed.</summary>
    public static CommStatus[] WaitAll(params CommRequest[] requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var statuses = new CommStatus[requests.Length];
        Exception? first = null;
        for (int i = 0; i < requests.Length; i++)
        {
            try { statuses[i] = requests[i].Wait(); }
            catch (Exception e) { first ??= e; }
        }
        if (first is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        return statuses;
    }

    /// <summary>Waits until one request completes and returns its index.</summary>
    public static int WaitAny(params CommRequest[] requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Length == 0) throw new ArgumentException("WaitAny needs at least one request.", nameof(requests));
        var spin = new SpinWait();
        while (true)
        {
            for (int i = 0; i < requests.Length; i++)
                if (requests[i].Test()) { requests[i].Wait(); return i; }
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }
}

/// <summary>A request that releases pinned memory once the inner request completes.</summary>
internal sealed class PinningRequest(CommRequest inner, System.Buffers.MemoryHandle pin) : CommRequest
{
    private System.Buffers.MemoryHandle _pin = pin;
    private int _released;

    public override CommStatus Wait()
    {
        try { return inner.Wait(); }
        finally { Release(); }
    }

    public override bool Test()
    {
        if (!inner.Test()) return false;
        return true;
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _pin.Dispose();
    }
}
