package org.marcring.engine;

import java.util.Arrays;

import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;

/**
 * One entry of the engine's ring buffer: a batch of whole input records and what a parser thread made of
 * each. The I/O thread appends the raw bytes of successive records one after the other into the batch's
 * array (with each record's ordinal, byte offset and framing defects) until the batch holds its byte
 * capacity, or the input has nothing more ready; one parser thread then decodes, transforms and encodes
 * every record of the batch into the batch's one output buffer, keeping a per-record outcome; the writer
 * writes that output in one call and reports the batch's rejects in input order.
 *
 * <p>A batch is handed from thread to thread once, where a slot per record was handed once per record: on a
 * machine with fewer cores than engine threads every hand-off may wake a thread, and each wake-up takes a
 * core from a parser.
 *
 * <p>Batches are allocated once, when the ring is built, and reused: the arrays grow when a batch meets a
 * record larger than its capacity and are let go afterwards, so the ring keeps about slots x capacity bytes
 * of input (and its output) however long the input is. Each field is written by one stage and read by the
 * next one after the ring's sequence barrier, which gives the happens-before edge.
 */
final class RecordBatch {
    /** A batch of records. */
    static final int RECORDS = 0;
    /** The entry after the last batch: the input is exhausted (or failed, see {@link #failure}). */
    static final int END = 1;
    /** Not records: the writer flushes its output when it reaches this entry. */
    static final int FLUSH = 2;

    /** What the parser did with a record. */
    static final byte PENDING = 0;
    static final byte WRITTEN = 1;
    static final byte FILTERED = 2;
    static final byte REJECTED = 3;

    private static final int FIRST_RECORDS = 64;
    private static final byte[] NO_BYTES = new byte[0];

    /** The byte capacity: a batch is full once its records take this many bytes. */
    final int capacity;

    // ---- written by the I/O thread (or the caller of a ParallelWriter)
    int kind;
    byte[] data;
    int dataLength;
    int count;
    int[] starts = new int[FIRST_RECORDS];
    int[] lengths = new int[FIRST_RECORDS];
    int[] defects = new int[FIRST_RECORDS];
    int[] declared = new int[FIRST_RECORDS];
    /** Per record: bytes stored after its raw bytes that travel with it (see {@link RecordSlot#trailing}). */
    int[] trailing = new int[FIRST_RECORDS];
    long[] ordinals = new long[FIRST_RECORDS];
    long[] offsets = new long[FIRST_RECORDS];
    /** Input bytes each record stands for: its length, except for an oversized run kept only in part. */
    long[] spans = new long[FIRST_RECORDS];
    /** Per record: the time it was scheduled, when the run is paced; otherwise {@link #publishNanos} holds. */
    long[] nanos;
    /** When the batch was published (the latency of every record of an unpaced run counts from it). */
    long publishNanos;
    /** For a {@link ParallelWriter}: the records handed over to be encoded, instead of raw bytes. */
    MarcRecord[] inputs;
    /** In an {@link #END} entry: the error that ended the input early, or {@code null}. */
    Throwable failure;
    /** In an {@link #END} entry: the number of input bytes consumed. */
    long endPosition;
    /** In an {@link #END} entry: the number of records published before it. */
    long recordCount;

    // ---- written by the parser thread that owns the batch
    byte[] outcomes = new byte[FIRST_RECORDS];
    /** Decoded records, for a callback sink or a reader (no encoder). */
    MarcRecord[] records;
    Throwable[] errors = new Throwable[FIRST_RECORDS];
    RejectedRecord.Stage[] stages = new RejectedRecord.Stage[FIRST_RECORDS];
    /** A written record's repairs, or {@code null} where it needed none. */
    RepairedRecord[] repairs = new RepairedRecord[FIRST_RECORDS];
    ByteArrayBuilder output;
    int written;
    int filtered;
    int rejected;
    /** Written records that were repaired on the way (each with an entry in {@link #repairs}). */
    int repaired;
    /** An {@link Error} that escaped the parser at record {@link #fatalIndex}: the run stops with it. */
    Throwable fatal;
    int fatalIndex = -1;
    /**
     * The name of the parser thread the {@link #fatal} error happened in; in an {@link #END} entry, of the
     * thread that read the input.
     */
    String fatalThread;

