// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Backend.Torch;

/// <summary>libtorch reported an error (the message is libtorch's, without its C++ backtrace).</summary>
public sealed class TorchException : HeatException
{
    /// <summary>Creates the exception.</summary>
    public TorchException(string message) : base(message) { }
}
