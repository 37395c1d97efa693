package org.marcring.engine.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.engine.PipelineResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code marcring count IN…}: the number of records in each input, in any format. */
@Command(name = "count", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the number of records in each input (N<TAB>path), and a total line for several.",
                "Records that cannot be read are not counted; they are named on standard error (exit code 1).",
                "Example: marcring count books.mrc more.xml"})
final class CountCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print JSON instead")
    boolean json;

    @Mixin
    RunOptions run;

    @Mixin
    InputArgs inputs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReadOptions options = run.readOptions();
        int threads = run.threads();
        MarcFormat from = run.fromFormat();
        List<InputFile> files = inputs.files();
        PrintWriter out = spec.commandLine().getOut();
        RejectReporter reporter = new RejectReporter(System.err, null, run.quiet);
        ProgressBar bar = run.progressBar(files);
        long total = 0;
        StringBuilder js = new StringBuilder("{\"files\":[");
        StringBuilder lines = new StringBuilder(); // printed after the progress bar is gone
        try {
            for (InputFile file : files) {
                Sources.Opened opened = Sources.open(file, from, options);
                reporter.input(file.name());
                PipelineResult r = Runs.forEach(opened, threads, rec -> { }, reporter, bar);
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
        out.print(lines);
        if (json) {
            out.println(js.append("],\"total\":").append(total).append(",\"rejected\":").append(reporter.count())
                    .append('}'));
        } else if (files.size() > 1) {
            out.println(total + "\ttotal");
        }
        out.flush();
        return reporter.count() > 0 ? Marcring.PROBLEMS : Marcring.OK;
    }
}
