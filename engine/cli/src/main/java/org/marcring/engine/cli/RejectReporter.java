package org.marcring.engine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

import org.marcring.engine.ErrorPolicy;
import org.marcring.engine.RejectedRecord;

/**
 * The command line's {@link ErrorPolicy}: skips each rejected record, names it on standard error (the
 * first {@value #SHOWN}, then a count), and writes its raw bytes to a rejects output when there is one.
 * Shared by the runs of several inputs; {@link #input(String)} names the current one.
 */
final class RejectReporter implements ErrorPolicy {
    static final int SHOWN = 100;

    private final PrintStream err;
    private final OutputStream rejects;
    private final boolean quiet;
    private String input = "";
    private long count;

    RejectReporter(PrintStream err, OutputStream rejects, boolean quiet) {
        this.err = err;
        this.rejects = rejects;
        this.quiet = quiet;
    }

    /** The input the next rejects come from. */
    void input(String name) {
        this.input = name;
    }

    @Override
    public void reject(RejectedRecord record) throws IOException {
        count++;
        if (rejects != null) {
            rejects.write(record.rawBytes());
        }
        if (!quiet && count <= SHOWN) {
            err.println(line(input, record));
        } else if (!quiet && count == SHOWN + 1) {
            err.println("marcring: more rejected records not shown; the summary counts them all");
        }
    }

    /** {@code path: record N at byte M: reason}, N counted from 1. */
    static String line(String input, RejectedRecord r) {
        return input + ": record " + (r.ordinal() + 1) + (r.byteOffset() >= 0 ? " at byte " + r.byteOffset() : "")
                + ": " + r.reason() + " (rejected)";
    }

    /** Rejected records so far. */
    long count() {
        return count;
    }
}
