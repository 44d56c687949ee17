// SPDX-License-Identifier: MIT
using System.Text;
using Heat.Abstractions;

namespace Heat.IO;

/// <summary>
/// Makes data- and file-dependent errors collective: every rank reports whether its local step failed (one Allgather
/// of a flag); if any did, the lowest failing rank broadcasts its exception's type and message and every rank throws
/// the same exception, so no rank goes on into a collective the others have left.
/// </summary>
internal static class CollectiveError
{
    // Exception types that travel by index; anything else arrives as an IOException with the same message.
    private static readonly Type[] Known =
    [
        typeof(IOException), typeof(FileNotFoundException), typeof(DirectoryNotFoundException), typeof(InvalidDataException),
        typeof(NotSupportedException), typeof(ArgumentException), typeof(ArgumentOutOfRangeException), typeof(FormatException),
        typeof(KeyNotFoundException), typeof(UnauthorizedAccessException), typeof(InvalidOperationException),
        typeof(DllNotFoundException), typeof(EndOfStreamException), typeof(ArgumentNullException),
    ];

    /// <summary>Runs <paramref name="body"/>; then all ranks agree on whether any rank failed and, if so, all throw the same exception.</summary>
    public static T Run<T>(ICommunicator comm, Func<T> body)
    {
        T result = default!;
        Exception? error = null;
        try { result = body(); }
        catch (Exception e) when (e is not CommunicationException) { error = e; }
        try { Agree(comm, error); }
        catch
        {
            if (result is IDisposable d) d.Dispose();  // another rank failed: drop what this rank built
            throw;
        }
        return result;
    }

    /// <summary>Runs <paramref name="body"/>; then all ranks agree on failure as <see cref="Run{T}"/>.</summary>
    public static void Run(ICommunicator comm, Action body) => Run(comm, () => { body(); return 0; });

    /// <summary>One collective flag: throws the lowest failing rank's exception on every rank when any rank passed one.</summary>
    public static void Agree(ICommunicator comm, Exception? local)
    {
        var flags = comm.Allgather(local is null ? 0 : 1);
        int origin = Array.IndexOf(flags, 1);
        if (origin < 0) return;
        byte[] payload = comm.Rank == origin ? Encode(local!) : [];
        int length = comm.Bcast(payload.Length, origin);
        if (comm.Rank != origin) payload = new byte[length];
        comm.Bcast<byte>(payload.AsSpan(), origin);
        throw Decode(payload, comm.Rank == origin ? local : null);
    }

    private static byte[] Encode(Exception e)
    {
        int index = Array.IndexOf(Known, e.GetType());
        string message = e.Message, param = "";
        if (e is ArgumentException { ParamName: { } p } a)
        {
            param = p;
            string suffix = $" (Parameter '{p}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal)) message = message[..^suffix.Length];
        }
        if (index < 0) index = 0;
        return Encoding.UTF8.GetBytes($"{index}\n{param}\n{message}");
    }

    private static Exception Decode(byte[] payload, Exception? inner)
    {
        var text = Encoding.UTF8.GetString(payload);
        var parts = text.Split('\n', 3);
        int index = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        string? param = parts[1].Length == 0 ? null : parts[1];
        string message = parts[2];
        return Known[index].Name switch
        {
            nameof(ArgumentOutOfRangeException) => new ArgumentOutOfRangeException(param, message),
            nameof(ArgumentNullException) => new ArgumentNullException(param, message),
            nameof(ArgumentException) => new ArgumentException(message, param, inner),
            nameof(FileNotFoundException) => new FileNotFoundException(message, inner),
            nameof(DirectoryNotFoundException) => new DirectoryNotFoundException(message, inner),
            nameof(InvalidDataException) => new InvalidDataException(message, inner),
            nameof(NotSupportedException) => new NotSupportedException(message, inner),
            nameof(FormatException) => new FormatException(message, inner),
            nameof(KeyNotFoundException) => new KeyNotFoundException(message, inner),
            nameof(UnauthorizedAccessException) => new UnauthorizedAccessException(message, inner),
            nameof(InvalidOperationException) => new InvalidOperationException(message, inner),
            nameof(DllNotFoundException) => new DllNotFoundException(message, inner),
            nameof(EndOfStreamException) => new EndOfStreamException(message, inner),
            _ => new IOException(message, inner),
        };
    }
}
