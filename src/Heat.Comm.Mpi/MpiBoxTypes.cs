// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Comm.Mpi.Interop;

namespace Heat.Comm.Mpi;

using static MpiConstants;

/// <summary>
/// One committed MPI datatype per <see cref="ByteBox"/> of an Alltoallw: the longest contiguous run as
/// <c>MPI_Type_contiguous</c> of bytes, each outer dimension as an <c>MPI_Type_create_hvector</c> with the box's byte
/// stride, so MPI reads and writes the strided layout itself (no pack buffer). Dispose frees them.
/// </summary>
internal sealed unsafe class MpiBoxTypes : IDisposable
{
    private readonly int[] _types;
    private readonly bool[] _owned;

    /// <summary>Datatypes, counts (1, or 0 for an empty box) and byte displacements for
    /// <paramref name="boxes"/>.</summary>
    public MpiBoxTypes(ReadOnlySpan<ByteBox> boxes)
    {
        _types = new int[boxes.Length];
        _owned = new bool[boxes.Length];
        Counts = new long[boxes.Length];
        Displacements = new long[boxes.Length];
        try
        {
            for (int r = 0; r < boxes.Length; r++)
            {
                if (boxes[r].Items == 0) { _types[r] = MPI_BYTE; continue; }
                _types[r] = Create(boxes[r]);
                _owned[r] = true;
                Counts[r] = 1;
                Displacements[r] = boxes[r].Offset;
            }
        }
        catch { Dispose(); throw; }
    }

    /// <summary>The datatype of each box.</summary>
    public ReadOnlySpan<int> Types => _types;
    /// <summary>1 for each non-empty box, 0 otherwise.</summary>
    public long[] Counts { get; }
    /// <summary>Each box's offset in bytes.</summary>
    public long[] Displacements { get; }

    private static int Create(ByteBox box)
    {
        // The innermost dimensions that are contiguous become one run of bytes.
        long run = BoxCopy.InnerRun(box, out int dim);
        int type;
        MpiEnvironment.Check(MpiNative.MPI_Type_contiguous_c(run, MPI_BYTE, &type), "MPI_Type_contiguous_c");
        try
        {
            for (int k = dim; k >= 0; k--)
            {
                if (box.Counts[k] == 1) continue;
                int outer;
                MpiEnvironment.Check(MpiNative.MPI_Type_create_hvector_c(box.Counts[k], 1, box.Strides[k], type, &outer), "MPI_Type_create_hvector_c");
                _ = MpiNative.MPI_Type_free(&type); // cleanup: the original error matters
                type = outer;
            }
            MpiEnvironment.Check(MpiNative.MPI_Type_commit(&type), "MPI_Type_commit");
            return type;
        }
        catch { _ = MpiNative.MPI_Type_free(&type); throw; }
    }

    /// <summary>Frees the datatypes this object created.</summary>
    public void Dispose()
    {
        for (int r = 0; r < _types.Length; r++)
        {
            if (!_owned[r]) continue;
            int type = _types[r];
            _ = MpiNative.MPI_Type_free(&type);
            _owned[r] = false;
        }
    }
}
