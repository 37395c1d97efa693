package org.marcring.engine.cli;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;

import org.marcring.codec.MarcException;
import org.marcring.codec.SkippedBytesException;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.engine.PipelineResult;
import org.marcring.engine.RejectedRecord;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code marcring count IN…}: the number of records in each input, in any format. An ISO 2709 file is only
 * framed (a scan by the leaders' lengths and the record terminators), never decoded.
 */
@Command(name = "count", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Print the number of records in each input (N<TAB>path), and a total line for several.",
                "ISO 2709 is framed without decoding: a record counts if its bytes frame as one (validate "
                        + "checks the rest); bytes between records that hold none, or a run past the size limit, "
                        + "are named on standard error (exit code 1). Other formats are read.",
                "An input that cannot be read is named there too; the others are counted (exit code 2).",
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
                long count;
                long rejected;
                long skippedBefore = reporter.regionsSkipped();
                try {
                    reporter.input(file.name());
                    if (!file.isStream() && formatOf(file, from) == MarcFormat.ISO2709) {
                        long before = reporter.count();
                        try {
                            count = frame(file, options, reporter); // a byte scan: about a second per gigabyte
                        } catch (MarcException | java.io.UncheckedIOException e) {
                            throw new MarcException(file.name() + ": " + Errors.describe(e), e); // e.g. corrupt gzip
                        }
                        rejected = reporter.count() - before;
                    } else {
                        Sources.Opened opened = Sources.open(file, from, options);
                        PipelineResult r = Runs.forEach(opened, threads, rec -> { }, reporter, bar);
                        count = r.recordsWritten();
                        rejected = r.recordsRejected();
                    }
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
                total += count;
                if (json) {
                    js.append(js.charAt(js.length() - 1) == '[' ? "" : ",").append("{\"path\":")
                            .append(Json.quote(file.name())).append(",\"records\":").append(count)
                            .append(",\"rejected\":").append(rejected).append(",\"regionsSkipped\":")
                            .append(reporter.regionsSkipped() - skippedBefore).append('}');
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
                    .append(",\"regionsSkipped\":").append(reporter.regionsSkipped()).append("}\n"));
        } else if (inputs.names.size() > 1) {
            lines.append(total).append("\ttotal\n");
        }
        try (OutputStream out = StandardOutput.open()) {
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        }
        return failed[0] > 0 ? Marcring.FAILED
                : reporter.count() > 0 || reporter.regionsSkipped() > 0 ? Marcring.PROBLEMS : Marcring.OK;
    }

    /** The format of a file: {@code given}, or the one its first bytes show. */
    private static MarcFormat formatOf(InputFile file, MarcFormat given) throws IOException {
        try (BufferedInputStream in = file.open()) {
            return file.format(in, given);
        }
    }

    /**
     * Counts the ISO 2709 records of a file by framing them on this thread: no decoding, no records made.
     * Bytes that frame as no record (garbage, a run past the size limit) go to the reporter; in strict mode
     * so does every record the framer had to repair (a lying length, a missing terminator).
     */
    private static long frame(InputFile file, ReadOptions options, RejectReporter reporter) throws IOException {
        long count = 0;
        RawRecord raw = new RawRecord();
        int refused = RawRecord.GARBAGE | RawRecord.OVERSIZED;
        try (RecordFramer framer = file.isGzip() ? RecordFramer.of(file.open()) : RecordFramer.open(file.path())) {
            framer.maxRecordBytes(options.maxRecordBytes());
            while (framer.next(raw)) {
                int defects = raw.defects();
                if ((defects & refused) != 0 || (defects != 0 && options.isStrict())) {
                    byte[] bytes = java.util.Arrays.copyOfRange(raw.buffer(), raw.offset(), raw.offset() + raw.length());
                    // garbage is not a record: it goes to the reporter as skipped bytes, counted apart
                    Throwable cause = (defects & RawRecord.GARBAGE) == 0 ? null
                            : new SkippedBytesException(raw.ordinal(), raw.byteOffset(), raw.spanLength(),
                                    defectsOf(defects), bytes);
                    reporter.reject(new RejectedRecord(raw.ordinal(), raw.byteOffset(), bytes,
                            RejectedRecord.Stage.DECODE, defectsOf(defects), cause));
                } else {
                    count++;
                }
            }
        }
        return count;
    }

    private static String defectsOf(int defects) {
        if ((defects & RawRecord.GARBAGE) != 0) {
            return "bytes between records that hold no record";
        }
        if ((defects & RawRecord.OVERSIZED) != 0) {
            return "a run without a record terminator longer than the size limit";
        }
        if ((defects & RawRecord.TRUNCATED) != 0) {
            return "record cut short";
        }
        return "record length in the leader is wrong";
    }
}
