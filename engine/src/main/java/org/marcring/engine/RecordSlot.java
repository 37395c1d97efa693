package org.marcring.engine;

import java.util.Arrays;

import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;

/**
 * One entry of the engine's ring buffer: the raw bytes of one input record as the I/O thread framed
 * them, and what a parser thread made of them (the decoded record, its encoded output, or the reason it
 * was rejected).
 *
 * <p>Slots are allocated once, when the ring is built, and reused for every record that passes through
 * them: the raw byte array grows only when a record is larger than any this slot held before, and the
 * output buffer likewise. A {@link RecordSource} fills a slot through {@link #rawBuffer(int)} and
 * {@link #setRaw}; everything else is the engine's business.
 *
 * <p>Each field is written by one stage and read by the next one after the ring's sequence barrier, which
 * gives the happens-before edge; no field is shared between two writers.
 */
public final class RecordSlot {
    /** A slot holding one record's bytes. */
    static final int RECORD = 0;
    /** The slot after the last record: the input is exhausted (or failed, see {@link #failure}). */
    static final int END = 1;
    /** Not a record: the writer drains and flushes its output when it reaches this slot. */
    static final int FLUSH = 2;

    /** What the parser did with the slot. */
    static final int PENDING = 0;
    static final int WRITTEN = 1;
    static final int FILTERED = 2;
    static final int REJECTED = 3;
    /** An {@link Error} escaped the parser: the writer stops the pipeline with it. */
    static final int FATAL = 4;

    /**
     * The size of the buffers a slot keeps: each buffer is made this size when the slot is first used (most
     * records and their encoded output fit), and a larger one, made for a large record, is let go once used.
     * So the ring's memory is slots x 2 x KEEP once every slot has been used (the default 256-slot ring: 4 MiB) and
     * stays so however long the input, rather than creeping up to slots x the largest record each slot saw.
     */
    static final int KEEP = 8 << 10;
    private static final byte[] NONE = new byte[0];

    // ---- written by the I/O thread
    int kind;
    private byte[] raw = NONE;
    private int rawLength;
    private long ordinal;
    private long byteOffset;
    private int defects;
    private int declaredLength;
    long publishNanos;
    /** In an {@link #END} slot: the error that ended the input early, or {@code null}. */
    Throwable failure;
    /** In an {@link #END} slot: the number of input bytes consumed. */
    long endPosition;
    /** In an {@link #END} slot: the number of records published before it. */
    long recordCount;
    /** For a {@link ParallelWriter}: the record handed over to be encoded. */
    MarcRecord input;

    // ---- written by the parser thread that owns the slot
    int outcome;
    ByteArrayBuilder output = new ByteArrayBuilder(0);
    MarcRecord record;
    Throwable error;
    RejectedRecord.Stage stage;
    /** A written record's repairs, or {@code null} where it needed none. */
    RepairedRecord repaired;

    RecordSlot() {
    }

    /**
     * An array of at least {@code capacity} bytes for the record's raw bytes, to be filled from index 0;
     * the slot's own array, replaced by a larger one only when needed.
     */
    public byte[] rawBuffer(int capacity) {
        if (raw.length < capacity) {
            raw = new byte[Math.max(capacity, KEEP)];
        } else if (raw.length > KEEP && capacity <= KEEP) {
            raw = new byte[KEEP]; // do not keep a large record's memory in this slot
        }
        return raw;
    }

    /** The output buffer, empty, made {@link #KEEP} bytes large on first use: for the parser's encoder. */
    ByteArrayBuilder outputBuffer() {
        if (output.array().length < KEEP) {
            output = new ByteArrayBuilder(KEEP);
        }
        return output;
    }

    /** Copies {@code length} bytes into the slot's raw buffer (growing it if needed). */
    public void copyRaw(byte[] src, int offset, int length) {
        System.arraycopy(src, offset, rawBuffer(length), 0, length);
        this.rawLength = length;
    }

    /**
     * Describes the record now in {@link #rawBuffer(int)}.
     *
     * @param length         number of bytes of the record, from index 0
     * @param ordinal        0-based index of the record in its input
     * @param byteOffset     offset of its first byte in the input
     * @param defects        framing defects (format specific, e.g. {@link org.marcring.codec.iso2709.RawRecord}'s
     *                       flags), 0 when clean
     * @param declaredLength the length the record declared, or -1
     */
    public void setRaw(int length, long ordinal, long byteOffset, int defects, int declaredLength) {
        if (length < 0 || length > raw.length) {
            throw new IllegalArgumentException("length " + length + " outside the slot's buffer of " + raw.length);
        }
        this.rawLength = length;
        this.ordinal = ordinal;
        this.byteOffset = byteOffset;
        this.defects = defects;
        this.declaredLength = declaredLength;
    }

    /** Sets the description of bytes already copied by {@link #copyRaw}. */
    public void describe(long ordinal, long byteOffset, int defects, int declaredLength) {
        this.ordinal = ordinal;
        this.byteOffset = byteOffset;
        this.defects = defects;
        this.declaredLength = declaredLength;
    }

    /** The array holding the raw record, from index 0; valid while the slot holds this record. */
    public byte[] raw() {
        return raw;
    }

    /** Number of raw bytes. */
    public int rawLength() {
        return rawLength;
    }

    /** 0-based index of the record in its input. */
    public long ordinal() {
        return ordinal;
    }

    /** Offset of the record's first byte in the input. */
    public long byteOffset() {
        return byteOffset;
    }

    /** Framing defects found by the source, 0 when clean. */
    public int defects() {
        return defects;
    }

    /** The record length the record declared, or -1. */
    public int declaredLength() {
        return declaredLength;
    }

    /** A copy of the raw bytes. */
    byte[] copyOfRaw() {
        return Arrays.copyOf(raw, rawLength);
    }

    /** Makes this the slot after the last record. */
    void markEnd(Throwable failure, long position, long records) {
        this.kind = END;
        this.failure = failure;
        this.endPosition = position;
        this.recordCount = records;
        this.rawLength = 0;
        this.input = null;
    }

    /** Clears what a previous pass left, before the source fills the slot again. */
    void clearForRecord() {
        kind = RECORD;
        failure = null;
    }

    /** Clears the parser's results. */
    void clearResult() {
        outcome = PENDING;
        if (output.array().length > KEEP) {
            output = new ByteArrayBuilder(KEEP); // do not keep a large record's output memory in this slot
        }
        output.reset();
        record = null;
        error = null;
        stage = null;
        repaired = null;
    }
}
