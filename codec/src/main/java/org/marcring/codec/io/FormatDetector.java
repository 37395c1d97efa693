package org.marcring.codec.io;

/**
 * Tells a record format from the first bytes of its input (after any gzip and byte-order mark have
 * been dealt with): five digits then a leader for ISO 2709, {@code <} for MARCXML, <code>{</code> or
 * {@code [} for MARC-in-JSON (newline-delimited where the first line is a whole object), {@code =LDR}
 * for MARCMaker.
 */
public final class FormatDetector {
    private FormatDetector() {
    }

    /** Whether the bytes {@code head[0, length)} start with the UTF-8 byte-order mark (EF BB BF). */
    public static boolean hasUtf8Bom(byte[] head, int length) {
        return length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
    }

    /** The format the bytes {@code head[0, length)} start with, or {@code null} where none fits. */
    public static MarcFormat detect(byte[] head, int length) {
        int i = hasUtf8Bom(head, length) ? 3 : 0;
        if (length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            return MarcFormat.MARCXML; // a UTF-16 byte-order mark: of these formats only XML may be UTF-16
        }
        int start = i;
        if (isIso2709(head, i, length)) {
            return MarcFormat.ISO2709;
        }
        // skip NUL fill and whitespace before the first record
        while (i < length && (head[i] == 0 || head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i > start && isIso2709(head, i, length)) {
            return MarcFormat.ISO2709;
        }
        if (i >= length) {
            return null;
        }
        switch (head[i]) {
            case '<':
                return MarcFormat.MARCXML;
            case '[':
                return MarcFormat.JSON;
            case '{':
                return firstLineIsObject(head, i, length) ? MarcFormat.NDJSON : MarcFormat.JSON;
            case '=':
                return startsWith(head, i, length, "=LDR") || startsWith(head, i, length, "=000")
                        ? MarcFormat.MRK : null;
            default:
                return null;
        }
    }

    /**
     * Five digits of record length, or, where the length is damaged, a leader whose indicator count,
     * subfield code length and entry map ({@code 22 … 4500}) are in place: the ISO 2709 reader then
     * says what is wrong with it.
     */
    private static boolean isIso2709(byte[] b, int i, int length) {
        if (length - i >= 24 && b[i + 10] == '2' && b[i + 11] == '2' && b[i + 20] == '4' && b[i + 21] == '5'
                && b[i + 22] == '0' && b[i + 23] == '0') {
            return true;
        }
        if (length - i < 24) {
            // a short sample can still be one small record: five digits are enough to try
            if (length - i < 5) {
                return false;
            }
        }
        for (int k = 0; k < 5; k++) {
            if (b[i + k] < '0' || b[i + k] > '9') {
                return false;
            }
        }
        if (length - i >= 24) {
            // indicator count and subfield code length are digits in every real leader
            return isDigitOrBlank(b[i + 10]) && isDigitOrBlank(b[i + 11]);
        }
        return true;
    }

    private static boolean isDigitOrBlank(byte c) {
        return (c >= '0' && c <= '9') || c == ' ';
    }

    /** Whether the line from {@code i} is one complete JSON object (braces balance before the newline). */
    private static boolean firstLineIsObject(byte[] b, int i, int length) {
        int depth = 0;
        boolean inString = false;
        for (int k = i; k < length; k++) {
            byte c = b[k];
            if (inString) {
                if (c == '\\') {
                    k++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    // the rest of the line must be blank
                    for (int j = k + 1; j < length; j++) {
                        if (b[j] == '\n') {
                            return true;
                        }
                        if (b[j] != ' ' && b[j] != '\t' && b[j] != '\r') {
                            return false;
                        }
                    }
                    return false; // a single object and nothing after it: plain JSON
                }
            } else if (c == '\n') {
                return false;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int i, int length, String s) {
        if (length - i < s.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (b[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Up to {@code n} bytes from the start of {@code in}, which is left where it was (fewer where the input is
     * shorter): what {@link #detect} looks at.
     */
    public static byte[] peek(java.io.BufferedInputStream in, int n) throws java.io.IOException {
        in.mark(n);
        byte[] b = in.readNBytes(n);
        in.reset();
        return b;
    }

    /** The first bytes in a readable form, for an error message. */
    public static String describe(byte[] head) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < Math.min(16, head.length); k++) {
            int c = head[k] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02X", c));
        }
        return head.length == 0 ? "(empty input)" : "'" + sb + "'";
    }
}
