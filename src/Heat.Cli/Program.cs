// SPDX-License-Identifier: MIT
namespace Heat.Cli;

internal static class Program
{
    private static int Main(string[] args) => 0;
}
