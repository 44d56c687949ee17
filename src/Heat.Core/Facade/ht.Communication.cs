// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using Heat.Abstractions;

namespace Heat;

// HeAT: heat/core/communication.py
public static partial class ht
{
    /// <summary>The current rank's world communicator.</summary>
    public static ICommunicator get_comm() => Context.Communicator;
}
