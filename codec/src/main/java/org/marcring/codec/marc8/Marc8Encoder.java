package org.marcring.codec.marc8;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

import org.marcring.codec.MarcError;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.text.ProblemSink;
import org.marcring.codec.text.TextEncoder;

/**
 * Unicode to MARC-8, for writing records whose leader/09 is blank, with the sets of the Library of
 * Congress tables ({@link Marc8Tables}).
 *
 * <ul>
 * <li>Each value starts and ends in the default state, G0 = ASCII and G1 = ANSEL: any other set is
 *     designated where needed ({@code ESC ( F} for the G0 sets, {@code ESC ) F} for Extended Cyrillic
 *     and Extended Arabic, {@code ESC $ 1} for EACC, {@code ESC g}/{@code ESC b}/{@code ESC p} for
 *     Greek symbols, subscripts and superscripts) and the defaults are designated again at the end
 *     ({@code ESC ( B} or {@code ESC s}, and {@code ESC ) E}, the form marc4j and pymarc read).</li>
 * <li>A set already designated is kept for characters it also holds (punctuation inside Cyrillic
 *     text), and a space never needs a switch except out of EACC.</li>
 * <li>Combining marks, which follow their base in Unicode, are written before it, in their order;
 *     U+0361 and U+0360 (double marks over two letters) become the two MARC-8 halves around the first
 *     letter. A precomposed character MARC-8 lacks (é) is written decomposed (e + acute).</li>
 * <li>A character outside MARC-8 is written as a numeric character reference {@code &#xXXXX;} (LC's
 *     lossless convention, read back by {@link Marc8Decoder}) and reported as a
 *     {@link MarcError.Severity#WARNING} with its index in the string. So are ESC and the ISO 2709
 *     delimiters, which would break the record, and a literal {@code &} that would read as a reference.</li>
 * </ul>
 * Stateless and safe to share.
 */
public final class Marc8Encoder implements TextEncoder {
    /** The shared instance. */
    public static final Marc8Encoder INSTANCE = new Marc8Encoder();

    private static final int ESC = 0x1B;
    /** Unit kinds besides a table character: a numeric character reference, a raw byte. */
    private static final int NCR = -1;
    private static final int RAW = -2;

    private Marc8Encoder() {
    }

    @Override
    public char leaderCoding() {
        return ' ';
    }

    @Override
    public void encode(String text, ByteArrayBuilder out, ProblemSink problems) {
        int n = text.length();
        boolean plain = true;
        for (int i = 0; i < n && plain; i++) {
            char c = text.charAt(i);
            plain = c >= 0x20 && c < 0x7F && c != '&';
        }
        if (plain) {
            out.appendAscii(text);
            return;
        }
        new Run(Reverse.TABLE, text, out, problems).encode();
    }

    @Override
    public String toString() {
        return "MARC-8";
    }

    /** Where each Unicode character goes in MARC-8: built once from the tables, on first use. */
    private static final class Reverse {
        /** Sets in order of preference when a character is in several. */
        private static final int[] PREFERENCE = {
            Marc8Tables.BASIC_LATIN, Marc8Tables.EXTENDED_LATIN, Marc8Tables.BASIC_HEBREW,
            Marc8Tables.BASIC_CYRILLIC, Marc8Tables.EXTENDED_CYRILLIC, Marc8Tables.BASIC_ARABIC,
            Marc8Tables.EXTENDED_ARABIC, Marc8Tables.BASIC_GREEK, Marc8Tables.SUBSCRIPTS,
            Marc8Tables.SUPERSCRIPTS, Marc8Tables.GREEK_SYMBOLS,
        };

        /** The one instance (after {@link #PREFERENCE}, which it needs). */
        static final Reverse TABLE = new Reverse(Marc8Tables.get());

        final Marc8Tables tables;
        /** Code points with a place in MARC-8, ascending, and the packed entry ({@link #pack}) of each. */
        private final int[] keys;
        private final int[] entries;
        /** By final byte of a one-byte set: its code points ascending, and their codes. */
        private final int[][] setKeys = new int[128][];
        private final int[][] setCodes = new int[128][];

