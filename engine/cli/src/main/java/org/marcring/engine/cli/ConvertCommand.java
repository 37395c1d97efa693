package org.marcring.engine.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.marcring.codec.MarcError;
import org.marcring.codec.MarcException;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.marc8.Marc8Encoder;
import org.marcring.codec.xml.MarcXmlEncoder;
import org.marcring.codec.text.ProblemSink;
import org.marcring.engine.Pipeline;
import org.marcring.engine.PipelineBuilder;
import org.marcring.engine.PipelineResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code marcring convert [--to FMT] -o OUT IN…}: reads the inputs in order through the engine and writes their
 * records into one output in another format, input order kept; the format is the one {@code --to} names, or
 * the one the output's file name ends in.
 */
@Command(name = "convert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Convert MARC records between formats on every core; several inputs go into one output "
                + "in order.",
                "Formats: iso2709 (marc, mrc), marcxml (xml), json (MARC-in-JSON array), ndjson (one record "
                        + "per line), mrk, mrk8, line (written only). '-' is standard input or output; .gz "
                        + "is compressed and decompressed.",
                "The summary counts records read (and apart from them, damaged regions: bytes between records "
                        + "that hold no record, skipped), written (of them repaired while reading, and repaired "
                        + "with data dropped), and rejected. Exit code 1 when a record was rejected or written "
                        + "with data dropped, or bytes were skipped (--report lists them).",
                "Without --to, the format is taken from the output's extension: .mrc/.marc (iso2709), .xml "
                        + "(marcxml), .json, .ndjson, .mrk, .mrk8, .txt (line), with .gz on top.",
                "Example: marcring convert -o books.xml books.mrc"})
