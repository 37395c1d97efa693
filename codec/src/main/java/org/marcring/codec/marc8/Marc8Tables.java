package org.marcring.codec.marc8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The MARC-8 code tables of the Library of Congress, in memory: which Unicode character each code
 * of each MARC-8 graphic set stands for and whether it is a combining mark. Loaded once, on first
 * use, from the binary resource {@code marc8.bin} beside this class, which the development tool
 * {@code Marc8TableGenerator} (in the test sources) generates from LC's {@code codetables.xml}.
 *
 * <h2>Character sets</h2>
 * Each set is named by the final byte of the escape sequence that designates it:
 * {@link #BASIC_LATIN} (ASCII), {@link #EXTENDED_LATIN} (ANSEL), {@link #GREEK_SYMBOLS},
 * {@link #SUBSCRIPTS}, {@link #SUPERSCRIPTS}, {@link #BASIC_HEBREW}, {@link #BASIC_CYRILLIC},
 * {@link #EXTENDED_CYRILLIC}, {@link #BASIC_ARABIC}, {@link #EXTENDED_ARABIC}, {@link #BASIC_GREEK}
 * (one byte a character) and {@link #EACC} (East Asian, three bytes a character).
 *
 * <h2>The binary format of {@code marc8.bin} (all numbers big-endian)</h2>
 * <pre>
 * file    = magic "M8T1" (4 ASCII bytes), u8 setCount, set * setCount
 * set     = u8 finalByte, u8 bytesPerChar (1 or 3), u16 entryCount, entry * entryCount
 * entry   = code (bytesPerChar bytes, as in LC's table: 0x21..0x7E or 0x80..0xFE for one-byte sets),
 *           u8 flags (0x01 combining mark, 0x02 has a Unicode value, 0x04 has an alternative value),
 *           [u24 Unicode code point if 0x02], [u24 alternative code point if 0x04]
 * </pre>
 * Sets keep the order of the XML; entries are sorted by code. An entry with only an alternative
 * value (the second halves of the ligature and the double tilde, which LC maps to nothing because
 * the first half already stands for the whole double mark) keeps that alternative for lone halves.
 *
 * <h2>In memory</h2>
 * One {@code int[128]} per one-byte set, indexed by the code's low seven bits (a set's codes are
 * either all below or all above 0x80, so G0 and G1 use of a set share it), holding the code point
 * plus the {@link #COMBINING} and {@link #SECOND_HALF} flags (0 = no character); and two sorted
 * {@code int[]} for EACC's 15,739 codes and their code points, searched by binary search (plus
 * their alternatives, for the encoder). About 200 KB in memory, read once, on first use.
 */
public final class Marc8Tables {
    /** ASCII: the default G0 set. */
    public static final int BASIC_LATIN = 0x42;
    /** ANSEL: the default G1 set. */
    public static final int EXTENDED_LATIN = 0x45;
    /** Greek symbols (alpha, beta, gamma), designated with {@code ESC g}. */
    public static final int GREEK_SYMBOLS = 0x67;
    /** Subscript digits and signs, designated with {@code ESC b}. */
    public static final int SUBSCRIPTS = 0x62;
    /** Superscript digits and signs, designated with {@code ESC p}. */
    public static final int SUPERSCRIPTS = 0x70;
    /** Basic Hebrew. */
    public static final int BASIC_HEBREW = 0x32;
    /** Basic Cyrillic. */
    public static final int BASIC_CYRILLIC = 0x4E;
    /** Extended Cyrillic (a G1 set). */
    public static final int EXTENDED_CYRILLIC = 0x51;
    /** Basic Arabic. */
    public static final int BASIC_ARABIC = 0x33;
    /** Extended Arabic (a G1 set). */
    public static final int EXTENDED_ARABIC = 0x34;
    /** Basic Greek. */
    public static final int BASIC_GREEK = 0x53;
    /** East Asian Character Code: Chinese, Japanese, Korean, three bytes a character. */
    public static final int EACC = 0x31;

    /** Entry flag: the character is a combining mark (MARC-8 puts it before its base). */
    static final int COMBINING = 1 << 24;
    /**
     * Entry flag: second half of a double mark (ligature, double tilde); LC maps it to nothing as its
     * first half already stands for the whole mark; the code point held is the alternative for a lone half.
     */
    static final int SECOND_HALF = 1 << 25;
    /** Mask of the code point in an entry. */
    static final int CODE_POINT = 0x1FFFFF;

    static final String MAGIC = "M8T1";
    static final int F_COMBINING = 0x01;
    static final int F_UCS = 0x02;
    static final int F_ALT = 0x04;
    static final String RESOURCE = "marc8.bin";

    /** By final byte: the set's entries indexed by code &amp; 0x7F, or null. */
    private final int[][] single = new int[128][];
    /** By final byte: alternative code points (for the encoder), or null. */
    private final int[][] singleAlt = new int[128][];
    /** The set final bytes in the order of the tables. */
    private final byte[] order;
    private final int[] eaccCodes;
    private final int[] eaccValues;
    private final int[] eaccAlts;

    private Marc8Tables(InputStream in) throws IOException {
        byte[] b = in.readAllBytes();
        if (b.length < 5 || !MAGIC.equals(new String(b, 0, 4, StandardCharsets.US_ASCII))) {
            throw new IOException("not a MARC-8 table resource");
        }
        int p = 4;
        int sets = b[p++] & 0xFF;
        order = new byte[sets];
        int[] codes = new int[0];
        int[] values = new int[0];
        int[] alts = new int[0];
        try {
            for (int s = 0; s < sets; s++) {
                int finalByte = b[p++] & 0xFF;
                int width = b[p++] & 0xFF;
                int count = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
                p += 2;
                order[s] = (byte) finalByte;
                if (width == 3) {
                    codes = new int[count];
                    values = new int[count];
                    alts = new int[count];
                    for (int i = 0; i < count; i++) {
                        codes[i] = ((b[p] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
                        int flags = b[p + 3];
                        p += 4;
                        values[i] = -1;
                        alts[i] = -1;
                        if ((flags & F_UCS) != 0) {
                            values[i] = ((b[p] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
                            p += 3;
                        }
                        if ((flags & F_ALT) != 0) {
                            alts[i] = ((b[p] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
                            p += 3;
                        }
                    }
                } else if (width == 1) {
                    int[] table = new int[128];
                    int[] alt = new int[128];
                    for (int i = 0; i < count; i++) {
                        int code = b[p] & 0x7F;
                        int flags = b[p + 1];
                        p += 2;
                        int ucs = -1;
                        int a = -1;
                        if ((flags & F_UCS) != 0) {
                            ucs = ((b[p] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
                            p += 3;
                        }
                        if ((flags & F_ALT) != 0) {
                            a = ((b[p] & 0xFF) << 16) | ((b[p + 1] & 0xFF) << 8) | (b[p + 2] & 0xFF);
                            p += 3;
                        }
                        int entry = (flags & F_COMBINING) != 0 ? COMBINING : 0;
                        if (ucs >= 0) {
                            entry |= ucs;
                        } else if (a >= 0) {
                            entry |= SECOND_HALF | a;
                        } else {
                            continue;
                        }
                        table[code] = entry;
                        alt[code] = Math.max(a, 0);
                    }
                    single[finalByte & 0x7F] = table;
                    singleAlt[finalByte & 0x7F] = alt;
                } else {
                    throw new IOException("bad character width " + width + " for set " + Integer.toHexString(finalByte));
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new IOException("MARC-8 table resource cut short", e);
        }
        eaccCodes = codes;
        eaccValues = values;
        eaccAlts = alts;
    }

    /** The tables, loaded on first use. */
    public static Marc8Tables get() {
        return Holder.TABLES;
    }

    private static final class Holder {
        static final Marc8Tables TABLES = load();

        private static Marc8Tables load() {
            try (InputStream in = Marc8Tables.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("MARC-8 tables missing from the class path: " + RESOURCE);
                }
                return new Marc8Tables(in);
            } catch (IOException e) {
                throw new UncheckedIOException("MARC-8 tables unreadable: " + RESOURCE, e);
            }
        }
    }

    /** Reads tables in the binary format (for the generator's check and for tests). */
    static Marc8Tables read(InputStream in) throws IOException {
        return new Marc8Tables(in);
    }

    /** Whether {@code finalByte} names a one-byte set of these tables. */
    public boolean isSingleByteSet(int finalByte) {
        return finalByte >= 0 && finalByte < 128 && single[finalByte] != null;
    }

    /**
     * The entry table of a one-byte set (index: code &amp; 0x7F; value: code point with flags,
     * 0 for none), or null where there is no such set. Not to be modified.
     */
    int[] singleByteSet(int finalByte) {
        return finalByte >= 0 && finalByte < 128 ? single[finalByte] : null;
    }

    /** Alternative code points of a one-byte set (0 for none). Not to be modified. */
    int[] singleByteAlternatives(int finalByte) {
        return singleAlt[finalByte];
    }

    /** The final bytes of all sets, in table order. */
    byte[] setOrder() {
        return order.clone();
    }

    /**
     * The Unicode code point of a one-byte set's code, or -1 where it has none.
     *
     * @param finalByte the set
     * @param code      the byte (its high bit is ignored)
     */
    public int codePoint(int finalByte, int code) {
        int[] table = singleByteSet(finalByte);
        if (table == null) {
            return -1;
        }
        int e = table[code & 0x7F];
        return e == 0 || (e & SECOND_HALF) != 0 ? -1 : e & CODE_POINT;
    }

    /** Whether a one-byte set's code is a combining mark. */
    public boolean isCombining(int finalByte, int code) {
        int[] table = singleByteSet(finalByte);
        return table != null && (table[code & 0x7F] & COMBINING) != 0;
    }

    /** The code point of an EACC code (three bytes, {@code b1 << 16 | b2 << 8 | b3}), or -1. */
    public int eacc(int code) {
        int i = Arrays.binarySearch(eaccCodes, code);
        return i < 0 ? -1 : eaccValues[i];
    }

    /** Number of EACC codes. */
    int eaccSize() {
        return eaccCodes.length;
    }

    /** The i-th EACC code in ascending order. */
    int eaccCode(int i) {
        return eaccCodes[i];
    }

    /** The code point of the i-th EACC code. */
    int eaccValue(int i) {
        return eaccValues[i];
    }

    /** The alternative code point of the i-th EACC code, or -1. */
    int eaccAlt(int i) {
        return eaccAlts[i];
    }
}
