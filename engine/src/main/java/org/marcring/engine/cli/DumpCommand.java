package org.marcring.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.marcring.codec.MarcError;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Reader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code marcring dump FILE}: the records in a human-readable line format. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Print records in a human-readable line format (LDR, then one line per field).")
final class DumpCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "ISO 2709 file")
    Path file;

    @Option(names = "--records", paramLabel = "A-B", description = "only records A to B (1-based, inclusive)")
    String range;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Inputs.checkReadable(file);
        long from = 1;
        long to = Long.MAX_VALUE;
        if (range != null) {
            long[] r = Inputs.parseRange(range);
            from = r[0];
            to = r[1];
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long ordinal = 0;
        boolean problems = false;
        try (Iso2709Reader reader = Iso2709Reader.open(file)) {
            while (reader.hasNext() && ordinal < to) {
                ordinal++;
                MarcRecord record;
                try {
                    record = reader.next();
                } catch (MarcFormatException e) {
                    problems = true;
                    if (ordinal >= from) {
                        err.println(file + ": " + e.getMessage());
                    }
                    continue;
                }
                if (ordinal < from) {
                    continue;
                }
                out.println(record);
                for (MarcError error : record.errors()) {
                    out.println("# " + error);
                    problems |= error.severity() != MarcError.Severity.INFO;
                }
                out.println();
            }
        }
        out.flush();
        return problems ? Marcring.PROBLEMS : Marcring.OK;
    }
}
