package org.marcring.engine;

import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

/**
 * The I/O thread's work: takes records from a {@link RecordSource} into successive ring slots, stamps
 * each with the time, and publishes them in batches. After the last record it publishes an end slot
 * (carrying the read error, if reading failed), so that the consumers learn the end in order.
 *
 * <p>It claims slots with {@code tryNext()} and, when the ring is full, publishes what it holds and backs
 * off while checking the run's {@link RunControl}: a run that stops never leaves it waiting for a
 * consumer that is gone (the Disruptor's blocking {@code next()} would).
 */
final class Producer implements Runnable {
    /** Longest a framed record waits in an unpublished batch while the input keeps coming. */
    private static final long MAX_BATCH_DELAY = TimeUnit.MICROSECONDS.toNanos(200);

    private final RingBuffer<RecordSlot> ring;
    private final RecordSource source;
    private final RunControl control;
    private final Backoff backoff;
    private final int batch;

    private long claimed = -1;
    private long published = -1;
    private long batchStart;
    private volatile long recordsPublished;

    /** @param batch most records per publish, or 0 to let the source decide (1 where its reads may block) */
    Producer(RingBuffer<RecordSlot> ring, RecordSource source, RunControl control, Backoff backoff, int batch) {
        this.ring = ring;
        this.source = source;
        this.control = control;
        this.backoff = backoff;
        this.batch = batch > 0 ? batch
                : source.readsMayBlock() ? 1 : PipelineBuilder.DEFAULT_PUBLISH_BATCH;
    }

    /** Records published so far (the end slot not counted). */
    long recordsPublished() {
        return recordsPublished;
    }

    @Override
    public void run() {
        try {
            while (true) {
                long seq = claim();
                if (seq < 0) {
                    return; // stopped
                }
                RecordSlot slot = ring.get(seq);
                slot.clearForRecord();
                boolean more;
                try {
                    more = source.next(slot);
                } catch (Throwable t) {
                    end(slot, t);
                    return;
                }
                if (!more) {
                    end(slot, null);
                    return;
                }
                long now = System.nanoTime();
                slot.publishNanos = now;
                if (seq == published + 1) {
                    batchStart = now;
                }
                if (seq - published >= batch || now - batchStart >= MAX_BATCH_DELAY) {
                    publish(seq);
                }
            }
        } catch (Throwable t) {
            control.fail(t);
        }
    }

    private void end(RecordSlot slot, Throwable failure) {
        long position;
        try {
            position = source.position();
        } catch (RuntimeException e) {
            position = -1;
        }
        slot.markEnd(failure, position, claimed); // sequences 0 .. claimed - 1 are the records
        slot.publishNanos = System.nanoTime();
        publish(claimed - 1);
        ring.publish(claimed);
        published = claimed;
    }

    private void publish(long upTo) {
        if (upTo > published) {
            ring.publish(upTo);
            published = upTo;
            recordsPublished = upTo + 1;
        }
    }

    /** The next free sequence, or -1 if the run stopped while waiting for one. */
    private long claim() {
        int idle = 0;
        while (true) {
            if (control.isStopped()) {
                return -1;
            }
            try {
                return claimed = ring.tryNext();
            } catch (InsufficientCapacityException e) {
                publish(claimed); // consumers may be waiting for exactly these
                idle = backoff.idle(idle);
            }
        }
    }
}
