package org.marcring.engine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.marcring.codec.MarcError;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.SkippedBytesException;
import org.marcring.codec.MarcException;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.line.LineEncoder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code marcring dump FILE}: the records in the line format ({@code convert --to line}), each followed by
 * its problems as {@code #} lines.
 */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Print records in the human-readable line format of 'convert --to line' (LDR, then one "
                + "line per field; a blank line between records), each record's problems after it as '# ' lines.",
                "Example: marcring dump --records 1-3 books.mrc"})
final class DumpCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IN", description = "input file in any format ('-' for standard input)")
    String file;

    @Mixin
    RunOptions run;

    @Option(names = "--records", paramLabel = "A-B",
            description = "only records A to B (1-based, inclusive; A- to the end; N for one)")
    String range;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        InputFile input = InputFile.of(file);
        long from = 1;
        long to = Long.MAX_VALUE;
        if (range != null) {
            long[] r = Inputs.parseRange(range);
            from = r[0];
            to = r[1];
        }
        PrintWriter err = spec.commandLine().getErr();
        LineEncoder lines = new LineEncoder();
        ByteArrayBuilder bytes = new ByteArrayBuilder();
        long ordinal = 0;
        long printed = 0;
        boolean problems = false;
        // a write error or a closed pipe ends the loop at once (StandardOutput throws; a PrintWriter would not)
        try (OutputStream out = StandardOutput.open();
             MarcReader reader = MarcFormats.openReader(input.open(), run.fromFormat(),
                     run.readOptions().withRejectsThrown())) {
            while (ordinal < to && reader.hasNext()) {
                ordinal++;
                MarcRecord record;
                try {
                    record = reader.next();
                } catch (MarcException e) {
                    problems = true;
                    boolean skipped = e instanceof SkippedBytesException;
                    if (skipped) {
                        ordinal--; // bytes between records are not a record
                    }
                    if (ordinal >= from || skipped && ordinal >= from - 1) {
                        err.println(file + ": " + e.getMessage());
                    }
                    continue;
                }
                if (ordinal < from) {
                    continue;
                }
                if (printed++ > 0) {
                    out.write('\n'); // the line format's separator
                }
                bytes.reset();
                lines.encode(record, bytes);
                out.write(bytes.array(), 0, bytes.length());
                for (MarcError error : record.errors()) {
                    out.write(("# " + error + "\n").getBytes(StandardCharsets.UTF_8));
                    problems |= error.severity() != MarcError.Severity.INFO;
                }
            }
        }
        if (range != null && ordinal < from) {
            err.println("marcring dump: " + file + " has " + ordinal + " records; --records " + range
                    + " selects none of them");
            return Marcring.PROBLEMS;
        }
        if (to != Long.MAX_VALUE && ordinal < to) {
            err.println("marcring dump: " + file + " has " + ordinal + " records; printed records " + from + "-"
                    + ordinal);
        }
        return problems ? Marcring.PROBLEMS : Marcring.OK;
    }
}
