package org.marcring.codec.xml;

import org.marcring.codec.io.ByteArrayBuilder;

/**
 * Escapes text for MARCXML straight into UTF-8 bytes: {@code & < >} in element content (and a
 * carriage return, which a parser would otherwise turn into a line feed), {@code & < " }, tab, line
 * feed and carriage return in attribute values. Characters XML 1.0 forbids are replaced by U+FFFD
 * or refused, as the caller's {@link InvalidXmlCharacters} says.
 *
 * <p>Two entry points share one lookup table: one for a {@link String}, one for bytes that are
 * already well-formed UTF-8 (for an encoder that copies values straight out of a raw ISO 2709
 * record), where runs of bytes that need no escaping are copied in bulk.
 *
 * <p>Each method returns the number of characters replaced, or, where the policy is
 * {@link InvalidXmlCharacters#FAIL} and one was found, {@code -(index + 1)} of the first one (index
 * into the string or array); the output is then incomplete and the caller discards it.
 */
public final class XmlEscaping {
    /** Longest escape or UTF-8 sequence one input char can become ({@code &quot;}). */
    private static final int MAX_BYTES_PER_CHAR = 6;

    private static final byte COPY = 0;
    private static final byte INVALID = -1;

    private static final byte[][] REPLACEMENTS = {
        null,
        bytes("&amp;"), bytes("&lt;"), bytes("&gt;"), bytes("&quot;"),
        bytes("&#9;"), bytes("&#10;"), bytes("&#13;"),
    };

    /**
     * Per ASCII character: 0 copy, -1 forbidden, n > 0 index into REPLACEMENTS. Package-private for
     * {@link MarcXmlEncoder}, which copies the plain run at the start of a value itself.
     */
    static final byte[] TEXT = table(false);
    private static final byte[] ATTRIBUTE = table(true);

    private static final byte R1 = (byte) 0xEF;
    private static final byte R2 = (byte) 0xBF;
    private static final byte R3 = (byte) 0xBD;

    private XmlEscaping() {
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] table(boolean attribute) {
        byte[] t = new byte[128];
        for (int c = 0; c < 0x20; c++) {
            t[c] = INVALID;
        }
        t['\t'] = attribute ? (byte) 5 : COPY;
        t['\n'] = attribute ? (byte) 6 : COPY;
        t['\r'] = 7;
        t['&'] = 1;
        t['<'] = 2;
        t['>'] = attribute ? COPY : (byte) 3;
        t['"'] = attribute ? (byte) 4 : COPY;
        return t;
    }

    /** Appends {@code s} escaped as element content. */
    public static int appendText(ByteArrayBuilder out, String s, InvalidXmlCharacters policy) {
        return append(out, s, TEXT, policy);
    }

    /** Appends {@code s} escaped as an attribute value (between double quotes). */
    public static int appendAttribute(ByteArrayBuilder out, String s, InvalidXmlCharacters policy) {
        return append(out, s, ATTRIBUTE, policy);
    }

    /** Appends well-formed UTF-8 {@code src[off, off+len)} escaped as element content. */
    public static int appendText(ByteArrayBuilder out, byte[] src, int off, int len, InvalidXmlCharacters policy) {
        return append(out, src, off, len, TEXT, policy);
    }

    /** Appends well-formed UTF-8 {@code src[off, off+len)} escaped as an attribute value. */
    public static int appendAttribute(ByteArrayBuilder out, byte[] src, int off, int len,
                                      InvalidXmlCharacters policy) {
        return append(out, src, off, len, ATTRIBUTE, policy);
    }

