package org.marcring.perf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.engine.Pipeline;
import org.marcring.engine.PipelineBuilder;
import org.marcring.engine.PipelineResult;

/**
 * Latency of the engine under a steady load: measures its highest throughput (ISO 2709 to ISO 2709, input
 * held in memory, output to a null stream), then offers records at fixed fractions of it
 * ({@link PipelineBuilder#offeredRate(double)}) and records every record's publish-to-emit latency from
 * its <em>scheduled</em> time, so that stalls are not hidden by coordinated omission.
 *
 * <p>Writes into {@code perf/results/latency/} (or {@code --out DIR}), for each rate {@code R} in percent:
 * {@code rate-R.hgrm} (HdrHistogram percentile distribution, microseconds), {@code rate-R.hlog} (interval
 * log, one histogram per {@code --interval}, readable by HdrHistogram's {@code HistogramLogProcessor}), and
 * for all rates {@code latency.svg} (percentile curves, {@link PercentilePlot}) and {@code summary.txt}.
 *
 * <pre>
 * java -cp perf/target/benchmarks.jar org.marcring.perf.LatencyRun [--input NAME] [--rates 10,50,90]
 *      [--seconds 20] [--parsers N] [--interval 1000] [--out DIR] [--smoke]
 * </pre>
 */
public final class LatencyRun {
    private static final String USAGE = String.join("\n",
            "usage: java -cp perf/target/benchmarks.jar org.marcring.perf.LatencyRun [options]",
            "  --input NAME      ISO 2709 input by BenchFiles name (default synthetic-20mb.mrc), repeated as needed",
            "  --rates LIST      offered rates in percent of the measured maximum (default 10,50,90)",
            "  --seconds S       length of each paced run (default 20)",
            "  --warmup S        paced run at the same rate before each measured one, not recorded (default 2)",
            "  --parsers N       parser threads (default: available processors)",
            "  --interval MS     interval of the histogram log (default 1000)",
            "  --out DIR         output folder (default perf/results/latency)",
            "  --smoke           1-second runs on a 2 MB input: checks, not figures");

    private LatencyRun() {
    }

