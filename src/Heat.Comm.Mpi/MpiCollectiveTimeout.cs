// SPDX-License-Identifier: MIT
using System.Globalization;

namespace Heat.Comm.Mpi;

/// <summary>Parses the watchdog's configuration key <c>Heat:Mpi:CollectiveTimeout</c>.</summary>
internal static class MpiCollectiveTimeout
{
    /// <summary>The configuration key.</summary>
    public const string Key = "Heat:Mpi:CollectiveTimeout";

    /// <summary>Seconds (<c>30</c>, <c>2.5</c>) or a TimeSpan (<c>00:01:00</c>); empty = no watchdog.</summary>
    /// <exception cref="ArgumentException">Not a positive number of seconds or TimeSpan.</exception>
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        TimeSpan value;
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds) && seconds < TimeSpan.MaxValue.TotalSeconds)
            value = TimeSpan.FromSeconds(seconds);
        else if (!TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out value))
            value = TimeSpan.Zero;
        if (value <= TimeSpan.Zero)
            throw new ArgumentException($"{Key} is '{text}'; expected a positive number of seconds (30, 2.5) "
                + "or a TimeSpan (00:01:00).", nameof(text));
        return value;
    }
}
