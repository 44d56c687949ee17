// SPDX-License-Identifier: MIT
namespace Heat;

// HeAT: heat/core/printing.py
public static partial class ht
{
    /// <summary>
    /// Sets the printing options; arguments left null keep their value, a <paramref name="profile"/> ("default",
    /// "short", "full") first resets all of them (linewidth to HeAT's 120).
    /// </summary>
    /// <remarks>The options are per process (see <see cref="PrintOptions"/>).</remarks>
    /// <exception cref="ArgumentException">An unknown profile or a negative or zero value.</exception>
    public static void set_printoptions(int? precision = null, long? threshold = null, int? edgeitems = null,
        int? linewidth = null, string? profile = null, bool? sci_mode = null)
    {
        if (precision < 0) throw new ArgumentOutOfRangeException(nameof(precision), precision, "precision must be "
            + ">= 0.");
        if (threshold < 0) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be "
            + ">= 0.");
        if (edgeitems < 1) throw new ArgumentOutOfRangeException(nameof(edgeitems), edgeitems, "edgeitems must be "
            + ">= 1.");
        if (linewidth < 1) throw new ArgumentOutOfRangeException(nameof(linewidth), linewidth, "linewidth must be "
            + ">= 1.");
        var options = profile is null ? PrintOptions.Current : PrintOptions.Profile(profile);
        PrintOptions.Current = options with
        {
            Precision = precision ?? options.Precision,
            Threshold = threshold ?? options.Threshold,
            EdgeItems = edgeitems ?? options.EdgeItems,
            LineWidth = linewidth ?? options.LineWidth,
            SciMode = sci_mode ?? (profile is null ? options.SciMode : null),
        };
    }

    /// <summary>Restores printing options saved with <see cref="get_printoptions"/>.</summary>
    public static void set_printoptions(PrintOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        set_printoptions(options.Precision, options.Threshold, options.EdgeItems, options.LineWidth, "default",
            options.SciMode);
    }

    /// <summary>The printing options in force.</summary>
    public static PrintOptions get_printoptions() => PrintOptions.Current;

    /// <summary>
    /// From now on DNDarrays print their local chunk on each rank (<c>[[...]], device: cpu:0, split: 0</c>), no
    /// communication; prints a notice on rank 0.
    /// </summary>
    public static void local_printing()
    {
        PrintOptions.LocalPrinting = true;
        print0("Printing options set to LOCAL. DNDarrays will print the local tensors");
    }

    /// <summary>From now on DNDarrays print the global array (collective, the default); prints a notice on rank 0 when
    /// that changes anything.</summary>
    public static void global_printing()
    {
        if (!PrintOptions.LocalPrinting) return;
        PrintOptions.LocalPrinting = false;
        print0("Printing options set to GLOBAL. DNDarrays will be collected on process 0 before printing");
    }

    /// <summary>
    /// Writes <paramref name="args"/>, separated by spaces, as one line to the console on rank 0 only. Collective
    /// when a DNDarray is among them and printing is global (every rank formats it; rank 0 writes).
    /// </summary>
    public static void print0(params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var text = string.Join(" ", args.Select(a => a?.ToString() ?? ""));
        if (get_comm().Rank == 0) Console.Out.WriteLine(text);
    }
}
