// SPDX-License-Identifier: MIT
namespace Heat;

/// <summary>
/// How <see cref="DNDarray.ToString"/> formats arrays (HeAT's <c>ht.get_printoptions()</c>, after PyTorch's print
/// options). The options are per process: every rank of an in-process world shares them, as every rank of an MPI
/// job holds its own copy (set them alike on every rank).
/// </summary>
/// <param name="Precision">Digits after the decimal point of floating point values (4).</param>
/// <param name="Threshold">Arrays of more elements are summarised with <c>...</c> (1000).</param>
/// <param name="EdgeItems">Items shown at each end of a summarised dimension (3).</param>
/// <param name="LineWidth">Characters per line before a row of values wraps (120, HeAT's width).</param>
/// <param name="SciMode">Scientific notation always (true) or never (false, and null: fixed-point).</param>
public sealed record PrintOptions(int Precision = 4, long Threshold = 1000, int EdgeItems = 3, int LineWidth = 120,
    bool? SciMode = null)
{
    private static PrintOptions _current = new();

    /// <summary>The options in force (the one source of truth for printing).</summary>
    internal static PrintOptions Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }

    /// <summary>Whether DNDarrays print their local chunks (<see cref="ht.local_printing"/>) instead of the global
    /// array.</summary>
    internal static bool LocalPrinting { get; set; }

    /// <summary>A PyTorch profile: "default", "short" (precision 2, 2 edge items) or "full" (never
    /// summarised).</summary>
    internal static PrintOptions Profile(string profile) => profile switch
    {
        "default" => new PrintOptions(),
        "short" => new PrintOptions(Precision: 2, EdgeItems: 2),
        "full" => new PrintOptions(Threshold: long.MaxValue),
        _ => throw new ArgumentException($"Unknown print profile '{profile}'; expected 'default', 'short' or "
            + $"'full'.", nameof(profile)),
    };
}
