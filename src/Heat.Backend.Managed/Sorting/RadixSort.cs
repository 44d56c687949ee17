// SPDX-License-Identifier: MIT
namespace Heat.Backend.Managed.Sorting;

/// <summary>
/// A stable least-significant-digit radix sort of items by their key (8-bit digits; digits equal in every item are
/// skipped), parallel over chunks of one array across the backend's threads: per chunk digit counts, one prefix over
/// (digit, chunk), then every chunk scatters its own items, so the order stays stable. Short arrays use insertion.
/// </summary>
internal static unsafe class RadixSort
{
    private const long ChunkMinimum = 1 << 16;

    /// <summary>Sorts <paramref name="a"/> (n items) stably by the low <paramref name="keyBytes"/> bytes of the key;
    /// <paramref name="tmp"/> is scratch of n items.</summary>
    public static void Sort<T>(T* a, T* tmp, long n, int keyBytes, int threads) where T : unmanaged, ISortItem<T>
    {
        if (n < 2) return;
        if (n <= 32)
        {
            Insertion(a, n);
            return;
        }
        int parts = (int)Math.Clamp(n / ChunkMinimum, 1, Math.Max(1, threads));
        var counts = new long[parts][];
        WorkerPool.For(parts, parts, (p0, p1) =>
        {
            for (long p = p0; p < p1; p++)
            {
                var h = counts[p] = new long[keyBytes * 256];
                long begin = n * p / parts, end = n * (p + 1) / parts;
                fixed (long* hp = h)
                    for (long i = begin; i < end; i++)
                    {
                        ulong key = a[i].SortKey;
                        for (int d = 0; d < keyBytes; d++) hp[d * 256 + (int)((key >> (8 * d)) & 0xFF)]++;
                    }
            }
        });
        T* src = a, dst = tmp;
        for (int d = 0; d < keyBytes; d++)
        {
            bool trivial = false;
            for (int b = 0; b < 256 && !trivial; b++)
            {
                long total = 0;
                for (int p = 0; p < parts; p++) total += counts[p][d * 256 + b];
                trivial = total == n;
            }
            if (trivial) continue;
            Pass(src, dst, n, 8 * d, parts, parts == 1 ? counts[0].AsSpan(d * 256, 256) : default);
            T* swap = src;
            src = dst;
            dst = swap;
        }
        if (src != a) Copy(src, a, n, parts);
    }

    /// <summary>One stable scatter by the digit at <paramref name="shift"/>; <paramref name="whole"/> is the digit's
    /// histogram when there is one chunk (a permutation keeps it, so it needs no recount).</summary>
    private static void Pass<T>(T* src, T* dst, long n, int shift, int parts, ReadOnlySpan<long> whole)
        where T : unmanaged, ISortItem<T>
    {
        // Counts of this digit per chunk (the chunks hold other items after every pass).
        var local = new long[parts * 256];
        if (!whole.IsEmpty) whole.CopyTo(local);
        else WorkerPool.For(parts, parts, (p0, p1) =>
        {
            for (long p = p0; p < p1; p++)
            {
                long begin = n * p / parts, end = n * (p + 1) / parts;
                fixed (long* h = &local[p * 256])
                    for (long i = begin; i < end; i++) h[(int)((src[i].SortKey >> shift) & 0xFF)]++;
            }
        });
        long running = 0;
        for (int b = 0; b < 256; b++)
            for (int p = 0; p < parts; p++)
            {
                long c = local[p * 256 + b];
                local[p * 256 + b] = running;
                running += c;
            }
        WorkerPool.For(parts, parts, (p0, p1) =>
        {
            for (long p = p0; p < p1; p++)
            {
                long begin = n * p / parts, end = n * (p + 1) / parts;
                fixed (long* off = &local[p * 256])
                    for (long i = begin; i < end; i++)
                    {
                        T item = src[i];
                        dst[off[(int)((item.SortKey >> shift) & 0xFF)]++] = item;
                    }
            }
        });
    }

    private static void Copy<T>(T* src, T* dst, long n, int parts) where T : unmanaged =>
        WorkerPool.For(parts, parts, (p0, p1) =>
        {
            for (long p = p0; p < p1; p++)
            {
                long begin = n * p / parts, end = n * (p + 1) / parts;
                Buffer.MemoryCopy(src + begin, dst + begin, (end - begin) * sizeof(T), (end - begin) * sizeof(T));
            }
        });

    private static void Insertion<T>(T* a, long n) where T : unmanaged, ISortItem<T>
    {
        for (long i = 1; i < n; i++)
        {
            T item = a[i];
            long j = i - 1;
            while (j >= 0 && a[j].SortKey > item.SortKey)
            {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = item;
        }
    }
}
