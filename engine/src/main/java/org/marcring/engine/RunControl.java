package org.marcring.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared fate of one run's threads: the first failure (or cancellation) wins, everyone sees
 * {@link #isStopped()}, and the thread that started the run wakes from {@link #await(long)}.
 */
final class RunControl {
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopped;

    /** Records the first failure and stops the run. */
    void fail(Throwable t) {
        failure.compareAndSet(null, t);
        stopped = true;
        finished.countDown();
    }

    /** The run reached its end. */
    void complete() {
        finished.countDown();
    }

    /** Whether the run must stop: it failed or was cancelled. */
    boolean isStopped() {
        return stopped;
    }

    /** The first failure, or {@code null}. */
    Throwable failure() {
        return failure.get();
    }

    /** Waits until the run completes or fails; {@code true} if it did within {@code nanos}. */
    boolean await(long nanos) throws InterruptedException {
        return finished.await(nanos, TimeUnit.NANOSECONDS);
    }

    /** Whether the run completed or failed. */
    boolean isFinished() {
        return finished.getCount() == 0;
    }
}
