package org.marcring.engine;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.lmax.disruptor.WaitStrategy;

import org.HdrHistogram.Recorder;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.RecordEncoder;

/**
 * Configures a {@link Pipeline}: where records come from, how many parser threads decode them, what
 * happens to each record, and where the results go. Every setting but the source and the sink has a
 * default.
 *
 * <pre>{@code
 * PipelineResult result = Pipeline.builder()
 *         .source(Path.of("in.mrc"))
 *         .readOptions(ReadOptions.defaults())
 *         .parsers(2)
 *         .transform(r -> r.title() == null ? null : r)        // null drops the record
 *         .sink(Path.of("out.mrc"), Iso2709Encoder::new)
 *         .errorPolicy(ErrorPolicy.rejectsFile(Path.of("rejects.mrc")))
 *         .build()
 *         .run();
 * }</pre>
 */
public final class PipelineBuilder {
    /**
     * Default ring size: 64 entries, each a batch of records. With the default batch of
     * {@value #DEFAULT_BATCH_BYTES} bytes the ring holds up to 4 MiB of input in flight (and its output),
     * milliseconds of work for every parser.
     */
    public static final int DEFAULT_RING_SIZE = 64;
    /** Default stripe block: the batches are dealt to the parsers one by one, round-robin. */
    public static final int DEFAULT_STRIPE = 1;
    /** Default batch capacity: a batch is published once its records take 64 KiB. */
    public static final int DEFAULT_BATCH_BYTES = 64 << 10;
    /** Default most records per batch. */
    public static final int DEFAULT_BATCH_RECORDS = 4096;
    /** Default byte budget of the whole ring: 32 MiB of input and encoded output in flight. */
    public static final long DEFAULT_BYTE_BUDGET = 32L << 20;

    Path sourcePath;
    InputStream sourceStream;
    ReadableByteChannel sourceChannel;
    RecordSource source;
    /** Format of a path or stream source; {@link MarcFormat#AUTO} to detect it. */
    MarcFormat sourceFormat = MarcFormat.AUTO;
    ReadOptions readOptions = ReadOptions.defaults();
    int parsers = Runtime.getRuntime().availableProcessors();
    int ringSize = DEFAULT_RING_SIZE;
    int stripe = DEFAULT_STRIPE;
    int batchRecords = DEFAULT_BATCH_RECORDS;
    int batchBytes = DEFAULT_BATCH_BYTES;
    long byteBudget = DEFAULT_BYTE_BUDGET;
    WaitStrategy waitStrategy;
    Function<MarcRecord, MarcRecord> transform;
    Path sinkPath;
    OutputStream sinkStream;
    Supplier<? extends RecordEncoder> encoders;
    Consumer<MarcRecord> sinkCallback;
    ErrorPolicy errorPolicy;
    ProgressListener progress;
    double offeredRate; // records per second; 0: as fast as possible
    Recorder latencyRecorder;

    PipelineBuilder() {
    }

    /**
     * Reads a file in the format its first bytes show ({@link MarcFormat#AUTO}; ISO 2709 through a
     * {@code FileChannel}).
     */
    public PipelineBuilder source(Path file) {
        return source(file, MarcFormat.AUTO);
    }

    /**
     * Reads a file in {@code format} ({@link MarcFormat#AUTO}: detected from the first bytes; gzip is read
     * through); see {@link RecordSources} for how each format is split into records.
     */
    public PipelineBuilder source(Path file, MarcFormat format) {
        clearSource();
        this.sourcePath = Objects.requireNonNull(file, "file");
        this.sourceFormat = Objects.requireNonNull(format, "format (MarcFormat.AUTO to detect it)");
        return this;
    }

    /**
     * Reads ISO 2709 from a stream, which the run closes at its end. A stream is not looked at first, so that
     * records from a pipe flow as they come; {@code source(in, MarcFormat.AUTO)} detects the format from the
     * first bytes, waiting for 32 KiB of them or the end of the stream.
     */
    public PipelineBuilder source(InputStream in) {
        return source(in, MarcFormat.ISO2709);
    }

    /** Reads a stream in {@code format} ({@link MarcFormat#AUTO}: detected), which the run closes at its end. */
    public PipelineBuilder source(InputStream in, MarcFormat format) {
        clearSource();
        this.sourceStream = Objects.requireNonNull(in, "in");
        this.sourceFormat = Objects.requireNonNull(format, "format (MarcFormat.AUTO to detect it)");
        return this;
    }

