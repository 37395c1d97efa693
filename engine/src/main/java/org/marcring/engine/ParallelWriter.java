package org.marcring.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import com.lmax.disruptor.InsufficientCapacityException;

import org.HdrHistogram.Recorder;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Writer;

/**
 * A {@link MarcWriter} that encodes on several threads: the calling thread hands records over into a ring
 * buffer in batches, N encoder threads encode the batches of their stripe in parallel, and a writer thread emits the
 * bytes in submission order (the encoder's header first, separators between records, the footer on
 * {@link #close()}). The bytes are those {@link Iso2709Writer} (or an {@code EncodingWriter} with the same
 * encoder) would write.
 *
 * <pre>{@code
 * try (MarcWriter writer = ParallelWriter.open(Path.of("out.mrc"))) {   // was Iso2709Writer.open(...)
 *     for (MarcRecord record : records) {
 *         writer.write(record);
 *     }
 * }
 * }</pre>
 *
 * <p>Encoding happens after {@link #write(MarcRecord)} returns, so a record that cannot be encoded is dealt
 * with by the {@link ErrorPolicy} (default {@link ErrorPolicy#failFast()}: the writer stops, and the next
 * call throws an {@link EngineException}). An output failure likewise surfaces on the next call. Records are
 * handed over in batches: {@link #flush()} pushes them through and waits until their bytes are written.
 * Call from one thread at a time. Threads are daemons named {@code marcring-parser-N} and
 * {@code marcring-writer}; {@link #close()} stops them.
 */
public final class ParallelWriter implements MarcWriter {
    /** Records per batch handed to the encoders. */
    private static final int BATCH = 128;

    private final OutputStream stream;
    private final ByteOutput out;
    private final RunControl control = new RunControl();
    private final EngineRing ring;
    private final OrderedWriter writer;
    private final long startNanos = System.nanoTime();
    /** The batch being filled, or {@code null}. */
    private RecordBatch current;
    private long currentSeq = -1;
    private long submitted;
    private boolean closed;
    private PipelineResult result;

    /**
     * A writer to {@code out} (closed by {@link #close()}) with {@code parsers} encoder threads, each with
     * an encoder from {@code encoders}, a ring of {@code ringSize} batches, and {@code policy} for records that
     * cannot be encoded.
     */
    public ParallelWriter(OutputStream out, Supplier<? extends RecordEncoder> encoders, int parsers, int ringSize,
                          ErrorPolicy policy) {
        this(out, null, encoders, parsers, ringSize, policy);
    }

    /** A writer to {@code out} with one encoder thread per available processor. */
    public ParallelWriter(OutputStream out, Supplier<? extends RecordEncoder> encoders) {
        this(out, null, encoders, Runtime.getRuntime().availableProcessors(), PipelineBuilder.DEFAULT_RING_SIZE,
                ErrorPolicy.failFast());
    }

    private ParallelWriter(OutputStream stream, ByteOutput fileOut, Supplier<? extends RecordEncoder> encoders,
                           int parsers, int ringSize, ErrorPolicy policy) {
        Objects.requireNonNull(encoders, "encoders");
        Objects.requireNonNull(policy, "policy");
        RingSettings settings = RingSettings.defaults(parsers, ringSize);
        this.stream = stream;
        this.out = fileOut != null ? fileOut : new StreamOutput(Objects.requireNonNull(stream, "out"));
        RecordParser unused = slot -> {
            throw new IllegalStateException("a parallel writer's batches hold records");
        };
        this.ring = new EngineRing(settings, () -> unused, null, encoders, control, true);
        RecordEncoder frame = encoders.get();
        this.writer = new OrderedWriter(out, null, frame.header(), frame.separator(), frame.footer(), policy, null,
                new Recorder(3), null, control, null, startNanos);
        ring.endWith(writer);
        ring.start();
    }

    /** A UTF-8 ISO 2709 writer to {@code out}; closing the writer closes {@code out}. */
    public static ParallelWriter of(OutputStream out) {
        return new ParallelWriter(out, Iso2709Encoder::new);
    }

