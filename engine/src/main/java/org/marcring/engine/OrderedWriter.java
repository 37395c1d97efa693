package org.marcring.engine;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;

import org.HdrHistogram.Recorder;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.SkippedBytesException;
import org.marcring.codec.io.ByteArrayBuilder;

/**
 * The writer thread's work, gated on all parsers: takes every batch in input order and emits its output
 * (the encoder's header once, a separator between batches, the batch's encoded records, which carry their
 * separators, in one write; the footer at the end), counts written, filtered and rejected records, hands
 * rejects to the {@link ErrorPolicy} in input order, and records each record's publish-to-emit latency. The
 * output is flushed as soon as the writer runs out of work ({@link #onTimeout(long)}, from
 * {@link IdleWaitStrategy}; with the Disruptor's own strategies, which have no idle timeout, at the end only).
 * Once a batch is handed on, its bytes leave the run's {@link ByteBudget}.
 *
 * <p>At the end slot it checks that every record read is accounted for before committing the output; a
 * mismatch is a bug and fails the run with an {@link IllegalStateException}. When the run stops for any
 * reason before that, {@link #onShutdown()} aborts the output, so no partial file is left under the
 * target's name.
 */
final class OrderedWriter implements EventHandler<RecordBatch> {
    private static final int DRAIN_AT = 1 << 16;
    private static final long PROGRESS_EVERY = TimeUnit.MILLISECONDS.toNanos(250);

    private final ByteOutput out;
    private final Consumer<MarcRecord> callback;
    private final byte[] header;
    private final byte[] separator;
    private final byte[] footer;
    private final ErrorPolicy policy;
    private final ProgressListener progress;
    private final Recorder latency;
    private final Recorder alsoLatency;
    private final RunControl control;
    private final long startNanos;
    private final ByteBudget budget;
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(DRAIN_AT + 8192);

    private long written;
    private long filtered;
    private long repaired;
    private long dataDropped;
    private long rejected;
    private long regionsSkipped;
    private long bytesSkipped;
    private long bytesIn;
    private long bytesOut;
    private long read = -1;
    private boolean started;
    private boolean committed;
    private long lastProgress;
    private long emitNanos;
    private boolean unflushed;
    private SignalWaitStrategy signal;
    private Sequence own;

    /**
     * @param out      where encoded bytes go ({@code null} with a callback)
     * @param callback receives records in order ({@code null} with an output)
     * @param alsoLatency the caller's recorder, which gets every latency too, or {@code null}
     * @param budget   where a batch's bytes are released once handed on, or {@code null}
     */
    OrderedWriter(ByteOutput out, Consumer<MarcRecord> callback, byte[] header, byte[] separator, byte[] footer,
                  ErrorPolicy policy, ProgressListener progress, Recorder latency, Recorder alsoLatency,
                  RunControl control, ByteBudget budget, long startNanos) {
        this.out = out;
        this.callback = callback;
        this.header = header;
        this.separator = separator;
        this.footer = footer;
        this.policy = policy;
        this.progress = progress;
        this.latency = latency;
        this.alsoLatency = alsoLatency;
        this.control = control;
        this.startNanos = startNanos;
        this.budget = budget;
        this.lastProgress = startNanos;
    }

    /**
     * Sets this writer's sequence itself after each batch and wakes the I/O thread if it waits for room in the
     * ring (the processor would set it only after {@code onEvent} returns, too late for a signal).
     */
    void signalling(SignalWaitStrategy signal) {
        this.signal = signal;
    }

    @Override
    public void setSequenceCallback(Sequence sequenceCallback) {
        this.own = sequenceCallback;
    }

    @Override
    public void onEvent(RecordBatch batch, long sequence, boolean endOfBatch) {
        handle(batch);
        if (signal != null && own != null) {
            own.setVolatile(sequence);
            signal.signalConsumerMoved();
        }
    }

    private void handle(RecordBatch batch) {
        if (control.isStopped() || committed) {
            return;
        }
        try {
            if (!started) {
                started = true;
                buffer.append(header);
            }
            if (batch.kind == RecordBatch.END) {
                finish(batch);
                return;
            }
            if (batch.kind == RecordBatch.FLUSH) {
                drain(true);
                return;
            }
            try {
                emit(batch);
            } finally {
                if (budget != null) {
                    budget.release(batch.dataLength + (long) batch.output.length());
                }
                batch.releaseRecords();
            }
            if (progress != null) {
                long now = System.nanoTime();
                if (now - lastProgress >= PROGRESS_EVERY) {
                    lastProgress = now;
                    progress.onProgress(snapshot(now));
                }
            }
        } catch (Throwable t) {
            control.fail(t);
        }
    }

    private void emit(RecordBatch batch) throws Exception {
        emitNanos = System.nanoTime();
        int n = batch.fatal != null ? batch.fatalIndex : batch.count;
        if (!batch.isStamped() && n > 0) {
            // every record of the batch was published at once: one latency, counted n times
            recordLatency(Math.max(0, emitNanos - batch.publishNanos), n);
        } else {
            for (int i = 0; i < n; i++) {
                recordLatency(Math.max(0, emitNanos - batch.startNanos(i)), 1);
            }
        }
        if (n > 0) {
            bytesIn = batch.offsets[n - 1] + batch.lengths[n - 1];
        }
        if (batch.written > 0 && callback == null && batch.fatal == null) {
            if (written > 0) {
                buffer.append(separator);
            }
            write(batch.output.array(), batch.output.length());
        }
        if (callback != null || batch.fatal != null || batch.rejected > 0 || batch.repaired > 0) {
            emitEach(batch, n);
        } else {
            written += batch.written;
            filtered += batch.filtered;
        }
        if (batch.fatal != null) {
            int i = batch.fatalIndex;
            throw new IllegalStateException(MarcFormatException.describe(batch.ordinals[i], batch.offsets[i],
                    "error in thread " + batch.fatalThread + ": " + batch.fatal), batch.fatal);
        }
    }

