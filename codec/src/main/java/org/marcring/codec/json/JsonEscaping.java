package org.marcring.codec.json;

import org.marcring.codec.io.ByteArrayBuilder;

/**
 * Escapes text for a JSON string straight into UTF-8 bytes: {@code "} and {@code \} are escaped,
 * control characters become {@code \n}, {@code \t} … or {@code \}{@code u00XX}, all other characters
 * are written as UTF-8. An unpaired surrogate, which UTF-8 cannot carry, is written as its
 * {@code \}{@code uXXXX} escape so that nothing is lost.
 *
 * <p>Two entry points share one lookup table: one for a {@link String}, one for bytes that are
 * already well-formed UTF-8, where runs of bytes that need no escaping are copied in bulk.
 */
public final class JsonEscaping {
    /** Longest output for one input char: {@code \}{@code u001F}. */
    private static final int MAX_BYTES_PER_CHAR = 6;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Per ASCII character: 0 copy, -1 escape as \\u00XX, otherwise the letter after the backslash. */
    private static final byte[] TABLE = new byte[128];

    static {
        for (int c = 0; c < 0x20; c++) {
            TABLE[c] = -1;
        }
        TABLE['"'] = '"';
        TABLE['\\'] = '\\';
        TABLE['\b'] = 'b';
        TABLE['\f'] = 'f';
        TABLE['\n'] = 'n';
        TABLE['\r'] = 'r';
        TABLE['\t'] = 't';
    }

    private JsonEscaping() {
    }

    /** Appends {@code s} escaped (without the surrounding quotes). */
    public static void append(ByteArrayBuilder out, String s) {
        int n = s.length();
        out.ensureRoom(n * MAX_BYTES_PER_CHAR);
        byte[] a = out.array();
        int p = out.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte k = TABLE[c];
                if (k == 0) {
                    a[p++] = (byte) c;
                } else {
                    p = escape(a, p, c, k);
                }
            } else if (c < 0x800) {
                a[p++] = (byte) (0xC0 | (c >> 6));
                a[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    a[p++] = (byte) (0xF0 | (cp >> 18));
                    a[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    a[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    a[p++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    p = unicodeEscape(a, p, c);
                }
            } else {
                a[p++] = (byte) (0xE0 | (c >> 12));
                a[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                a[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        out.setLength(p);
    }

    /** Appends well-formed UTF-8 {@code src[off, off+len)} escaped (without the surrounding quotes). */
    public static void append(ByteArrayBuilder out, byte[] src, int off, int len) {
        out.ensureRoom(len * MAX_BYTES_PER_CHAR);
        byte[] a = out.array();
        int p = out.length();
        int i = off;
        int end = off + len;
        while (i < end) {
            int run = i;
            while (i < end) {
                byte b = src[i];
                if (b >= 0 && TABLE[b] != 0) {
                    break;
                }
                i++;
            }
            int runLength = i - run;
            if (runLength > 0) {
                System.arraycopy(src, run, a, p, runLength);
                p += runLength;
            }
            if (i == end) {
                break;
            }
            byte b = src[i++];
            p = escape(a, p, (char) b, TABLE[b]);
        }
        out.setLength(p);
    }

    private static int escape(byte[] a, int p, char c, byte k) {
        if (k > 0) {
            a[p++] = '\\';
            a[p++] = k;
            return p;
        }
        return unicodeEscape(a, p, c);
    }

    private static int unicodeEscape(byte[] a, int p, char c) {
        a[p++] = '\\';
        a[p++] = 'u';
        a[p++] = HEX[(c >> 12) & 0xF];
        a[p++] = HEX[(c >> 8) & 0xF];
        a[p++] = HEX[(c >> 4) & 0xF];
        a[p++] = HEX[c & 0xF];
        return p;
    }
}
