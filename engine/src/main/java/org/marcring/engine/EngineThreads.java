package org.marcring.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one run: daemon threads named {@code marcring-io}, {@code marcring-parser-N} and
 * {@code marcring-writer}, started together and joined with a deadline, so that a run never leaves a
 * thread behind and never waits forever for one.
 */
final class EngineThreads {
    /** How long a stopping run waits for each of its threads before interrupting it. */
    static final long JOIN_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final List<Thread> threads = new ArrayList<>();

    /** Adds a daemon thread named {@code name} running {@code task}. */
    Thread add(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    /** Whether {@code t} is one of these threads. */
    boolean contains(Thread t) {
        return threads.contains(t);
    }

    void startAll() {
        for (Thread t : threads) {
            t.start();
        }
    }

    /**
     * Waits for every thread to end: first politely, then interrupting it.
     *
     * @return whether all ended
     */
    boolean joinAll() {
        boolean interrupted = false;
        boolean allDone = true;
        // a thread parked by the wait strategy would notice its halt only when its park ends (up to the
        // strategy's longest park): wake them all now
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        for (Thread t : threads) {
            long deadline = System.nanoTime() + JOIN_NANOS;
            boolean poked = false;
            while (t.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    if (poked) {
                        allDone = false;
                        break;
                    }
                    t.interrupt();
                    poked = true;
                    deadline = System.nanoTime() + JOIN_NANOS;
                    continue;
                }
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    interrupted = true; // finish cleaning up first, restore the flag afterwards
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return allDone;
    }

    /** Interrupts {@code t} if it is one of these threads and still running. */
    static void interrupt(Thread t) {
        if (t != null && t.isAlive()) {
            t.interrupt();
        }
    }
}
