// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.Communication;

namespace Heat.Comm.InProc.Tests;

/// <summary>The shared communicator suite on in-process ranks.</summary>
public sealed class InProcCommunicatorConformance() : CommunicatorConformanceSuite(new InProcTestWorld());
