package org.marcring.codec.text;

import java.nio.charset.StandardCharsets;

import org.marcring.codec.MarcError;
import org.marcring.codec.io.ByteArrayBuilder;

/**
 * UTF-8, the character coding of records whose leader/09 is {@code a}. Decoding checks that the
 * bytes are well-formed UTF-8: malformed sequences become U+FFFD and are reported, never lost silently.
 */
public final class Utf8Text implements TextDecoder, TextEncoder {
    /** The shared instance. */
    public static final Utf8Text INSTANCE = new Utf8Text();

    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * A decoder for bytes already known to be well-formed UTF-8 (a record whose every byte was checked):
     * it skips the per-value check. Values of such a record are well-formed too, since delimiters are
     * ASCII bytes, which never occur inside a multi-byte sequence.
     */
    public static final TextDecoder WELL_FORMED = new TextDecoder() {
        @Override
        public String decode(byte[] src, int offset, int length, ProblemSink problems) {
            return new String(src, offset, length, StandardCharsets.UTF_8);
        }

        @Override
        public boolean keepsAscii() {
            return true;
        }

        @Override
        public String toString() {
            return "UTF-8 (checked)";
        }
    };

    private Utf8Text() {
    }

    @Override
    public String decode(byte[] src, int offset, int length, ProblemSink problems) {
        // The JDK's decoder is intrinsic-fast for ASCII and replaces malformed input with U+FFFD.
        String s = new String(src, offset, length, StandardCharsets.UTF_8);
        // Only a string with U+FFFD can hide a malformed sequence (Latin-1 strings answer -1 at once).
        if (s.indexOf('\uFFFD') >= 0) {
            int bad = firstMalformed(src, offset, length);
            if (bad >= 0) {
                problems.report(MarcError.Severity.ERROR, bad, String.format(
                        "invalid UTF-8 byte 0x%02X, replaced by U+FFFD", src[bad] & 0xFF));
            }
        }
        return s;
    }

    /** Whether the bytes are well-formed UTF-8. */
    public static boolean isValid(byte[] src, int offset, int length) {
        return firstMalformed(src, offset, length) < 0;
    }

    /**
     * The index of the first byte that starts a malformed UTF-8 sequence, or -1 where all is well-formed
     * (overlong forms, surrogates and code points over U+10FFFF count as malformed).
     */
    public static int firstMalformed(byte[] src, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            // skip ASCII eight bytes at a time
            while (i + 8 <= end && ((long) LONGS.get(src, i) & HIGHS) == 0) {
                i += 8;
            }
            if (i >= end) {
                break;
            }
            int b = src[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int need;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return i;
            }
            if (i + need >= end) {
                return i; // sequence cut short by the end of the value
            }
            int cp = b & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int c = src[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return i;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return i;
            }
            i += need + 1;
        }
        return -1;
    }

    @Override
    public void encode(String text, ByteArrayBuilder out, ProblemSink problems) {
        out.appendUtf8(text);
    }

    @Override
    public boolean keepsAscii() {
        return true;
    }

    @Override
    public char leaderCoding() {
        return 'a';
    }
}
