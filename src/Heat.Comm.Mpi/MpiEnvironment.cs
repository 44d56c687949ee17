// SPDX-License-Identifier: MIT
using System.Text;
using Heat.Abstractions;
using Heat.Comm.Mpi.Interop;

namespace Heat.Comm.Mpi;

/// <summary>
/// The process's MPI library: initialised once (<c>MPI_Init_thread</c>, <c>MPI_THREAD_MULTIPLE</c>), finalised when the
/// last world communicator is disposed or at process exit. While it is up, an unhandled exception on any thread prints
/// the exception with this rank and calls <c>MPI_Abort</c>, so the launcher stops every rank instead of leaving them
/// hanging.
/// </summary>
/// <remarks>MPI can be initialised only once per process: after finalisation no new world can be created.</remarks>
public static unsafe partial class MpiEnvironment
{
    private static readonly object Gate = new();
    private static bool _initialized, _finalized, _ownsInit, _hooksInstalled;
    private static int _worlds;

    /// <summary>True once MPI is initialised (and not yet finalised).</summary>
    public static bool IsInitialized { get { lock (Gate) return _initialized && !_finalized; } }
    /// <summary>MPICH's version text (<c>MPI_Get_library_version</c>), once loaded.</summary>
    public static string LibraryVersion { get; private set; } = "";
    /// <summary>The thread level MPICH granted.</summary>
    public static int ThreadLevel { get; private set; }
    /// <summary>This process's rank in <c>MPI_COMM_WORLD</c>.</summary>
    public static int WorldRank { get; private set; }
    /// <summary>The number of processes in <c>MPI_COMM_WORLD</c>.</summary>
    public static int WorldSize { get; private set; } = 1;
    /// <summary>Ranks sharing this node (the <c>MPI_COMM_TYPE_SHARED</c> split of the world).</summary>
    public static int RanksOnNode { get; private set; } = 1;

    /// <summary>Loads MPICH and initialises MPI if not done yet.</summary>
    /// <exception cref="CommunicatorUnavailableException">MPICH is missing or wrong, or MPI was already
    /// finalised.</exception>
    public static void Initialize()
    {
        lock (Gate)
        {
            if (_finalized)
                throw new CommunicatorUnavailableException("MPI was already finalised in this process; MPI can be initialised only once per process. Keep one world communicator (ht.init) for the whole program.");
            if (_initialized) return;
            LibraryVersion = MpiLibrary.EnsureLoaded();
            int flag;
            Check(MpiNative.MPI_Initialized(&flag), "MPI_Initialized");
            if (flag == 0)
            {
                int provided;
                int rc = MpiNative.MPI_Init_thread(null, null, MpiConstants.MPI_THREAD_MULTIPLE, &provided);
                if (rc != MpiConstants.MPI_SUCCESS) throw new CommunicatorUnavailableException($"MPI_Init_thread failed with error {rc}.");
                ThreadLevel = provided;
                _ownsInit = true;
            }
            else ThreadLevel = MpiConstants.MPI_THREAD_MULTIPLE;
            // Errors MPICH cannot tie to one of our communicators (e.g. a failed request completed by MPI_Test) are
            // raised on MPI_COMM_WORLD or MPI_COMM_SELF: return them there too, so they become exceptions, not aborts.
            Check(MpiNative.MPI_Comm_set_errhandler(MpiConstants.MPI_COMM_WORLD, MpiConstants.MPI_ERRORS_RETURN), "MPI_Comm_set_errhandler");
            Check(MpiNative.MPI_Comm_set_errhandler(MpiConstants.MPI_COMM_SELF, MpiConstants.MPI_ERRORS_RETURN), "MPI_Comm_set_errhandler");
            int rank, size, node, nodeSize;
            Check(MpiNative.MPI_Comm_rank(MpiConstants.MPI_COMM_WORLD, &rank), "MPI_Comm_rank");
            Check(MpiNative.MPI_Comm_size(MpiConstants.MPI_COMM_WORLD, &size), "MPI_Comm_size");
            Check(MpiNative.MPI_Comm_split_type(MpiConstants.MPI_COMM_WORLD, MpiConstants.MPI_COMM_TYPE_SHARED, rank, MpiConstants.MPI_INFO_NULL, &node), "MPI_Comm_split_type");
            Check(MpiNative.MPI_Comm_size(node, &nodeSize), "MPI_Comm_size");
            WorldRank = rank; WorldSize = size; RanksOnNode = nodeSize;
            ExchangePeers(node);
            Check(MpiNative.MPI_Comm_free(&node), "MPI_Comm_free");
            _initialized = true;
            if (LaunchMismatch(size, Environment.GetEnvironmentVariable) is { } mismatch)
                throw new CommunicatorUnavailableException(mismatch);
            if (!_hooksInstalled)
            {
                _hooksInstalled = true;
                AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => FinalizeMpi();
            }
        }
    }

    /// <summary>Creates a world communicator: a duplicate of <c>MPI_COMM_WORLD</c> for Heat's own traffic, with errors
    /// returned as exceptions.</summary>
    /// <param name="wait">How calls wait; <see cref="MpiWaitMode.Auto"/> decides by oversubscription.</param>
    /// <exception cref="CommunicatorUnavailableException">MPICH is missing or wrong, or MPI was already
    /// finalised.</exception>
    public static MpiCommunicator CreateWorld(MpiWaitMode wait = MpiWaitMode.Auto) => CreateWorld(wait, null);

