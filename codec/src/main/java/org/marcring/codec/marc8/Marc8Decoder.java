package org.marcring.codec.marc8;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.marcring.codec.MarcError;
import org.marcring.codec.text.ProblemSink;
import org.marcring.codec.text.TextDecoder;

/**
 * MARC-8 to Unicode, for one control field or subfield value at a time, with all the graphic sets of
 * the Library of Congress MARC-8 tables ({@link Marc8Tables}).
 *
 * <ul>
 * <li>Every value starts in the default state, G0 = ASCII and G1 = ANSEL. Escape sequences designate
 *     other sets: {@code ESC ( F}, {@code ESC , F} (G0), {@code ESC ) F}, {@code ESC - F} (G1),
 *     {@code ESC $ F}, {@code ESC $ , F}, {@code ESC $ ) F}, {@code ESC $ - F} (multi-byte, EACC),
 *     {@code ESC ( ! E} / {@code ESC ) ! E} for ANSEL, and {@code ESC g}, {@code ESC b},
 *     {@code ESC p}, {@code ESC s} (Greek symbols, subscripts, superscripts, back to ASCII).</li>
 * <li>Combining marks come before their base character in MARC-8 and after it in Unicode: they are
 *     moved behind the base, several marks keeping their order. Marks with no base at the end of
 *     the value stay where they are (reported as {@link MarcError.Severity#INFO}).</li>
 * <li>The ligature and double tilde halves ({@code EB}/{@code EC}, {@code FA}/{@code FB}) become
 *     U+0361 / U+0360 after the first base, as LC converts them; a second half with no first half
 *     becomes its alternative (U+FE21 / U+FE23).</li>
 * <li>Numeric character references {@code &#xXXXX;}, which lossless conversions to MARC-8 leave for
 *     characters MARC-8 lacks, become their characters.</li>
 * <li>0x20 is a space in every set (also between EACC characters); C0 controls pass through;
 *     0x88, 0x89, 0x8D, 0x8E are NSB, NSE, ZWJ and ZWNJ.</li>
 * <li>Greek text whose escape back to ASCII is missing (a byte 0x21-0x3F that Basic Greek lacks, or
 *     two digits) switches to ASCII there, with a warning.</li>
 * <li>Bytes that stand for nothing (unknown codes, broken escape sequences, cut EACC characters)
 *     become U+FFFD and are reported as {@link MarcError.Severity#ERROR} with their index.</li>
 * </ul>
 *
 * <p>A value of plain ASCII (no ESC, no byte above 0x7F, no {@code &#}) is decoded as fast as
 * Latin-1. Instances hold no mutable state and are shared freely.
 */
public final class Marc8Decoder implements TextDecoder {
    /** Decodes as LC converts: combining marks stay separate characters (decomposed). */
    public static final Marc8Decoder DECOMPOSED = new Marc8Decoder(false);
    /** Decodes and composes the result to Unicode NFC. */
    public static final Marc8Decoder NFC = new Marc8Decoder(true);

    static final int ESC = 0x1B;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long ESCS = 0x1B1B1B1B1B1B1B1BL;
    private static final long AMPERSANDS = 0x2626262626262626L;
    private static final int NO_HALF = 0;
    private static final int FIRST_HALF = 1;
    private static final int OPEN = 2;
    /** Alternative of the ligature's second half, EC. */
    private static final int LIGATURE_SECOND_HALF = 0xFE21;
    /** Alternative of the double tilde's second half, FB. */
    private static final int DOUBLE_TILDE_SECOND_HALF = 0xFE23;

    private final boolean nfc;

    private Marc8Decoder(boolean nfc) {
        this.nfc = nfc;
    }

    /** The decoder composing to NFC or not. */
    public static Marc8Decoder of(boolean nfc) {
        return nfc ? NFC : DECOMPOSED;
    }

    /** Whether this decoder composes its results to NFC. */
    public boolean composesNfc() {
        return nfc;
    }

    @Override
    public boolean convertsToUnicode() {
        return true;
    }

    @Override
    public String decode(byte[] src, int offset, int length, ProblemSink problems) {
        int end = offset + length;
        int i = offset;
        // fast path: plain ASCII (the bulk of MARC-8 data) needs no table at all; eight bytes at a time,
        // a word with no high bit, no ESC and no '&' is skipped whole
        scan:
        while (i < end) {
            if (i + 8 <= end) {
                long x = (long) LONGS.get(src, i);
                long esc = x ^ ESCS;
                long amp = x ^ AMPERSANDS;
                if (((x | ((esc - ONES) & ~esc) | ((amp - ONES) & ~amp)) & HIGHS) == 0) {
                    i += 8;
                    continue;
                }
            }
            for (int stop = Math.min(i + 8, end); i < stop; i++) {
                byte b = src[i];
                if (b < 0 || b == ESC || (b == '&' && i + 1 < end && src[i + 1] == '#')) {
                    break scan;
                }
            }
        }
        if (i == end) {
            return new String(src, offset, length, StandardCharsets.ISO_8859_1);
        }
        String s = new Run(src, offset, i, end, problems == null ? ProblemSink.IGNORE : problems).decode(i);
        return nfc ? Normalizer.normalize(s, Normalizer.Form.NFC) : s;
    }