    /** @param capacity the byte capacity of the batch */
    RecordBatch(int capacity) {
        this.capacity = capacity;
        this.data = NO_BYTES;
        this.output = new ByteArrayBuilder(0);
    }

    /** Empties the batch before the I/O thread fills it again, letting go of arrays a large record grew. */
    void clear() {
        kind = RECORDS;
        failure = null;
        count = 0;
        dataLength = 0;
        if (data.length > 2 * capacity) {
            data = NO_BYTES; // grown for a large record: made again at the usual size when needed
        }
    }

    /** Whether the records hold the batch's capacity, or the most records per batch. */
    boolean isFull(int maxRecords) {
        return dataLength >= capacity || count >= maxRecords;
    }

    /** Appends one record's raw bytes and its description. */
    void append(byte[] src, int offset, int length, long ordinal, long byteOffset, int defect, int declaredLength) {
        int at = room(length);
        System.arraycopy(src, offset, data, at, length);
        describe(at, length, ordinal, byteOffset, defect, declaredLength);
    }

    /**
     * Appends one record's raw bytes that stand for {@code spanLength} bytes of the input (the kept start of an
     * oversized run).
     */
    void append(byte[] src, int offset, int length, long ordinal, long byteOffset, int defect, int declaredLength,
                long spanLength) {
        append(src, offset, length, ordinal, byteOffset, defect, declaredLength);
        spans[count - 1] = spanLength;
    }

    /** Appends the record held in {@code slot}. */
    void append(RecordSlot slot) {
        int extra = slot.trailing;
        if (extra == 0) {
            append(slot.raw(), 0, slot.rawLength(), slot.ordinal(), slot.byteOffset(), slot.defects(),
                    slot.declaredLength(), slot.spanLength());
            return;
        }
        int length = slot.rawLength();
        int at = room(length + extra);
        System.arraycopy(slot.raw(), 0, data, at, length + extra);
        describe(at, length, slot.ordinal(), slot.byteOffset(), slot.defects(), slot.declaredLength());
        trailing[count - 1] = extra;
        spans[count - 1] = slot.spanLength();
        dataLength = at + length + extra;
    }

    /** Appends a record to be encoded (a {@link ParallelWriter}'s batch holds records, not bytes). */
    void append(MarcRecord record, long ordinal) {
        if (inputs == null) {
            inputs = new MarcRecord[starts.length];
        }
        ensureRecords(count + 1); // grows the inputs too
        inputs[count] = record;
        describe(dataLength, 0, ordinal, -1, 0, -1);
    }

    /** Makes room for {@code length} more bytes; returns where they go. */
    private int room(int length) {
        int at = dataLength;
        long need = (long) at + length;
        if (need > data.length) {
            if (need > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("batch of " + need + " bytes");
            }
            // room for the record that overflows a full batch, so that a batch of short records never grows
            long first = data.length == 0 ? (long) capacity + capacity / 2 : (long) data.length * 2;
            int size = (int) Math.max(need, Math.min(Integer.MAX_VALUE - 16L, first));
            data = Arrays.copyOf(data, size);
        }
        return at;
    }

    private void describe(int at, int length, long ordinal, long byteOffset, int defect, int declaredLength) {
        ensureRecords(count + 1);
        int i = count++;
        starts[i] = at;
        lengths[i] = length;
        ordinals[i] = ordinal;
        offsets[i] = byteOffset;
        defects[i] = defect;
        declared[i] = declaredLength;
        trailing[i] = 0;
        spans[i] = length;
        dataLength = at + length;
    }

    /** Records the time record {@code i} was scheduled (paced runs). */
    void stamp(int i, long scheduledNanos) {
        if (nanos == null || nanos.length < starts.length) {
            nanos = nanos == null ? new long[starts.length] : Arrays.copyOf(nanos, starts.length);
        }
        nanos[i] = scheduledNanos;
    }

    private void ensureRecords(int n) {
        if (n <= starts.length) {
            return;
        }
        int size = Math.max(n, starts.length * 2);
        starts = Arrays.copyOf(starts, size);
        lengths = Arrays.copyOf(lengths, size);
        defects = Arrays.copyOf(defects, size);
        declared = Arrays.copyOf(declared, size);
        trailing = Arrays.copyOf(trailing, size);
        ordinals = Arrays.copyOf(ordinals, size);
        offsets = Arrays.copyOf(offsets, size);
        spans = Arrays.copyOf(spans, size);
        if (nanos != null) {
            nanos = Arrays.copyOf(nanos, size);
        }
        if (inputs != null) {
            inputs = Arrays.copyOf(inputs, size);
        }
    }

