package org.marcring.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * Spin, then yield, then park for growing periods: how an engine thread waits when it has nothing to do,
 * so that an idle stage gives its core to the busy ones. Stateless: the caller keeps the counter.
 *
 * <pre>{@code
 * int idle = 0;
 * while (!ready()) {
 *     idle = backoff.idle(idle);
 * }
 * }</pre>
 */
final class Backoff {
    private final int spins;
    private final int yields;
    private final long minParkNanos;
    private final long maxParkNanos;

    Backoff(int spins, int yields, long minParkNanos, long maxParkNanos) {
        if (spins < 0 || yields < 0 || minParkNanos < 1 || maxParkNanos < minParkNanos) {
            throw new IllegalArgumentException("spins " + spins + ", yields " + yields + ", park "
                    + minParkNanos + ".." + maxParkNanos + " ns");
        }
        this.spins = spins;
        this.yields = yields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
    }

    /**
     * Waits once, according to how many times the caller has waited in a row.
     *
     * @param counter 0 for the first wait, then the value returned by the previous call
     * @return the counter for the next call
     */
    int idle(int counter) {
        if (counter < spins) {
            Thread.onSpinWait();
        } else if (counter < spins + yields) {
            Thread.yield();
        } else {
            int doublings = Math.min(counter - spins - yields, 30);
            LockSupport.parkNanos(Math.min(maxParkNanos, minParkNanos << doublings));
            if (counter == Integer.MAX_VALUE) {
                return counter;
            }
        }
        return counter + 1;
    }

    /** Whether a thread that waited {@code counter} times in a row is parking (past spinning and yielding). */
    boolean isParking(int counter) {
        return counter > spins + yields;
    }

    @Override
    public String toString() {
        return "spin " + spins + ", yield " + yields + ", park " + minParkNanos + ".." + maxParkNanos + " ns";
    }
}
