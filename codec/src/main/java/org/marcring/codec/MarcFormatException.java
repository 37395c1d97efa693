package org.marcring.codec;

/**
 * Input that is not a well-formed record, thrown by strict readers (and by permissive ones for what
 * cannot be repaired). It names the record's ordinal, the byte offset of the record in the input, and,
 * where there is one, the position of the fault.
 *
 * <p><b>Record numbering, one rule everywhere.</b> {@link #ordinal()} (like every {@code ordinal()} of the
 * library and the engine) is 0-based, as Java indexes are: the first record of an input has ordinal 0.
 * Messages meant for people count from 1: {@link #describe} says {@code record 23 at byte 4096} for
 * ordinal 22, i.e. the 23rd record of the input; the command line prints that same number. Bytes between
 * records that hold no record are not records: they take no ordinal, come as a
 * {@link SkippedBytesException}, and the records after them keep the ordinals they would have without them.
 */
public class MarcFormatException extends MarcException {
    private static final long serialVersionUID = 1L;

    private final long ordinal;
    private final long byteOffset;
    private final String fault;
    private final transient byte[] rawBytes;

    /**
     * @param ordinal    0-based index of the record in its input, or -1 where unknown
     * @param byteOffset offset of the record's first byte in its input, or -1 where unknown
     * @param fault      what is wrong, with the position inside the record where there is one
     * @param rawBytes   the bytes of the record as read (may be {@code null})
     */
    public MarcFormatException(long ordinal, long byteOffset, String fault, byte[] rawBytes) {
        this(describe(ordinal, byteOffset, fault), ordinal, byteOffset, fault, rawBytes);
    }

    /** For subclasses whose message says something else than {@link #describe}. */
    protected MarcFormatException(String message, long ordinal, long byteOffset, String fault, byte[] rawBytes) {
        super(message);
        this.ordinal = ordinal;
        this.byteOffset = byteOffset;
        this.fault = fault;
        this.rawBytes = rawBytes;
    }

    /**
     * Builds the message {@code record 12 at byte 34567: fault} for the record of 0-based {@code ordinal} 11: the
     * record number in a message counts from 1 ({@link #recordNumber(long)}).
     */
    public static String describe(long ordinal, long byteOffset, String fault) {
        StringBuilder sb = new StringBuilder("record ");
        sb.append(ordinal < 0 ? "?" : Long.toString(recordNumber(ordinal)));
        if (byteOffset >= 0) {
            sb.append(" at byte ").append(byteOffset);
        }
        return sb.append(": ").append(fault).toString();
    }

    /**
     * The number a message gives the record of 0-based {@code ordinal}: {@code ordinal + 1}, as people count
     * (record 1 is the first of the input); -1 for an unknown ordinal (-1).
     */
    public static long recordNumber(long ordinal) {
        return ordinal < 0 ? -1 : ordinal + 1;
    }

    /** 0-based index of the record in its input (a message names it {@code ordinal() + 1}), or -1. */
    public long ordinal() {
        return ordinal;
    }

    /** Offset of the record's first byte in its input, or -1. */
    public long byteOffset() {
        return byteOffset;
    }

    /** What was wrong, without the record and offset. */
    public String fault() {
        return fault;
    }

    /** The raw bytes of the record as read, or {@code null} where they were not kept. */
    public byte[] rawBytes() {
        return rawBytes == null ? null : rawBytes.clone();
    }
}