    /// <summary>Creates a world communicator whose waits abort the job after <paramref name="collectiveTimeout"/>
    /// (see <see cref="MpiCommunicator.CollectiveTimeout"/>).</summary>
    /// <exception cref="CommunicatorUnavailableException">MPICH is missing or wrong, or MPI was already
    /// finalised.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A timeout that is not positive.</exception>
    public static MpiCommunicator CreateWorld(MpiWaitMode wait, TimeSpan? collectiveTimeout)
    {
        if (collectiveTimeout is { } t && t <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(collectiveTimeout), t,
                "The collective timeout must be positive.");
        Initialize();
        var mode = MpiWaitPolicy.ForThisProcess(wait, RanksOnNode);
        int comm;
        Check(MpiNative.MPI_Comm_dup(MpiConstants.MPI_COMM_WORLD, &comm), "MPI_Comm_dup(MPI_COMM_WORLD)");
        Check(MpiNative.MPI_Comm_set_errhandler(comm, MpiConstants.MPI_ERRORS_RETURN), "MPI_Comm_set_errhandler");
        lock (Gate) _worlds++;
        return new MpiCommunicator(comm, mode, ownsEnvironment: true, collectiveTimeout);
    }

    /// <summary>Called when a world communicator is disposed: the last one finalises MPI.</summary>
    internal static void ReleaseWorld()
    {
        bool last;
        lock (Gate) last = --_worlds == 0;
        if (last) FinalizeMpi();
    }

    /// <summary>Finalises MPI if this process initialised it and it is still up (idempotent).</summary>
    public static void FinalizeMpi()
    {
        lock (Gate)
        {
            if (!_initialized || _finalized) return;
            _finalized = true;
            if (!_ownsInit) return;
            int flag;
            _ = MpiNative.MPI_Finalized(&flag); // best effort at exit
            if (flag == 0) _ = MpiNative.MPI_Finalize();
        }
    }

    /// <summary>True when MPI calls may no longer be made (finalised, or never initialised).</summary>
    internal static bool IsDown { get { lock (Gate) return !_initialized || _finalized; } }

    /// <summary>Prints <paramref name="error"/> with this rank to standard error and aborts the whole MPI
    /// job.</summary>
    /// <remarks>For programs that catch exceptions themselves: <c>catch (Exception e) { MpiEnvironment.Abort(e);
    /// }</c>.</remarks>
    public static void Abort(Exception error, int exitCode = 1)
    {
        ArgumentNullException.ThrowIfNull(error);
        Abort($"unhandled exception, aborting the MPI job:{Environment.NewLine}{error}", exitCode);
    }

    /// <summary>Prints <paramref name="message"/> with this rank to standard error and aborts the whole MPI
    /// job.</summary>
    public static void Abort(string message, int exitCode = 1)
    {
        try
        {
            Console.Out.Flush();
            Console.Error.WriteLine($"[heat rank {WorldRank}/{WorldSize}] {message}");
            Console.Error.Flush();
            // MPI_Abort makes the launcher tear the job down; a moment first lets it forward the message.
            Thread.Sleep(200);
        }
        catch (IOException) { }
        bool up;
        lock (Gate)
        {
            up = _initialized && !_finalized;
            _finalized = true;  // MPI_Abort may return (a launcher that keeps the job): never MPI_Finalize after it
        }
        if (up) _ = MpiNative.MPI_Abort(MpiConstants.MPI_COMM_WORLD, exitCode);
        Environment.Exit(exitCode);
    }

    private static void OnUnhandledException(object sender, UnhandledExceptionEventArgs e)
    {
        bool up;
        lock (Gate) up = _initialized && !_finalized;
        if (!up) return;
        Abort(e.ExceptionObject as Exception ?? new HeatException(e.ExceptionObject?.ToString() ?? "unknown error"));
    }

    /// <summary>
    /// A message when the launcher started several processes but MPICH sees a world of one: another MPI's launcher
    /// (Open MPI's <c>mpiexec</c>) or <c>srun</c> without a PMI plug-in MPICH understands, so every process would run
    /// alone.
    /// </summary>
    internal static string? LaunchMismatch(int worldSize, Func<string, string?> lookup)
    {
        if (worldSize != 1) return null;
        foreach (var (name, launcher) in new[] { ("OMPI_COMM_WORLD_SIZE", "Open MPI's mpiexec"), ("PMI_SIZE", "a PMI launcher"), ("SLURM_STEP_NUM_TASKS", "srun") })
        {
            if (!int.TryParse(lookup(name), out int n) || n <= 1) continue;
            return $"This process was started by {launcher} as one of {n} ({name}={n}), but MPICH sees a world of 1 process: " +
                "it does not understand that launcher, and every process would compute alone. Launch with mpiexec.mpich " +
                "(plain mpiexec may be Open MPI's), or on Slurm with srun --mpi=pmi2 (or --mpi=pmix, as the site's MPICH was built).";
        }
        return null;
    }

    /// <summary>Throws a <see cref="CommunicationException"/> carrying MPI's error text unless <paramref name="code"/>
    /// is success.</summary>
    internal static void Check(int code, string call)
    {
        if (code != MpiConstants.MPI_SUCCESS)
            throw new CommunicationException($"{call} failed on rank {WorldRank}: {ErrorString(code)} (MPI error {code}).");
    }

    /// <summary>MPI's text for an error code.</summary>
    internal static string ErrorString(int code)
    {
        byte* text = stackalloc byte[MpiConstants.MPI_MAX_ERROR_STRING + 1];
        int length = 0;
        if (MpiNative.MPI_Error_string(code, text, &length) != MpiConstants.MPI_SUCCESS) return "unknown error";
        return Encoding.UTF8.GetString(text, Math.Clamp(length, 0, MpiConstants.MPI_MAX_ERROR_STRING)).Trim();
    }
}
