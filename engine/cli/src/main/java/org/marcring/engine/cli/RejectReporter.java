package org.marcring.engine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.marcring.codec.MarcError;
import org.marcring.codec.MarcFormatException;
import org.marcring.engine.ErrorPolicy;
import org.marcring.engine.RejectedRecord;
import org.marcring.engine.RepairedRecord;

/**
 * The command line's {@link ErrorPolicy}: skips each rejected record, names it on standard error (the
 * first {@value #SHOWN} lines, then a count), and writes its raw bytes to a rejects output when there is
 * one. A record written after a repair that dropped data is named on standard error too. Where there is a
 * report output, every rejected and every repaired record is listed in it, one line per problem, in
 * {@code validate}'s columns: input, record number, byte offset of the record, control number, severity,
 * message. Bytes between records that hold no record ({@link RejectedRecord#isSkippedBytes()}) are treated
 * alike (named, written to the rejects, listed with {@code -} for the record number) but counted apart.
 * Records are numbered from 1 in every line, as in the library's messages. Shared by the runs of several
 * inputs; {@link #input(String)} names the current one.
 */
final class RejectReporter implements ErrorPolicy {
    static final int SHOWN = 100;

    private final PrintStream err;
    private final OutputStream rejects;
    private final OutputStream report;
    private final boolean quiet;
    private String input = "";
    private long count;
    private long regionsSkipped;
    private long repaired;
    private long dataDropped;
    private long shown;

    RejectReporter(PrintStream err, OutputStream rejects, boolean quiet) {
        this(err, rejects, null, quiet);
    }

    RejectReporter(PrintStream err, OutputStream rejects, OutputStream report, boolean quiet) {
        this.err = err;
        this.rejects = rejects;
        this.report = report;
        this.quiet = quiet;
    }

    /** The input the next rejects come from. */
    void input(String name) {
        this.input = name;
    }

    @Override
    public void reject(RejectedRecord record) throws IOException {
        boolean skipped = record.isSkippedBytes();
        if (skipped) {
            regionsSkipped++;
        } else {
            count++;
        }
        if (rejects != null) {
            rejects.write(record.rawBytes());
        }
        if (report != null) {
            if (skipped) {
                report(-1, record.byteOffset(), null, MarcError.Severity.FATAL, record.message() + " (skipped)");
            } else {
                report(record.ordinal(), record.byteOffset(), null, MarcError.Severity.FATAL,
                        record.reason() + " (rejected)");
            }
        }
        show(line(input, record));
    }

    @Override
    public void repaired(RepairedRecord record) throws IOException {
        repaired++;
        boolean dropped = record.dataDropped();
        if (dropped) {
            dataDropped++;
        }
        if (report != null) {
            for (MarcError e : record.errors()) {
                String where = e.tag() == null ? "" : e.tag() + ": ";
                report(record.ordinal(), record.byteOffset(), record.controlNumber(), e.severity(),
                        where + e.message());
            }
        }
        if (dropped) {
            MarcError first = record.errors().stream()
                    .filter(e -> e.severity().compareTo(MarcError.Severity.ERROR) >= 0).findFirst()
                    .orElse(record.errors().get(0)); // cut short: the first repair says so
            show(input + ": " + MarcFormatException.describe(record.ordinal(), record.byteOffset(), first
                    + (record.errors().size() > 1 ? " (and " + (record.errors().size() - 1) + " more)" : "")
                    + " (written with data dropped)"));
        }
    }

    private void show(String line) {
        shown++;
        if (!quiet && shown <= SHOWN) {
            err.println(line);
        } else if (!quiet && shown == SHOWN + 1) {
            err.println("marcring: more rejected or damaged records not shown; the summary counts them all");
        }
    }

    private void report(long ordinal, long offset, String controlNumber, MarcError.Severity severity,
                        String message) throws IOException {
        String line = input + "\t" + (ordinal < 0 ? "-" : Long.toString(MarcFormatException.recordNumber(ordinal)))
                + "\t" + offset + "\t" + (controlNumber == null ? "-"
                : controlNumber) + "\t" + severity + "\t" + message.replace('\t', ' ').replace('\n', ' ') + "\n";
        report.write(line.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code path: record N at byte M: reason (rejected)}, N counted from 1 as in the library's messages; for
     * skipped bytes {@code path: 66 bytes skipped at byte M, after record N: reason}.
     */
    static String line(String input, RejectedRecord r) {
        return input + ": " + (r.isSkippedBytes() ? r.message()
                : MarcFormatException.describe(r.ordinal(), r.byteOffset(), r.reason() + " (rejected)"));
    }

    /** Rejected records so far (skipped bytes between records are not records, and not counted here). */
    long count() {
        return count;
    }

    /** Runs of bytes between records that held no record, skipped so far. */
    long regionsSkipped() {
        return regionsSkipped;
    }

    /** Records written after a repair so far. */
    long repaired() {
        return repaired;
    }

    /** Records written after a repair that dropped or replaced data so far. */
    long dataDropped() {
        return dataDropped;
    }
}