    /** Reads ISO 2709 from a channel, which the run closes at its end. */
    public PipelineBuilder source(ReadableByteChannel channel) {
        clearSource();
        this.sourceChannel = Objects.requireNonNull(channel, "channel");
        return this;
    }

    /**
     * Reads from a source of any format (it decides how records are framed and parsed; the read options
     * set here do not apply to it). The run closes it at its end.
     */
    public PipelineBuilder source(RecordSource source) {
        clearSource();
        this.source = Objects.requireNonNull(source, "source");
        return this;
    }

    private void clearSource() {
        sourceFormat = MarcFormat.AUTO;
        sourcePath = null;
        sourceStream = null;
        sourceChannel = null;
        source = null;
    }

    /** How ISO 2709 input is decoded (default: {@link ReadOptions#defaults()}, permissive). */
    public PipelineBuilder readOptions(ReadOptions options) {
        this.readOptions = Objects.requireNonNull(options, "options");
        return this;
    }

    /**
     * Number of parser threads (default: the number of available processors). With one, the run uses one
     * thread for everything, reading, parsing and writing a batch at a time (no ring, no hand-overs): the
     * same output and counts, on one core.
     */
    public PipelineBuilder parsers(int n) {
        if (n < 1 || n > 256) {
            throw new IllegalArgumentException("parsers must be 1 to 256: " + n);
        }
        this.parsers = n;
        return this;
    }

    /** Number of ring slots, a power of two of at least 2 (default {@value #DEFAULT_RING_SIZE}). */
    public PipelineBuilder ringSize(int slots) {
        if (slots < 2 || Integer.bitCount(slots) != 1 || slots > 1 << 20) {
            throw new IllegalArgumentException("ring size must be a power of two from 2 to 2^20: " + slots);
        }
        this.ringSize = slots;
        return this;
    }

    /**
     * Number of consecutive ring entries (batches) a parser takes at a time, a power of two (default 1: the
     * batches are dealt round-robin). It is reduced where the ring is too small to give every parser a block.
     */
    public PipelineBuilder stripe(int slots) {
        if (slots < 1 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("stripe must be a power of two: " + slots);
        }
        this.stripe = slots;
        return this;
    }

    /**
     * Most records a batch holds (default {@value #DEFAULT_BATCH_RECORDS}); a batch is published when it holds
     * this many records, its byte capacity ({@link #batchBytes(int)}), or when the input has nothing more ready.
     */
    public PipelineBuilder publishBatch(int records) {
        if (records < 1) {
            throw new IllegalArgumentException("publish batch must be positive: " + records);
        }
        this.batchRecords = records;
        return this;
    }

