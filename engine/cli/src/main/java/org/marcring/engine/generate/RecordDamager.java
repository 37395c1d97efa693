package org.marcring.engine.generate;

import java.util.SplittableRandom;

import org.marcring.codec.iso2709.RecordFramer;

/**
 * Applies one {@link Damage} to the bytes of one well-formed ISO 2709 record, as the generator's
 * encoder wrote it (so the leader, directory and terminators can be trusted), or makes the garbage
 * written between records.
 */
final class RecordDamager {
    private static final byte[] NOT_DIGITS = {'x', 'O', '-', ' ', '#'};
    private static final byte[] INVALID_UTF8 = {(byte) 0xFF, (byte) 0xC3, (byte) 0x80};
    private static final byte[] GARBAGE_BYTES = buildGarbageAlphabet();

    private final boolean utf8;

    /** @param utf8 whether the records are in UTF-8 (otherwise MARC-8) */
    RecordDamager(boolean utf8) {
        this.utf8 = utf8;
    }

    /**
     * Damages the record in {@code b[off, off+len)} in place.
     *
     * @return the record's length afterwards ({@code len - 1} for a dropped record terminator)
     * @throws IllegalArgumentException for {@link Damage#GARBAGE}, which is not applied to a record
     */
    int apply(Damage damage, byte[] b, int off, int len, SplittableRandom random) {
        int base = digits(b, off + 12, 5);
        int entries = (base - 25) / 12;
        switch (damage) {
            case LYING_LENGTH: {
                int delta = 1 + random.nextInt(20);
                int lie = len + delta <= 99_999 && random.nextBoolean() ? len + delta : len - delta;
                writeDigits(b, off, 5, lie);
                return len;
            }
            case BAD_DIRECTORY_DIGITS: {
                int entry = off + 24 + 12 * random.nextInt(entries);
                b[entry + 3 + random.nextInt(9)] = NOT_DIGITS[random.nextInt(NOT_DIGITS.length)];
                return len;
            }
            case MISSING_FIELD_TERMINATOR: {
                int entry = off + 24 + 12 * random.nextInt(entries);
                int end = off + base + digits(b, entry + 7, 5) + digits(b, entry + 3, 4) - 1;
                if (b[end] != RecordFramer.FT) {
                    throw new IllegalStateException("not a field terminator at byte " + (end - off));
                }
                b[end] = '.';
                return len;
            }
            case MISSING_RECORD_TERMINATOR:
                if (b[off + len - 1] != RecordFramer.RT) {
                    throw new IllegalStateException("record does not end with a record terminator");
                }
                return len - 1;
            case INVALID_UTF8:
                breakText(b, off, base, entries, random);
                return len;
            default:
                throw new IllegalArgumentException(damage + " is not applied to a record");
        }
    }

    /** Replaces one ASCII letter of a subfield value (never a code or an indicator) by an invalid byte. */
    private void breakText(byte[] b, int off, int base, int entries, SplittableRandom random) {
        int chosen = -1;
        int seen = 0;
        for (int e = 0; e < entries; e++) {
            int entry = off + 24 + 12 * e;
            if (b[entry] == '0' && b[entry + 1] == '0') {
                continue;                                  // control field: no subfields
            }
            int start = off + base + digits(b, entry + 7, 5);
            int end = start + digits(b, entry + 3, 4) - 1;
            for (int p = start + 2; p < end; p++) {
                if (b[p] == RecordFramer.SD) {
                    p++;                                   // skip the subfield code
                } else if ((b[p] | 0x20) >= 'a' && (b[p] | 0x20) <= 'z' && random.nextInt(++seen) == 0) {
                    chosen = p;                            // reservoir sampling: each letter equally likely
                }
            }
        }
        if (chosen < 0) {
            throw new IllegalStateException("record has no letter in any subfield value");
        }
        b[chosen] = utf8 ? INVALID_UTF8[random.nextInt(INVALID_UTF8.length)] : (byte) 0xFF;
    }

    /**
     * 8 to 200 bytes that hold no record: the first a letter, none a digit or a record terminator, so that
     * a reader frames them as exactly one unit of garbage before the next record.
     */
    static byte[] garbage(SplittableRandom random) {
        byte[] g = new byte[8 + random.nextInt(193)];
        g[0] = (byte) ('A' + random.nextInt(26));
        for (int i = 1; i < g.length; i++) {
            g[i] = GARBAGE_BYTES[random.nextInt(GARBAGE_BYTES.length)];
        }
        return g;
    }

    private static byte[] buildGarbageAlphabet() {
        StringBuilder sb = new StringBuilder("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        sb.append(" .,;:!?/()<>[]=\"'\n\r");
        sb.append('\u001E').append('\u001F').append('\u0000');
        byte[] ascii = sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = new byte[ascii.length + 32];
        System.arraycopy(ascii, 0, all, 0, ascii.length);
        for (int i = 0; i < 32; i++) {
            all[ascii.length + i] = (byte) (0xC0 + i * 2);  // high bytes
        }
        return all;
    }

    private static int digits(byte[] b, int p, int n) {
        int v = 0;
        for (int i = p; i < p + n; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private static void writeDigits(byte[] b, int p, int n, int value) {
        for (int i = p + n - 1; i >= p; i--) {
            b[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }
}
