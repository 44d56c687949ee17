// SPDX-License-Identifier: MIT
using Heat.Abstractions;

namespace Heat.Testing;

/// <summary>
/// Runs a test body on N ranks: in process (threads, <c>InProcWorld</c>) or, under <c>mpiexec.mpich</c>, on the MPI
/// world (bodies whose rank count differs from the world size are left out there). Shared suites take one of these, so
/// the same tests run both ways. Every run has a timeout; a failing rank's exception is rethrown, tagged with its rank.
/// </summary>
public interface ITestWorld
{
    /// <summary>A short name for test output (<c>inproc</c>, <c>mpi</c>).</summary>
    string Name { get; }
    /// <summary>Runs <paramref name="body"/> on <paramref name="ranks"/> ranks with the ambient Heat context set.</summary>
    void Run(int ranks, Action body);
    /// <summary>Runs <paramref name="body"/> on every rank and returns the per-rank results in rank order.</summary>
    T[] Run<T>(int ranks, Func<T> body);
    /// <summary>Runs a body that uses the rank's communicator directly.</summary>
    void Run(int ranks, Action<ICommunicator> body);
    /// <summary>Runs a body that uses the rank's communicator directly and returns per-rank results in rank order.</summary>
    T[] Run<T>(int ranks, Func<ICommunicator, T> body);
}

/// <summary>Provides a backend to the backend conformance suite.</summary>
public interface IBackendFixture
{
    /// <summary>The backend under test (one instance, shared by the suite's tests).</summary>
    ITensorBackend Backend { get; }
}
