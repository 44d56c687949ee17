// SPDX-License-Identifier: MIT
using Heat.Testing;
using Heat.Testing.IO;

// The I/O suites on the managed backend, in-process ranks (see Heat.Testing.Matrix).
namespace Heat.IO.Tests.ManagedInProc
{
    public sealed class RoundTrips : RoundTripSuite<ManagedInProcWorld>;
    public sealed class NpyFormats : NpyFormatSuite<ManagedInProcWorld>;
    public sealed class Iris : IrisSuite<ManagedInProcWorld>;
    public sealed class ReferenceTools : ReferenceToolsSuite<ManagedInProcWorld>;
    public sealed class BadInput : BadInputSuite<ManagedInProcWorld>;
    public sealed class ChildProcess : ChildProcessSuite<ManagedInProcWorld>;
    [Collection(ParserFuzzCollection.Name)]
    public sealed class ParserFuzz : ParserFuzzSuite<ManagedInProcWorld>;
}

namespace Heat.IO.Tests
{
    /// <summary>Every suite of <see cref="Matrix"/> is bound here for this project's worlds.</summary>
    public sealed class MatrixCoverage
    {
        [Fact]
        public void ManagedInProc_BindsEverySuite() =>
            Assert.Empty(Matrix.Unbound<ManagedInProcWorld>(typeof(MatrixCoverage).Assembly, [.. Matrix.DataIoSuites, .. Matrix.OtherIoSuites]));
    }
}
