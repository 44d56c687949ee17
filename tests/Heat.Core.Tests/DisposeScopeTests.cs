// SPDX-License-Identifier: MIT
using Heat.Comm.InProc;

namespace Heat.Core.Tests;

public sealed class DisposeScopeTests
{
    private static bool Released(DNDarray x) => x.larray.Storage.IsReleased;

    [Fact]
    public void Temporaries_AreDisposed_ResultsMovedOutSurvive() => InProcWorld.Run(2, () =>
    {
        DNDarray kept, temp;
        using (var scope = DisposeScope.Begin())
        {
            temp = ht.ones([5], split: 0);
            var sum = temp + temp;
            kept = scope.MoveToOuter(sum * 2);
            Assert.Equal(2, scope.Count);
        }
        Assert.True(Released(temp));
        Assert.False(Released(kept));
        Assert.Equal([4f, 4f, 4f, 4f, 4f], kept.ToArray<float>());
        kept.Dispose();
        Assert.Null(DisposeScope.Current);
    });

    [Fact]
    public void MoveToOuter_HandsTheResultToTheEnclosingScope() => InProcWorld.Run(1, () =>
    {
        DNDarray inner;
        using (var outer = DisposeScope.Begin())
        {
            using (var scope = DisposeScope.Begin())
                inner = scope.MoveToOuter(ht.zeros([3]));
            Assert.False(Released(inner));
            Assert.Equal(1, outer.Count);
        }
        Assert.True(Released(inner));
    });

    [Fact]
    public void AnException_DisposesTemporaries_AndClosesInnerScopes() => InProcWorld.Run(3, () =>
    {
        DNDarray? temp = null;
        var outer = DisposeScope.Begin();
        try
        {
            var inner = DisposeScope.Begin();
            temp = ht.arange(7, split: 0);
            throw new InvalidOperationException("boom");
        }
        catch (InvalidOperationException) { }
        finally { outer.Dispose(); }
        Assert.True(Released(temp!));
        Assert.Null(DisposeScope.Current);
    });

    [Fact]
    public void Include_And_Detach_ManageOtherDisposables() => InProcWorld.Run(1, () =>
    {
        var x = ht.ones([4]);
        var tensor = x.larray.Share();
        using (var scope = DisposeScope.Begin())
        {
            scope.Include(tensor);
            var owned = scope.Detach(ht.zeros([2]));
            Assert.Equal(1, scope.Count);
            owned.Dispose();
        }
        Assert.False(Released(x)); // the scope released its own reference only
        x.Dispose();
        Assert.True(Released(x));
    });
}
