package org.marcring.codec;

/**
 * Input that is not a well-formed record, thrown by strict readers (and by permissive ones for what
 * cannot be repaired). It names the record's ordinal (0-based position in the input), the byte
 * offset of the record in the input, and, where there is one, the position of the fault.
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
        super(describe(ordinal, byteOffset, fault));
        this.ordinal = ordinal;
        this.byteOffset = byteOffset;
        this.fault = fault;
        this.rawBytes = rawBytes;
    }

    /** Builds the message {@code record 12 at byte 34567: fault}. */
    public static String describe(long ordinal, long byteOffset, String fault) {
        StringBuilder sb = new StringBuilder("record ");
        sb.append(ordinal < 0 ? "?" : Long.toString(ordinal));
        if (byteOffset >= 0) {
            sb.append(" at byte ").append(byteOffset);
        }
        return sb.append(": ").append(fault).toString();
    }

    /** 0-based index of the record in its input, or -1. */
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
