package org.marcring.engine;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;

/**
 * The engine's default {@link WaitStrategy}: spin briefly, then yield, then park for growing periods
 * (up to a limit) while the sequence waited for (the producer's cursor or the upstream handlers') is
 * behind. Unlike the Disruptor's {@link BlockingWaitStrategy}, which blocks on a lock only while the
 * <em>producer</em> is behind and busy-spins while upstream <em>handlers</em> are behind (so the ordered
 * writer burns a whole core whenever the parsers lag), this one gives up the core in both cases: on a
 * machine with fewer cores than engine threads, the parsers get the CPU the writer would have spun on.
 *
 * <p>No lock, no signalling: a waiting thread notices new work within one park period, so the cost of an
 * idle wake-up bounds latency, not throughput. Stateless and shareable by every handler of a ring.
 *
 * <p>Chosen by a short measurement (ISO 2709 to ISO 2709, 80,000 records, 1 and 2 parsers, 2 shared
 * cores, wall time and CPU time of the whole run) against the Disruptor's blocking, yielding and sleeping
 * strategies: see {@link Pipeline} for the figures.
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

    private final Backoff backoff;

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
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException {
        long available;
        int counter = 0;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            counter = backoff.idle(counter);
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
