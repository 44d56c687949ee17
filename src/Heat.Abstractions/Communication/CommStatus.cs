// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>What a completed receive got: the sender, the tag and the number of elements.</summary>
public readonly record struct CommStatus(int Source, int Tag, long Count);

/// <summary>Wildcards for point-to-point receives.</summary>
public static class Comm
{
    /// <summary>Receive from any rank.</summary>
    public const int AnySource = -1;
    /// <summary>Receive any tag.</summary>
    public const int AnyTag = -1;
    /// <summary>The colour that leaves a rank out of <see cref="ICommunicator.Split"/>.</summary>
    public const int Undefined = -32766;
}