        Reverse(Marc8Tables tables) {
            this.tables = tables;
            // primary values first, in order of preference; then alternatives where still free
            Map<Integer, Integer> preferred = new HashMap<>(1 << 15);
            for (int f : PREFERENCE) {
                int[] table = tables.singleByteSet(f);
                Map<Integer, Integer> own = new HashMap<>();
                for (int code = 0x21; code < 0x80; code++) {
                    int e = table[code];
                    if (e == 0 || (e & Marc8Tables.SECOND_HALF) != 0) {
                        continue;
                    }
                    int cp = e & Marc8Tables.CODE_POINT;
                    own.putIfAbsent(cp, code);
                    preferred.putIfAbsent(cp, pack(f, code));
                }
                int[][] sorted = sorted(own);
                setKeys[f] = sorted[0];
                setCodes[f] = sorted[1];
            }
            for (int i = 0; i < tables.eaccSize(); i++) {
                int cp = tables.eaccValue(i);
                if (cp >= 0) {
                    preferred.putIfAbsent(cp, pack(Marc8Tables.EACC, tables.eaccCode(i)));
                }
            }
            for (int f : PREFERENCE) {
                int[] alt = tables.singleByteAlternatives(f);
                for (int code = 0x21; code < 0x80; code++) {
                    if (alt[code] > 0) {
                        preferred.putIfAbsent(alt[code], pack(f, code));
                    }
                }
            }
            for (int i = 0; i < tables.eaccSize(); i++) {
                if (tables.eaccAlt(i) >= 0) {
                    preferred.putIfAbsent(tables.eaccAlt(i), pack(Marc8Tables.EACC, tables.eaccCode(i)));
                }
            }
            int[][] sorted = sorted(preferred);
            keys = sorted[0];
            entries = sorted[1];
        }

        private static int[][] sorted(Map<Integer, Integer> map) {
            int[] k = map.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            int[] v = new int[k.length];
            for (int i = 0; i < k.length; i++) {
                v[i] = map.get(k[i]);
            }
            return new int[][] {k, v};
        }

        /** A set's final byte and a code: {@code set << 24 | code} (code: 7 bits, or 24 bits for EACC). */
        static int pack(int set, int code) {
            return set << 24 | code;
        }

        /** The packed entry of the set {@code cp} is best written in, or -1 where MARC-8 lacks it. */
        int preferred(int cp) {
            int i = java.util.Arrays.binarySearch(keys, cp);
            return i < 0 ? -1 : entries[i];
        }

        /** The code of {@code cp} in the one-byte set {@code set}, or -1. */
        int codeIn(int set, int cp) {
            int[] k = set >= 0 && set < 128 ? setKeys[set] : null;
            if (k == null) {
                return -1;
            }
            int i = java.util.Arrays.binarySearch(k, cp);
            return i < 0 ? -1 : setCodes[set][i];
        }

        boolean isCombining(int set, int code) {
            return set != Marc8Tables.EACC && (tables.singleByteSet(set)[code & 0x7F] & Marc8Tables.COMBINING) != 0;
        }
    }

    /** The state of one encode call. */
    private static final class Run {
        private final Reverse rev;
        private final String text;
        private final ByteArrayBuilder out;
        private final ProblemSink problems;

        // the text as units: set final byte (or NCR / RAW), code (or code point / byte), source index
        private int[] set;
        private int[] code;
        private int[] source;
        private int units;

        private int g0 = Marc8Tables.BASIC_LATIN;
        private int g1 = Marc8Tables.EXTENDED_LATIN;
        /** Whether the ligature's second half (EC) is to be written before the next base. */
        private boolean ligatureHalfDue;
        /** Whether the double tilde's second half (FB) is to be written before the next base. */
        private boolean tildeHalfDue;
        /** Output length right after a Basic Greek code 0x30-0x39, or -1. */
        private int greekDigitEnd = -1;

        Run(Reverse rev, String text, ByteArrayBuilder out, ProblemSink problems) {
            this.rev = rev;
            this.text = text;
            this.out = out;
            this.problems = problems;
            int cap = text.length() + 8;
            set = new int[cap];
            code = new int[cap];
            source = new int[cap];
        }

