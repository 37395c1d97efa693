package org.marcring.engine;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.lmax.disruptor.EventHandler;

import org.HdrHistogram.Recorder;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;

/**
 * The writer thread's work, gated on all parsers: takes every slot in input order and emits its output
 * (the encoder's header once, separators between records, the footer at the end), counts written,
 * filtered and rejected records, hands rejects to the {@link ErrorPolicy} in order, and records the
 * publish-to-emit latency. Writes are gathered and drained to the output in 64 KiB chunks while there is
 * work, and as soon as the writer runs out of work ({@link #onTimeout(long)}, from {@link IdleWaitStrategy};
 * with the Disruptor's own strategies, which have no idle timeout, at 64 KiB and at the end only).
 *
 * <p>At the end slot it checks that every record read is accounted for before committing the output; a
 * mismatch is a bug and fails the run with an {@link IllegalStateException}. When the run stops for any
 * reason before that, {@link #onShutdown()} aborts the output, so no partial file is left under the
 * target's name.
 */
final class OrderedWriter implements EventHandler<RecordSlot> {
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
    private final ByteArrayBuilder buffer = new ByteArrayBuilder(DRAIN_AT + 8192);

    private long written;
    private long filtered;
    private long repaired;
    private long dataDropped;
    private long rejected;
    private long bytesIn;
    private long bytesOut;
    private long read = -1;
    private boolean started;
    private boolean committed;
    private long lastProgress;
    private long emitNanos;

    /**
     * @param out      where encoded bytes go ({@code null} with a callback)
     * @param callback receives records in order ({@code null} with an output)
     * @param alsoLatency the caller's recorder, which gets every latency too, or {@code null}
     */
    OrderedWriter(ByteOutput out, Consumer<MarcRecord> callback, byte[] header, byte[] separator, byte[] footer,
                  ErrorPolicy policy, ProgressListener progress, Recorder latency, Recorder alsoLatency,
                  RunControl control, long startNanos) {
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
        this.lastProgress = startNanos;
    }

    @Override
    public void onEvent(RecordSlot slot, long sequence, boolean endOfBatch) {
        if (control.isStopped() || committed) {
            return;
        }
        try {
            if (!started) {
                started = true;
                buffer.append(header);
            }
            if (slot.kind == RecordSlot.END) {
                finish(slot);
                return;
            }
            if (slot.kind == RecordSlot.FLUSH) {
                drain();
                return;
            }
            emit(slot);
            if (buffer.length() >= DRAIN_AT) {
                drain();
            }
            if (progress != null && (endOfBatch || (sequence & 255) == 0)) {
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

    private void emit(RecordSlot slot) throws Exception {
        emitNanos = System.nanoTime();
        long nanos = Math.max(0, emitNanos - slot.publishNanos);
        latency.recordValue(nanos);
        if (alsoLatency != null) {
            alsoLatency.recordValue(nanos);
        }
        bytesIn = slot.byteOffset() + slot.rawLength();
        switch (slot.outcome) {
            case RecordSlot.WRITTEN:
                if (callback != null) {
                    MarcRecord r = slot.record;
                    slot.record = null;
                    written++;
                    callback.accept(r);
                } else {
                    if (written > 0) {
                        buffer.append(separator);
                    }
                    buffer.append(slot.output.array(), 0, slot.output.length());
                    written++;
                }
                if (slot.repaired != null) {
                    RepairedRecord r = slot.repaired;
                    slot.repaired = null;
                    repaired++;
                    if (r.dataDropped()) {
                        dataDropped++;
                    }
                    policy.repaired(r);
                }
                break;
            case RecordSlot.FILTERED:
                filtered++;
                break;
            case RecordSlot.REJECTED:
                rejected++;
                policy.reject(toRejected(slot));
                break;
            case RecordSlot.FATAL:
                throw new IllegalStateException(MarcFormatException.describe(slot.ordinal(), slot.byteOffset(),
                        "error in a parser thread: " + slot.error), slot.error);
            default:
                throw new IllegalStateException(MarcFormatException.describe(slot.ordinal(), slot.byteOffset(),
                        "reached the writer unparsed (engine bug)"));
        }
    }

    /** The reject report for a slot, with a copy of its raw bytes. */
    static RejectedRecord toRejected(RecordSlot slot) {
        Throwable e = slot.error;
        String reason = e instanceof MarcFormatException ? ((MarcFormatException) e).fault()
                : e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.toString();
        return new RejectedRecord(slot.ordinal(), slot.byteOffset(), slot.copyOfRaw(), slot.stage, reason, e);
    }

    /** The slot after the last record: every record published before it has been handled. */
    private void finish(RecordSlot end) throws Exception {
        long records = end.recordCount;
        if (end.failure != null) {
            throw new EngineException("reading the input failed after " + records + " records: "
                    + end.failure.getMessage(), end.failure, null);
        }
        read = records;
        if (records != written + filtered + rejected) {
            throw new CountMismatch("engine bug: read " + records + " records but written " + written
                    + " + filtered " + filtered + " + rejected " + rejected + " = " + (written + filtered + rejected));
        }
        if (end.endPosition >= 0) {
            bytesIn = end.endPosition;
        }
        buffer.append(footer);
        drain();
        if (out != null) {
            out.commit();
        }
        policy.finish(true);
        committed = true;
        if (progress != null) {
            progress.onProgress(snapshot(System.nanoTime()));
        }
        control.complete();
    }

    private void drain() throws Exception {
        if (buffer.length() > 0) {
            if (out != null) {
                out.write(buffer.array(), 0, buffer.length());
                out.flush();
            }
            bytesOut += buffer.length();
            buffer.reset();
        }
    }

    private Progress snapshot(long now) {
        return new Progress(written + filtered + rejected, written, rejected, bytesIn, now - startNanos);
    }

    /** The writer has been idle a while: push out what it gathered. */
    @Override
    public void onTimeout(long sequence) {
        if (control.isStopped() || committed || buffer.length() == 0) {
            return;
        }
        try {
            drain();
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
