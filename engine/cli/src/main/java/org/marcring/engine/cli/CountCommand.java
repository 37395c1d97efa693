package org.marcring.engine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.engine.PipelineResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code marcring count IN…}: the number of records in each input, in any format. */
@Command(name = "count", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the number of records in each input (N<TAB>path), and a total line for several.",
                "Records that cannot be read are not counted; they are named on standard error (exit code 1). "
                        + "An input that cannot be read is named there too; the others are counted (exit code 2).",
                "Example: marcring count books.mrc more.xml"})
final class CountCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print JSON instead")
    boolean json;

    @Mixin
    RunOptions run;

    @Mixin
    InputArgs inputs;

    @ParentCommand
    Marcring parent;

    @Override
    public Integer call() throws Exception {
        ReadOptions options = run.readOptions();
        int threads = run.threads();
        MarcFormat from = run.fromFormat();
        PrintStream err = System.err;
        long[] failed = {0};
        List<InputFile> files = Runs.inputs(inputs.names, e -> {
            failed[0]++;
            Runs.reportFailure(err, "count", null, e, parent.debug);
        });
        RejectReporter reporter = new RejectReporter(err, null, run.quiet);
        ProgressBar bar = run.progressBar(files);
        long total = 0;
        StringBuilder js = new StringBuilder("{\"files\":[");
        StringBuilder lines = new StringBuilder(); // printed after the progress bar is gone
        try {
            for (InputFile file : files) {
                PipelineResult r;
                try {
                    Sources.Opened opened = Sources.open(file, from, options);
                    reporter.input(file.name());
                    r = Runs.forEach(opened, threads, rec -> { }, reporter, bar);
                } catch (IOException | RuntimeException e) {
                    // as wc: say why this one failed, count the others
                    failed[0]++;
                    Runs.reportFailure(err, "count", file, e, parent.debug);
                    if (json) {
                        js.append(js.charAt(js.length() - 1) == '[' ? "" : ",").append("{\"path\":")
                                .append(Json.quote(file.name())).append(",\"error\":")
                                .append(Json.quote(Errors.describe(e))).append('}');
                    }
                    continue;
                }
                long count = r.recordsWritten();
                total += count;
                if (json) {
                    js.append(js.charAt(js.length() - 1) == '[' ? "" : ",").append("{\"path\":")
                            .append(Json.quote(file.name())).append(",\"records\":").append(count)
                            .append(",\"rejected\":").append(r.recordsRejected()).append('}');
                } else {
                    lines.append(count).append('\t').append(file.name()).append('\n');
                }
            }
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        if (json) {
            lines.append(js.append("],\"total\":").append(total).append(",\"rejected\":").append(reporter.count())
                    .append("}\n"));
        } else if (inputs.names.size() > 1) {
            lines.append(total).append("\ttotal\n");
        }
        try (OutputStream out = StandardOutput.open()) {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        return failed[0] > 0 ? Marcring.FAILED : reporter.count() > 0 ? Marcring.PROBLEMS : Marcring.OK;
    }
}