    /**
     * A writer to a file, which appears under its name when the writer is closed without failure (it is
     * written under a temporary name until then).
     *
     * @throws UncheckedIOException if the temporary file cannot be created
     */
    public static ParallelWriter open(Path file, Supplier<? extends RecordEncoder> encoders) {
        FileOutput out;
        try {
            out = new FileOutput(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ParallelWriter(null, out, encoders, Runtime.getRuntime().availableProcessors(),
                PipelineBuilder.DEFAULT_RING_SIZE, ErrorPolicy.failFast());
    }

    /** A UTF-8 ISO 2709 writer to a file (see {@link #open(Path, Supplier)}). */
    public static ParallelWriter open(Path file) {
        return open(file, Iso2709Encoder::new);
    }

    @Override
    public void write(MarcRecord record) {
        Objects.requireNonNull(record, "record");
        checkOpen();
        if (current == null) {
            currentSeq = claim();
            current = ring.ring.get(currentSeq);
            current.clear();
        }
        current.append(record, submitted);
        submitted++;
        if (current.count >= BATCH) {
            publish();
        }
    }

    /** Records handed to {@link #write(MarcRecord)} so far (see {@link #result()} for what became of them). */
    @Override
    public long recordsWritten() {
        return submitted;
    }

    /** Pushes every record written so far through the encoders and waits until its bytes are written out. */
    @Override
    public void flush() {
        checkOpen();
        publish();
        long seq = claim();
        ring.ring.get(seq).kind = RecordBatch.FLUSH;
        ring.ring.publish(seq);
        awaitWriter(seq);
    }

    /**
     * Writes the remaining records and the footer, closes the output (a file appears under its name), and
     * stops the threads.
     *
     * @throws EngineException if a record could not be encoded (under fail-fast) or the output failed
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!control.isStopped()) {
                publish();
                long seq = claim();
                ring.ring.get(seq).markEnd(null, -1, submitted);
                ring.ring.publish(seq);
                awaitWriter(seq);
            }
        } catch (Stopped e) {
            // the run failed while the last records were handed over: its failure is thrown below
        } finally {
            shutdown();
        }
        Throwable failure = control.failure();
        if (failure != null) {
            throw new EngineException("parallel writer failed" + Pipeline.where(control, failure) + ": "
                    + (failure instanceof Error ? failure.toString() : failure.getMessage()), failure, result);
        }
    }

    /** The counts of the run, once closed; {@code null} before. */
    public PipelineResult result() {
        return result;
    }

    private void shutdown() {
        if (!control.isFinished()) {
            control.fail(new CancellationException("writer closed"));
        }
        ring.halt();
        ring.threads.joinAll();
        result = new PipelineResult(submitted, writer.written(), writer.filtered(), writer.rejected(), 0,
                writer.bytesOut(), System.nanoTime() - startNanos, PipelineResult.Latency.NONE,
                ring.threads.cpuTime(),
                control.failure() == null && writer.committed());
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                control.fail(e);
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        Throwable failure = control.failure();
        if (failure != null) {
            close();
        }
    }

    /** Publishes the batch being filled, if any. */
    private void publish() {
        if (current != null) {
            current.publishNanos = System.nanoTime();
            current = null;
            ring.ring.publish(currentSeq);
        }
    }

    private long claim() {
        int idle = 0;
        while (true) {
            if (control.isStopped()) {
                close(); // throws the failure, unless called from close(), which then throws it
                throw new Stopped();
            }
            try {
                return ring.ring.tryNext();
            } catch (InsufficientCapacityException e) {
                idle = ring.backoff.idle(idle);
            }
        }
    }

    private void awaitWriter(long seq) {
        int idle = 0;
        while (ring.writerSequence() < seq) {
            if (control.isStopped()) {
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                control.fail(new CancellationException("interrupted while waiting for the writer"));
                break;
            }
            idle = ring.backoff.idle(idle);
        }
        if (control.failure() != null && !closed) {
            close(); // throws the failure
        }
    }

    /** The run stopped while a record was being handed over; the caller throws the run's failure. */
    private static final class Stopped extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("writer stopped");
        }
    }
}
