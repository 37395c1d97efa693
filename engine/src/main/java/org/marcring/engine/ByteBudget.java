package org.marcring.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes a run holds in its ring at once, and their limit: the I/O thread adds a batch's input bytes when
 * it publishes the batch, a parser adds the output it encoded, and the writer (or a reader's caller) takes
 * both off once it has handed them on. The I/O thread starts a batch only while the bytes in flight are under
 * the limit, so the ring's memory stays within the limit plus one batch, whatever the records' sizes; a
 * record larger than the limit still goes, alone, once everything before it has left the ring.
 */
final class ByteBudget {
    private final long limit;
    private final AtomicLong inFlight = new AtomicLong();

    /** @param limit the most bytes in flight, at least 1 */
    ByteBudget(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("byte budget must be positive: " + limit);
        }
        this.limit = limit;
    }

    /** Counts {@code bytes} more in flight. */
    void add(long bytes) {
        if (bytes != 0) {
            inFlight.addAndGet(bytes);
        }
    }

    /** Counts {@code bytes} as gone from the ring. */
    void release(long bytes) {
        if (bytes != 0) {
            inFlight.addAndGet(-bytes);
        }
    }

    /** Whether another batch may be started: the bytes in flight are under the limit. */
    boolean allowsMore() {
        return inFlight.get() < limit;
    }

    /** The bytes in flight now. */
    long inFlight() {
        return inFlight.get();
    }

    /** The limit. */
    long limit() {
        return limit;
    }
}
