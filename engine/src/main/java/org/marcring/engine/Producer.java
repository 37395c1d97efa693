package org.marcring.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;

/**
 * The I/O thread's work: takes records from a {@link RecordSource} into successive ring slots, stamps
 * each with the time, and publishes them in batches. After the last record it publishes an end slot
 * (carrying the read error, if reading failed), so that the consumers learn the end in order.
 *
 * <p>It claims slots with {@code tryNext()} and, when the ring is full, publishes what it holds and backs
 * off while checking the run's {@link RunControl}: a run that stops never leaves it waiting for a
 * consumer that is gone (the Disruptor's blocking {@code next()} would). It goes on only once a quarter of
 * the ring is free, and refills that in one go: waking for every slot the writer frees cost each parser its
 * core thousands of times a second on a 2-core machine.
 *
 * <p>With an offered rate ({@link PipelineBuilder#offeredRate(double)}) it takes record {@code i} no
 * earlier than its scheduled time {@code start + i * interval} and stamps it with that time, so that a
 * record the engine could not take on time counts its wait (no coordinated omission).
 */
final class Producer implements Runnable {
    /** Longest a framed record waits in an unpublished batch while the input keeps coming. */
    private static final long MAX_BATCH_DELAY = TimeUnit.MICROSECONDS.toNanos(200);
    /** A paced wait parks until this close to the scheduled time (a park overshoots by tens of µs), then spins. */
    private static final long PARK_MARGIN = TimeUnit.MICROSECONDS.toNanos(100);
    /** Longest single park of a paced wait, so that a stop is noticed. */
    private static final long MAX_PARK = TimeUnit.MILLISECONDS.toNanos(10);
    /** A full ring is refilled once this fraction of it is free (a quarter). */
    private static final int REFILL_FRACTION = 4;

    private final RingBuffer<RecordSlot> ring;
    private final RecordSource source;
    private final RunControl control;
    private final Backoff backoff;
    private final int batch;
    /** Free slots a full ring must have again before the producer goes on. */
    private final int refill;
    /** Nanoseconds between scheduled records; 0 when not paced. */
    private final double intervalNanos;

    private long claimed = -1;
    private long published = -1;
    private long batchStart;
    private volatile long recordsPublished;

    /**
     * @param batch       most records per publish, or 0 to let the source decide (1 where its reads may block)
     * @param offeredRate records per second to pace the input at, or 0 for as fast as the ring takes them
     */
    Producer(RingBuffer<RecordSlot> ring, RecordSource source, RunControl control, Backoff backoff, int batch,
             double offeredRate) {
        this.ring = ring;
        this.source = source;
        this.control = control;
        this.backoff = backoff;
        this.batch = batch > 0 ? batch
                : source.readsMayBlock() ? 1 : PipelineBuilder.DEFAULT_PUBLISH_BATCH;
        this.intervalNanos = offeredRate > 0 ? 1e9 / offeredRate : 0;
        this.refill = Math.max(1, ring.getBufferSize() / REFILL_FRACTION);
    }

    /** Records published so far (the end slot not counted). */
    long recordsPublished() {
        return recordsPublished;
    }

    @Override
    public void run() {
        try {
            long start = System.nanoTime();
            while (true) {
                long seq = claim();
                if (seq < 0) {
                    return; // stopped
                }
                long scheduled = 0;
                if (intervalNanos > 0) {
                    scheduled = start + (long) (seq * intervalNanos);
                    if (!awaitSchedule(scheduled)) {
                        return; // stopped
                    }
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
                slot.publishNanos = intervalNanos > 0 ? scheduled : now;
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

    /**
     * Waits until {@code scheduled}, having first published what it holds (parks while far from it, then
     * spins); returns at once when late. {@code false} if the run stopped meanwhile.
     */
    private boolean awaitSchedule(long scheduled) {
        long left = scheduled - System.nanoTime();
        if (left <= 0) {
            return true;
        }
        publish(claimed - 1);
        while (left > 0) {
            if (control.isStopped()) {
                return false;
            }
            if (left > PARK_MARGIN) {
                LockSupport.parkNanos(Math.min(left - PARK_MARGIN, MAX_PARK));
            } else {
                Thread.onSpinWait();
            }
            left = scheduled - System.nanoTime();
        }
        return true;
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
                // The ring is full: wait until a part of it is free, then refill that in one go, rather than
                // wake for every slot the writer frees (on a small machine each wake-up takes a parser's core).
                while (!ring.hasAvailableCapacity(refill) && !control.isStopped()) {
                    idle = backoff.idle(idle);
                }
            }
        }
    }
}
