package org.marcring.engine;

import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicInteger;
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
    /** Idle time after which a waiting handler is told it is idle: 1 ms. */
    static final long IDLE_TIMEOUT_NANOS = 1_000_000;

    private final int spins;
    private final long maxParkNanos;
    private final Waiters onCursor = new Waiters();
    private final Waiters onHandlers = new Waiters();

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
        Waiters waiters = dependentSequence == cursor ? onCursor : onHandlers;
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
            waiters.park(dependentSequence, sequence, maxParkNanos);
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

    @Override
    public String toString() {
        return "SignalWaitStrategy[spin " + spins + ", park up to " + maxParkNanos + " ns]";
    }

    /**
     * The threads parked waiting for one kind of sequence, each in a cell of its own (claimed for the park and
     * given back after it), so that waking them allocates nothing.
     */
    private static final class Waiters {
        private static final int CELLS = 512; // more than the threads of any ring (256 parsers, a writer, a caller)

        private final AtomicInteger count = new AtomicInteger();
        /** One past the highest cell ever used: how far a wake-up looks. */
        private final AtomicInteger used = new AtomicInteger();
        private final AtomicReferenceArray<Thread> cells = new AtomicReferenceArray<>(CELLS);

        void park(Sequence awaited, long sequence, long nanos) {
            Thread me = Thread.currentThread();
            int cell = claim(me);
            count.incrementAndGet();
            try {
                if (awaited.get() < sequence) { // checked again after registering: a signal now is not lost
                    LockSupport.parkNanos(this, nanos);
                }
            } finally {
                count.decrementAndGet();
                if (cell >= 0) {
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

        void wake() {
            VarHandle.fullFence(); // the caller's store of its sequence before this read: no lost wake-up
            if (count.get() > 0) {
                int n = used.get();
                for (int i = 0; i < n; i++) {
                    Thread t = cells.get(i);
                    if (t != null) {
                        LockSupport.unpark(t);
                    }
                }
            }
        }
    }
}