    public static void main(String[] args) throws Exception {
        String input = BenchFiles.SYNTHETIC_20MB;
        List<Integer> rates = List.of(10, 50, 90);
        double seconds = 20;
        double warmup = 2;
        int parsers = Runtime.getRuntime().availableProcessors();
        long intervalMs = 1000;
        Path out = BenchFiles.perfDir().resolve("results").resolve("latency");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--input": input = value(args, ++i, a); break;
                case "--rates":
                    rates = new ArrayList<>();
                    for (String r : value(args, ++i, a).split(",")) {
                        rates.add(Integer.parseInt(r.trim()));
                    }
                    break;
                case "--seconds": seconds = Double.parseDouble(value(args, ++i, a)); break;
                case "--warmup": warmup = Double.parseDouble(value(args, ++i, a)); break;
                case "--parsers": parsers = Integer.parseInt(value(args, ++i, a)); break;
                case "--interval": intervalMs = Long.parseLong(value(args, ++i, a)); break;
                case "--out": out = Path.of(value(args, ++i, a)); break;
                case "--smoke":
                    input = "synthetic-2mb.mrc";
                    seconds = 1;
                    warmup = 0.2;
                    intervalMs = 250;
                    break;
                case "--help": case "-h":
                    System.out.println(USAGE);
                    return;
                default:
                    System.err.println("unknown option " + a + "\n" + USAGE);
                    System.exit(2);
            }
        }
        BenchInput in = BenchFiles.load(input);
        run(in, Math.max(in.records(), 50_000), rates, seconds, warmup, parsers, intervalMs, out);
    }

    /**
     * Runs the measurement and writes its files into {@code out}; returns the summary table.
     *
     * @param probe records of each unpaced run that measures the highest throughput
     */
    static String run(BenchInput in, long probe, List<Integer> rates, double seconds, int parsers, long intervalMs,
                      Path out) throws IOException, InterruptedException {
        return run(in, probe, rates, seconds, 0, parsers, intervalMs, out);
    }

    /**
     * As {@link #run(BenchInput, long, List, double, int, long, Path)}, with a paced run of {@code warmup}
     * seconds at each rate before the measured one, its latencies not recorded: the paced path (the producer's
     * schedule, per-record times) is compiled by then, as in a service that has been running a while; without
     * it, the first second of each run holds the compiler's and the first collections' pauses.
     */
    static String run(BenchInput in, long probe, List<Integer> rates, double seconds, double warmup, int parsers,
                      long intervalMs, Path out) throws IOException, InterruptedException {
        Files.createDirectories(out);
        System.out.println("# input " + in.describe() + ", " + parsers + " parsers");
        // highest throughput, after a warm-up run: the same work, unpaced
        run(in, probe, parsers, 0, null);
        double max = 0;
        for (int i = 0; i < 2; i++) {
            max = Math.max(max, run(in, probe, parsers, 0, null).recordsPerSecond());
        }
        System.out.printf(Locale.ROOT, "# maximum throughput %,.0f records/s%n", max);

        List<PercentilePlot.Series> series = new ArrayList<>();
        StringBuilder summary = new StringBuilder();
        summary.append(String.format(Locale.ROOT, "input %s; maximum %,.0f records/s; %d parsers; latency in µs "
                + "from each record's scheduled time to its emission; %s s paced warm-up before each rate%n",
                in.describe(), max, parsers, warmup));
        summary.append(String.format(Locale.ROOT, "%6s %12s %12s %10s %10s %10s %10s %10s%n", "rate", "offered/s",
                "achieved/s", "p50", "p90", "p99", "p99.9", "max"));
        for (int percent : rates) {
            double rate = max * percent / 100;
            long records = Math.max(1, (long) (rate * seconds));
            String name = "rate-" + percent;
            Histogram total = new Histogram(3);
            if (warmup > 0) {
                run(in, Math.max(1, (long) (rate * warmup)), parsers, rate, null);
            }
            PipelineResult result;
            try (PrintStream log = new PrintStream(Files.newOutputStream(out.resolve(name + ".hlog")), false,
                    StandardCharsets.UTF_8)) {
                result = paced(in, records, parsers, rate, intervalMs, log, total);
            }
            try (PrintStream hgrm = new PrintStream(Files.newOutputStream(out.resolve(name + ".hgrm")), false,
                    StandardCharsets.UTF_8)) {
                total.outputPercentileDistribution(hgrm, 1000.0);
            }
            series.add(new PercentilePlot.Series(String.format(Locale.ROOT, "%d%% of maximum (%,.0f records/s)",
                    percent, rate), total));
            summary.append(String.format(Locale.ROOT, "%5d%% %12.0f %12.0f %10.1f %10.1f %10.1f %10.1f %10.1f%n",
                    percent, rate, result.recordsPerSecond(), total.getValueAtPercentile(50) / 1e3,
                    total.getValueAtPercentile(90) / 1e3, total.getValueAtPercentile(99) / 1e3,
                    total.getValueAtPercentile(99.9) / 1e3, total.getMaxValue() / 1e3));
        }
        Files.writeString(out.resolve("latency.svg"), new PercentilePlot("marcring engine: publish-to-emit latency "
                + "at fixed offered rates", series, 1000.0, "µs").svg(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        System.out.print(summary);
        System.out.println("results: " + out);
        return summary.toString();
    }

    /** One paced run, logging an interval histogram every {@code intervalMs} and adding all into {@code total}. */
    private static PipelineResult paced(BenchInput in, long records, int parsers, double rate, long intervalMs,
                                        PrintStream log, Histogram total) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        HistogramLogWriter writer = new HistogramLogWriter(log);
        long startMs = System.currentTimeMillis();
        writer.outputComment("marcring engine, offered " + Math.round(rate) + " records/s; latency in ns");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMs);
        writer.setBaseTime(startMs);
        writer.outputLegend();
        Object lock = new Object();
        Thread sampler = new Thread(() -> {
            Histogram interval = null;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(intervalMs);
                } catch (InterruptedException e) {
                    return;
                }
                synchronized (lock) {
                    interval = recorder.getIntervalHistogram(interval);
                    total.add(interval);
                    writer.outputIntervalHistogram(interval);
                }
            }
        }, "latency-sampler");
        sampler.setDaemon(true);
        sampler.start();
        PipelineResult result;
        try {
            result = run(in, records, parsers, rate, recorder);
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        synchronized (lock) {
            Histogram last = recorder.getIntervalHistogram();
            total.add(last);
            writer.outputIntervalHistogram(last);
        }
        return result;
    }

    private static PipelineResult run(BenchInput in, long records, int parsers, double rate, Recorder recorder) {
        PipelineBuilder b = Pipeline.builder()
                .source(new RepeatingSource(in.bytes(), records, ReadOptions.defaults()))
                .parsers(parsers)
                .sink(OutputStream.nullOutputStream(), MarcFormat.ISO2709);
        if (rate > 0) {
            b.offeredRate(rate);
        }
        if (recorder != null) {
            b.latencyRecorder(recorder);
        }
        try (Pipeline p = b.build()) {
            return p.run();
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
