package org.marcring.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads of one run: daemon threads named {@code marcring-io}, {@code marcring-parser-N} and
 * {@code marcring-writer} (or the one {@code marcring-worker} of a {@link SingleThreadRun}), started together
 * and joined with a deadline, so that a run never leaves a thread behind and never waits forever for one. When
 * asked to, each thread notes the CPU time it used when it ends, for {@link #cpuTime()}.
 */
final class EngineThreads {
    /** The name of the I/O thread. */
    static final String IO = "marcring-io";
    /** The names of the parser threads, before their number. */
    static final String PARSER = "marcring-parser-";
    /** The name of the writer thread. */
    static final String WRITER = "marcring-writer";
    /** The name of the one thread of a run with one parser, which runs all three stages. */
    static final String WORKER = "marcring-worker";

    /** How long a stopping run waits for each of its threads before interrupting it. */
    static final long JOIN_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final List<Thread> threads = new ArrayList<>();
    /** CPU nanoseconds of each thread that has ended, by thread name; -1 where the JVM cannot measure it. */
    private final Map<String, Long> cpu = new ConcurrentHashMap<>();
    private final boolean measureCpu;

    /**
     * @param measureCpu whether the threads note their CPU time when they end. The JVM's thread CPU clock
     *                   takes some 30 ms to set up on first use (in a JVM that has not used it before): a run
     *                   that measures calls {@link #prepareCpuClock()} while its threads work.
     */
    EngineThreads(boolean measureCpu) {
        this.measureCpu = measureCpu;
    }

    /** Adds a daemon thread named {@code name} running {@code task}; names are unique within a run. */
    Thread add(String name, Runnable task) {
        Runnable body = !measureCpu ? task : () -> {
            try {
                task.run();
            } finally {
                cpu.put(name, threadCpuNanos());
            }
        };
        Thread t = new Thread(body, name);
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

    /**
     * The CPU time each stage's threads used, by their names ({@link #IO}, {@link #PARSER}, {@link #WRITER}; a
     * {@link #WORKER}'s counts as the parsers'): 0 for a stage without a thread,
     * {@link PipelineResult.CpuTime#UNKNOWN} if this run does not measure CPU time. Call after
     * {@link #joinAll()}.
     */
    PipelineResult.CpuTime cpuTime() {
        if (!measureCpu) {
            return PipelineResult.CpuTime.UNKNOWN;
        }
        long parsers = cpuNanos(PARSER);
        long worker = cpuNanos(WORKER);
        return new PipelineResult.CpuTime(cpuNanos(IO), parsers < 0 || worker < 0 ? -1 : parsers + worker,
                cpuNanos(WRITER));
    }

    /**
     * The CPU time used by the threads whose names start with {@code prefix}, summed, in nanoseconds: 0 if
     * there is no such thread, -1 if one of them has not ended or the JVM cannot measure thread CPU time.
     */
    private long cpuNanos(String prefix) {
        long sum = 0;
        for (Thread t : threads) {
            if (t.getName().startsWith(prefix)) {
                Long used = cpu.get(t.getName());
                if (used == null || used < 0) {
                    return -1;
                }
                sum += used;
            }
        }
        return sum;
    }

    /**
     * Sets up the JVM's thread CPU clock, if this run measures CPU time, so that its threads do not pay for
     * that when they end: for a caller with nothing else to do while they work.
     */
    void prepareCpuClock() {
        if (measureCpu) {
            threadCpuNanos();
        }
    }

    /** The calling thread's CPU time so far, or -1 if the JVM cannot tell. */
    private static long threadCpuNanos() {
        try {
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            return mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
        } catch (RuntimeException | LinkageError e) {
            return -1; // a runtime without java.management, or measuring switched off
        }
    }

    /** Interrupts {@code t} if it is one of these threads and still running. */
    static void interrupt(Thread t) {
        if (t != null && t.isAlive()) {
            t.interrupt();
        }
    }
}