    /**
     * The byte capacity of a batch (default {@value #DEFAULT_BATCH_BYTES}): the I/O thread publishes a batch
     * of records once they take this many bytes, or at once when the input has nothing more ready (a pipe, a
     * socket), so that at low load records are handed on one by one.
     */
    public PipelineBuilder batchBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("batch bytes must be positive: " + bytes);
        }
        this.batchBytes = bytes;
        return this;
    }

    /**
     * The most bytes (input records and their encoded output) the ring holds in flight (default 32 MiB): the
     * I/O thread waits while they exceed it. A record larger than the budget still goes, alone, once the
     * ring has emptied.
     */
    public PipelineBuilder byteBudget(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("byte budget must be positive: " + bytes);
        }
        this.byteBudget = bytes;
        return this;
    }

    /**
     * How parser and writer threads wait for work (default: {@link IdleWaitStrategy}); any of the
     * Disruptor's strategies works too. One instance per pipeline.
     */
    public PipelineBuilder waitStrategy(WaitStrategy strategy) {
        this.waitStrategy = Objects.requireNonNull(strategy, "strategy");
        return this;
    }

    /**
     * The per-record function, run on the parser threads (so it must be thread-safe): returns the record
     * to write, or {@code null} to drop it (counted as filtered). An exception rejects the record.
     */
    public PipelineBuilder transform(Function<MarcRecord, MarcRecord> function) {
        this.transform = Objects.requireNonNull(function, "function");
        return this;
    }

    /**
     * Writes to a file, encoded by encoders from {@code encoders} (one per parser thread). The file is
     * written under a temporary name in the same folder and appears only when the run succeeds.
     */
    public PipelineBuilder sink(Path file, Supplier<? extends RecordEncoder> encoders) {
        clearSink();
        this.sinkPath = Objects.requireNonNull(file, "file");
        this.encoders = Objects.requireNonNull(encoders, "encoders");
        return this;
    }

    /** Writes to a file in {@code format} (with its default encoder); see {@link #sink(Path, Supplier)}. */
    public PipelineBuilder sink(Path file, MarcFormat format) {
        Objects.requireNonNull(format, "format");
        return sink(file, format::newEncoder);
    }

    /** Writes to a stream in {@code format} (with its default encoder); see {@link #sink(OutputStream, Supplier)}. */
    public PipelineBuilder sink(OutputStream out, MarcFormat format) {
        Objects.requireNonNull(format, "format");
        return sink(out, format::newEncoder);
    }

    /** Writes to a stream (flushed, not closed, at the end), encoded by encoders from {@code encoders}. */
    public PipelineBuilder sink(OutputStream out, Supplier<? extends RecordEncoder> encoders) {
        clearSink();
        this.sinkStream = Objects.requireNonNull(out, "out");
        this.encoders = Objects.requireNonNull(encoders, "encoders");
        return this;
    }

    /** Hands each record, in input order, to {@code callback} on the writer thread. */
    public PipelineBuilder sink(Consumer<MarcRecord> callback) {
        clearSink();
        this.sinkCallback = Objects.requireNonNull(callback, "callback");
        return this;
    }

    private void clearSink() {
        sinkPath = null;
        sinkStream = null;
        encoders = null;
        sinkCallback = null;
    }

    /** What to do with records that cannot be passed on (default: {@link ErrorPolicy#failFast()}). */
    public PipelineBuilder errorPolicy(ErrorPolicy policy) {
        this.errorPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** Receives progress about four times a second, on the writer thread. */
    public PipelineBuilder progress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Paces the I/O thread to offer records at a fixed rate, for latency measurements: record {@code i} is
     * scheduled at {@code start + i / recordsPerSecond}; the I/O thread waits for that time (publishing
     * what it holds first, so no record waits in a batch meanwhile) and stamps the record with its
     * <em>scheduled</em> time, not the time it was actually published. When the engine falls behind (a full
     * ring), the records it could not take on time carry the delay in their latency, which corrects for
     * coordinated omission. Default: no pacing, the input is read as fast as the engine takes it.
     */
    public PipelineBuilder offeredRate(double recordsPerSecond) {
        if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
            throw new IllegalArgumentException("offered rate must be a positive number of records/s: "
                    + recordsPerSecond);
        }
        this.offeredRate = recordsPerSecond;
        return this;
    }

    /**
     * Also records each record's publish-to-emit latency (in nanoseconds, on the writer thread) into
     * {@code recorder}, so that the caller can take the whole distribution, or interval histograms while
     * the run goes on ({@link Recorder#getIntervalHistogram()}). The run's own
     * {@link PipelineResult#latency()} is kept apart and not affected.
     */
    public PipelineBuilder latencyRecorder(Recorder recorder) {
        this.latencyRecorder = Objects.requireNonNull(recorder, "recorder");
        return this;
    }

    /** The ring's settings as they stand now. */
    RingSettings ringSettings() {
        return new RingSettings(parsers, ringSize, stripe, batchBytes, batchRecords, byteBudget, waitStrategy);
    }

    /** Everything set so far, fixed. */
    PipelineSettings settings() {
        return new PipelineSettings(sourcePath, sourceStream, sourceChannel, source, sourceFormat, readOptions,
                ringSettings(), transform, sinkPath, sinkStream, encoders, sinkCallback, errorPolicy, progress,
                offeredRate, latencyRecorder);
    }

    /** The pipeline, ready to {@link Pipeline#run() run} once. */
    public Pipeline build() {
        if (sourcePath == null && sourceStream == null && sourceChannel == null && source == null) {
            throw new IllegalStateException("no source");
        }
        if (sinkPath == null && sinkStream == null && sinkCallback == null) {
            throw new IllegalStateException("no sink");
        }
        return new Pipeline(this);
    }
}