    @Override
    public String toString() {
        return nfc ? "MARC-8 (NFC)" : "MARC-8";
    }

    /** The state of one decode call. */
    private static final class Run {
        private final Marc8Tables tables = Marc8Tables.get();
        private final byte[] src;
        private final int end;
        private final ProblemSink problems;
        private final int[] ansel;
        private char[] out;
        private int n;

        private int g0 = Marc8Tables.BASIC_LATIN;
        private int g1 = Marc8Tables.EXTENDED_LATIN;
        private int[] g0Table;
        private int[] g1Table;
        private boolean g0Multi;
        private boolean g1Multi;

        /** Where the marks waiting for their base start in {@code out}, or -1. */
        private int markStart = -1;
        /** Index in {@code src} of the first waiting mark. */
        private int markByte;
        /** The ligature's state: {@link #NO_HALF}, {@link #FIRST_HALF} (before its base) or {@link #OPEN}. */
        private int ligature;
        /** The double tilde's state, as {@link #ligature}. */
        private int doubleTilde;

        /** Prepares a decode of {@code src[offset, end)} whose bytes before {@code from} are plain ASCII. */
        Run(byte[] src, int offset, int from, int end, ProblemSink problems) {
            this.src = src;
            this.end = end;
            this.problems = problems;
            this.ansel = tables.singleByteSet(Marc8Tables.EXTENDED_LATIN);
            this.g0Table = tables.singleByteSet(Marc8Tables.BASIC_LATIN);
            this.g1Table = ansel;
            this.out = new char[end - offset + 8];
            for (int k = offset; k < from; k++) {
                out[n++] = (char) src[k];
            }
        }

        String decode(int from) {
            int i = from;
            while (i < end) {
                int b = src[i] & 0xFF;
                if (b == ESC) {
                    i = escape(i);
                } else if (b < 0x20 || (b == 0x7F && !g0Multi)) {
                    base(b);
                    i++;
                } else if (b == 0x20) {
                    base(' ');
                    i++;
                } else if (b < 0x80) {
                    if (g0Multi) {
                        i = multiByte(i, 0);
                    } else if (g0 == Marc8Tables.BASIC_LATIN) {
                        if (b == '&') {
                            i = ampersand(i);
                        } else if (markStart >= 0) {
                            base(b);
                            i++;
                        } else {
                            i = asciiRun(i);
                        }
                    } else {
                        if (g0 == Marc8Tables.BASIC_GREEK && b <= 0x3F && missingReturnToAscii(b, i)) {
                            setG0(Marc8Tables.BASIC_LATIN, false);
                            problems.report(MarcError.Severity.WARNING, i, String.format("byte 0x%02X in Greek "
                                    + "text reads as ASCII punctuation or digits: the escape back to ASCII "
                                    + "(ESC ( B) is taken to be missing", b));
                            continue;
                        }
                        single(g0Table, g0, b, i);
                        i++;
                    }
                } else if (b < 0xA0) {
                    // C1 controls: MARC-8 uses NSB, NSE, ZWJ and ZWNJ, whatever G1 holds
                    int e = ansel[b & 0x7F];
                    if (e == 0) {
                        bad(i, String.format("MARC-8 control byte 0x%02X has no meaning", b));
                    } else {
                        base(e & Marc8Tables.CODE_POINT);
                    }
                    i++;
                } else if (g1Multi) {
                    i = multiByte(i, 0x80);
                } else {
                    single(g1Table, g1, b, i);
                    i++;
                }
            }
            if (markStart >= 0) {
                problems.report(MarcError.Severity.INFO, markByte,
                        "MARC-8 combining mark at the end of the value has no base character; kept as is");
            }
            return new String(out, 0, n);
        }

        /** Copies the run of plain ASCII (0x20-0x7E but {@code &}) from {@code i}; returns where it ends. */
        private int asciiRun(int i) {
            int k = i;
            while (k < end) {
                int c = src[k];
                if (c < 0x20 || c > 0x7E || c == '&') {
                    break;
                }
                k++;
            }
            if (n + (k - i) > out.length) {
                out = java.util.Arrays.copyOf(out, n + (k - i) + out.length);
            }
            for (; i < k; i++) {
                out[n++] = (char) src[i];
            }
            return k;
        }

