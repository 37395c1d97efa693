package org.marcring.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;


import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.RecordEncoder;

/**
 * Reads records, transforms them and writes them on every core: one I/O thread frames the input into a
 * ring buffer (LMAX Disruptor), N parser threads decode, transform and encode the records of their stripe
 * of the ring in parallel, and one writer thread emits the results strictly in input order.
 *
 * <pre>{@code
 * try (Pipeline pipeline = Pipeline.builder()
 *         .source(Path.of("in.mrc"))
 *         .sink(Path.of("out.mrc"), Iso2709Encoder::new)
 *         .errorPolicy(ErrorPolicy.rejectsFile(Path.of("rejects.mrc")))
 *         .build()) {
 *     PipelineResult result = pipeline.run();
 * }
 * }</pre>
 *
 * <p>Nothing is lost and nothing hangs: every record read ends up written, filtered by the user's function
 * or rejected (reported in order to the {@link ErrorPolicy}), and the result says so; any failure (the sink,
 * the input, the policy, {@link #close()} from another thread, interruption of the thread in {@link #run()})
 * stops all threads promptly and throws an {@link EngineException} carrying the counts so far. Output files
 * appear under their name only on success. A pipeline runs once; several pipelines may run at the same time.
 * Threads are daemons named {@code marcring-io}, {@code marcring-parser-N} and {@code marcring-writer}. With
 * one parser ({@link PipelineBuilder#parsers(int)}) the three stages run one after another on a single thread,
 * {@code marcring-worker}, a batch at a time: a run asked for one thread uses one core.
 *
 * <p><b>Batches and waiting.</b> Each ring entry carries a batch of whole records (64 KiB of input by default,
 * {@link PipelineBuilder#batchBytes(int)}), so the threads hand work to each other a few thousand times a second
 * rather than once per record; a batch goes out at once when the input has nothing more ready, so that at low
 * load records are handed on one by one. The bytes in flight are bounded by a byte budget
 * ({@link PipelineBuilder#byteBudget(long)}). Threads wait with {@link SignalWaitStrategy} by default: a short
 * spin, then a park that the stage waited for ends when it moves on. Figures are in the project's
 * {@code docs/performance.md}.
 */
public final class Pipeline implements AutoCloseable {
    /** How long {@link #close()} waits for a running run to clean up. */
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final PipelineSettings config;
    private final RunControl control = new RunControl();
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile EngineThreads threads;

    Pipeline(PipelineBuilder builder) {
        this.config = builder.settings();
    }

    /** A new builder. */
    public static PipelineBuilder builder() {
        return new PipelineBuilder();
    }

