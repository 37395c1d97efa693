package org.marcring.engine.generate;

import java.util.Locale;

/**
 * How much output to make: a number of records, or a size in bytes. Output stops at the first record
 * boundary at which the amount is reached, so a size is met or exceeded by less than one record.
 *
 * <pre>{@code
 * Amount.records(10_000);
 * Amount.bytes(20L << 20);
 * Amount.parse("20MB");   // also "1g", "512k", "10000" (records)
 * }</pre>
 */
public final class Amount {
    private final boolean bytes;
    private final long value;

    private Amount(boolean bytes, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("an amount cannot be negative: " + value);
        }
        this.bytes = bytes;
        this.value = value;
    }

    /** Exactly {@code count} records. */
    public static Amount records(long count) {
        return new Amount(false, count);
    }

    /** Records until the output holds at least {@code size} bytes. */
    public static Amount bytes(long size) {
        return new Amount(true, size);
    }

    /**
     * Reads an amount: a plain number is a record count; a number followed by {@code k}, {@code m} or
     * {@code g} (optionally with {@code b}, any case; binary multiples) or by {@code b} alone is a size.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Amount parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("not an amount (a record count or a size such as 20MB): '" + text + "'");
        }
        long n;
        try {
            n = Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount too large: '" + text + "'", e);
        }
        String unit = s.substring(i).trim();
        switch (unit) {
            case "":
                return records(n);
            case "b":
                return bytes(n);
            case "k": case "kb": case "kib":
                return bytes(Math.multiplyExact(n, 1L << 10));
            case "m": case "mb": case "mib":
                return bytes(Math.multiplyExact(n, 1L << 20));
            case "g": case "gb": case "gib":
                return bytes(Math.multiplyExact(n, 1L << 30));
            default:
                throw new IllegalArgumentException("unknown unit '" + unit + "' in amount '" + text
                        + "' (use k, m, g or b, or no unit for a record count)");
        }
    }

    /** Whether this is a size in bytes (otherwise a record count). */
    public boolean isBytes() {
        return bytes;
    }

    /** The record count or the size in bytes. */
    public long value() {
        return value;
    }

    /** Whether output of {@code records} records and {@code written} bytes has reached this amount. */
    public boolean isReached(long records, long written) {
        return bytes ? written >= value : records >= value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amount && ((Amount) o).bytes == bytes && ((Amount) o).value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value) * 31 + (bytes ? 1 : 0);
    }

    /** {@code 1000 records} or {@code 20971520 bytes}. */
    @Override
    public String toString() {
        return value + (bytes ? " bytes" : " records");
    }
}
