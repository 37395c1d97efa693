package org.marcring.codec.iso2709;

/** Tag strings for the 1,000 numeric tags, shared so that decoding allocates no tag strings. */
final class Tags {
    private static final String[] NUMERIC = new String[1000];

    static {
        // not String.format: its pattern parse, run 1,000 times at start-up, made the JIT compile the regex
        // engine (0.4 to 0.6 s of compiler time in a conversion, seen in -XX:+LogCompilation)
        char[] digits = new char[3];
        for (int i = 0; i < 1000; i++) {
            digits[0] = (char) ('0' + i / 100);
            digits[1] = (char) ('0' + i / 10 % 10);
            digits[2] = (char) ('0' + i % 10);
            NUMERIC[i] = new String(digits).intern();
        }
    }

    private Tags() {
    }

    /** The tag in the 3 bytes at {@code p}; non-ASCII bytes become U+FFFD. */
    static String of(byte[] b, int p) {
        int d0 = b[p] - '0';
        int d1 = b[p + 1] - '0';
        int d2 = b[p + 2] - '0';
        if ((d0 | d1 | d2) >= 0 && d0 <= 9 && d1 <= 9 && d2 <= 9) {
            return NUMERIC[d0 * 100 + d1 * 10 + d2];
        }
        char[] c = new char[3];
        for (int i = 0; i < 3; i++) {
            c[i] = printable(b[p + i]) ? (char) b[p + i] : '\uFFFD';
        }
        return new String(c);
    }

    /** Whether any of the 3 bytes at {@code p} is not printable ASCII (and so is U+FFFD in {@link #of}). */
    static boolean hasUnprintable(byte[] b, int p) {
        return !printable(b[p]) || !printable(b[p + 1]) || !printable(b[p + 2]);
    }

    private static boolean printable(byte v) {
        return v >= 0x20 && v < 0x7F;
    }

    /** Whether the 3 bytes at {@code p} are a control field tag ({@code 00X}). */
    static boolean isControl(byte[] b, int p) {
        return b[p] == '0' && b[p + 1] == '0';
    }
}
