package org.marcring.engine.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import org.marcring.codec.MarcError;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.MarcException;
import org.marcring.codec.io.MarcFormats;
import org.marcring.codec.io.MarcReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code marcring dump FILE}: the records in a human-readable line format. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = {"Print records in a human-readable line format (LDR, then one line per field).",
                "Example: marcring dump --records 1-3 books.mrc"})
final class DumpCommand implements Callable<Integer> {
    @Parameters(paramLabel = "IN", description = "input file in any format ('-' for standard input)")
    String file;

    @Mixin
    RunOptions run;

    @Option(names = "--records", paramLabel = "A-B", description = "only records A to B (1-based, inclusive)")
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
        long ordinal = 0;
        boolean problems = false;
        // a write error or a closed pipe ends the loop at once (StandardOutput throws; a PrintWriter would not)
        try (Writer out = new OutputStreamWriter(StandardOutput.open(), StandardCharsets.UTF_8);
             MarcReader reader = MarcFormats.openReader(input.open(), run.fromFormat(), run.readOptions())) {
            while (reader.hasNext() && ordinal < to) {
                ordinal++;
                MarcRecord record;
                try {
                    record = reader.next();
                } catch (MarcException e) {
                    problems = true;
                    if (ordinal >= from) {
                        err.println(file + ": " + e.getMessage());
                    }
                    continue;
                }
                if (ordinal < from) {
                    continue;
                }
                out.write(record.toString());
                out.write('\n');
                for (MarcError error : record.errors()) {
                    out.write("# " + error + "\n");
                    problems |= error.severity() != MarcError.Severity.INFO;
                }
                out.write('\n');
            }
        }
        return problems ? Marcring.PROBLEMS : Marcring.OK;
    }
}
