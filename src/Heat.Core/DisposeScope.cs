// SPDX-License-Identifier: MIT
namespace Heat;

/// <summary>
/// Collects the temporaries of a computation and disposes them together, so loops and multi-step functions need no
/// hand-written dispose-and-rethrow blocks. Every DNDarray created on this rank while a scope is open joins the
/// innermost one; other disposables (local tensors) join with <see cref="Include{T}"/>. Results leave explicitly:
/// <code>using var s = DisposeScope.Begin(); … return s.MoveToOuter(result);</code>
/// </summary>
/// <remarks>
/// Scopes nest per rank (the stack is an <see cref="AsyncLocal{T}"/>, like the ambient rank context); disposing a scope
/// disposes what it still holds, newest first, and closes any scope opened inside it that is still open. Disposing an
/// array twice is harmless, so a temporary that is also in a <c>using</c> is fine.
/// </remarks>
public sealed class DisposeScope : IDisposable
{
    private static readonly AsyncLocal<DisposeScope?> Innermost = new();
    private readonly List<IDisposable> _held = [];
    private readonly DisposeScope? _outer;
    private bool _disposed;

    private DisposeScope(DisposeScope? outer) => _outer = outer;

    /// <summary>The innermost open scope of this rank, or null.</summary>
    public static DisposeScope? Current => Innermost.Value;

    /// <summary>Opens a scope inside the current one.</summary>
    public static DisposeScope Begin()
    {
        var scope = new DisposeScope(Innermost.Value);
        Innermost.Value = scope;
        return scope;
    }

    /// <summary>Number of disposables the scope holds.</summary>
    public int Count => _held.Count;

    /// <summary>Adds <paramref name="item"/> to the scope (it is disposed with the scope) and returns it.</summary>
    /// <exception cref="ObjectDisposedException">The scope was already disposed.</exception>
    public T Include<T>(T item) where T : IDisposable
    {
        ArgumentNullException.ThrowIfNull(item);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _held.Add(item);
        return item;
    }

    /// <summary>Takes <paramref name="item"/> out of this scope and hands it to the enclosing scope, if any; returns
    /// it.</summary>
    public T MoveToOuter<T>(T item) where T : IDisposable?
    {
        if (item is not IDisposable owned) return item;
        Detach(owned);
        _outer?.Include(owned);
        return item;
    }

    /// <summary>
    /// Moves <paramref name="result"/> out (see <see cref="MoveToOuter{T}(T)"/>) and detaches
    /// <paramref name="transferred"/>,
    /// which the result now owns (a local tensor wrapped by a new array). Arguments are evaluated first, so when
    /// building
    /// the result throws, the scope still disposes <paramref name="transferred"/>.
    /// </summary>
    public T MoveToOuter<T>(T result, IDisposable transferred) where T : IDisposable?
    {
        ArgumentNullException.ThrowIfNull(transferred);
        Detach(transferred);
        return MoveToOuter(result);
    }

    /// <summary>Takes both results out of this scope (see <see cref="MoveToOuter{T}(T)"/>).</summary>
    public (T1, T2) MoveToOuter<T1, T2>((T1, T2) items) where T1 : IDisposable? where T2 : IDisposable? =>
        (MoveToOuter(items.Item1), MoveToOuter(items.Item2));

    /// <summary>Takes <paramref name="item"/> out of this scope without handing it on: the caller owns it.</summary>
    public T Detach<T>(T item) where T : IDisposable
    {
        for (int i = _held.Count - 1; i >= 0; i--)
            if (ReferenceEquals(_held[i], item)) _held.RemoveAt(i);
        return item;
    }

    /// <summary>Disposes what the scope still holds, newest first, and makes the enclosing scope current
    /// again.</summary>
    /// <exception cref="AggregateException">Disposing held items threw; every item was still disposed.</exception>
    public void Dispose()
    {
        if (_disposed) return;
        // Close scopes opened inside this one and left open (an exception skipped their using).
        while (Innermost.Value is { } inner && inner != this && inner.IsInside(this)) inner.Dispose();
        _disposed = true;
        if (Innermost.Value == this) Innermost.Value = _outer;
        List<Exception>? errors = null;
        for (int i = _held.Count - 1; i >= 0; i--)
        {
            try { _held[i].Dispose(); }
            catch (Exception e) { (errors ??= []).Add(e); }
        }
        _held.Clear();
        if (errors is not null) throw new AggregateException("Disposing the temporaries of a DisposeScope failed.", errors);
    }

    private bool IsInside(DisposeScope other)
    {
        for (var s = _outer; s is not null; s = s._outer)
            if (s == other) return true;
        return false;
    }

    /// <summary>Adds a new array to the innermost open scope of this rank (called by every DNDarray
    /// constructor).</summary>
    internal static void Track(DNDarray array)
    {
        var scope = Innermost.Value;
        if (scope is { _disposed: false }) scope._held.Add(array);
    }
}
