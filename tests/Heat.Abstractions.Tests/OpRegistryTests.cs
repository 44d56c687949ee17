// SPDX-License-Identifier: MIT
namespace Heat.Abstractions.Tests;

public class OpRegistryTests
{
    [Fact]
    public void EveryEnumMember_HasExactlyOneEntry_InEachTable()
    {
        AssertOnePerMember(OpRegistry.BinaryTable);
        AssertOnePerMember(OpRegistry.UnaryTable);
        AssertOnePerMember(OpRegistry.ReduceTable);
        AssertOnePerMember(OpRegistry.ScanTable);
        AssertOnePerMember(OpRegistry.ArgReduceTable);
        foreach (var op in Enum.GetValues<BinaryOp>()) Assert.Same(OpRegistry.BinaryTable.Single(e => e.Key ==
            op).Value, OpRegistry.Of(op));
        foreach (var op in Enum.GetValues<UnaryOp>()) Assert.Same(OpRegistry.UnaryTable.Single(e => e.Key == op).Value,
            OpRegistry.Of(op));
        foreach (var k in Enum.GetValues<ReduceKind>()) Assert.Same(OpRegistry.ScanTable.Single(e => e.Key == k).Value,
            OpRegistry.OfScan(k));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpRegistry.Of((BinaryOp)999));
    }

    [Fact]
    public void Names_AreUnique_AndReductionsAreNamedAsReduceOp()
    {
        Assert.Equal(OpRegistry.BinaryTable.Count, OpRegistry.BinaryTable.Select(e => e.Value.Name).Distinct().Count());
        Assert.Equal(OpRegistry.UnaryTable.Count, OpRegistry.UnaryTable.Select(e => e.Value.Name).Distinct().Count());
        foreach (var op in new[] { ReduceOp.Sum, ReduceOp.Prod, ReduceOp.Min, ReduceOp.Max, ReduceOp.LAnd,
            ReduceOp.LOr, ReduceOp.BAnd, ReduceOp.BOr, ReduceOp.BXor })
            Assert.Equal(op.Name, OpRegistry.Of(op.Kind).Name);
    }

    [Fact]
    public void Traits_AreConsistent_WithTheDTypesTheyAllow()
    {
        foreach (var (op, t) in OpRegistry.BinaryTable.Select(e => (e.Key.ToString(),
            e.Value)).Concat(OpRegistry.UnaryTable.Select(e => (e.Key.ToString(), e.Value))))
        {
            // An op that needs inexact operands is defined for no integer; one that needs order for no complex;
            // a bitwise one for no inexact dtype; and every op for floats, unless it is bitwise or integer-only
            // (gcd, lcm).
            if (t.NeedsInexact) Assert.True((t.DTypes & DTypeSet.BoolOrInteger) == 0, op);
            if (t.NeedsOrder) Assert.True((t.DTypes & DTypeSet.Complex) == 0, op);
            if (t.Bitwise) Assert.True((t.DTypes & DTypeSet.Inexact) == 0, op);
            bool integerOnly = t.DTypes != DTypeSet.None && (t.DTypes & ~DTypeSet.Integer) == 0;
            Assert.True((t.DTypes & DTypeSet.Float) != 0 || t.Bitwise || integerOnly, op);
        }
    }

    [Fact]
    public void ExtensionMethods_ReadTheTable()
    {
        Assert.True(BinaryOp.Less.ReturnsBool());
        Assert.True(BinaryOp.LogicalXor.ReturnsBool());
        Assert.False(BinaryOp.RightShift.ReturnsBool());
        Assert.True(BinaryOp.LeftShift.IsBitwise());
        Assert.False(BinaryOp.Equal.IsBitwise());
        Assert.True(BinaryOp.Hypot.NeedsFloat());
        Assert.True(BinaryOp.Divide.NeedsFloat());
        Assert.False(BinaryOp.Power.NeedsFloat());
        Assert.True(BinaryOp.Fmod.NeedsOrder());
        Assert.False(BinaryOp.Equal.NeedsOrder());
        Assert.True(UnaryOp.SignBit.ReturnsBool());
        Assert.False(UnaryOp.Conj.ReturnsBool());
        Assert.True(UnaryOp.Angle.NeedsInexact());
        Assert.True(UnaryOp.Sqrt.NeedsInexact());
        Assert.False(UnaryOp.Floor.NeedsInexact());
        Assert.True(UnaryOp.Imag.ComplexToReal());
        Assert.Equal(DType.Float32, UnaryOp.Abs.ResultType(DType.Complex64));
        Assert.Equal(DType.Int16, UnaryOp.Abs.ResultType(DType.Int16));
        Assert.Equal(DType.Bool, UnaryOp.IsNan.ResultType(DType.Complex128));
    }

    [Fact]
    public void Defined_FollowsTheTables()
    {
        Assert.True(OpRegistry.Defined(BinaryOp.Add, DType.Bool));
        Assert.False(OpRegistry.Defined(BinaryOp.Subtract, DType.Bool));
        Assert.False(OpRegistry.Defined(BinaryOp.Divide, DType.Int32));
        Assert.True(OpRegistry.Defined(BinaryOp.Power, DType.Complex64));
        Assert.False(OpRegistry.Defined(BinaryOp.BitwiseAnd, DType.Float64));
        Assert.False(OpRegistry.Defined(UnaryOp.Negative, DType.Bool));
        Assert.True(OpRegistry.Defined(UnaryOp.Tanh, DType.Complex128));
        Assert.False(OpRegistry.Defined(UnaryOp.Atanh, DType.Complex128));
        Assert.True(OpRegistry.Defined(ReduceOp.Sum, DType.Complex64, DType.Complex128));
        Assert.False(OpRegistry.Defined(ReduceOp.Sum, DType.Complex64, DType.Float64));
        Assert.True(OpRegistry.Defined(ReduceOp.LOr, DType.Complex64, DType.Bool));
        Assert.False(OpRegistry.Defined(ReduceOp.BXor, DType.Float32, DType.Float32));
        Assert.False(OpRegistry.Defined(ReduceOp.Create<int>("f", (_, _) => { }, 0), DType.Int32, DType.Int32));
        Assert.True(OpRegistry.DefinedScan(ReduceOp.LAnd, DType.Bool));
        Assert.False(OpRegistry.DefinedScan(ReduceOp.LAnd, DType.Int32));
        Assert.False(OpRegistry.DefinedScan(ReduceOp.Min, DType.Complex64));
        Assert.False(OpRegistry.Defined(ArgReduceKind.ArgMax, DType.Complex64));
        Assert.Equal("reduction sum into "
            + "float64", OpRegistry.ReductionLabel(ReduceOp.Sum, DType.Complex128, DType.Float64));
        Assert.Equal("reduction max", OpRegistry.ReductionLabel(ReduceOp.Max, DType.Complex128, DType.Complex128));
        Assert.Equal("Torch backend: Sqrt is not implemented for "
            + "int32.", OpRegistry.NotImplemented("Torch", "Sqrt", DType.Int32).Message);
    }

    [Fact]
    public void DTypeSet_HasOneBitPerDType()
    {
        Assert.Equal(DType.All, DTypeSet.All.DTypes());
        Assert.Equal([DType.Float16, DType.Float32, DType.Float64], DTypeSet.Float.DTypes());
        foreach (var d in DType.All)
        {
            Assert.Equal([d], d.ToSet().DTypes());
            Assert.Equal(d.IsComplex, DTypeSet.Complex.Contains(d));
            Assert.Equal(d.IsInteger, DTypeSet.Integer.Contains(d));
        }
    }

    private static void AssertOnePerMember<TOp>(IReadOnlyList<KeyValuePair<TOp, OpTraits>> table) where TOp : struct,
        Enum
    {
        foreach (var member in Enum.GetValues<TOp>())
            Assert.True(table.Count(e => e.Key.Equals(member)) == 1, $"{typeof(TOp).Name}.{member} needs exactly "
                + $"one entry.");
        Assert.Equal(Enum.GetValues<TOp>().Length, table.Count);
    }
}
