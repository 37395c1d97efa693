package org.marcring.codec.iso2709;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds bytes fast: eight at a time through a {@code long} view of the array (SWAR), with the JDK's
 * own {@link VarHandle}, so no JVM flag and no {@code Unsafe} is needed.
 */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long DELIMITERS = RecordFramer.SD * ONES;

    private ByteScan() {
    }

    /** The eight bytes at {@code i} as a little-endian {@code long} (byte {@code i} lowest). */
    static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /** Index of the first {@code value} in {@code b[from, to)}, or -1. */
    static int indexOf(byte[] b, int from, int to, byte value) {
        int i = from;
        if (to - i >= 8) {
            long pattern = (value & 0xFFL) * ONES;
            for (; i + 8 <= to; i += 8) {
                long x = (long) LONGS.get(b, i) ^ pattern;
                long found = (x - ONES) & ~x & HIGHS;
                if (found != 0) {
                    return i + (Long.numberOfTrailingZeros(found) >>> 3);
                }
            }
        }
        for (; i < to; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Notes in {@code at}, from index {@code n}, the index of each subfield delimiter (0x1F) in
     * {@code b[from, to)}, eight bytes at a time; returns the new count. {@code at} must have room for a
     * delimiter per byte.
     */
    static int delimiters(byte[] b, int from, int to, int[] at, int n) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            n = delimiters((long) LONGS.get(b, i), i, at, n);
        }
        for (; i < to; i++) {
            if (b[i] == RecordFramer.SD) {
                at[n++] = i;
            }
        }
        return n;
    }

    /** Adds to {@code at} from {@code n} the index of each 0x1F among the eight bytes {@code word} read at {@code i}. */
    static int delimiters(long word, int i, int[] at, int n) {
        long x = word ^ DELIMITERS;
        long found = ~(((x & LOWS) + LOWS) | x) & HIGHS;   // exact: a high bit where the byte is 0x1F
        while (found != 0) {
            at[n++] = i + (Long.numberOfTrailingZeros(found) >>> 3);
            found &= found - 1;
        }
        return n;
    }

    /** Whether {@code b[from, to)} holds a NUL or a record terminator (0x1D), eight bytes at a time. */
    static boolean hasNulOrRecordTerminator(byte[] b, int from, int to) {
        long terminators = (RecordFramer.RT & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i);
            long y = x ^ terminators;
            if (((((x - ONES) & ~x) | ((y - ONES) & ~y)) & HIGHS) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (b[i] == 0 || b[i] == RecordFramer.RT) {
                return true;
            }
        }
        return false;
    }

    /** Number of bytes below 0x20 (C0 controls, the ISO 2709 delimiters among them) in {@code b[from, to)}. */
    static int countControls(byte[] b, int from, int to) {
        int n = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i);
            // a byte is below 0x20 where neither its high bit nor bits 5-6 are set; no carry crosses bytes
            long atLeast0x20 = ((x & 0x7F7F7F7F7F7F7F7FL) + 0x6060606060606060L) | x;
            n += Long.bitCount(~atLeast0x20 & HIGHS);
        }
        for (; i < to; i++) {
            if ((b[i] & 0xFF) < 0x20) {
                n++;
            }
        }
        return n;
    }

    /**
     * The two numbers of a directory entry from {@code q} (its 4-digit field length and 5-digit starting
     * position, nine digits) as {@code length << 32 | start}, or -1 where a byte is not a digit: the first eight
     * digits checked and converted together in one {@code long}.
     */
    static long lengthAndStart(byte[] b, int q) {
        long w = (long) LONGS.get(b, q);
        int last = b[q + 8] - '0';
        if ((w & 0xF0F0F0F0F0F0F0F0L) != 0x3030303030303030L                        // every byte 0x30-0x3F
                || ((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) != 0x3030303030303030L   // and at most '9'
                || last < 0 || last > 9) {
            return -1;
        }
        long d = w - 0x3030303030303030L;                  // eight digits, the first in the lowest byte
        d = (d * 10 + (d >>> 8)) & 0x00FF00FF00FF00FFL;    // two-digit numbers in bytes 0, 2, 4, 6
        d = (d * 100 + (d >>> 16)) & 0x0000FFFF0000FFFFL;  // four-digit numbers in the low 16 bits of each half
        long length = d & 0xFFFF;
        long start = ((d >>> 32) & 0xFFFF) * 10 + last;
        return length << 32 | start;
    }

    /** The 4-digit number at {@code p}, or -1 where a byte is not a digit. */
    static int digits4(byte[] b, int p) {
        int d0 = b[p] - '0';
        int d1 = b[p + 1] - '0';
        int d2 = b[p + 2] - '0';
        int d3 = b[p + 3] - '0';
        if ((d0 | d1 | d2 | d3) < 0 || d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9) {
            return -1;
        }
        return d0 * 1000 + d1 * 100 + d2 * 10 + d3;
    }

    /** The 5-digit number at {@code p}, or -1 where a byte is not a digit. */
    static int digits5(byte[] b, int p) {
        int d0 = b[p] - '0';
        int d1 = b[p + 1] - '0';
        int d2 = b[p + 2] - '0';
        int d3 = b[p + 3] - '0';
        int d4 = b[p + 4] - '0';
        if ((d0 | d1 | d2 | d3 | d4) < 0 || d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || d4 > 9) {
            return -1;
        }
        return d0 * 10000 + d1 * 1000 + d2 * 100 + d3 * 10 + d4;
    }
}
