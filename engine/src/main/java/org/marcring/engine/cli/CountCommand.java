package org.marcring.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.marcring.codec.iso2709.Iso2709Reader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code marcring count FILE…}: the number of records in each file. */
@Command(name = "count", mixinStandardHelpOptions = true,
        description = "Print the number of records in each file (N<TAB>path), and a total for several.")
final class CountCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "ISO 2709 files")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        long total = 0;
        long rejected = 0;
        for (Path file : files) {
            Inputs.checkReadable(file);
            try (Iso2709Reader reader = Iso2709Reader.open(file)) {
                reader.onReject(e -> { });
                long n = 0;
                while (reader.hasNext()) {
                    reader.next();
                    n++;
                }
                out.println(n + "\t" + file);
                total += n;
                rejected += reader.rejectedCount();
            }
        }
        if (files.size() > 1) {
            out.println(total + "\ttotal");
        }
        out.flush();
        return rejected > 0 ? Marcring.PROBLEMS : Marcring.OK;
    }
}
