// SPDX-License-Identifier: MIT
using System.Numerics;

namespace Heat.Abstractions.Tests;

public class ReduceOpTests
{
    [Fact]
    public void Identities_AreNeutral()
    {
        Assert.Equal(0, ReduceOp.Sum.Identity<int>());
        Assert.Equal(1.0, ReduceOp.Prod.Identity<double>());
        Assert.Equal(float.PositiveInfinity, ReduceOp.Min.Identity<float>());
        Assert.Equal(long.MinValue, ReduceOp.Max.Identity<long>());
        Assert.Equal(-1, ReduceOp.BAnd.Identity<int>());
        Assert.True(ReduceOp.LAnd.Identity<bool>());
        Assert.Equal((byte)255, ReduceOp.BAnd.Identity<byte>());
        Assert.Throws<NotSupportedException>(() => ReduceOp.BAnd.Identity<double>());
    }

    [Fact]
    public void Combine_BuiltIns_OnEveryNumericType()
    {
        int[] a = [1, 5, -3], d = [4, 2, -7];
        ReduceOp.Max.Combine<int>(a, d);
        Assert.Equal([4, 5, -3], d);
        double[] x = [1, double.NaN], y = [2, 3];
        ReduceOp.Min.Combine<double>(x, y);
        Assert.Equal(1, y[0]);
        Assert.True(double.IsNaN(y[1]));
        Complex[] c = [new(1, 1)], e = [new(2, -1)];
        ReduceOp.Prod.Combine<Complex>(c, e);
        Assert.Equal(new Complex(3, 1), e[0]);
        Complex64[] f = [new(1, 2)], g = [new(3, 4)];
        ReduceOp.Sum.Combine<Complex64>(f, g);
        Assert.Equal(new Complex64(4, 6), g[0]);
        bool[] p = [true, false], q = [true, true];
        ReduceOp.LAnd.Combine<bool>(p, q);
        Assert.Equal([true, false], q);
        Assert.Throws<NotSupportedException>(() => ReduceOp.Max.Combine<Complex>(c, e));
        Assert.Throws<ArgumentException>(() => ReduceOp.Sum.Combine<int>(new int[2], new int[3]));
    }

    [Fact]
    public void UserOp_CombinesInMpiOrder_AndChecksItsType()
    {
        // Non-commutative: keep the left operand (input is the lower rank's value).
        var first = ReduceOp.Create<int>("first", (input, inout) => input.CopyTo(inout), 0, commutative: false);
        int[] lower = [7], upper = [9];
        first.Combine<int>(lower, upper);
        Assert.Equal(7, upper[0]);
        Assert.Equal(ReduceKind.User, first.Kind);
        Assert.False(first.IsCommutative);
        Assert.Throws<NotSupportedException>(() => first.Combine<long>(new long[1], new long[1]));
        Assert.Throws<NotSupportedException>(() => first.Identity<float>());
    }
}