final class ConvertCommand implements Callable<Integer> {
    @Option(names = "--to", paramLabel = "FMT",
            description = "output format (default: from the extension of -o; needed for standard output)")
    String to;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = {"output file (default: standard output). A file is written under a temporary name, "
                    + PartFile.PATTERN + ", and takes its name only when the run and its rejects are complete; "
                    + "such a file left by a killed run is removed by the next run into OUT. A device or FIFO "
                    + "is written straight; a symbolic link is followed"})
    String output;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "write the raw bytes of every rejected record to FILE (committed with the output)")
    String rejects;

    @Option(names = "--report", paramLabel = "FILE",
            description = "list every rejected record and every record repaired while reading in FILE, one line "
                    + "per problem: input, record, byte offset, control number, severity, message (committed "
                    + "with the output)")
    String report;

    @Option(names = "--encoding", paramLabel = "utf8|marc8",
            description = "character coding of ISO 2709 output (default: utf8)")
    String encoding = "utf8";

    @Option(names = "--indent", description = "indent MARCXML output (default: compact, one line per record)")
    boolean indent;

    @Option(names = "--records", paramLabel = "A-B",
            description = "only records A to B of the input (1-based, inclusive; A- to the end; N for one), "
                    + "counting every record met, rejected or not (bytes skipped between records are not "
                    + "records); with several inputs, of each input")
    String range;

    @Mixin
    RunOptions run;

    @Parameters(arity = "1..*", paramLabel = "IN", description = "input files ('-' for standard input)")
    List<String> inputs;

    @Option(names = "--byte-budget", paramLabel = "MIB",
            description = "most MiB of records and their output in flight in the engine (default: 32)")
    long byteBudgetMib = PipelineBuilder.DEFAULT_BYTE_BUDGET >> 20;

    @Option(names = "--batch-kib", paramLabel = "KIB",
            description = "KiB of input records handed to a parser thread at a time (default: 64)")
    int batchKib = PipelineBuilder.DEFAULT_BATCH_BYTES >> 10;

    /** Sets the engine's byte budget and batch size on {@code builder}, checked. */
    private PipelineBuilder shape(PipelineBuilder builder) {
        if (byteBudgetMib < 1 || byteBudgetMib > 1 << 20) {
            throw new IllegalArgumentException("--byte-budget must be 1 to 1048576 MiB: " + byteBudgetMib);
        }
        if (batchKib < 1 || batchKib > 1 << 20) {
            throw new IllegalArgumentException("--batch-kib must be 1 to 1048576: " + batchKib);
        }
        return builder.byteBudget(byteBudgetMib << 20).batchBytes(batchKib << 10);
    }

    @Override
    public Integer call() throws Exception {
        MarcFormat format = outputFormat(to, output);
        Supplier<RecordEncoder> encoders = encoders(format, encoding, indent);
        long[] records = range == null ? null : Inputs.parseRange(range);
        ReadOptions options = run.readOptions();
        int threads = run.threads();
        MarcFormat from = run.fromFormat();
        List<InputFile> files = Runs.inputs(inputs);
        DistinctFiles.check(files, output, rejects, report);
        PrintStream err = System.err;
        ProgressBar bar = run.progressBar(files);
        long t0 = System.nanoTime();
        long read = 0;
        long written = 0;
        long rejected = 0;
        long regionsSkipped = 0;
        long bytesSkipped = 0;
        RejectReporter reporter;
        boolean outOfRange = false;
        try (OutputTarget out = OutputTarget.open(output);
             OutputTarget rej = rejects == null ? null : OutputTarget.open(rejects);
             OutputTarget rep = report == null ? null : OutputTarget.open(report)) {
            reporter = new RejectReporter(err, rej == null ? null : rej.stream(), rep == null ? null : rep.stream(),
                    false);
            RecordEncoder frame = encoders.get();
            out.stream().write(frame.header());
            for (InputFile file : files) {
                Sources.Opened opened = Sources.open(file, from, options);
                reporter.input(file.name());
                boolean after = written > 0;
                RangeSource selected = records == null ? null
                        : new RangeSource(opened.source(), records[0], records[1]);
                PipelineBuilder b = shape(Pipeline.builder())
                        .source(selected == null ? opened.source() : selected).parsers(threads)
                        .sink(out.stream(), () -> new FramedEncoder(encoders.get(), after))
                        .errorPolicy(reporter);
                if (bar != null) {
                    b.progress(bar);
                }
                PipelineResult r = Runs.run(b, file.name());
                if (bar != null) {
                    bar.nextRun();
                }
                read += r.recordsRead();
                written += r.recordsWritten();
                rejected += r.recordsRejected();
                regionsSkipped += r.regionsSkipped();
                bytesSkipped += r.bytesSkipped();
                if (from == MarcFormat.AUTO && r.recordsRead() > 0 && r.recordsRejected() == r.recordsRead()) {
                    err.println("marcring convert: " + file.name() + ": every record was rejected; "
                            + opened.format().displayName() + " was detected from the first bytes: if the input"
                            + " is in another format, name it with --from");
                }
                if (selected != null && !selected.reachedStart()) {
                    err.println("marcring convert: " + file.name() + " has " + selected.recordsMet()
                            + " records; --records " + range + " selects none of them");
                    outOfRange = true;
                } else if (selected != null && records[1] != Long.MAX_VALUE && selected.recordsMet() < records[1]) {
                    err.println("marcring convert: " + file.name() + " has " + selected.recordsMet()
                            + " records; converted records " + records[0] + "-" + selected.recordsMet());
                }
            }
            out.stream().write(frame.footer());
            List<OutputTarget> all = new java.util.ArrayList<>(List.of(out));
            if (rej != null) {
                all.add(rej);
            }
            if (rep != null) {
                all.add(rep);
            }
            OutputTarget.commitAll(all);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        if (!run.quiet) {
            Runs.summary(err, read, regionsSkipped, bytesSkipped, written, reporter.repaired(),
                    reporter.dataDropped(), rejected, System.nanoTime() - t0);
        }
        return rejected > 0 || regionsSkipped > 0 || outOfRange || reporter.dataDropped() > 0
                ? Marcring.PROBLEMS : Marcring.OK;
    }

    /**
     * The output format: the one {@code to} names, else the one the extension of {@code output} shows
     * ({@code .gz} looked through).
     *
     * @throws IllegalArgumentException where neither says which
     */
    static MarcFormat outputFormat(String to, String output) {
        if (to != null) {
            MarcFormat f = MarcFormat.of(to);
            if (!f.isWritable()) {
                throw new IllegalArgumentException("--to " + to + ": records cannot be written in this format");
            }
            return f;
        }
        if (output == null || output.equals("-")) {
            throw new IllegalArgumentException("--to is needed when writing to standard output");
        }
        String name = Path.of(output).getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        switch (ext) {
            case "mrc":
            case "marc":
            case "iso2709":
            case "usmarc":
                return MarcFormat.ISO2709;
            case "xml":
                return MarcFormat.MARCXML;
            case "json":
                return MarcFormat.JSON;
            case "ndjson":
            case "jsonl":
                return MarcFormat.NDJSON;
            case "mrk":
                return MarcFormat.MRK;
            case "mrk8":
                return MarcFormat.MRK8;
            case "txt":
                return MarcFormat.LINE;
            default:
                throw new IllegalArgumentException("cannot tell the output format from the name '" + output
                        + "'; name it with --to");
        }
    }

    /** Encoders for the output: the format's own (MARCXML indented with {@code indent}), or MARC-8 ISO 2709. */
    static Supplier<RecordEncoder> encoders(MarcFormat format, String encoding, boolean indent) {
        if (indent && format != MarcFormat.MARCXML) {
            throw new IllegalArgumentException("--indent applies to marcxml output only, not to "
                    + format.displayName());
        }
        String e = encoding.trim().toLowerCase(java.util.Locale.ROOT).replace("-", "");
        if (e.equals("marc8")) {
            if (format != MarcFormat.ISO2709) {
                throw new IllegalArgumentException("--encoding marc8 is not applicable to " + format.displayName()
                        + " output (only to iso2709)");
            }
            ProblemSink fail = (severity, index, message) -> {
                if (severity.compareTo(MarcError.Severity.ERROR) >= 0) {
                    throw new MarcException("not representable in MARC-8: " + message);
                }
            };
            return () -> new Iso2709Encoder(Marc8Encoder.INSTANCE, fail, false);
        }
        if (!e.equals("utf8")) {
            throw new IllegalArgumentException("unknown --encoding '" + encoding + "'; known: utf8, marc8");
        }
        return indent ? MarcXmlEncoder::indented : format::newEncoder;
    }
}
