// SPDX-License-Identifier: MIT
using Heat.Testing.Backend;

namespace Heat.Backend.Managed.Tests;

public sealed class ManagedElementwise(ManagedBackendFixture f) : ElementwiseSuite(f), IClassFixture<ManagedBackendFixture>;