    /**
     * Runs the pipeline to the end of its input, on its own threads; the calling thread waits.
     *
     * @return what was done; {@link PipelineResult#isBalanced()} holds
     * @throws EngineException       if the run failed or was cancelled, with the counts so far
     * @throws IllegalStateException if the pipeline ran before, or if the engine lost count of a record (a bug;
     *                               no output is committed then)
     */
    public PipelineResult run() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a pipeline runs once");
        }
        try {
            return execute();
        } finally {
            terminated.countDown();
        }
    }

    private PipelineResult execute() {
        long t0 = System.nanoTime();
        if (control.isStopped()) {
            throw new EngineException("the pipeline was closed before it ran", control.failure(),
                    emptyResult(t0));
        }
        RecordSource source = null;
        ByteOutput out = null;
        try {
            source = openSource();
            out = openOutput();
        } catch (IOException | RuntimeException e) {
            closeQuietly(source);
            throw new EngineException("cannot open the pipeline's input or output: " + e.getMessage(), e,
                    emptyResult(t0));
        }
        final RecordSource src = source;
        Supplier<? extends RecordEncoder> encoders = config.encoders();
        ErrorPolicy policy = config.errorPolicy() != null ? config.errorPolicy() : ErrorPolicy.failFast();
        RingSettings settings = config.ring();
        boolean alone = settings.parsers() == 1;
        EngineRing ring = null;
        SingleThreadRun single = null;
        OrderedWriter writer;
        try {
            if (!alone) {
                ring = new EngineRing(settings, src::newParser, config.transform(), encoders, control, true);
            }
            RecordEncoder frame = encoders != null ? encoders.get() : null;
            writer = new OrderedWriter(out, config.sinkCallback(),
                    frame != null ? frame.header() : new byte[0], frame != null ? frame.separator() : new byte[0],
                    frame != null ? frame.footer() : new byte[0],
                    policy, config.progress(), new Recorder(3), config.latencyRecorder(), control,
                    ring != null ? ring.budget : null, t0);
            if (alone) {
                single = new SingleThreadRun(new BatchFiller(src, control, settings.batchRecords(),
                        config.offeredRate()), ParserStage.handler(0, 1, 0, src::newParser, config.transform(),
                        encoders, null, control, null), writer, control, settings.batchBytes());
            }
        } catch (RuntimeException e) {
            closeQuietly(src);
            if (out != null) {
                out.abort();
            }
            throw new EngineException("cannot set up the pipeline: " + e.getMessage(), e, emptyResult(t0));
        }
        Recorder latency = writer.latency();
        Producer producer = null;
        EngineThreads t;
        Thread reading;
        if (alone) {
            t = new EngineThreads(true);
            reading = t.add(EngineThreads.WORKER, single);
        } else {
            ring.endWith(writer);
            producer = ring.feedFrom(src, settings, config.offeredRate());
            t = ring.threads;
            reading = ring.io();
        }
        threads = t;
        t.startAll();
        t.prepareCpuClock(); // while the threads work, so that they do not wait for it when they end

        boolean interrupted = false;
        try {
            control.await(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            interrupted = true;
            control.fail(new CancellationException("the thread running the pipeline was interrupted"));
        }
        // stop everyone: after success they are idle; after a failure they must not wait for each other
        if (ring != null) {
            ring.halt();
        }
        if (control.failure() != null) {
            // unblock a read the reading thread may be stuck in: closing works for most inputs, interrupting
            // for the rest (a pipe, a FileChannel)
            closeQuietly(src);
            EngineThreads.interrupt(reading);
        }
        boolean allEnded = t.joinAll();
        closeQuietly(src);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }

        Throwable failure = control.failure();
        long taken = producer != null ? producer.recordsPublished() : single.recordsRead();
        long read = writer.read() >= 0 ? writer.read() : taken - writer.regionsSkipped();
        PipelineResult result = new PipelineResult(read, writer.written(), writer.filtered(), writer.rejected(),
                writer.bytesIn(), writer.bytesOut(), System.nanoTime() - t0, latencyOf(latency),
                t.cpuTime(),
                failure == null && writer.committed(), writer.repaired(), writer.dataDropped(),
                writer.regionsSkipped(), writer.bytesSkipped());
        if (failure instanceof OrderedWriter.CountMismatch) {
            throw new IllegalStateException(failure.getMessage() + " (" + result + ")", failure);
        }
        if (failure != null) {
            String why = failure instanceof CancellationException ? "the pipeline was cancelled: "
                    : failure instanceof EngineException ? "" : "the pipeline failed" + where(control, failure) + ": ";
            String what = failure instanceof Error ? failure.toString() : failure.getMessage();
            EngineException e = new EngineException(why + what
                    + (allEnded ? "" : " (a thread did not stop within its deadline)"),
                    failure, result);
            throw e;
        }
        if (!writer.committed() || !result.isBalanced()) {
            throw new IllegalStateException("engine bug: the run ended without committing a balanced result: "
                    + result);
        }
        return result;
    }

    /**
     * The engine thread a failure happened in, for a message ({@code " in thread marcring-writer"}), unless the
     * failure's message names one already (an error a parser died of, relayed by the writer).
     */
    static String where(RunControl control, Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        return message.contains("in thread marcring-") ? "" : control.where();
    }

    private RecordSource openSource() throws IOException {
        if (config.source() != null) {
            return config.source();
        }
        boolean iso = config.sourceFormat() == MarcFormat.ISO2709;
        if (config.sourcePath() != null) {
            return iso ? Iso2709Source.open(config.sourcePath(), config.readOptions())
                    : RecordSources.open(config.sourcePath(), config.sourceFormat(), config.readOptions());
        }
        if (config.sourceChannel() != null) {
            return Iso2709Source.of(config.sourceChannel(), config.readOptions());
        }
        return iso ? Iso2709Source.of(config.sourceStream(), config.readOptions())
                : RecordSources.of(config.sourceStream(), config.sourceFormat(), config.readOptions());
    }

    private ByteOutput openOutput() throws IOException {
        if (config.sinkPath() != null) {
            return new FileOutput(config.sinkPath());
        }
        OutputStream s = config.sinkStream();
        return s != null ? new StreamOutput(s) : null;
    }

    private static PipelineResult.Latency latencyOf(Recorder recorder) {
        Histogram h = recorder.getIntervalHistogram();
        if (h.getTotalCount() == 0) {
            return PipelineResult.Latency.NONE;
        }
        return new PipelineResult.Latency(h.getValueAtPercentile(50), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue());
    }

    private static PipelineResult emptyResult(long t0) {
        return new PipelineResult(0, 0, 0, 0, 0, 0, System.nanoTime() - t0, PipelineResult.Latency.NONE,
                PipelineResult.CpuTime.UNKNOWN, false);
    }

    private static void closeQuietly(RecordSource source) {
        if (source != null) {
            try {
                source.close();
            } catch (RuntimeException ignored) {
                // closing is best effort; the run's own outcome is what counts
            }
        }
    }

    /**
     * Cancels a running run (its {@link #run()} throws an {@link EngineException}) and waits until its
     * threads have ended; before a run, makes it fail at once; after a run, does nothing.
     */
    @Override
    public void close() {
        control.fail(new CancellationException("the pipeline was closed"));
        if (started.get() && !isEngineThread()) {
            try {
                terminated.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean isEngineThread() {
        EngineThreads t = threads;
        return t != null && t.contains(Thread.currentThread());
    }

}
