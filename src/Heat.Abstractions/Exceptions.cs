// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>The base of Heat's own exceptions (argument errors use the standard .NET types).</summary>
public class HeatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HeatException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A configured backend cannot be used: its assembly or native library is missing, or it has no such device.</summary>
public class BackendUnavailableException : HeatException
{
    /// <summary>Creates the exception.</summary>
    public BackendUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A configured communicator cannot be used: its assembly or native library is missing, or the launch is wrong.</summary>
public class CommunicatorUnavailableException : HeatException
{
    /// <summary>Creates the exception.</summary>
    public CommunicatorUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>A communication call failed.</summary>
public class CommunicationException : HeatException
{
    /// <summary>Creates the exception.</summary>
    public CommunicationException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>Ranks called different collectives, or the same collective with inconsistent arguments.</summary>
public class CollectiveMismatchException : CommunicationException
{
    /// <summary>Creates the exception.</summary>
    public CollectiveMismatchException(string message) : base(message) { }
}

/// <summary>Some rank did not arrive at a communication call in time.</summary>
public class CommunicationTimeoutException : CommunicationException
{
    /// <summary>Creates the exception.</summary>
    public CommunicationTimeoutException(string message) : base(message) { }
}

/// <summary>Another rank failed; this rank's pending call was released so that the job does not hang.</summary>
public class RankFailedException : CommunicationException
{
    /// <summary>Creates the exception.</summary>
    public RankFailedException(string message, Exception? inner = null) : base(message, inner) { }
}
