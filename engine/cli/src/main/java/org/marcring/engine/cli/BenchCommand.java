package org.marcring.engine.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.List;
import java.util.function.Supplier;

import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.engine.ErrorPolicy;
import org.marcring.engine.Pipeline;
import org.marcring.engine.PipelineBuilder;
import org.marcring.engine.PipelineResult;
import org.marcring.engine.generate.Amount;
import org.marcring.engine.generate.CorpusGenerator;
import org.marcring.engine.generate.GeneratorOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code marcring bench [IN]}: runs the engine on a file (or on a generated sample) with one parser thread
 * and with N, and prints throughput, parallel efficiency, latency percentiles and the CPU time the engine's
 * threads used per record.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measure the engine: convert IN (or a generated sample, 50MB by default, in a temporary "
                + "file deleted after) with 1 parser thread and with N, output discarded, after one warm-up "
                + "run each; best of two runs each; print records/s, MB/s, the parallel efficiency of N threads "
                + "against 1 beside the ceiling (N plain sequential loops at once against one), latency percentiles (I/O thread to writer) and the CPU time of the engine's threads "
                + "per record.",
                "Example: marcring bench --records 20000"})
final class BenchCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "IN", description = "input file in any format (default: generated)")
    String input;

    @Option(names = "--threads", paramLabel = "N", description = "parser threads (default: available processors)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--to", paramLabel = "FMT", description = "output format (default: iso2709)")
    String to = "iso2709";

    @Option(names = "--records", paramLabel = "N", description = "generated sample: this many records")
    Long records;

    @Option(names = "--size", paramLabel = "SIZE", description = "generated sample: this size (default: 50MB)")
    String size;

    @Option(names = "--seed", paramLabel = "S", description = "generated sample: seed (default: 1)")
    long seed = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MarcFormat format = MarcFormat.of(to);
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("--threads must be 1 to 256: " + threads);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path temp = null;
        try {
            InputFile file;
            String what;
            if (input == null) {
                Amount amount = records == null && size == null ? Amount.parse("50MB")
                        : GenerateCommand.amount(records, size, 0);
                temp = Files.createTempFile("marcring-bench", ".mrc");
                temp.toFile().deleteOnExit();
                long g0 = System.nanoTime();
                new CorpusGenerator(GeneratorOptions.defaults().withAmount(amount).withSeed(seed)).writeTo(temp);
                String amountText = amount.isBytes() ? String.format("%.0f MB", amount.value() / 1048576.0)
                        : String.format("%,d records", amount.value());
                what = String.format("generated sample (%s, seed %d, made in %.1f s)", amountText, seed,
                        (System.nanoTime() - g0) / 1e9);
                file = InputFile.of(temp.toString());
            } else {
                if (records != null || size != null) {
                    throw new IllegalArgumentException("--records and --size are for the generated sample, not IN");
                }
                file = InputFile.of(input);
                what = input;
            }
            Supplier<RecordEncoder> encoders = format::newEncoder;
            runOnce(file, threads, encoders); // warm-up: lets the JIT compile the hot paths
            runOnce(file, 1, encoders);
            double ceiling = loopsCeiling(file, threads, encoders);
            // best of two runs each, alternating, so that a burst of other load on the machine hurts less
            PipelineResult many = runOnce(file, threads, encoders);
            PipelineResult one = runOnce(file, 1, encoders);
            many = faster(many, runOnce(file, threads, encoders));
            one = faster(one, runOnce(file, 1, encoders));
            out.printf("marcring bench: %s%n", what);
            out.printf("%,d records, %.1f MB, %s to %s, output discarded, %d processors%n%n", many.recordsRead(),
                    many.bytesIn() / 1e6, formatOf(file).displayName(), format.displayName(),
                    Runtime.getRuntime().availableProcessors());
            out.println("threads   time s   records/s      MB/s   p50 us   p99 us  p99.9 us  cpu us/record");
            row(out, 1, one);
            row(out, threads, many);
            double speedup = many.elapsedNanos() > 0 ? (double) one.elapsedNanos() / many.elapsedNanos() : 0;
            out.printf("%nparallel efficiency: %.2fx speed-up on %d threads = %.0f%%%n", speedup, threads,
                    100 * speedup / threads);
            out.printf("ceiling: %d sequential loops at once ran %.2fx one loop's throughput on this machine now; "
                    + "the engine reached %.0f%% of it%n", threads, ceiling, 100 * speedup / ceiling);
            if (many.recordsRejected() > 0) {
                out.printf("rejected records: %,d%n", many.recordsRejected());
            }
            out.flush();
            return many.recordsRejected() > 0 ? Marcring.PROBLEMS : Marcring.OK;
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static PipelineResult runOnce(InputFile file, int threads, Supplier<RecordEncoder> encoders)
            throws Exception {
        Sources.Opened opened = Sources.open(file, MarcFormat.AUTO, org.marcring.codec.io.ReadOptions.defaults());
        PipelineBuilder b = Pipeline.builder().source(opened.source()).parsers(threads)
                .sink(OutputStream.nullOutputStream(), encoders).errorPolicy(ErrorPolicy.skip());
        return Runs.run(b, file.name());
    }

    /**
     * What {@code threads} threads of this machine deliver now: the throughput of {@code threads} plain
     * sequential loops (decode, encode, discard) over the file at once, against one loop alone; best of two
     * each, after a warm-up. The engine's speed-up cannot exceed it.
     */
    private static double loopsCeiling(InputFile file, int threads, Supplier<RecordEncoder> encoders)
            throws Exception {
        loop(file, encoders); // warm-up
        long one = Math.min(loop(file, encoders), loop(file, encoders));
        long many = Math.min(loopsAtOnce(file, threads, encoders), loopsAtOnce(file, threads, encoders));
        return many > 0 ? (double) threads * one / many : 0;
    }

    private static long loopsAtOnce(InputFile file, int threads, Supplier<RecordEncoder> encoders)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<java.util.concurrent.Future<Long>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                runs.add(pool.submit(() -> loop(file, encoders)));
            }
            for (java.util.concurrent.Future<Long> f : runs) {
                f.get();
            }
            return System.nanoTime() - t0;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One sequential pass: read every record, encode it, discard the bytes; its wall time in nanoseconds. */
    private static long loop(InputFile file, Supplier<RecordEncoder> encoders) throws Exception {
        long t0 = System.nanoTime();
        RecordEncoder encoder = encoders.get();
        org.marcring.codec.io.ByteArrayBuilder bytes = new org.marcring.codec.io.ByteArrayBuilder(1 << 16);
        org.marcring.codec.io.ReadOptions options = org.marcring.codec.io.ReadOptions.defaults();
        MarcFormat format = formatOf(file);
        if (format == MarcFormat.ISO2709 && !file.name().endsWith(".gz")) {
            // the engine's own work: plain records transcoded, the others decoded and encoded
            org.marcring.codec.iso2709.Iso2709Conversion conversion =
                    new org.marcring.codec.iso2709.Iso2709Conversion(options, encoder);
            org.marcring.codec.iso2709.RawRecord raw = new org.marcring.codec.iso2709.RawRecord();
            try (org.marcring.codec.iso2709.RecordFramer framer =
                         org.marcring.codec.iso2709.RecordFramer.open(file.path())) {
                while (framer.next(raw)) {
                    bytes.reset();
                    try {
                        conversion.encode(raw, bytes);
                    } catch (org.marcring.codec.MarcException e) {
                        continue; // a rejected record: the engine skips it too
                    }
                }
            }
            return System.nanoTime() - t0;
        }
        try (org.marcring.codec.io.MarcReader reader = org.marcring.codec.io.MarcFormats.openReader(file.path(),
                format, options)) {
            while (reader.hasNext()) {
                org.marcring.codec.MarcRecord record;
                try {
                    record = reader.next();
                } catch (org.marcring.codec.MarcFormatException e) {
                    continue; // a rejected record: the engine skips it too
                }
                bytes.reset();
                encoder.encode(record, bytes);
            }
        }
        return System.nanoTime() - t0;
    }

    private static PipelineResult faster(PipelineResult a, PipelineResult b) {
        return b.elapsedNanos() < a.elapsedNanos() ? b : a;
    }

    private static MarcFormat formatOf(InputFile file) throws java.io.IOException {
        try (java.io.BufferedInputStream in = file.open()) {
            return file.format(in, MarcFormat.AUTO);
        }
    }

    private static void row(PrintWriter out, int threads, PipelineResult r) {
        PipelineResult.Latency l = r.latency();
        double cpu = r.cpuNanosPerRecord();
        out.printf("%7d %8.2f %,11.0f %9.1f %8.1f %8.1f %9.1f %14s%n", threads, r.elapsedNanos() / 1e9,
                r.recordsPerSecond(), r.megabytesPerSecond(), l.p50() / 1e3, l.p99() / 1e3, l.p999() / 1e3,
                cpu < 0 ? "-" : String.format("%.2f", cpu / 1e3));
    }
}
