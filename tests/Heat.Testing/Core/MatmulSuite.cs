// SPDX-License-Identifier: MIT
namespace Heat.Testing.Core;

/// <summary>matmul for all 9 split pairs, vectors and batches on 1..5 ranks, exact on integer-valued float64
/// data.</summary>
public abstract class MatmulSuite<TWorld>(ITestWorld? world = null) : DndarraySuiteBase<TWorld>(world) where TWorld : ITestWorldKind
{
    public static TheoryData<int, int?, int?> SplitPairs
    {
        get
        {
            var data = new TheoryData<int, int?, int?>();
            foreach (var r in RankSample)
                foreach (var sa in new int?[] { null, 0, 1 })
                    foreach (var sb in new int?[] { null, 0, 1 }) data.Add(r, sa, sb);
            return data;
        }
    }

    private static double[] Product(double[] a, double[] b, int m, int k, int n)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int l = 0; l < k; l++) s += a[i * k + l] * b[l * n + j];
                c[i * n + j] = s;
            }
        return c;
    }

    private static double[] Ints(int count, int seed)
        => Enumerable.Range(0, count).Select(i => (double)((i * 7 + seed * 3) % 11 - 5)).ToArray();

    [Theory, MemberData(nameof(SplitPairs))]
    public void Matmul_EverySplitPair_EqualsUndistributedExactly(int ranks, int? sa, int? sb)
    {
        // 7 x 4 times 4 x 6: 4 gives empty K chunks on 5 ranks, 7 and 6 uneven row/column chunks.
        var a = Ints(28, 1); var b = Ints(24, 2);
        var expected = Product(a, b, 7, 4, 6);
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [7, 4], split: sa);
            using var y = ht.array(b, [4, 6], split: sb);
            using var c = ht.matmul(x, y);
            Assert.Equal([7L, 6L], c.shape);
            int? expectedSplit = (sa, sb) switch { (null, null) => null, (0, _) or (null, 0) => 0, _ => 1 };
            Assert.Equal(expectedSplit, c.split);
            Assert.Equal(expected, c.ToArray<double>());
            Assert.Equal(sa, x.split); // inputs untouched
            Assert.Equal(sb, y.split);
        });
    }

    [Theory, MemberData(nameof(SplitPairs))]
    public void Matmul_UnbalancedOperands(int ranks, int? sa, int? sb)
    {
        var a = Ints(35, 3); var b = Ints(30, 4);
        var expected = Product(a, b, 7, 5, 6);
        World.Run(ranks, () =>
        {
            using var x = sa is int s ? Reference.Unbalanced(a, [7, 5], s) : ht.array(a, [7, 5]);
            using var y = sb is int t ? Reference.Unbalanced(b, [5, 6], t) : ht.array(b, [5, 6]);
            using var c = x.matmul(y);
            Assert.Equal(expected, c.ToArray<double>());
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Matmul_VectorsAndBatches(int ranks)
    {
        var a = Ints(12, 5); var v = Ints(4, 6);
        World.Run(ranks, () =>
        {
            using var m = ht.array(a, [3, 4], split: 0);
            using var x = ht.array(v, [4], split: 0);
            using var mv = ht.matmul(m, x);
            Assert.Equal([3L], mv.shape);
            Assert.Equal(Product(a, v, 3, 4, 1), mv.ToArray<double>());
            using var xm = ht.matmul(x, ht.array(a, [4, 3]));
            Assert.Equal(Product(v, a, 1, 4, 3), xm.ToArray<double>());
            using var dot = ht.matmul(x, x);
            Assert.Equal(0, dot.ndim);
            Assert.Equal(v.Sum(t => t * t), dot.item<double>());

            var batch = Ints(2 * 3 * 4, 7);
            var rhs = Ints(4 * 2, 8);
            foreach (int? split in new int?[] { null, 0, 1, 2 })
            {
                using var bt = ht.array(batch, [2, 3, 4], split: split);
                using var r = ht.array(rhs, [4, 2], split: 0);
                using var c = ht.matmul(bt, r);
                Assert.Equal([2L, 3L, 2L], c.shape);
                var expected = Product(batch[..12], rhs, 3, 4, 2).Concat(Product(batch[12..], rhs, 3, 4, 2)).ToArray();
                Assert.Equal(expected, c.ToArray<double>());
            }
            using var wrong = ht.ones([5, 2]);
            Assert.Throws<ArgumentException>(() => ht.matmul(m, wrong));
        });
    }

    [Theory, MemberData(nameof(Ranks))]
    public void Matmul_IntegersStayIntegers(int ranks)
    {
        World.Run(ranks, () =>
        {
            using var m = ht.array(new[] { 1, 2, 3, 4, 5, 6 }, [2, 3], split: 1);
            using var n = ht.array(new[] { 1, 0, 0, 1, 1, 1 }, [3, 2], split: 0);
            using var c = ht.matmul(m, n);
            Assert.Equal(ht.int32, c.dtype);
            Assert.Equal(new[] { 4, 5, 10, 11 }, c.ToArray<int>());
        });
    }

    [Theory, MemberData(nameof(SplitPairs))]
    public void Matmul_HeatsReferenceCase(int ranks, int? sa, int? sb)
    {
        // HeAT's test: A = ones(21, 31), A[0] = 1..31, A[:, -1] = 1..21; B = ones(31, 45), B[0] = 1..45, B[:, 0] =
        // 1..31.
        var a = Enumerable.Repeat(1.0, 21 * 31).ToArray();
        for (int j = 0; j < 31; j++) a[j] = j + 1;
        for (int i = 0; i < 21; i++) a[i * 31 + 30] = i + 1;
        var b = Enumerable.Repeat(1.0, 31 * 45).ToArray();
        for (int j = 0; j < 45; j++) b[j] = j + 1;
        for (int i = 0; i < 31; i++) b[i * 45] = i + 1;
        var expected = Product(a, b, 21, 31, 45);
        World.Run(ranks, () =>
        {
            using var x = ht.array(a, [21, 31], split: sa);
            using var y = ht.array(b, [31, 45], split: sb);
            using var c = ht.matmul(x, y);
            Assert.Equal(ht.float64, c.dtype);
            Assert.Equal((sa, sb) switch { (null, null) => null, (0, _) or (null, 0) => (int?)0, _ => 1 }, c.split);
            Assert.Equal(expected, c.ToArray<double>());
        });
    }
}
