package org.marcring.engine;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

/**
 * The I/O thread's work: takes records from a {@link RecordSource} into batches, one ring entry each, with a
 * {@link BatchFiller}, and publishes each batch it fills. After the last batch it publishes an end entry
 * (carrying the read error, if reading failed), so that the consumers learn the end in order.
 *
 * <p>It starts a batch only while the run's {@link ByteBudget} allows, and claims entries with
 * {@code tryNext()}; when the ring is full or the budget spent it backs off while checking the run's
 * {@link RunControl}: a run that stops never leaves it waiting for a consumer that is gone. A full ring is
 * refilled once a quarter of it is free, not entry by entry.
 */
final class Producer implements Runnable {
    /** A full ring is refilled once this fraction of it is free (a quarter). */
    private static final int REFILL_FRACTION = 4;

    private final RingBuffer<RecordBatch> ring;
    private final BatchFiller filler;
    private final RunControl control;
    private final Backoff backoff;
    /** With a consumer that signals its moves: how the producer waits for room in the ring; else it polls. */
    private final SignalWaitStrategy signal;
    private final Sequence consumer;
    private final ByteBudget budget;
    /** Free entries a full ring must have again before the producer goes on. */
    private final int refill;

    private volatile long recordsPublished;

    /**
     * @param maxRecords  most records per batch
     * @param offeredRate records per second to pace the input at, or 0 for as fast as the ring takes them
     */
    Producer(RingBuffer<RecordBatch> ring, RecordSource source, RunControl control, Backoff backoff, ByteBudget budget,
             int maxRecords, double offeredRate, SignalWaitStrategy signal, Sequence consumer) {
        this.ring = ring;
        this.signal = consumer != null ? signal : null;
        this.consumer = consumer;
        this.filler = new BatchFiller(source, control, maxRecords, offeredRate);
        this.control = control;
        this.backoff = backoff;
        this.budget = budget;
        this.refill = Math.max(1, ring.getBufferSize() / REFILL_FRACTION);
    }

    /**
     * What went wrong while reading, for a message: the exception's message, or for an {@link Error} (which
     * is not a read error of the input) the error itself and the thread it killed.
     */
    static String describe(Throwable readFailure) {
        return BatchFiller.describe(readFailure, EngineThreads.IO);
    }

    /** Records published so far (the end entry not counted). */
    long recordsPublished() {
        return recordsPublished;
    }

    @Override
    public void run() {
        try {
            filler.start();
            while (true) {
                if (!awaitBudget()) {
                    return;
                }
                long seq = claim();
                if (seq < 0) {
                    return; // stopped
                }
                RecordBatch batch = ring.get(seq);
                boolean more = filler.refill(batch);
                if (batch.count > 0) {
                    publish(seq, batch);
                    if (more) {
                        continue;
                    }
                    seq = claim();
                    if (seq < 0) {
                        return;
                    }
                    batch = ring.get(seq);
                    batch.clear();
                } else if (more) {
                    return; // a paced wait that was stopped
                }
                end(seq, batch);
                return;
            }
        } catch (Throwable t) {
            control.fail(t);
        }
    }

    /** Waits while the bytes in flight exceed the budget; {@code false} if the run stopped meanwhile. */
    private boolean awaitBudget() {
        int idle = 0;
        while (!budget.allowsMore()) {
            if (control.isStopped()) {
                return false;
            }
            idle = backoff.idle(idle);
        }
        return true;
    }

    private void publish(long seq, RecordBatch batch) {
        batch.publishNanos = System.nanoTime();
        budget.add(batch.dataLength);
        ring.publish(seq);
        recordsPublished = filler.records();
    }

    private void end(long seq, RecordBatch batch) {
        filler.markEnd(batch);
        ring.publish(seq);
    }

    /** The next free sequence, or -1 if the run stopped while waiting for one. */
    private long claim() {
        int idle = 0;
        while (true) {
            if (control.isStopped()) {
                return -1;
            }
            try {
                return ring.tryNext();
            } catch (InsufficientCapacityException e) {
                // The ring is full: wait until a part of it is free, then refill that in one go, rather than
                // wake for every entry the writer frees (on a small machine each wake-up takes a parser's core).
                if (signal != null) {
                    long wanted = ring.getCursor() + refill - ring.getBufferSize();
                    while (!ring.hasAvailableCapacity(refill) && !control.isStopped()) {
                        signal.awaitConsumer(consumer, wanted);
                    }
                    continue;
                }
                idle = backoff.idle(idle);
                while (!ring.hasAvailableCapacity(refill) && !control.isStopped()) {
                    idle = backoff.idle(idle);
                }
            }
        }
    }
}
