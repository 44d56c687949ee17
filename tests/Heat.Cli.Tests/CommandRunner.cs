// SPDX-License-Identifier: MIT
using Heat.Cli;

namespace Heat.Cli.Tests;

/// <summary>Runs the command tree in process, capturing its output (tests using it share the "console" collection: redirection is process-wide).</summary>
internal static class CommandRunner
{
    public static (int Exit, string Out, string Err) Invoke(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        Console.SetOut(o); Console.SetError(e);
        try { return (Program.BuildRoot().Parse(args).Invoke(), o.ToString(), e.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }
}
