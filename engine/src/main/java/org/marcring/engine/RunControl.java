package org.marcring.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shared fate of one run's threads: the first failure (or cancellation) wins, everyone sees
 * {@link #isStopped()}, and the thread that started the run wakes from {@link #await(long)}.
 */
final class RunControl {
    /** Stands in the failure slot once the run has completed, so that a late failure cannot undo it. */
    private static final Throwable COMPLETED = new Throwable("completed", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopped;
    /** The name of the thread that recorded the first failure. */
    private volatile String failedIn;

    /** Records the first failure (unless the run completed before), and the thread it happened in, and stops the run. */
    void fail(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            failedIn = Thread.currentThread().getName();
        }
        stopped = true;
        finished.countDown();
    }

    /**
     * Where the first failure happened, for a message: {@code " in thread marcring-parser-0"} when it was one of
     * the engine's threads, empty otherwise (a cancellation by the caller, no failure).
     */
    String where() {
        String name = failedIn;
        return failure() != null && name != null && name.startsWith("marcring-") ? " in thread " + name : "";
    }

    /** The run reached its end; a failure recorded before stays, one recorded after is ignored. */
    void complete() {
        failure.compareAndSet(null, COMPLETED);
        finished.countDown();
    }

    /** Whether the run must stop: it failed or was cancelled. */
    boolean isStopped() {
        return stopped;
    }

    /** The first failure, or {@code null}. */
    Throwable failure() {
        Throwable t = failure.get();
        return t == COMPLETED ? null : t;
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
