package org.marcring.engine.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.marcring.codec.Field;
import org.marcring.codec.Leader;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code marcring stats IN…}: what the inputs hold, by record type (leader/06), bibliographic level
 * (leader/07), character coding (leader/09), tag frequency, and how many records had errors.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print statistics over all inputs: records by type (leader/06), bibliographic level "
                + "(leader/07), character coding (leader/09), tag frequencies, records with errors.",
                "Example: marcring stats books.mrc"})
final class StatsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "print JSON instead")
    boolean json;

    @Mixin
    RunOptions run;

    @Mixin
    InputArgs inputs;

    @ParentCommand
    Marcring parent;

    // written on the engine's writer thread only, read after the run
    private final Map<String, Long> types = new TreeMap<>();
    private final Map<String, Long> levels = new TreeMap<>();
    private final Map<String, Long> codings = new TreeMap<>();
    private final Map<String, long[]> tags = new TreeMap<>();
    private long records;
    private long withErrors;

    @Override
    public Integer call() throws Exception {
        ReadOptions options = run.readOptions();
        int threads = run.threads();
        MarcFormat from = run.fromFormat();
        PrintStream err = System.err;
        long[] failed = {0};
        List<InputFile> files = Runs.inputs(inputs.names, e -> {
            failed[0]++;
            Runs.reportFailure(err, "stats", null, e, parent.debug);
        });
        RejectReporter reporter = new RejectReporter(err, null, run.quiet);
        ProgressBar bar = run.progressBar(files);
        try {
            for (InputFile file : files) {
                try {
                    Sources.Opened opened = Sources.open(file, from, options);
                    reporter.input(file.name());
                    Runs.forEach(opened, threads, this::add, reporter, bar);
                } catch (IOException | RuntimeException e) {
                    // the statistics of the other inputs are still printed; this one is named
                    failed[0]++;
                    Runs.reportFailure(err, "stats", file, e, parent.debug);
                }
            }
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        if (json) {
            printJson(out, reporter.count(), reporter.regionsSkipped());
        } else {
            printText(out, reporter.count(), reporter.regionsSkipped());
        }
        out.flush();
        try (OutputStream stdout = StandardOutput.open()) {
            stdout.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return failed[0] > 0 ? Marcring.FAILED
                : reporter.count() > 0 || reporter.regionsSkipped() > 0 ? Marcring.PROBLEMS : Marcring.OK;
    }

    private void add(MarcRecord record) {
        records++;
        Leader leader = record.leader();
        types.merge(String.valueOf(leader.typeOfRecord()), 1L, Long::sum);
        levels.merge(String.valueOf(leader.bibliographicLevel()), 1L, Long::sum);
        codings.merge(String.valueOf(leader.characterCoding()), 1L, Long::sum);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Field f : record.fields()) {
            long[] c = tags.computeIfAbsent(f.tag(), t -> new long[2]);
            c[0]++;
            if (seen.add(f.tag())) {
                c[1]++;
            }
        }
        if (record.hasErrors()) {
            withErrors++;
        }
    }

    private void printText(PrintWriter out, long rejected, long regionsSkipped) {
        out.printf("records            %,d%n", records);
        out.printf("with errors        %,d (repaired while reading)%n", withErrors);
        out.printf("rejected           %,d (unreadable)%n", rejected);
        if (regionsSkipped > 0) {
            out.printf("damaged regions    %,d (bytes between records that hold no record, skipped)%n",
                    regionsSkipped);
        }
        section(out, "type (leader/06)", types);
        section(out, "bibliographic level (leader/07)", levels);
        section(out, "character coding (leader/09)", codings);
        out.println();
        out.println("tag   occurrences  records");
        for (Map.Entry<String, long[]> e : tags.entrySet()) {
            out.printf("%-5s %,11d  %,7d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
        }
    }

    private static void section(PrintWriter out, String title, Map<String, Long> counts) {
        out.println();
        out.println(title);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            out.printf("  '%s'  %,d%n", e.getKey(), e.getValue());
        }
    }

    private void printJson(PrintWriter out, long rejected, long regionsSkipped) {
        StringBuilder sb = new StringBuilder("{\"records\":").append(records).append(",\"withErrors\":")
                .append(withErrors).append(",\"rejected\":").append(rejected).append(",\"regionsSkipped\":")
                .append(regionsSkipped);
        sb.append(",\"type\":").append(json(types)).append(",\"level\":").append(json(levels))
                .append(",\"coding\":").append(json(codings)).append(",\"tags\":{");
        boolean first = true;
        for (Map.Entry<String, long[]> e : tags.entrySet()) {
            sb.append(first ? "" : ",").append(Json.quote(e.getKey())).append(":{\"occurrences\":")
                    .append(e.getValue()[0]).append(",\"records\":").append(e.getValue()[1]).append('}');
            first = false;
        }
        out.println(sb.append("}}"));
    }

    private static String json(Map<String, Long> counts) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            sb.append(sb.length() == 1 ? "" : ",").append(Json.quote(e.getKey())).append(':').append(e.getValue());
        }
        return sb.append('}').toString();
    }
}