    private void recordLatency(long nanos, int records) {
        latency.recordValueWithCount(nanos, records);
        if (alsoLatency != null) {
            alsoLatency.recordValueWithCount(nanos, records);
        }
    }

    /** Counts the first {@code n} records of a batch one by one: for a callback, or to report rejects in order. */
    private void emitEach(RecordBatch batch, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            switch (batch.outcomes[i]) {
                case RecordBatch.WRITTEN:
                    written++;
                    if (callback != null) {
                        MarcRecord r = batch.records[i];
                        batch.records[i] = null;
                        callback.accept(r);
                    }
                    RepairedRecord repair = batch.repairs[i];
                    if (repair != null) {
                        batch.repairs[i] = null;
                        repaired++;
                        if (repair.dataDropped()) {
                            dataDropped++;
                        }
                        policy.repaired(repair);
                    }
                    break;
                case RecordBatch.FILTERED:
                    filtered++;
                    break;
                case RecordBatch.REJECTED:
                    RejectedRecord reject = batch.toRejected(i);
                    if (reject.isSkippedBytes()) {
                        // bytes between records that hold none: reported like a reject, counted apart
                        regionsSkipped++;
                        bytesSkipped += ((SkippedBytesException) reject.cause()).length();
                    } else {
                        rejected++;
                    }
                    policy.reject(reject);
                    break;
                default:
                    throw new IllegalStateException(MarcFormatException.describe(batch.ordinals[i], batch.offsets[i],
                            "reached the writer unparsed (engine bug)"));
            }
        }
    }

    /** Writes a batch's output: in one call after what is gathered, or gathered itself when small. */
    private void write(byte[] bytes, int length) throws Exception {
        if (length < DRAIN_AT / 4) {
            buffer.append(bytes, 0, length);
            if (buffer.length() >= DRAIN_AT) {
                drain(false);
            }
            return;
        }
        drain(false);
        if (out != null) {
            out.write(bytes, 0, length);
        }
        bytesOut += length;
        unflushed = true;
    }

    /** The entry after the last batch: every record published before it has been handled. */
    private void finish(RecordBatch end) throws Exception {
        long records = end.recordCount;
        if (end.failure != null) {
            throw new EngineException("reading the input failed after " + records + " records: "
                    + BatchFiller.describe(end.failure, end.fatalThread), end.failure, null);
        }
        // the source's pieces: records, and runs of bytes skipped between them
        read = records - regionsSkipped;
        if (read != written + filtered + rejected) {
            throw new CountMismatch("engine bug: read " + read + " records but written " + written
                    + " + filtered " + filtered + " + rejected " + rejected + " = " + (written + filtered + rejected)
                    + (regionsSkipped == 0 ? "" : " (" + records + " pieces framed, " + regionsSkipped
                    + " of them bytes skipped between records)"));
        }
        if (end.endPosition >= 0) {
            bytesIn = end.endPosition;
        }
        buffer.append(footer);
        drain(true);
        // both complete before either is published: a rejects file that cannot be written leaves no output
        policy.complete();
        if (out != null) {
            out.complete();
            out.commit();
        }
        policy.finish(true);
        committed = true;
        if (progress != null) {
            progress.onProgress(snapshot(System.nanoTime()));
        }
        control.complete();
    }

    /** Writes what is gathered; flushes the output too when {@code flush} (and something was written). */
    private void drain(boolean flush) throws Exception {
        if (buffer.length() > 0) {
            if (out != null) {
                out.write(buffer.array(), 0, buffer.length());
            }
            bytesOut += buffer.length();
            buffer.reset();
            unflushed = true;
        }
        if (flush && unflushed && out != null) {
            out.flush();
            unflushed = false;
        }
    }

    private Progress snapshot(long now) {
        return new Progress(written + filtered + rejected, written, rejected, bytesIn, now - startNanos);
    }

    /** The writer has been idle a while: push out what it gathered. */
    @Override
    public void onTimeout(long sequence) {
        if (control.isStopped() || committed || (buffer.length() == 0 && !unflushed)) {
            return;
        }
        try {
            drain(true);
        } catch (Throwable t) {
            control.fail(t);
        }
    }

    @Override
    public void onShutdown() {
        if (!committed) {
            if (out != null) {
                out.abort();
            }
            try {
                policy.finish(false);
            } catch (Exception | Error ignored) {
                // the run has failed already; its exception is what the caller sees
            }
        }
    }

    /** Records read do not add up to records written, filtered and rejected: a bug of the engine. */
    static final class CountMismatch extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        CountMismatch(String message) {
            super(message);
        }
    }

    Recorder latency() {
        return latency;
    }

    long written() {
        return written;
    }

    long filtered() {
        return filtered;
    }

    long repaired() {
        return repaired;
    }

    long dataDropped() {
        return dataDropped;
    }

    long rejected() {
        return rejected;
    }

    /** Runs of bytes between records that held no record. */
    long regionsSkipped() {
        return regionsSkipped;
    }

    /** Bytes in those runs. */
    long bytesSkipped() {
        return bytesSkipped;
    }

    long bytesIn() {
        return bytesIn;
    }

    long bytesOut() {
        return bytesOut;
    }

    /** Records read, known once the end slot was reached; -1 before. */
    long read() {
        return read;
    }

    boolean committed() {
        return committed;
    }
}
