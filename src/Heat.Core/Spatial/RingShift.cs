// SPDX-License-Identifier: MIT
using Heat.Abstractions;
using Heat.Distributed;

namespace Heat.Spatial;

/// <summary>
/// Non-blocking point-to-point transfers of whole tensors that may live in device memory: each buffer is staged
/// (<see cref="Collectives.Stage"/>: the tensor itself when it is contiguous host memory, else a host copy) for as long
/// as its request runs; <see cref="Finish"/> waits and writes received copies back.
/// </summary>
internal sealed class RingShift
{
    private readonly List<CommRequest> _requests = new(2);
    private readonly List<Collectives.Staged> _staged = new(2);

    /// <summary>Sends <paramref name="send"/> to <paramref name="to"/> and receives <paramref name="receive"/> from
    /// <paramref name="from"/>.</summary>
    public void Start(ICommunicator comm, LocalTensor send, int to, LocalTensor receive, int from, int tag)
    {
        Receive(comm, receive, from, tag);
        Send(comm, send, to, tag);
    }

    /// <summary>Posts the receive of <paramref name="tensor"/> from <paramref name="from"/>.</summary>
    public void Receive(ICommunicator comm, LocalTensor tensor, int from, int tag)
    {
        var staged = Collectives.Stage(comm, tensor, send: false, receive: true);
        _staged.Add(staged);
        _requests.Add(comm.Irecv(staged.Buffer, from, tag));
    }

    /// <summary>Posts the send of <paramref name="tensor"/> (its values now) to <paramref name="to"/>.</summary>
    public void Send(ICommunicator comm, LocalTensor tensor, int to, int tag)
    {
        var staged = Collectives.Stage(comm, tensor, send: true, receive: false);
        _staged.Add(staged);
        _requests.Add(comm.Isend(staged.Buffer, to, tag));
    }

    /// <summary>Waits for every transfer, then writes received host copies back and frees the staging
    /// buffers.</summary>
    public void Finish()
    {
        CommRequest.WaitAll(_requests.ToArray());
        _requests.Clear();
        foreach (var s in _staged) s.Dispose();
        _staged.Clear();
    }

    /// <summary>After a failure: forgets the requests (the job is failing) and frees the staging buffers
    /// unwritten.</summary>
    public void Abandon()
    {
        _requests.Clear();
        foreach (var s in _staged) s.Discard();
        _staged.Clear();
    }
}