        private void single(int[] table, int set, int b, int i) {
            int e = table == null ? 0 : table[b & 0x7F];
            if (e == 0) {
                bad(i, String.format("MARC-8 byte 0x%02X has no character in set %s", b, setName(set)));
                return;
            }
            int cp = e & Marc8Tables.CODE_POINT;
            if ((e & Marc8Tables.SECOND_HALF) != 0) {
                // a second half closes a first half only once that has its base: one in the same stack of marks
                // as the first half is a mark of its own, as the encoder writes it
                if (cp == LIGATURE_SECOND_HALF && ligature == OPEN) {
                    ligature = NO_HALF;
                    return;
                }
                if (cp == DOUBLE_TILDE_SECOND_HALF && doubleTilde == OPEN) {
                    doubleTilde = NO_HALF;
                    return;
                }
                mark(cp, i);
            } else if ((e & Marc8Tables.COMBINING) != 0) {
                if (cp == 0x0361) {
                    ligature = FIRST_HALF;
                } else if (cp == 0x0360) {
                    doubleTilde = FIRST_HALF;
                }
                mark(cp, i);
            } else {
                base(cp);
            }
        }

        /**
         * Whether Greek text lacks its escape back to ASCII here (a common cataloguing slip; marc4j's
         * permissive reader repairs it the same way): Basic Greek has no digits and little ASCII
         * punctuation, so a byte it lacks, or two digits in a row, mean ASCII.
         */
        private boolean missingReturnToAscii(int b, int i) {
            if (g0Table[b] == 0) {
                return true;
            }
            return b >= '0' && b <= '9' && i + 1 < end && src[i + 1] >= '0' && src[i + 1] <= '9';
        }

        /** One EACC character from {@code i}; {@code high} is 0x80 when EACC is the G1 set. */
        private int multiByte(int i, int high) {
            if (high == 0 && i + 2 < end) {
                int vendor = vendorEacc(((src[i] & 0xFF) << 16) | ((src[i + 1] & 0xFF) << 8) | (src[i + 2] & 0xFF));
                if (vendor >= 0) {
                    problems.report(MarcError.Severity.WARNING, i, String.format(
                            "non-standard EACC code %02X%02X%02X (an Innovative Interfaces extension) read as U+%04X",
                            src[i] & 0xFF, src[i + 1] & 0xFF, src[i + 2] & 0xFF, vendor));
                    base(vendor);
                    return i + 3;
                }
            }
            int k = 1;
            while (k < 3 && i + k < end && isMultiByteTrail(src[i + k] & 0xFF, high)) {
                k++;
            }
            if (k < 3) {
                bad(i, "MARC-8 EACC character cut short after " + k + " byte" + (k == 1 ? "" : "s"));
                return i + k;
            }
            int code = ((src[i] & 0x7F) << 16) | ((src[i + 1] & 0x7F) << 8) | (src[i + 2] & 0x7F);
            int cp = tables.eacc(code);
            if (cp >= 0) {
                base(cp);
                return i + 3;
            }
            bad(i, String.format("MARC-8 EACC code %06X has no character", code));
            // a lost or extra byte shifts every code after it: where the codes one byte on make sense,
            // only this byte is replaced and reading goes on in step
            if (mapped(i + 1, high) && (i + 4 >= end || !isMultiByteTrail(src[i + 4] & 0xFF, high)
                    || mapped(i + 4, high))) {
                return i + 1;
            }
            return i + 3;
        }

        private boolean mapped(int i, int high) {
            if (i + 2 >= end) {
                return false;
            }
            for (int k = 0; k < 3; k++) {
                if (!isMultiByteTrail(src[i + k] & 0xFF, high)) {
                    return false;
                }
            }
            int code = ((src[i] & 0x7F) << 16) | ((src[i + 1] & 0x7F) << 8) | (src[i + 2] & 0x7F);
            return tables.eacc(code) >= 0;
        }

        /**
         * Punctuation codes that Innovative Interfaces systems write in EACC mode although LC's tables
         * lack them (pymarc knows them too); read with a warning rather than lost.
         */
        private static int vendorEacc(int code) {
            switch (code) {
                case 0x21203D: return 0x2026;
                case 0x212040: return 0x201C;
                case 0x7F2014: return 0x2014;
                case 0x7F2019: return 0x2019;
                case 0x7F2020: return 0x201D;
                case 0x7F2122: return 0x2122;
                default: return -1;
            }
        }

        private static boolean isMultiByteTrail(int b, int high) {
            return (b & 0x80) == high && (b & 0x7F) >= 0x20 && (b & 0x7F) <= 0x7E;
        }

