// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.IO;

namespace Heat.IO.Tests;

public sealed class InProcRoundTrips() : RoundTripSuite(new InProcTestWorld());
public sealed class InProcNpyFormats() : NpyFormatSuite(new InProcTestWorld());
public sealed class InProcIris() : IrisSuite(new InProcTestWorld());
public sealed class InProcReferenceTools() : ReferenceToolsSuite(new InProcTestWorld());
public sealed class InProcBadInput() : BadInputSuite(new InProcTestWorld());
public sealed class InProcChildProcess() : ChildProcessSuite(new InProcTestWorld());