        void encode() {
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                unit(cp, i, true);
                i += Character.charCount(cp);
            }
            int k = 0;
            while (k < units) {
                int end = k + 1;
                while (end < units && isMark(end)) {
                    end++;
                }
                if (isMark(k)) {
                    // a mark with no base before it: as a reference, so that it cannot attach to what follows
                    reference(k, true);
                }
                writeCluster(k, end);
                k = end;
            }
            if (g0 != Marc8Tables.BASIC_LATIN) {
                designateG0(Marc8Tables.BASIC_LATIN);
            }
            if (g1 != Marc8Tables.EXTENDED_LATIN) {
                designateG1(Marc8Tables.EXTENDED_LATIN);
            }
        }

        /** Turns one code point into units. */
        private void unit(int cp, int index, boolean mayDecompose) {
            if (cp < 0x20 || cp == 0x7F) {
                if (cp == ESC || (cp >= 0x1D && cp <= 0x1F)) {
                    add(NCR, cp, index);
                    problems.report(MarcError.Severity.WARNING, index, String.format(
                            "control character U+%04X would break the MARC-8 record; written as &#x%04X;", cp, cp));
                } else {
                    add(RAW, cp, index);
                }
                return;
            }
            if (cp == ' ') {
                add(RAW, cp, index);
                return;
            }
            if (cp == '&' && looksLikeReference(index)) {
                add(NCR, cp, index);
                return;
            }
            int packed = rev.preferred(cp);
            if (packed >= 0) {
                add(packed >>> 24, packed & 0xFFFFFF, index);
                return;
            }
            if (mayDecompose) {
                String nfd = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
                if (nfd.codePointCount(0, nfd.length()) > 1 && allMapped(nfd)) {
                    nfd.codePoints().forEach(c -> unit(c, index, false));
                    return;
                }
            }
            add(NCR, cp, index);
            problems.report(MarcError.Severity.WARNING, index, String.format(
                    "U+%04X is not in MARC-8; written as &#x%04X;", cp, cp));
        }

        private boolean allMapped(String s) {
            return s.codePoints().allMatch(c -> c == ' ' || rev.preferred(c) >= 0);
        }

        /**
         * Whether the {@code &} at {@code index} starts text that would read as {@code &#xHEX;}. Marks right after
         * the {@code &} are its own and are written before it, so they do not keep the bytes apart (fuzzing found
         * {@code &}, a breve, then {@code #x0bbb11;} coming back as a reference).
         */
        private boolean looksLikeReference(int index) {
            int p = index + 1;
            while (p < text.length() && isMarkChar(text.codePointAt(p))) {
                p += Character.charCount(text.codePointAt(p));
            }
            if (p + 2 >= text.length() || text.charAt(p) != '#' || text.charAt(p + 1) != 'x') {
                return false;
            }
            int q = p + 2;
            while (q < text.length() && Character.digit(text.charAt(q), 16) >= 0) {
                q++;
            }
            return q > p + 2 && q < text.length() && text.charAt(q) == ';';
        }

        private static boolean isMarkChar(int cp) {
            int type = Character.getType(cp);
            return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK;
        }

        private void add(int s, int c, int index) {
            if (units == set.length) {
                set = java.util.Arrays.copyOf(set, units * 2);
                code = java.util.Arrays.copyOf(code, units * 2);
                source = java.util.Arrays.copyOf(source, units * 2);
            }
            set[units] = s;
            code[units] = c;
            source[units] = index;
            units++;
        }

        private boolean isMark(int k) {
            return set[k] >= 0 && rev.isCombining(set[k], code[k]);
        }

        /** Writes the base {@code k} and its marks {@code (k, end)}: the marks first. */
        private void writeCluster(int k, int end) {
            // a letter may carry both double marks: each pair gets its own second half before the next letter
            if (ligatureHalfDue || tildeHalfDue) {
                designateG1(Marc8Tables.EXTENDED_LATIN);
                if (ligatureHalfDue) {
                    out.appendByte(0xEC);
                }
                if (tildeHalfDue) {
                    out.appendByte(0xFB);
                }
            }
            boolean ligature = false;
            boolean tilde = false;
            for (int m = k + 1; m < end; m++) {
                writeChar(m);
                int cp = rev.tables.codePoint(set[m], code[m]);
                if (cp == 0x0361) {
                    ligature = true;
                } else if (cp == 0x0360) {
                    tilde = true;
                }
            }
            writeChar(k);
            ligatureHalfDue = ligature;
            tildeHalfDue = tilde;
        }

