package org.marcring.codec.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.marcring.codec.Leader;
import org.marcring.codec.MarcError;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.marc8.Marc8Decoder;

/**
 * Chooses the {@link TextDecoder} for one record from its leader, the reader's options and, in
 * permissive mode, the record's bytes (to catch records whose leader/09 lies).
 *
 * <p>With {@link org.marcring.codec.io.CharacterCoding#AUTO}, leader/09 {@code a} means UTF-8 and
 * anything else MARC-8, except in permissive mode where two common mislabels are caught and reported
 * as a warning:
 * <ul>
 * <li>leader/09 {@code a} but the bytes are not valid UTF-8, and they read as MARC-8 with fewer faults
 *     (MARC-8 escape sequences, or ANSEL diacritics before letters): read as MARC-8;</li>
 * <li>leader/09 blank but the bytes are valid UTF-8 with at least one multi-byte character and no
 *     escape sequence (exports that convert the data and forget the leader): read as UTF-8, and
 *     leader/09 becomes {@code a}.</li>
 * </ul>
 * The check costs one scan of the record for a byte above 0x7F, eight bytes at a time; a valid UTF-8
 * record is then validated from its first such byte. Strict mode trusts the leader.
 */
public final class TextCodings {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGHS = 0x8080808080808080L;

    private TextCodings() {
    }

    /**
     * The decoder for the record in {@code raw[offset, offset+length)}.
     *
     * @param problems receives a note where the bytes overrule the leader (positions relative to the record)
     */
    public static TextDecoder decoderFor(Leader leader, byte[] raw, int offset, int length, ReadOptions options,
                                         ProblemSink problems) {
        switch (options.characterCoding()) {
            case UTF8:
                return Utf8Text.INSTANCE;
            case LATIN1:
                return Latin1Text.INSTANCE;
            case MARC8:
                return marc8(options);
            case AUTO:
            default:
                if (leader.characterCoding() == 'a') {
                    return options.isStrict() ? strictUtf8(raw, offset, length)
                            : checkUtf8(raw, offset, length, options, problems);
                }
                return options.isStrict() ? marc8(options) : checkMarc8(raw, offset, length, options, problems);
        }
    }

    /**
     * Whether the record is UTF-8 by what its leader and the options say, before its bytes are looked at
     * ({@link org.marcring.codec.io.CharacterCoding#AUTO} and leader/09 {@code a}). A decoder may then begin
     * with {@link Utf8Text#INSTANCE}, which checks each value, and call {@link #decoderFor} only where a value
     * turns out not to be UTF-8: in permissive mode the record may read better as MARC-8.
     */
    public static boolean isUtf8ByLeader(Leader leader, ReadOptions options) {
        return options.characterCoding() == org.marcring.codec.io.CharacterCoding.AUTO
                && leader.characterCoding() == 'a';
    }

    private static TextDecoder marc8(ReadOptions options) {
        return Marc8Decoder.of(options.normalizeNfc());
    }

    /**
     * Strict and leader says UTF-8: a record that is well-formed throughout is decoded without checking
     * each value again; otherwise each value is checked, so the fault is reported where it is.
     */
    private static TextDecoder strictUtf8(byte[] raw, int offset, int length) {
        int end = offset + length;
        int hi = firstHighByte(raw, offset, end);
        return hi < 0 || Utf8Text.firstMalformed(raw, hi, end - hi) < 0 ? Utf8Text.WELL_FORMED : Utf8Text.INSTANCE;
    }

    /** Leader says UTF-8: keep it unless the bytes are not UTF-8 and read better as MARC-8. */
    private static TextDecoder checkUtf8(byte[] raw, int offset, int length, ReadOptions options,
                                         ProblemSink problems) {
        int end = offset + length;
        int hi = firstHighByte(raw, offset, end);
        if (hi < 0) {
            return Utf8Text.WELL_FORMED;   // plain ASCII
        }
        int bad = Utf8Text.firstMalformed(raw, hi, end - hi);
        if (bad < 0) {
            return Utf8Text.WELL_FORMED;
        }
        int utf8Faults = 0;
        for (int p = bad; p >= 0 && utf8Faults < 1000; ) {
            utf8Faults++;
            p = p + 1 < end ? Utf8Text.firstMalformed(raw, p + 1, end - p - 1) : -1;
        }
        int[] marc8Faults = new int[1];
        Marc8Decoder.DECOMPOSED.decode(raw, offset, length, (severity, index, message) -> {
            if (severity == MarcError.Severity.ERROR) {
                marc8Faults[0]++;
            }
        });
        if (marc8Faults[0] < utf8Faults) {
            problems.report(MarcError.Severity.WARNING, bad - offset, String.format(
                    "leader/09 says UTF-8 but the record is not valid UTF-8 (byte 0x%02X at %d); read as MARC-8, "
                            + "which fits its bytes better (%d faults against %d)",
                    raw[bad] & 0xFF, bad - offset, marc8Faults[0], utf8Faults));
            return marc8(options);
        }
        return Utf8Text.INSTANCE;
    }

    /** Leader says MARC-8: keep it unless the bytes are clean UTF-8 with no escape sequence. */
    private static TextDecoder checkMarc8(byte[] raw, int offset, int length, ReadOptions options,
                                          ProblemSink problems) {
        int end = offset + length;
        int hi = firstHighByte(raw, offset, end);
        if (hi < 0 || Utf8Text.firstMalformed(raw, hi, end - hi) >= 0) {
            return marc8(options);
        }
        for (int i = offset; i < end; i++) {
            if (raw[i] == 0x1B) {
                return marc8(options);
            }
        }
        problems.report(MarcError.Severity.WARNING, hi - offset, "leader/09 says MARC-8 but the record is valid "
                + "UTF-8 (multi-byte character at byte " + (hi - offset) + ", no escape sequence); read as UTF-8");
        return RelabelledUtf8.INSTANCE;
    }

    /** Index of the first byte above 0x7F in {@code b[from, to)}, or -1. */
    static int firstHighByte(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) & HIGHS;
            if (x != 0) {
                return i + (Long.numberOfTrailingZeros(x) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] < 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * UTF-8 for a record whose leader says MARC-8: the text is Unicode, as after a MARC-8 conversion
     * (leader/09 is kept as read).
     */
    private static final class RelabelledUtf8 implements TextDecoder {
        static final RelabelledUtf8 INSTANCE = new RelabelledUtf8();

        @Override
        public String decode(byte[] src, int offset, int length, ProblemSink problems) {
            return Utf8Text.INSTANCE.decode(src, offset, length, problems);
        }

        @Override
        public boolean convertsToUnicode() {
            return true;
        }

        @Override
        public boolean keepsAscii() {
            return true;
        }

        @Override
        public String toString() {
            return "UTF-8 (leader said MARC-8)";
        }
    }
}