    /**
     * The common case first, in a loop of its own with one way out: characters that are ASCII and need no
     * escaping, copied as they are. The rest ({@link #appendRest}) is a method of its own, so that what the
     * JIT learns about the rare paths (escapes, non-ASCII, invalid characters) never recompiles the common
     * loop: with one loop for all, the rare paths were met at different times in different JVM launches,
     * the method was compiled and thrown away several times over, and the code it ended with ran the
     * conversion of the same file in one launch at less than half the speed of another.
     */
    private static int append(ByteArrayBuilder out, String s, byte[] table, InvalidXmlCharacters policy) {
        int n = s.length();
        out.ensureRoom(n * MAX_BYTES_PER_CHAR);
        byte[] a = out.array();
        int p = out.length();
        int i = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || table[c] != COPY) {
                break;
            }
            a[p + i] = (byte) c;
        }
        if (i == n) {
            out.setLength(p + n);
            return 0;
        }
        return appendRest(out, s, table, policy, a, p + i, i);
    }

    /**
     * Appends {@code s} from character {@code from} escaped as element content: for a caller that copied the
     * plain run before it. Returns as {@link #appendText(ByteArrayBuilder, String, InvalidXmlCharacters)}.
     */
    static int appendTextFrom(ByteArrayBuilder out, String s, int from, InvalidXmlCharacters policy) {
        out.ensureRoom((s.length() - from) * MAX_BYTES_PER_CHAR);
        return appendRest(out, s, TEXT, policy, out.array(), out.length(), from);
    }

    /** {@link #append(ByteArrayBuilder, String, byte[], InvalidXmlCharacters)} from character {@code from}. */
    private static int appendRest(ByteArrayBuilder out, String s, byte[] table, InvalidXmlCharacters policy,
                                  byte[] a, int at, int from) {
        int n = s.length();
        int p = at;
        int replaced = 0;
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                byte k = table[c];
                if (k == COPY) {
                    a[p++] = (byte) c;
                    continue;
                }
                if (k > 0) {
                    byte[] r = REPLACEMENTS[k];
                    for (byte b : r) {
                        a[p++] = b;
                    }
                    continue;
                }
            } else if (c < 0x800) {
                a[p++] = (byte) (0xC0 | (c >> 6));
                a[p++] = (byte) (0x80 | (c & 0x3F));
                continue;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    a[p++] = (byte) (0xF0 | (cp >> 18));
                    a[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    a[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    a[p++] = (byte) (0x80 | (cp & 0x3F));
                    continue;
                }
            } else if (c < 0xFFFE) {
                a[p++] = (byte) (0xE0 | (c >> 12));
                a[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                a[p++] = (byte) (0x80 | (c & 0x3F));
                continue;
            }
            // a character XML 1.0 does not allow
            if (policy == InvalidXmlCharacters.FAIL) {
                out.setLength(p);
                return -(i + 1);
            }
            a[p++] = R1;
            a[p++] = R2;
            a[p++] = R3;
            replaced++;
        }
        out.setLength(p);
        return replaced;
    }

    /**
     * Appends well-formed UTF-8 {@code src[off, off+len)} escaped as element content, where no character needs
     * replacing: {@code false} at the first one XML 1.0 forbids (the output then holds part of the text, which
     * the caller cuts off). Eight bytes at a time ({@link CompactTranscoding}).
     */
    static boolean appendPlainText(ByteArrayBuilder out, byte[] src, int off, int len) {
        out.ensureRoom(len * 5 + CompactTranscoding.SLACK);  // "&amp;" for '&', and room to store whole words
        int end = CompactTranscoding.text(out.array(), out.length(), src, off, off + len);
        if (end < 0) {
            return false;
        }
        out.setLength(end);
        return true;
    }

    private static int append(ByteArrayBuilder out, byte[] src, int off, int len, byte[] table,
                              InvalidXmlCharacters policy) {
        out.ensureRoom(len * MAX_BYTES_PER_CHAR);
        byte[] a = out.array();
        int p = out.length();
        int replaced = 0;
        int i = off;
        int end = off + len;
        while (i < end) {
            int run = i;
            while (i < end) {
                byte b = src[i];
                if (b >= 0) {
                    if (table[b] != COPY) {
                        break;
                    }
                } else if (b == R1 && i + 2 < end && src[i + 1] == R2 && (src[i + 2] & 0xFE) == 0xBE) {
                    break; // U+FFFE or U+FFFF
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
            byte b = src[i];
            if (b >= 0 && table[b] > 0) {
                for (byte r : REPLACEMENTS[table[b]]) {
                    a[p++] = r;
                }
                i++;
                continue;
            }
            if (policy == InvalidXmlCharacters.FAIL) {
                out.setLength(p);
                return -(i - off + 1);
            }
            a[p++] = R1;
            a[p++] = R2;
            a[p++] = R3;
            replaced++;
            i += b >= 0 ? 1 : 3;
        }
        out.setLength(p);
        return replaced;
    }
}
