package org.marcring.engine.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on the command line's inputs, with one clear message each. */
final class Inputs {
    private Inputs() {
    }

    /** Fails with a clear message unless {@code file} is a readable regular file. */
    static void checkReadable(Path file) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(file + ": is a directory, not a file");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(file + ": not readable");
        }
    }

    /** Parses {@code A-B} (1-based, inclusive; {@code A-} for "to the end", {@code N} for one record). */
    static long[] parseRange(String range) {
        try {
            int dash = range.indexOf('-');
            if (dash < 0) {
                long n = Long.parseLong(range.trim());
                return new long[] {n, n};
            }
            long a = Long.parseLong(range.substring(0, dash).trim());
            String b = range.substring(dash + 1).trim();
            long[] r = {a, b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b)};
            if (r[0] < 1 || r[1] < r[0]) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--records takes A-B with 1 <= A <= B: '" + range + "'");
        }
    }
}
