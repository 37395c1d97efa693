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
