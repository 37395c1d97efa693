package org.marcring.codec.iso2709;

/**
 * The one rule for where an ISO 2709 record verifiably starts, used wherever a reader has to find a record
 * without having framed the bytes before it: the framer resynchronising after garbage or a record cut short,
 * a framer opened at an arbitrary byte offset, and a reader of one byte range of a file split across tasks.
 *
 * <p>A start that only looks like a leader is not enough: inside a record's directory, 12-byte entries of
 * digits readily pass for a leader whose length happens to end on a later record's terminator. A verified
 * start needs, besides the leader,
 * <ul>
 *   <li>a boundary before it: the start of the input, or a record terminator 0x1D followed by nothing but
 *       filler (NUL, 0x1A, blanks, tabs, line ends) - checked by the caller with {@link #isFiller(byte)}, as
 *       only the caller knows what lies before its buffer;</li>
 *   <li>a declared length of 5 digits, at least {@value RecordFramer#MIN_RECORD}, ending on 0x1D;</li>
 *   <li>numeric indicator and subfield-code counts (leader/10-11) and a 5-digit base address of data
 *       consistent with the directory: {@code 24 + 12 * entries + 1}, with 0x1E at base - 1;</li>
 *   <li>directory entries of a 3-character tag (printable ASCII), a 4-digit field length of at least 1 and a
 *       5-digit starting position, each field lying inside the data area and ending on 0x1E.</li>
 * </ul>
 */
public final class RecordStart {
    /** Leader length. */
    static final int LEADER = 24;
    /** Length of one directory entry. */
    static final int ENTRY = 12;

    private RecordStart() {
    }

    /** Whether {@code b} is filler that may stand between records: NUL, 0x1A, CR, LF, tab or blank. */
    public static boolean isFiller(byte b) {
        return b == 0x00 || b == 0x1A || b == '\n' || b == '\r' || b == ' ' || b == '\t';
    }

    /** The 5-digit record length of a leader at {@code p}, or -1 if it is not 5 digits (5 bytes must be there). */
    public static int declaredLength(byte[] b, int p) {
        return digits(b, p, 5);
    }

    /**
     * Whether the {@code length} bytes from {@code p} (all of which must be in {@code b}) are a record whose
     * leader and directory check out as the class describes: {@code length} is the leader's declared length,
     * the last byte is 0x1D, and every directory entry points at a field inside the data area ending on 0x1E.
     * The boundary before {@code p} is the caller's to check.
     */
    public static boolean isConsistentRecord(byte[] b, int p, int length) {
        if (length < RecordFramer.MIN_RECORD || declaredLength(b, p) != length || b[p + length - 1] != RecordFramer.RT
                || !isDigit(b[p + 10]) || !isDigit(b[p + 11])) {
            return false;
        }
        int base = digits(b, p + 12, 5);
        if (base < LEADER + 1 || base > length - 1 || (base - 1 - LEADER) % ENTRY != 0
                || b[p + base - 1] != RecordFramer.FT) {
            return false;
        }
        int dataLength = length - 1 - base;    // the data area, without the record terminator
        for (int e = p + LEADER; e < p + base - 1; e += ENTRY) {
            if (!isTagByte(b[e]) || !isTagByte(b[e + 1]) || !isTagByte(b[e + 2])) {
                return false;
            }
            int fieldLength = digits(b, e + 3, 4);
            int fieldStart = digits(b, e + 7, 5);
            if (fieldLength < 1 || fieldStart < 0 || fieldStart + fieldLength > dataLength
                    || b[p + base + fieldStart + fieldLength - 1] != RecordFramer.FT) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTagByte(byte c) {
        return c >= 0x20 && c < 0x7F;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(byte[] b, int p, int n) {
        int v = 0;
        for (int i = p; i < p + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
