package org.marcring.engine;

import java.util.Arrays;


/**
 * One record's raw bytes as a {@link RecordSource} frames it, with its ordinal, byte offset and framing
 * defects: the I/O thread lets the source fill one slot and appends the record to the ring's current
 * {@link RecordBatch}; a parser thread loads each record of a batch into a slot of its own for a
 * {@link RecordParser} that reads one record.
 *
 * <p>A slot is reused for record after record: its byte array grows only when a record is larger than any
 * it held before, and is let go again after a large record. A source fills it through
 * {@link #rawBuffer(int)} and {@link #setRaw}, or {@link #copyRaw} and {@link #describe}.
 */
public final class RecordSlot {
    /**
     * The size of the array a slot keeps: it is made this size on first use (most records fit), and a larger
     * one, made for a large record, is let go once used.
     */
    static final int KEEP = 8 << 10;
    private static final byte[] NONE = new byte[0];

    private byte[] raw = NONE;
    private int rawLength;
    private long ordinal;
    private long byteOffset;
    private int defects;
    private int declaredLength;
    /**
     * Bytes stored in the raw buffer after the record's {@link #rawLength()} bytes that travel with it when the
     * record is handed on (a MARCXML record's inherited namespace declarations); 0 for most sources. Set after
     * {@link #setRaw}, which clears it.
     */
    int trailing;
    private long spanLength;

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
        this.trailing = 0;
        this.spanLength = length;
    }

    /** Sets the description of bytes already copied by {@link #copyRaw}. */
    public void describe(long ordinal, long byteOffset, int defects, int declaredLength) {
        this.ordinal = ordinal;
        this.byteOffset = byteOffset;
        this.defects = defects;
        this.declaredLength = declaredLength;
        this.spanLength = rawLength;
    }

    /**
     * Says that the raw bytes stand for {@code spanLength} bytes of the input: the kept start of an oversized
     * run (call after {@link #describe}).
     */
    void spanLength(long spanLength) {
        this.spanLength = spanLength;
    }

    /** Number of input bytes the record stands for: its raw length, except for an oversized run kept in part. */
    public long spanLength() {
        return spanLength;
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
}
