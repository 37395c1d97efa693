package org.marcring.engine.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.marcring.codec.MarcError;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.engine.ErrorPolicy;
import org.marcring.engine.Pipeline;
import org.marcring.engine.PipelineBuilder;
import org.marcring.engine.RejectedRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code marcring validate IN…}: every structural or encoding problem found while reading, one per line:
 * path, record number, byte offset, control number, severity, message.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List every structural or encoding problem, one per line: path, record number (from 1), "
                + "byte offset, control number (001), severity, message; tab-separated. Unreadable records "
                + "are FATAL; so are bytes between records that hold no record, with '-' for the record "
                + "number (they are not records). Exit code 1 when any problem was found.",
                "An input that cannot be read is named on standard error; the others are checked (exit code 2).",
                "Example: marcring validate books.mrc"})
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--json", description = "one JSON object per problem and line")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "error|warning|info",
            description = "the least severity that makes the exit code 1 (default: warning); every problem is "
                    + "listed whatever it is, and an unreadable record (FATAL) always fails")
    String failOn = "warning";

    @Mixin
    RunOptions run;

    @Mixin
    InputArgs inputs;

    @ParentCommand
    Marcring parent;

    private Writer out;
    private boolean outputFailed;
    private long failing;
    private MarcError.Severity threshold;

    @Override
    public Integer call() throws Exception {
        run.readOptions(); // checks the flags; validate always reads permissively, so every repair is listed
        ReadOptions options = ReadOptions.defaults().withCharacterCoding(run.inputCoding());
        threshold = failOn();
        int threads = run.threads();
        MarcFormat from = run.fromFormat();
        PrintStream err = System.err;
        long[] failed = {0};
        List<InputFile> files = Runs.inputs(inputs.names, e -> {
            failed[0]++;
            Runs.reportFailure(err, "validate", null, e, parent.debug);
        });
        // not picocli's PrintWriter, which swallows write errors: a full disk or a closed pipe ends the run
        out = new OutputStreamWriter(StandardOutput.open(), StandardCharsets.UTF_8);
        ProgressBar bar = run.progressBar(files);
        try {
            for (InputFile file : files) {
                try {
                    validate(file, from, options, threads, bar);
                } catch (IOException | RuntimeException e) {
                    if (outputFailed) {
                        throw e; // standard output failed: no other input can be reported either
                    }
                    // as count and stats: say why this one failed, check the others
                    failed[0]++;
                    out.flush(); // this input's problems found so far come before the line that names it
                    Runs.reportFailure(err, "validate", file, e, parent.debug);
                }
                if (bar != null) {
                    bar.nextRun();
                }
            }
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        out.close();
        return failed[0] > 0 ? Marcring.FAILED : failing > 0 ? Marcring.PROBLEMS : Marcring.OK;
    }

    /** Lists the problems of one input. */
    private void validate(InputFile file, MarcFormat from, ReadOptions options, int threads, ProgressBar bar)
            throws IOException {
        Sources.Opened opened = Sources.open(file, from, options);
        OffsetSource source = new OffsetSource(opened.source());
        String name = file.name();
        boolean iso = opened.format() == MarcFormat.ISO2709;
        long[] ordinal = {0};
        ErrorPolicy policy = (RejectedRecord r) -> {
            source.takeOffset();
            if (r.isSkippedBytes()) {
                // not a record: no record number, and the records after it keep theirs
                print(name, -1, r.byteOffset(), null, MarcError.Severity.FATAL, r.message());
                return;
            }
            ordinal[0]++;
            print(name, MarcFormatException.recordNumber(r.ordinal()), r.byteOffset(), null,
                    MarcError.Severity.FATAL, r.reason());
        };
        PipelineBuilder b = Pipeline.builder().source(source).parsers(threads).errorPolicy(policy)
                .sink((MarcRecord rec) -> {
                    long offset = source.takeOffset();
                    ordinal[0]++;
                    for (MarcError e : rec.errors()) {
                        long at = offset >= 0 && iso && e.position() >= 0 ? offset + e.position() : offset;
                        String where = e.tag() == null ? "" : e.tag() + ": ";
                        print(name, ordinal[0], at, rec.controlNumber(), e.severity(), where + e.message());
                    }
                });
        if (bar != null) {
            b.progress(bar);
        }
        Runs.run(b, name);
    }

    /** The severity named by --fail-on. */
    private MarcError.Severity failOn() {
        String s = failOn.trim().toUpperCase(java.util.Locale.ROOT);
        for (MarcError.Severity v : MarcError.Severity.values()) {
            if (v.name().equals(s) && v != MarcError.Severity.FATAL) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown --fail-on '" + failOn + "'; known: error, warning, info");
    }

    private void print(String path, long record, long offset, String controlNumber, MarcError.Severity severity,
                       String message) {
        if (severity.compareTo(threshold) >= 0) {
            failing++;
        }
        if (json) {
            println("{\"path\":" + Json.quote(path) + ",\"record\":" + (record < 0 ? "null" : record)
                    + ",\"offset\":" + offset
                    + ",\"controlNumber\":" + Json.quote(controlNumber) + ",\"severity\":\"" + severity
                    + "\",\"message\":" + Json.quote(message) + "}");
        } else {
            println(path + "\t" + (record < 0 ? "-" : Long.toString(record)) + "\t" + offset + "\t" + (controlNumber == null ? "-" : controlNumber)
                    + "\t" + severity + "\t" + message.replace('\t', ' ').replace('\n', ' '));
        }
    }

    /** One line to standard output; a write error is thrown unchecked (this runs in the engine's sink). */
    private void println(String line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            outputFailed = true;
            throw new UncheckedIOException(e);
        }
    }
}
