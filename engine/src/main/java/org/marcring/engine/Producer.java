package org.marcring.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

/**
 * The I/O thread's work: takes records from a {@link RecordSource} into batches, one ring entry each, and
 * publishes each batch when it holds its byte capacity (or the most records per batch), when the source has
 * nothing more {@link RecordSource#ready() ready} where its reads may block, or when it has been filling for
 * {@value #MAX_BATCH_DELAY_MICROS} µs. After the last batch it publishes an end entry (carrying the read error,
 * if reading failed), so that the consumers learn the end in order. ISO 2709 records are copied from the
 * framer's buffer straight into the batch; other sources frame one record into a slot, which is appended.
 *
 * <p>It starts a batch only while the run's {@link ByteBudget} allows, and claims entries with
 * {@code tryNext()}; when the ring is full or the budget spent it backs off while checking the run's
 * {@link RunControl}: a run that stops never leaves it waiting for a consumer that is gone. A full ring is
 * refilled once a quarter of it is free, not entry by entry.
 *
 * <p>With an offered rate ({@link PipelineBuilder#offeredRate(double)}) it takes record {@code i} no
 * earlier than its scheduled time {@code start + i * interval} and stamps it with that time, having first
 * published the batch it holds, so that a record the engine could not take on time counts its wait (no
 * coordinated omission) and no record waits in a batch for the next one.
 */
final class Producer implements Runnable {
    static final long MAX_BATCH_DELAY_MICROS = 200;
    /** Longest a framed record waits in an unpublished batch while the input keeps coming. */
    private static final long MAX_BATCH_DELAY = TimeUnit.MICROSECONDS.toNanos(MAX_BATCH_DELAY_MICROS);
    /** A paced wait parks until this close to the scheduled time (a park overshoots by tens of µs), then spins. */
    private static final long PARK_MARGIN = TimeUnit.MICROSECONDS.toNanos(100);
    /** Longest single park of a paced wait, so that a stop is noticed. */
    private static final long MAX_PARK = TimeUnit.MILLISECONDS.toNanos(10);
    /** A full ring is refilled once this fraction of it is free (a quarter). */
    private static final int REFILL_FRACTION = 4;

    private final RingBuffer<RecordBatch> ring;
    private final RecordSource source;
    /** The ISO 2709 source, framed straight into batches; {@code null} for the others. */
    private final Iso2709Source iso;
    private final RecordSlot slot = new RecordSlot();
    private final RunControl control;
    private final Backoff backoff;
    /** With a consumer that signals its moves: how the producer waits for room in the ring; else it polls. */
    private final SignalWaitStrategy signal;
    private final Sequence consumer;
    private final ByteBudget budget;
    private final int maxRecords;
    private final boolean mayBlock;
    /** Free entries a full ring must have again before the producer goes on. */
    private final int refill;
    /** Nanoseconds between scheduled records; 0 when not paced. */
    private final double intervalNanos;

    private long records;
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
        this.source = source;
        this.iso = source instanceof Iso2709Source ? (Iso2709Source) source : null;
        this.control = control;
        this.backoff = backoff;
        this.budget = budget;
        this.maxRecords = maxRecords;
        this.mayBlock = source.readsMayBlock();
        this.intervalNanos = offeredRate > 0 ? 1e9 / offeredRate : 0;
        this.refill = Math.max(1, ring.getBufferSize() / REFILL_FRACTION);
    }

    /**
     * What went wrong while reading, for a message: the exception's message, or for an {@link Error} (which
     * is not a read error of the input) the error itself and the thread it killed.
     */
    static String describe(Throwable readFailure) {
        return readFailure instanceof Error ? readFailure + " in thread " + EngineThreads.IO
                : readFailure.getMessage();
    }

    /** Records published so far (the end entry not counted). */
    long recordsPublished() {
        return recordsPublished;
    }

    @Override
    public void run() {
        try {
            long start = System.nanoTime();
            while (true) {
                if (!awaitBudget()) {
                    return;
                }
                long seq = claim();
                if (seq < 0) {
                    return; // stopped
                }
                RecordBatch batch = ring.get(seq);
                batch.clear();
                boolean more;
                Throwable failure = null;
                try {
                    more = fill(batch, start);
                } catch (Throwable t) {
                    more = false;
                    failure = t;
                }
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
                end(seq, batch, failure);
                return;
            }
        } catch (Throwable t) {
            control.fail(t);
        }
    }

    /**
     * Appends records to {@code batch} until it is full, the input has nothing ready, or a paced record is
     * not due yet. {@code false} at the end of the input.
     */
    private boolean fill(RecordBatch batch, long start) {
        long batchStart = 0;
        while (true) {
            long scheduled = 0;
            if (intervalNanos > 0) {
                scheduled = start + (long) (records * intervalNanos);
                if (scheduled - System.nanoTime() > 0) {
                    if (batch.count > 0) {
                        return true; // publish what is held; the next batch waits for the schedule
                    }
                    if (!awaitSchedule(scheduled)) {
                        return true; // stopped
                    }
                }
            }
            boolean got;
            if (iso != null) {
                got = iso.next(batch);
            } else {
                got = source.next(slot);
                if (got) {
                    batch.append(slot);
                }
            }
            if (!got) {
                return false;
            }
            records++;
            if (intervalNanos > 0) {
                batch.stamp(batch.count - 1, scheduled);
            }
            if (batch.isFull(maxRecords) || (mayBlock && !source.ready())) {
                return true;
            }
            if ((batch.count & 15) == 1) {
                long now = System.nanoTime();
                if (batch.count == 1) {
                    batchStart = now;
                } else if (now - batchStart >= MAX_BATCH_DELAY) {
                    return true;
                }
            }
        }
    }

    /** Waits until {@code scheduled} (parks while far from it, then spins). {@code false} if the run stopped. */
    private boolean awaitSchedule(long scheduled) {
        long left = scheduled - System.nanoTime();
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
        recordsPublished = records;
    }

    private void end(long seq, RecordBatch batch, Throwable failure) {
        long position;
        try {
            position = source.position();
        } catch (RuntimeException e) {
            position = -1;
        }
        batch.markEnd(failure, position, records);
        batch.publishNanos = System.nanoTime();
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
