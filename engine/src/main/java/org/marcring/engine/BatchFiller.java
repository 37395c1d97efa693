package org.marcring.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The I/O stage's work on one batch: takes records from a {@link RecordSource} into a {@link RecordBatch} until
 * it holds its byte capacity (or the most records per batch), the source has nothing more
 * {@link RecordSource#ready() ready} where its reads may block, or it has been filling for
 * {@value #MAX_BATCH_DELAY_MICROS} µs. ISO 2709 records are copied from the framer's buffer straight into the
 * batch; other sources frame one record into a slot, which is appended. Used by the {@link Producer} on the
 * ring's I/O thread, and by a {@link SingleThreadRun}.
 *
 * <p>With an offered rate ({@link PipelineBuilder#offeredRate(double)}) it takes record {@code i} no
 * earlier than its scheduled time {@code start + i * interval} and stamps it with that time, returning the
 * batch it holds first, so that a record the engine could not take on time counts its wait (no coordinated
 * omission) and no record waits in a batch for the next one.
 */
final class BatchFiller {
    static final long MAX_BATCH_DELAY_MICROS = 200;
    /** Longest a framed record waits in an unpublished batch while the input keeps coming. */
    private static final long MAX_BATCH_DELAY = TimeUnit.MICROSECONDS.toNanos(MAX_BATCH_DELAY_MICROS);
    /** A paced wait parks until this close to the scheduled time (a park overshoots by tens of µs), then spins. */
    private static final long PARK_MARGIN = TimeUnit.MICROSECONDS.toNanos(100);
    /** Longest single park of a paced wait, so that a stop is noticed. */
    private static final long MAX_PARK = TimeUnit.MILLISECONDS.toNanos(10);

    private final RecordSource source;
    /** The ISO 2709 source, framed straight into batches; {@code null} for the others. */
    private final Iso2709Source iso;
    private final RecordSlot slot = new RecordSlot();
    private final RunControl control;
    private final int maxRecords;
    private final boolean mayBlock;
    /** Nanoseconds between scheduled records; 0 when not paced. */
    private final double intervalNanos;
    private long start;
    private long records;
    /** What ended the input early, once {@link #refill} met it. */
    private Throwable failure;

    /**
     * @param maxRecords  most records per batch
     * @param offeredRate records per second to pace the input at, or 0 for as fast as they are taken
     */
    BatchFiller(RecordSource source, RunControl control, int maxRecords, double offeredRate) {
        this.source = source;
        this.iso = source instanceof Iso2709Source ? (Iso2709Source) source : null;
        this.control = control;
        this.maxRecords = maxRecords;
        this.mayBlock = source.readsMayBlock();
        this.intervalNanos = offeredRate > 0 ? 1e9 / offeredRate : 0;
    }

    /** Starts the schedule of a paced run: record {@code i} is due {@code i * interval} after now. */
    void start() {
        start = System.nanoTime();
    }

    /** Records taken so far. */
    long records() {
        return records;
    }

    /** Whether the source's next read may block and it has nothing ready now. */
    boolean isWaiting() {
        return mayBlock && !source.ready();
    }

    /**
     * Empties {@code batch} and {@link #fill}s it; a failure of the reading ends the input (kept for
     * {@link #markEnd}). {@code false} at the end of the input.
     */
    boolean refill(RecordBatch batch) {
        batch.clear();
        try {
            return fill(batch);
        } catch (Throwable t) {
            failure = t;
            return false;
        }
    }

    /**
     * Appends records to {@code batch} until it is full, the input has nothing ready, or a paced record is
     * not due yet (or the run stopped while waiting for it). {@code false} at the end of the input.
     */
    boolean fill(RecordBatch batch) {
        long batchStart = 0;
        while (true) {
            long scheduled = 0;
            if (intervalNanos > 0) {
                scheduled = start + (long) (records * intervalNanos);
                if (scheduled - System.nanoTime() > 0) {
                    if (batch.count > 0) {
                        return true; // hand on what is held; the next batch waits for the schedule
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

    /**
     * Makes {@code batch} the end entry: the records taken, where the input ended, and the read error,
     * if reading failed.
     */
    void markEnd(RecordBatch batch) {
        long position;
        try {
            position = source.position();
        } catch (RuntimeException e) {
            position = -1;
        }
        batch.markEnd(failure, position, records);
        batch.fatalThread = Thread.currentThread().getName();
        batch.publishNanos = System.nanoTime();
    }

    /**
     * What went wrong while reading, for a message: the exception's message, or for an {@link Error} (which
     * is not a read error of the input) the error itself and the thread it killed.
     */
    static String describe(Throwable readFailure, String thread) {
        return readFailure instanceof Error ? readFailure + " in thread " + thread : readFailure.getMessage();
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
}