    /** Copies record {@code i} into {@code slot}, for a parser that reads one record from a slot. */
    void load(int i, RecordSlot slot) {
        int extra = trailing[i];
        slot.copyRaw(data, starts[i], lengths[i] + extra);
        if (extra != 0) {
            slot.setRaw(lengths[i], ordinals[i], offsets[i], defects[i], declared[i]);
            slot.trailing = extra;
        } else {
            slot.describe(ordinals[i], offsets[i], defects[i], declared[i]);
        }
        slot.spanLength(spans[i]);
    }

    /** A copy of record {@code i}'s raw bytes. */
    byte[] copyOfRaw(int i) {
        return Arrays.copyOfRange(data, starts[i], starts[i] + lengths[i]);
    }

    /** Whether records carry times of their own (paced runs); else each starts at {@link #publishNanos}. */
    boolean isStamped() {
        return nanos != null;
    }

    /** The latency start of record {@code i}: its scheduled time in a paced run, else the publish time. */
    long startNanos(int i) {
        return nanos != null && i < nanos.length && nanos[i] != 0 ? nanos[i] : publishNanos;
    }

    /** Makes this the entry after the last batch. */
    void markEnd(Throwable failure, long position, long records) {
        this.kind = END;
        this.failure = failure;
        this.endPosition = position;
        this.recordCount = records;
        this.count = 0;
        this.dataLength = 0;
    }

    /**
     * Clears the parser's results and makes room for one outcome per record; the output buffer, emptied, is
     * let go when a large batch grew it beyond four times the capacity.
     *
     * @param keepRecords whether decoded records are kept in the batch (no encoder)
     */
    void clearResults(boolean keepRecords) {
        if (outcomes.length < count) {
            int size = Math.max(count, starts.length);
            outcomes = new byte[size];
            errors = new Throwable[size];
            stages = new RejectedRecord.Stage[size];
            repairs = new RepairedRecord[size];
        } else {
            Arrays.fill(outcomes, 0, count, PENDING);
            if (repaired > 0) {
                Arrays.fill(repairs, 0, count, null);
            }
        }
        if (keepRecords && (records == null || records.length < count)) {
            records = new MarcRecord[Math.max(count, starts.length)];
        }
        if (output.array().length > 4 * capacity) {
            output = new ByteArrayBuilder(capacity);
        }
        output.reset();
        written = 0;
        filtered = 0;
        rejected = 0;
        repaired = 0;
        fatal = null;
        fatalIndex = -1;
        fatalThread = null;
    }

    /**
     * Drops references to records and errors once they have been handed on, and lets go of arrays a large
     * record grew beyond twice the capacity (input) or four times (output): a batch waiting in the ring for its
     * next use holds no more than a batch of ordinary records.
     */
    void releaseRecords() {
        if (data.length > 2 * capacity) {
            data = NO_BYTES;
        }
        if (output.array().length > 4 * capacity) {
            output = new ByteArrayBuilder(0);
        }
        if (records != null) {
            Arrays.fill(records, 0, Math.min(count, records.length), null);
        }
        if (inputs != null) {
            Arrays.fill(inputs, 0, Math.min(count, inputs.length), null);
        }
        if (rejected > 0) {
            Arrays.fill(errors, 0, count, null);
        }
        if (repaired > 0) {
            Arrays.fill(repairs, 0, count, null);
        }
    }

    /** The reject report of record {@code i}, with a copy of its raw bytes. */
    RejectedRecord toRejected(int i) {
        Throwable e = errors[i];
        String reason = e instanceof MarcFormatException ? ((MarcFormatException) e).fault()
                : e.getMessage() != null ? e.getClass().getSimpleName() + ": " + e.getMessage() : e.toString();
        return new RejectedRecord(ordinals[i], offsets[i], copyOfRaw(i), stages[i], reason, e);
    }

    /** Record {@code i}'s rejection as the exception a reader throws. */
    MarcFormatException toException(int i) {
        Throwable e = errors[i];
        if (e instanceof MarcFormatException) {
            return (MarcFormatException) e;
        }
        return new MarcFormatException(ordinals[i], offsets[i], toRejected(i).reason(), copyOfRaw(i));
    }
}
