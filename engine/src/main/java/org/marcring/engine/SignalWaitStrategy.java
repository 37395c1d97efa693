package org.marcring.engine;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * The engine's default {@link WaitStrategy} for rings of batches: spin briefly, then park until the stage waited
 * for says it has moved on, so that a waiting thread wakes about once per batch instead of polling. The
 * producer's publish wakes the threads waiting for the producer ({@link #signalAllWhenBlocking()}, called by
 * the ring); a parser that finished a batch wakes the threads waiting for the parsers
 * ({@link #signalHandlersMoved()}). A park lasts at most {@code maxParkNanos}, so a signal that crosses a thread
 * going to sleep costs at most that much delay, never a hang.
 *
 * <p>Why not poll with growing parks ({@link IdleWaitStrategy}): on a machine with fewer cores than engine
 * threads every wake-up of the I/O or writer thread takes a parser's core, and a polling wait wakes some ten
 * times per wait (a park of 1 µs lasts about 50 µs on Linux, the timer slack). With a batch of records per ring
 * entry there are a few thousand hand-offs a second, cheap to signal one by one.
 *
 * <p>A handler that has waited {@value #IDLE_TIMEOUT_NANOS} ns is told so through the Disruptor's
 * {@code onTimeout}, as {@link IdleWaitStrategy} does: the writer flushes its output then. One instance per ring.
 */
public final class SignalWaitStrategy implements WaitStrategy {
    /** Default spins before parking. */
    public static final int DEFAULT_SPINS = 100;
    /** Default longest park. */
    public static final long DEFAULT_MAX_PARK_NANOS = 1_000_000;
    /**
     * With a backlog, the writer is woken once this many batches are done rather than after each: the threads
     * then hand over fewer times, and the writer still writes as soon as those batches are done.
     */
    static final int WAKE_AFTER_BATCHES = 8;
    /** Idle time after which a waiting handler is told it is idle: 1 ms. */
    static final long IDLE_TIMEOUT_NANOS = 1_000_000;

    private final int spins;
    private final long maxParkNanos;
    private final Waiters onCursor = new Waiters();
    private final Waiters onHandlers = new Waiters();
    private final Waiters onConsumer = new Waiters();

    /** The default: 100 spins, then parks of up to 1 ms, ended by a signal. */
    public SignalWaitStrategy() {
        this(DEFAULT_SPINS, DEFAULT_MAX_PARK_NANOS);
    }

    /**
     * @param spins        busy spins ({@link Thread#onSpinWait()}) before parking
     * @param maxParkNanos longest park when no signal comes
     */
    public SignalWaitStrategy(int spins, long maxParkNanos) {
        if (spins < 0 || maxParkNanos < 1) {
            throw new IllegalArgumentException("spins " + spins + ", park " + maxParkNanos + " ns");
        }
        this.spins = spins;
        this.maxParkNanos = maxParkNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, TimeoutException {
        long available;
        int counter = 0;
        long parkingSince = 0;
        boolean onParsers = dependentSequence != cursor;
        Waiters waiters = onParsers ? onHandlers : onCursor;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            if (counter < spins) {
                counter++;
                Thread.onSpinWait();
                continue;
            }
            long now = System.nanoTime();
            if (parkingSince == 0) {
                parkingSince = now;
            } else if (now - parkingSince >= IDLE_TIMEOUT_NANOS) {
                throw TimeoutException.INSTANCE;
            }
            long wanted = sequence;
            if (onParsers) {
                // a backlog of published batches: be woken once when several are done, not once per batch
                // (each wake-up takes a parser's core on a small machine); they are published, so they come
                wanted = Math.max(sequence, Math.min(cursor.get(), sequence + WAKE_AFTER_BATCHES - 1));
            }
            waiters.park(dependentSequence, wanted, maxParkNanos);
        }
        return available;
    }

    /** Wakes the threads waiting for the producer: the ring calls it on every publish. */
    @Override
    public void signalAllWhenBlocking() {
        onCursor.wake();
    }

    /** Wakes the threads waiting for the parsers: a parser calls it once it has finished a batch. */
    void signalHandlersMoved() {
        onHandlers.wake();
    }

    /**
     * Waits (at most the longest park) until {@code consumer} reaches {@code wanted}: how the I/O thread waits for
     * room in a full ring, woken by {@link #signalConsumerMoved()} instead of polling.
     */
    void awaitConsumer(Sequence consumer, long wanted) {
        onConsumer.park(consumer, wanted, maxParkNanos);
    }

    /** Wakes a thread in {@link #awaitConsumer} whose wait is over: the last stage calls it after each batch. */
    void signalConsumerMoved() {
        onConsumer.wake();
    }

    @Override
    public String toString() {
        return "SignalWaitStrategy[spin " + spins + ", park up to " + maxParkNanos + " ns]";
    }

    /**
     * The threads parked waiting for one kind of sequence, each in a cell of its own (claimed for the park and
     * given back after it) with the sequence it waits for and the value it wants, so that a wake-up unparks
     * only the threads whose wait is over, and allocates nothing.
     */
    private static final class Waiters {
        private static final int CELLS = 512; // more than the threads of any ring (256 parsers, a writer, a caller)

        private final AtomicInteger count = new AtomicInteger();
        /** One past the highest cell ever used: how far a wake-up looks. */
        private final AtomicInteger used = new AtomicInteger();
        private final AtomicReferenceArray<Thread> cells = new AtomicReferenceArray<>(CELLS);
        private final AtomicReferenceArray<Sequence> awaited = new AtomicReferenceArray<>(CELLS);
        private final AtomicLongArray wanted = new AtomicLongArray(CELLS);

        void park(Sequence sequence, long value, long nanos) {
            Thread me = Thread.currentThread();
            int cell = claim(me);
            if (cell >= 0) {
                wanted.set(cell, value);
                awaited.set(cell, sequence); // after the value: whoever sees the sequence sees the value
            }
            count.incrementAndGet();
            try {
                if (sequence.get() < value) { // checked again after registering: a signal now is not lost
                    LockSupport.parkNanos(this, nanos);
                }
            } finally {
                count.decrementAndGet();
                if (cell >= 0) {
                    awaited.set(cell, null);
                    cells.set(cell, null);
                }
            }
        }

        /** A free cell now holding {@code me}, or -1 if all are taken (the park then ends by its timeout). */
        private int claim(Thread me) {
            for (int i = 0; i < CELLS; i++) {
                if (cells.get(i) == null && cells.compareAndSet(i, null, me)) {
                    used.accumulateAndGet(i + 1, Math::max);
                    return i;
                }
            }
            return -1;
        }

        /** Unparks each parked thread whose sequence has reached the value it wants (or not yet said which). */
        void wake() {
            VarHandle.fullFence(); // the caller's store of its sequence before this read: no lost wake-up
            if (count.get() > 0) {
                int n = used.get();
                for (int i = 0; i < n; i++) {
                    Thread t = cells.get(i);
                    if (t != null) {
                        Sequence s = awaited.get(i);
                        if (s == null || s.get() >= wanted.get(i)) {
                            LockSupport.unpark(t);
                        }
                    }
                }
            }
        }
    }
}
