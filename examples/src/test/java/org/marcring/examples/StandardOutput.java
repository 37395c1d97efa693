package org.marcring.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs an example's {@code main} with standard output captured, and gives back what it printed. */
final class StandardOutput {
    private StandardOutput() {
    }

    /** A {@code main} that may throw, as examples' mains do. */
    interface Main {
        void run() throws Exception;
    }

    static synchronized String of(Main main) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream previous = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(previous);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
