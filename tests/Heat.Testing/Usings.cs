// SPDX-License-Identifier: MIT
global using Xunit;
