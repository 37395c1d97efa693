package org.marcring.engine;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * A {@link WaitStrategy} that polls: spin briefly, then yield, then park for growing periods
 * (up to a limit) while the sequence waited for (the producer's cursor or the upstream handlers') is
 * behind. Unlike the Disruptor's {@link BlockingWaitStrategy}, which blocks on a lock only while the
 * <em>producer</em> is behind and busy-spins while upstream <em>handlers</em> are behind (so the ordered
 * writer burns a whole core whenever the parsers lag), this one gives up the core in both cases: on a
 * machine with fewer cores than engine threads, the parsers get the CPU the writer would have spun on.
 *
 * <p>No lock, no signalling: a waiting thread notices new work within one park period, so the cost of an
 * idle wake-up bounds latency, not throughput. Stateless and shareable by every handler of a ring.
 *
 * <p>A handler that has been idle (parking) for {@value #DEFAULT_IDLE_TIMEOUT_NANOS} ns is told so through
 * the Disruptor's {@code onTimeout} (the wait throws {@link TimeoutException}, the processor calls the
 * handler's {@code onTimeout} and waits again): the engine's writer uses it to push out the bytes it gathered
 * as soon as it runs out of work, and gathers them in large writes while it has work.
 *
 * <p>It was the engine's default while every ring slot carried one record; with a batch of records per entry
 * {@link SignalWaitStrategy} is, since it wakes a waiting thread once per batch instead of some ten times per
 * wait. The engine's own waits outside the ring (the I/O thread on a full ring, a reader's caller) still use its
 * backoff.
 *
 * <p>The trade-off: the spins and yields keep a short wait cheap (a park and a wake-up for every short wait
 * costs throughput on a small machine), the parks keep an idle engine off the CPU. The defaults are measured
 * against the Disruptor's strategies and other spin and yield counts by
 * {@code org.marcring.perf.EngineThroughput} (modes {@code waits} and {@code spins}); the figures are in
 * the project's {@code docs/performance.md}.
 */
public final class IdleWaitStrategy implements WaitStrategy {
    /** Default spins before yielding. */
    public static final int DEFAULT_SPINS = 100;
    /** Default yields before parking. */
    public static final int DEFAULT_YIELDS = 10;
    /** Default first park. */
    public static final long DEFAULT_MIN_PARK_NANOS = 1_000;
    /** Default longest park. */
    public static final long DEFAULT_MAX_PARK_NANOS = 500_000;
    /** Default idle time after which a waiting handler is told it is idle: 1 ms. */
    public static final long DEFAULT_IDLE_TIMEOUT_NANOS = 1_000_000;

    private final Backoff backoff;
    private final long idleTimeoutNanos;

    /** The default: 100 spins, 10 yields, then parks from 1 us doubling up to 0.5 ms. */
    public IdleWaitStrategy() {
        this(DEFAULT_SPINS, DEFAULT_YIELDS, DEFAULT_MIN_PARK_NANOS, DEFAULT_MAX_PARK_NANOS);
    }

    /**
     * @param spins        busy spins ({@link Thread#onSpinWait()}) before yielding
     * @param yields       {@link Thread#yield()}s before parking
     * @param minParkNanos first park period
     * @param maxParkNanos longest park period (the period doubles from the first)
     */
    public IdleWaitStrategy(int spins, int yields, long minParkNanos, long maxParkNanos) {
        this.backoff = new Backoff(spins, yields, minParkNanos, maxParkNanos);
        this.idleTimeoutNanos = DEFAULT_IDLE_TIMEOUT_NANOS;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, TimeoutException {
        long available;
        int counter = 0;
        long parkingSince = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            counter = backoff.idle(counter);
            if (backoff.isParking(counter)) {
                long now = System.nanoTime();
                if (parkingSince == 0) {
                    parkingSince = now;
                } else if (now - parkingSince >= idleTimeoutNanos) {
                    throw TimeoutException.INSTANCE;
                }
            }
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        // nothing blocks: waiting threads wake on their own
    }

    /** The idle behaviour, for the engine's own waits outside the ring's barriers. */
    Backoff backoff() {
        return backoff;
    }

    @Override
    public String toString() {
        return "IdleWaitStrategy[" + backoff + "]";
    }
}
