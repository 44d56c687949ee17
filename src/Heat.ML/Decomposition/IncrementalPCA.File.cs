// SPDX-License-Identifier: MIT
namespace Heat.Decomposition;

// HeAT: heat/decomposition/pca.py (IncrementalPCA.fit(path, chunk_size, dataset))
public sealed partial class IncrementalPCA
{
    /// <summary>Fits from scratch on the rows of an HDF5 dataset, read <paramref name="chunk_size"/> rows at a time
    /// (HeAT's <c>fit(path, chunk_size, dataset)</c>), so the data never have to be held at once.</summary>
    /// <param name="path">An HDF5 file (<c>.h5</c>, <c>.hdf5</c> or <c>.hdf</c>).</param>
    /// <param name="chunk_size">The rows read and passed to <see cref="partial_fit"/> per step (the last chunk may be
    /// shorter); at most the rows of the dataset.</param>
    /// <param name="dataset">The 2-d dataset (samples × features) in the file.</param>
    /// <remarks>Collective. Each chunk is read with <c>ht.load_hdf5</c> split along 0 (each rank reads its own rows)
    /// as float32, HeAT's default type of <c>load_hdf5</c>. Unlike HeAT, the features need not outnumber the ranks.
    /// </remarks>
    /// <exception cref="ArgumentException">path is not an HDF5 file name, chunk_size is below 1 or above the rows of
    /// the dataset, or the dataset is not 2-d.</exception>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    public IncrementalPCA fit(string path, long chunk_size, string dataset = "DATA")
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(dataset);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".h5" or ".hdf5" or ".hdf"))
            throw new ArgumentException($"path must name an HDF5 file (.h5, .hdf5, .hdf), got '{path}'.",
                nameof(path));
        if (chunk_size < 1 || chunk_size > int.MaxValue)
            throw new ArgumentException($"chunk_size must be in [1, {int.MaxValue}], got {chunk_size}.",
                nameof(chunk_size));
        Reset();
        n_samples_seen_ = 0;
        batch_size_ = chunk_size;
        // Chunks [start, start + chunk_size) until one comes back short: the slices clamp as in Python, so the
        // number of rows need not be known first (every rank sees the same, replicated shapes).
        for (long start = 0; ; start += chunk_size)
        {
            int from = checked((int)start), to = checked((int)Math.Min(start + chunk_size, int.MaxValue));
            using var chunk = ht.load_hdf5(path, dataset, slices: [from..to], split: 0);
            if (chunk.ndim != 2)
                throw new ArgumentException($"The dataset '{dataset}' in '{path}' must be 2-d (samples x features), "
                    + $"got {chunk.ndim}-d.", nameof(dataset));
            long rows = chunk.shape[0];
            if (start == 0 && rows < chunk_size)
                throw new ArgumentException($"chunk_size ({chunk_size}) exceeds the {rows} rows of '{dataset}' in "
                    + $"'{path}'.", nameof(chunk_size));
            if (rows > 0) partial_fit(chunk);
            if (rows < chunk_size) break;
        }
        return this;
    }
}
