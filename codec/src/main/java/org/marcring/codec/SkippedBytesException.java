package org.marcring.codec;

/**
 * Bytes between records that hold no record (garbage before, between or after records), which a reader
 * skipped. They are not a record: they take no record ordinal, are counted apart from records read and
 * rejected (as regions and bytes skipped), and the records after them are numbered as if they were not
 * there. They still reach the reject handler like a rejected record, with their bytes, so that nothing is
 * lost without a report.
 *
 * <p>{@link #ordinal()} is the number of records before the skipped bytes, which is the 0-based ordinal of
 * the record after them; the message names the record they follow, counting from 1 as every message does
 * ({@code 66 bytes skipped at byte 32317, after record 21: ...}).
 */
public class SkippedBytesException extends MarcFormatException {
    private static final long serialVersionUID = 1L;

    private final long length;

    /**
     * @param recordsBefore number of records of the input before the skipped bytes
     * @param byteOffset    offset of the first skipped byte in the input
     * @param length        number of input bytes skipped (may be more than the bytes kept in {@code rawBytes})
     * @param fault         why they hold no record
     * @param rawBytes      the skipped bytes as read (may be {@code null})
     */
    public SkippedBytesException(long recordsBefore, long byteOffset, long length, String fault, byte[] rawBytes) {
        super(describeSkipped(recordsBefore, byteOffset, length, fault), recordsBefore, byteOffset, fault, rawBytes);
        this.length = length;
    }

    /** Builds the message {@code 66 bytes skipped at byte 32317, after record 21: fault}. */
    public static String describeSkipped(long recordsBefore, long byteOffset, long length, String fault) {
        StringBuilder sb = new StringBuilder().append(length).append(length == 1 ? " byte" : " bytes").append(" skipped");
        if (byteOffset >= 0) {
            sb.append(" at byte ").append(byteOffset);
        }
        if (recordsBefore > 0) {
            sb.append(", after record ").append(recordsBefore);
        } else if (recordsBefore == 0) {
            sb.append(", before the first record");
        }
        return sb.append(": ").append(fault).toString();
    }

    /** Number of input bytes skipped. */
    public long length() {
        return length;
    }
}
