// SPDX-License-Identifier: MIT
namespace Heat.Abstractions;

/// <summary>Marks a capability method's parameter as a destination: every element is written and none is
/// read.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class DestinationAttribute : Attribute;
