package org.marcring.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;

import org.HdrHistogram.Recorder;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Writer;

/**
 * A {@link MarcWriter} that encodes on several threads: the calling thread hands records over into a ring
 * buffer, N encoder threads encode the records of their stripe in parallel, and a writer thread emits the
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
    private static final int BATCH = 32;

    private final OutputStream stream;
    private final ByteOutput out;
    private final RunControl control = new RunControl();
    private final RingBuffer<RecordSlot> ring;
    private final ParserStage encoders;
    private final BatchEventProcessor<RecordSlot> writerProcessor;
    private final OrderedWriter writer;
    private final EngineThreads threads = new EngineThreads(true);
    private final Backoff backoff = new IdleWaitStrategy().backoff();
    private final long startNanos = System.nanoTime();
    private long claimed = -1;
    private long published = -1;
    private long submitted;
    private boolean closed;
    private PipelineResult result;

    /**
     * A writer to {@code out} (closed by {@link #close()}) with {@code parsers} encoder threads, each with
     * an encoder from {@code encoders}, a ring of {@code ringSize} slots, and {@code policy} for records that
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
        if (parsers < 1 || parsers > 256) {
            throw new IllegalArgumentException("parsers must be 1 to 256: " + parsers);
        }
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ring size must be a power of two of at least 2: " + ringSize);
        }
        this.stream = stream;
        this.out = fileOut != null ? fileOut : new StreamOutput(Objects.requireNonNull(stream, "out"));
        this.ring = RingBuffer.createSingleProducer(RecordSlot::new, ringSize, new IdleWaitStrategy());
        RecordParser handOver = slot -> {
            MarcRecord r = slot.input;
            slot.input = null; // the ring holds no record longer than needed
            return r;
        };
        this.encoders = new ParserStage(ring, parsers, PipelineBuilder.DEFAULT_STRIPE, () -> handOver, null,
                encoders, control);
        RecordEncoder frame = encoders.get();
        this.writer = new OrderedWriter(out, null, frame.header(), frame.separator(), frame.footer(), policy, null,
                new Recorder(3), null, control, startNanos);
        this.writerProcessor = new BatchEventProcessorBuilder()
                .setMaxBatchSize(ParserStage.batchLimit(ring.getBufferSize()))
                .build(ring, ring.newBarrier(this.encoders.sequences()), writer);
        writerProcessor.setExceptionHandler(new StopOnException(control));
        ring.addGatingSequences(writerProcessor.getSequence());
        this.encoders.addThreads(threads);
        threads.add(EngineThreads.WRITER, writerProcessor);
        threads.startAll();
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
        long seq = claim();
        RecordSlot slot = ring.get(seq);
        slot.clearForRecord();
        slot.setRaw(0, submitted, -1, 0, -1);
        slot.input = record;
        slot.publishNanos = System.nanoTime();
        submitted++;
        if (seq - published >= BATCH) {
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
        long seq = claim();
        ring.get(seq).kind = RecordSlot.FLUSH;
        publish();
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
                long seq = claim();
                ring.get(seq).markEnd(null, -1, submitted);
                publish();
                awaitWriter(seq);
            }
        } finally {
            shutdown();
        }
        Throwable failure = control.failure();
        if (failure != null) {
            throw new EngineException("parallel writer failed: " + failure.getMessage(), failure, result);
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
        encoders.halt();
        writerProcessor.halt();
        threads.joinAll();
        result = new PipelineResult(submitted, writer.written(), writer.filtered(), writer.rejected(), 0,
                writer.bytesOut(), System.nanoTime() - startNanos, PipelineResult.Latency.NONE,
                threads.cpuTime(),
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

    private void publish() {
        if (claimed > published) {
            ring.publish(claimed);
            published = claimed;
        }
    }

    private long claim() {
        int idle = 0;
        while (true) {
            if (control.isStopped()) {
                close(); // throws the failure
                throw new IllegalStateException("writer stopped");
            }
            try {
                return claimed = ring.tryNext();
            } catch (InsufficientCapacityException e) {
                publish();
                idle = backoff.idle(idle);
            }
        }
    }

    private void awaitWriter(long seq) {
        Sequence done = writerProcessor.getSequence();
        int idle = 0;
        while (done.get() < seq) {
            if (control.isStopped()) {
                break;
            }
            if (Thread.currentThread().isInterrupted()) {
                control.fail(new CancellationException("interrupted while waiting for the writer"));
                break;
            }
            idle = backoff.idle(idle);
        }
        if (control.failure() != null && !closed) {
            close(); // throws the failure
        }
    }
}
