// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using Heat.Abstractions;

namespace Heat.Comm.InProc;

using Comm = Heat.Abstractions.Comm;

/// <summary>The receive side of one rank in one group: unmatched sends and posted receives, each in posting order.</summary>
/// <remarks>
/// Whoever comes second matches, under the lock, the first entry of the other queue (MPI's non-overtaking order) and
/// copies outside the lock. While an entry is being copied its owner cannot leave: a send or receive gives up (on
/// failure or timeout) only while its entry is still queued, so no rank reads a buffer whose call has returned.
/// </remarks>
internal sealed class Mailbox
{
    public readonly object Lock = new();
    public readonly LinkedList<Envelope> Sends = new();
    public readonly LinkedList<Envelope> Recvs = new();
}

/// <summary>The state of a posted send or receive.</summary>
internal enum EnvelopeState { Queued, Copying, Done }

/// <summary>A posted send (data, source) or receive (buffer, wanted source and tag).</summary>
internal sealed unsafe class Envelope
{
    public int Source;
    public int Tag;
    public byte* Data;
    public long Bytes;
    public Type ElementType = typeof(byte);
    public int ElementSize;
    /// <summary>A send whose data was copied into native staging memory owned by the envelope.</summary>
    public bool Staged;
    public EnvelopeState State;
    public CommStatus Status;
    public Exception? Error;
    public LinkedListNode<Envelope>? Node;

    public bool Matches(Envelope send) =>
        (Source == Comm.AnySource || Source == send.Source) && (Tag == Comm.AnyTag || Tag == send.Tag);

    /// <summary>Copies <paramref name="send"/> into receive <paramref name="recv"/>; errors go to the receive.</summary>
    public static void Transfer(Envelope send, Envelope recv, int receiverRank)
    {
        if (send.ElementType != recv.ElementType)
        {
            recv.Error = new CommunicationException(
                $"Rank {receiverRank} received into {recv.ElementType.Name} elements a message of {send.ElementType.Name} elements from rank {send.Source} (tag {send.Tag}).");
            return;
        }
        if (send.Bytes > recv.Bytes)
        {
            recv.Error = new CommunicationException(
                $"Message truncated: rank {send.Source} sent {send.Bytes / send.ElementSize} x {send.ElementType.Name} (tag {send.Tag}) " +
                $"but rank {receiverRank} posted a receive of {recv.Bytes / recv.ElementSize} elements.");
            return;
        }
        BoxCopy.CopyBytes(send.Data, recv.Data, send.Bytes);
        recv.Status = new CommStatus(send.Source, send.Tag, send.Bytes / send.ElementSize);
    }

    public void FreeStaging()
    {
        if (Staged && Data != null) { NativeMemory.Free(Data); Data = null; }
    }
}