        /** {@code &}: a numeric character reference {@code &#xXXXX;} or a plain ampersand. */
        private int ampersand(int i) {
            int p = i + 1;
            if (p + 1 < end && src[p] == '#' && src[p + 1] == 'x') {
                int q = p + 2;
                int cp = 0;
                int digits = 0;
                while (q < end && digits <= 6) {
                    int d = Character.digit(src[q], 16);
                    if (d < 0) {
                        break;
                    }
                    cp = cp * 16 + d;
                    digits++;
                    q++;
                }
                if (digits >= 1 && digits <= 6 && q < end && src[q] == ';' && cp <= Character.MAX_CODE_POINT
                        && (cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)) {
                    base(cp);
                    return q + 1;
                }
            }
            base('&');
            return p;
        }

        private int escape(int i) {
            int p = i + 1;
            if (p >= end) {
                bad(i, "MARC-8 escape at the end of the value");
                return p;
            }
            int c = src[p];
            switch (c) {
                case 'g':
                case 'b':
                case 'p':
                    setG0(c, false);
                    return p + 1;
                case 's':
                    setG0(Marc8Tables.BASIC_LATIN, false);
                    return p + 1;
                case '(':
                case ',':
                    return designate(i, p + 1, true, false);
                case ')':
                case '-':
                    return designate(i, p + 1, false, false);
                case '$':
                    if (p + 1 < end) {
                        int c2 = src[p + 1];
                        if (c2 == '(' || c2 == ',') {
                            return designate(i, p + 2, true, true);
                        }
                        if (c2 == ')' || c2 == '-') {
                            return designate(i, p + 2, false, true);
                        }
                    }
                    return designate(i, p + 1, true, true);
                default:
                    return badEscape(i);
            }
        }

        /** The final byte of a designation at {@code q}. */
        private int designate(int i, int q, boolean toG0, boolean multi) {
            if (q >= end) {
                return badEscape(i);
            }
            int f = src[q];
            if (f == '!' && q + 1 < end && src[q + 1] == 'E') {
                f = 'E';
                q++;
            }
            boolean eacc = f == Marc8Tables.EACC;
            if (!eacc && (multi || !tables.isSingleByteSet(f))) {
                return badEscape(i);
            }
            if (toG0) {
                setG0(f, eacc);
            } else {
                g1 = f;
                g1Multi = eacc;
                g1Table = eacc ? null : tables.singleByteSet(f);
            }
            return q + 1;
        }

        private void setG0(int f, boolean multi) {
            g0 = f;
            g0Multi = multi;
            g0Table = multi ? null : tables.singleByteSet(f);
        }

        private int badEscape(int i) {
            StringBuilder seq = new StringBuilder("ESC");
            for (int k = i + 1; k < Math.min(end, i + 4); k++) {
                int b = src[k] & 0xFF;
                seq.append(b > 0x20 && b < 0x7F ? " " + (char) b : String.format(" 0x%02X", b));
            }
            bad(i, "unknown or incomplete MARC-8 escape sequence (" + seq + ")");
            return i + 1;
        }

        private void bad(int i, String message) {
            problems.report(MarcError.Severity.ERROR, i, message + ", replaced by U+FFFD");
            base(0xFFFD);
        }

        private void base(int cp) {
            if (n + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2 + 8);
            }
            if (markStart < 0) {
                if (cp < 0x10000) {
                    out[n++] = (char) cp;
                } else {
                    n += Character.toChars(cp, out, n);
                }
                return;
            }
            if (ligature == FIRST_HALF) {
                ligature = OPEN;
            }
            if (doubleTilde == FIRST_HALF) {
                doubleTilde = OPEN;
            }
            int w = cp < 0x10000 ? 1 : 2;
            System.arraycopy(out, markStart, out, markStart + w, n - markStart);
            Character.toChars(cp, out, markStart);
            n += w;
            markStart = -1;
        }

        private void mark(int cp, int i) {
            if (markStart < 0) {
                markStart = n;
                markByte = i;
            }
            if (n + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2 + 8);
            }
            n += Character.toChars(cp, out, n);
        }

        private static String setName(int f) {
            switch (f) {
                case Marc8Tables.BASIC_LATIN: return "Basic Latin";
                case Marc8Tables.EXTENDED_LATIN: return "Extended Latin (ANSEL)";
                case Marc8Tables.GREEK_SYMBOLS: return "Greek symbols";
                case Marc8Tables.SUBSCRIPTS: return "Subscripts";
                case Marc8Tables.SUPERSCRIPTS: return "Superscripts";
                case Marc8Tables.BASIC_HEBREW: return "Basic Hebrew";
                case Marc8Tables.BASIC_CYRILLIC: return "Basic Cyrillic";
                case Marc8Tables.EXTENDED_CYRILLIC: return "Extended Cyrillic";
                case Marc8Tables.BASIC_ARABIC: return "Basic Arabic";
                case Marc8Tables.EXTENDED_ARABIC: return "Extended Arabic";
                case Marc8Tables.BASIC_GREEK: return "Basic Greek";
                default: return String.format("0x%02X", f);
            }
        }
    }
}
