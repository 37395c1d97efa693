package org.marcring.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.marcring.codec.MarcRecord;
import org.marcring.engine.EngineException;
import org.marcring.engine.ErrorPolicy;
import org.marcring.engine.Pipeline;
import org.marcring.engine.PipelineBuilder;
import org.marcring.engine.PipelineResult;

/** Runs the engine for the commands: one pipeline per input, failures turned into one clear line. */
final class Runs {
    private Runs() {
    }

    /** The inputs named on the command line, checked; {@code -} (standard input) at most once. */
    static List<InputFile> inputs(List<String> args) {
        List<InputFile> files = new ArrayList<>();
        boolean stdin = false;
        for (String a : args) {
            if (a.equals("-")) {
                if (stdin) {
                    throw new IllegalArgumentException("-: standard input can be read only once");
                }
                stdin = true;
            }
            files.add(InputFile.of(a));
        }
        return files;
    }

    /**
     * The inputs named on the command line, each checked on its own: where one cannot be opened,
     * {@code failed} is told (with the reason) and the others are still returned, in order, as {@code wc}
     * goes on after a missing file. Standard input at most once (a usage error otherwise).
     */
    static List<InputFile> inputs(List<String> args, Consumer<RuntimeException> failed) {
        inputs(args.stream().filter("-"::equals).toList()); // - twice is a usage error, not a bad input
        List<InputFile> files = new ArrayList<>();
        for (String a : args) {
            try {
                files.add(InputFile.of(a));
            } catch (IllegalArgumentException e) {
                failed.accept(e);
            }
        }
        return files;
    }

    /**
     * The failure of one input among several, as one line ({@code marcring COMMAND: IN: reason}), followed by
     * the stack trace where {@code debug}.
     */
    static void reportFailure(PrintStream err, String command, InputFile input, Exception e, boolean debug) {
        String why = Errors.describe(e);
        err.println("marcring " + command + ": " + (input == null || why.startsWith(input.name()) ? why
                : input.name() + ": " + why));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /** Total size of the inputs where every size is known, else -1. */
    static long totalSize(List<InputFile> files) throws IOException {
        long total = 0;
        for (InputFile f : files) {
            long s = f.knownSize();
            if (s < 0) {
                return -1;
            }
            total += s;
        }
        return total;
    }

    /** Runs {@code pipeline}; a failure becomes an {@link IllegalStateException} naming {@code input}. */
    static PipelineResult run(PipelineBuilder builder, String input) {
        try (Pipeline p = builder.build()) {
            return p.run();
        } catch (EngineException e) {
            throw new IllegalStateException(input + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hands every record of {@code opened}, in order, to {@code sink} on the engine's writer thread, and
     * every reject to {@code policy}; returns the counts.
     */
    static PipelineResult forEach(Sources.Opened opened, int threads, Consumer<MarcRecord> sink, ErrorPolicy policy,
                                  ProgressBar bar) {
        PipelineBuilder b = Pipeline.builder().source(opened.source()).parsers(threads).sink(sink)
                .errorPolicy(policy);
        if (bar != null) {
            b.progress(bar);
        }
        PipelineResult r = run(b, opened.input().name());
        if (bar != null) {
            bar.nextRun();
        }
        return r;
    }

    /**
     * {@code marcring: read N records (N damaged regions, N bytes skipped), wrote N (N repaired, N with data
     * dropped), rejected N in S s (R records/s)}, each part in parentheses only where there is something to
     * count: bytes between records that hold no record are not records, and are counted apart.
     */
    static void summary(PrintStream err, long read, long regionsSkipped, long bytesSkipped, long written,
                        long repaired, long dataDropped, long rejected, long nanos) {
        double s = nanos / 1e9;
        String skipped = regionsSkipped == 0 ? "" : String.format(" (%,d damaged %s, %,d %s skipped)",
                regionsSkipped, regionsSkipped == 1 ? "region" : "regions", bytesSkipped,
                bytesSkipped == 1 ? "byte" : "bytes");
        String repairs = repaired == 0 ? "" : String.format(" (%,d repaired, %,d with data dropped)", repaired,
                dataDropped);
        err.printf("marcring: read %,d records%s, wrote %,d%s, rejected %,d in %.2f s (%,.0f records/s)%n",
                read, skipped, written, repairs, rejected, s, s > 0 ? read / s : 0.0);
    }
}