        private void writeChar(int k) {
            int s = set[k];
            int c = code[k];
            if (s == RAW) {
                // spaces and controls read the same in every set but EACC
                if (g0 == Marc8Tables.EACC) {
                    designateG0(Marc8Tables.BASIC_LATIN);
                }
                out.appendByte(c);
                return;
            }
            if (s == NCR) {
                reference(k, false);
                return;
            }
            int cp = s == Marc8Tables.EACC ? -1 : rev.tables.codePoint(s, c);
            // stay in a designated set that holds the character too
            if (cp >= 0 && s != g0 && s != g1) {
                int inG0 = g0 != Marc8Tables.EACC ? rev.codeIn(g0, cp) : -1;
                if (inG0 >= 0 && rev.isCombining(g0, inG0) == rev.isCombining(s, c)) {
                    writeG0(inG0 & 0x7F);
                    return;
                }
                int inG1 = rev.codeIn(g1, cp);
                if (inG1 >= 0 && rev.isCombining(g1, inG1) == rev.isCombining(s, c)) {
                    out.appendByte(inG1 | 0x80);
                    return;
                }
            }
            if (s == Marc8Tables.EACC) {
                designateG0(s);
                out.appendByte(c >>> 16).appendByte((c >>> 8) & 0xFF).appendByte(c & 0xFF);
            } else if (isG1Set(s)) {
                designateG1(s);
                out.appendByte(c | 0x80);
            } else {
                designateG0(s);
                writeG0(c & 0x7F);
            }
        }

        /**
         * Writes a byte of a one-byte G0 set. In Basic Greek, two of its codes 0x30-0x39 in a row would
         * read as digits that lack their escape back to ASCII (the decoder's repair of that slip), so a
         * second one is preceded by a redundant {@code ESC ( S}.
         */
        private void writeG0(int b) {
            boolean greekDigit = g0 == Marc8Tables.BASIC_GREEK && b >= '0' && b <= '9';
            if (greekDigit && out.length() == greekDigitEnd) {
                out.appendByte(ESC).appendByte('(').appendByte(Marc8Tables.BASIC_GREEK);
            }
            out.appendByte(b);
            if (greekDigit) {
                greekDigitEnd = out.length();
            }
        }

        /** Writes unit {@code k} as {@code &#xXXXX;} in ASCII. */
        private void reference(int k, boolean orphanMark) {
            int cp = rev.tables.codePoint(set[k], code[k]);
            if (orphanMark) {
                set[k] = NCR;
                code[k] = cp;
                problems.report(MarcError.Severity.WARNING, source[k], String.format(
                        "combining mark U+%04X has no base character; written as &#x%04X;", cp, cp));
                return;
            }
            designateG0(Marc8Tables.BASIC_LATIN);
            String hex = Integer.toHexString(code[k]).toUpperCase();
            out.appendAscii("&#x");
            for (int pad = hex.length(); pad < 4; pad++) {
                out.appendByte('0');
            }
            out.appendAscii(hex).appendByte(';');
        }

        private static boolean isG1Set(int s) {
            return s == Marc8Tables.EXTENDED_LATIN || s == Marc8Tables.EXTENDED_CYRILLIC
                    || s == Marc8Tables.EXTENDED_ARABIC;
        }

        private void designateG0(int s) {
            if (g0 == s) {
                return;
            }
            out.appendByte(ESC);
            switch (s) {
                case Marc8Tables.BASIC_LATIN:
                    if (g0 == Marc8Tables.GREEK_SYMBOLS || g0 == Marc8Tables.SUBSCRIPTS
                            || g0 == Marc8Tables.SUPERSCRIPTS) {
                        out.appendByte('s');
                    } else {
                        out.appendByte('(').appendByte('B');
                    }
                    break;
                case Marc8Tables.GREEK_SYMBOLS:
                case Marc8Tables.SUBSCRIPTS:
                case Marc8Tables.SUPERSCRIPTS:
                    out.appendByte(s);
                    break;
                case Marc8Tables.EACC:
                    out.appendByte('$').appendByte(s);
                    break;
                default:
                    out.appendByte('(').appendByte(s);
                    break;
            }
            g0 = s;
        }

        private void designateG1(int s) {
            if (g1 == s) {
                return;
            }
            out.appendByte(ESC).appendByte(')').appendByte(s);
            g1 = s;
        }
    }
}
