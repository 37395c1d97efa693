package org.marcring.codec.iso2709;

import java.util.Arrays;

/**
 * One framed ISO 2709 record as bytes: a reusable view into a {@link RecordFramer}'s buffer, with the
 * record's ordinal, its offset in the input and what the framer found wrong with its framing.
 *
 * <p>The view is valid until the framer's next call; {@link #copy()} keeps the bytes. Nothing is
 * allocated per record: one {@code RawRecord} is filled again and again.
 */
public final class RawRecord {
    /** The length in the leader did not point at a record terminator; the record was found by its 0x1D. */
    public static final int LENGTH_MISMATCH = 1;
    /** Leader positions 00-04 are not digits; the record was found by its 0x1D. */
    public static final int LENGTH_NOT_NUMERIC = 1 << 1;
    /**
     * The record was cut short before its terminator, by the end of the input or by a whole record starting
     * inside it: these are the bytes that were there.
     */
    public static final int TRUNCATED = 1 << 2;
    /**
     * Bytes between records that are not a record (no leader found in them). Such a piece takes no ordinal: its
     * {@link #ordinal()} is that of the record after it (the number of records before it).
     */
    public static final int GARBAGE = 1 << 3;
    /**
     * No terminator within the size limit: these bytes are the start of an oversized run, which the framer
     * skipped to its end in bounded memory; {@link #spanLength()} says how long the whole run was.
     */
    public static final int OVERSIZED = 1 << 4;

    byte[] buffer;
    int offset;
    int length;
    long ordinal;
    long byteOffset;
    int defects;
    int declaredLength;
    long spanLength;

    /** An empty view, to be filled by {@link RecordFramer#next(RawRecord)}. */
    public RawRecord() {
    }

    /** A view of {@code length} bytes of {@code buffer} from {@code offset}, with no defects. */
    public RawRecord(byte[] buffer, int offset, int length, long ordinal, long byteOffset) {
        set(buffer, offset, length, ordinal, byteOffset, 0, -1);
    }

    /** Points this view at other bytes. */
    public void set(byte[] buffer, int offset, int length, long ordinal, long byteOffset, int defects,
                    int declaredLength) {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.ordinal = ordinal;
        this.byteOffset = byteOffset;
        this.defects = defects;
        this.declaredLength = declaredLength;
        this.spanLength = length;
    }

    /**
     * Points this view at other bytes that stand for {@code spanLength} bytes of the input: the kept start of an
     * {@link #OVERSIZED} run.
     */
    public void set(byte[] buffer, int offset, int length, long ordinal, long byteOffset, int defects,
                    int declaredLength, long spanLength) {
        set(buffer, offset, length, ordinal, byteOffset, defects, declaredLength);
        if (spanLength < length) {
            throw new IllegalArgumentException("span " + spanLength + " shorter than the " + length + " bytes kept");
        }
        this.spanLength = spanLength;
    }

    /** The array holding the record; its bytes are {@code [offset(), offset() + length())}. */
    public byte[] buffer() {
        return buffer;
    }

    /**
     * Number of input bytes the record covers: its {@link #length()}, except for an {@link #OVERSIZED} run, of
     * which only the first bytes are kept.
     */
    public long spanLength() {
        return spanLength;
    }

    /** Index of the record's first byte in {@link #buffer()}. */
    public int offset() {
        return offset;
    }

    /** Number of bytes of the record, terminator included. */
    public int length() {
        return length;
    }

    /**
     * 0-based index of this record in the input (messages name it {@code ordinal() + 1}); garbage runs are not
     * records and take no index: a {@link #GARBAGE} piece carries the index of the record after it.
     */
    public long ordinal() {
        return ordinal;
    }

    /** Offset of the record's first byte in the input. */
    public long byteOffset() {
        return byteOffset;
    }

    /** The framing defects found, a combination of the flags of this class; 0 for a clean record. */
    public int defects() {
        return defects;
    }

    /** Whether the framer found nothing wrong. */
    public boolean isClean() {
        return defects == 0;
    }

    /** Whether any of {@code flags} is set. */
    public boolean has(int flags) {
        return (defects & flags) != 0;
    }

    /** The record length the leader declared, or -1 where it was not a number. */
    public int declaredLength() {
        return declaredLength;
    }

    /** A copy of the record's bytes. */
    public byte[] copy() {
        return Arrays.copyOfRange(buffer, offset, offset + length);
    }

    /** The defects in words, e.g. {@code "leader length 1234 but terminator at byte 1200"}; empty when clean. */
    public String describeDefects() {
        if (defects == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (has(GARBAGE)) {
            if (spanLength > length) {
                sb.append(spanLength).append(" bytes of padding (NUL or 0x1A among them) and no record")
                        .append(" (the first ").append(length).append(" kept)");
            } else {
                sb.append(length).append(" bytes between records that hold no record");
            }
        }
        if (has(LENGTH_NOT_NUMERIC)) {
            append(sb, "leader record length is not a number; record found by its terminator");
        }
        if (has(LENGTH_MISMATCH)) {
            append(sb, "leader record length " + declaredLength + " but the record terminator is at byte "
                    + (length - 1) + " (length " + length + ")");
        }
        if (has(TRUNCATED)) {
            append(sb, "record cut short after " + length + " bytes, before the record terminator"
                    + (declaredLength > 0 ? " (leader record length " + declaredLength + ")" : ""));
        }
        if (has(OVERSIZED)) {
            append(sb, "no record terminator within the record size limit: a run of " + spanLength
                    + " bytes from input byte " + byteOffset + " to " + (byteOffset + spanLength)
                    + " was skipped (its first " + length + " bytes kept)");
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) {
            sb.append("; ");
        }
        sb.append(s);
    }

    @Override
    public String toString() {
        return "RawRecord[" + (has(GARBAGE) ? "garbage before #" : "#") + ordinal + " @" + byteOffset + ", " + length + " bytes"
                + (defects == 0 ? "" : ", " + describeDefects()) + "]";
    }
}
