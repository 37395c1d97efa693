package org.marcring.perf;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.ReadOptions;
import org.marcring.engine.Pipeline;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The performance regression suite: a fixed, short set of measurements (a few minutes on 2 cores), each
 * expressed as a ratio that does not depend on the machine, written as JSON and compared with the committed
 * baseline ({@code perf/baseline.json}). A figure whose ratio falls more than the threshold (default 15%)
 * below the baseline's fails the suite (exit status 1), by name.
 *
 * <p>The figures: for each marcring benchmark of {@link DecodeBenchmark}, {@link EncodeBenchmark} and
 * (where the shared corpus is present) {@link TextFormatBenchmark}, its speed relative to marc4j doing the
 * same work in the same run ({@code marc4j time / marcring time}); for the engine, its speed relative to the
 * plain sequential read-encode loop on the same file ({@code sequential time / engine time}, best of the
 * repetitions). Where {@code yaz-marcdump} is on the {@code PATH}, it is also timed whole-process on the
 * same file, for reference only (never compared).
 *
 * <pre>
 * java -cp perf/target/benchmarks.jar org.marcring.perf.RegressionSuite            # run and compare
 * java -cp perf/target/benchmarks.jar org.marcring.perf.RegressionSuite --smoke    # seconds: checks, not figures
 * java -cp perf/target/benchmarks.jar org.marcring.perf.RegressionSuite --write-baseline perf/baseline.json \
 *      --machine "2-core, quiet"
 * </pre>
 */
public final class RegressionSuite {
    /** The input of the ISO 2709 benchmarks and of the engine figures. */
    static final String INPUT = "synthetic-4mb.mrc";
    /** The same, smaller, for a smoke run. */
    static final String SMOKE_INPUT = "synthetic-1mb.mrc";
    static final double DEFAULT_THRESHOLD = 0.15;
    private static final String TEXT_FILE = BenchFiles.REALISTIC;
    private static final String SMOKE_TEXT_FILE = BenchFiles.PRIDE;

    private static final String USAGE = String.join("\n",
            "usage: java -cp perf/target/benchmarks.jar org.marcring.perf.RegressionSuite [options]",
            "  --smoke               one short iteration of everything: checks that the suite runs, not figures;",
            "                        compares with the baseline but never fails on it",
            "  --out FILE            results (default perf/results/regression.json)",
            "  --baseline FILE       baseline to compare with (default perf/baseline.json)",
            "  --threshold F         largest allowed fall of a ratio below its baseline (default 0.15)",
            "  --write-baseline FILE also write the results as a new baseline",
            "  --machine TEXT        description of the machine, kept in the JSON");

    private RegressionSuite() {
    }

    /** One compared figure: a ratio where higher is better. */
    record Figure(String name, double ratio, String against, double millis, double againstMillis) {
    }

    /** What the suite was asked to do. */
    static final class Settings {
        boolean smoke;
        Path out = BenchFiles.perfDir().resolve("results").resolve("regression.json");
        Path baseline = BenchFiles.perfDir().resolve("baseline.json");
        Path writeBaseline;
        double threshold = DEFAULT_THRESHOLD;
        String machine = Runtime.getRuntime().availableProcessors() + "-core";
    }

    /** The figures of one run and what fell below the baseline. */
    record Outcome(List<Figure> figures, List<String> regressions, boolean baselineFound) {
    }

    public static void main(String[] args) throws Exception {
        Settings s = new Settings();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke": s.smoke = true; break;
                case "--out": s.out = Path.of(value(args, ++i, a)); break;
                case "--baseline": s.baseline = Path.of(value(args, ++i, a)); break;
                case "--threshold": s.threshold = Double.parseDouble(value(args, ++i, a)); break;
                case "--write-baseline": s.writeBaseline = Path.of(value(args, ++i, a)); break;
                case "--machine": s.machine = value(args, ++i, a); break;
                case "--help": case "-h": System.out.println(USAGE); return;
                default:
                    System.err.println("unknown option " + a + "\n" + USAGE);
                    System.exit(2);
            }
        }
        Outcome outcome = run(s);
        if (!s.smoke && !outcome.regressions().isEmpty()) {
            System.exit(1);
        }
    }

    /** Runs the suite, writes its JSON, compares with the baseline and prints the table. */
    static Outcome run(Settings s) throws IOException, RunnerException, InterruptedException {
        long t0 = System.nanoTime();
        BenchInput input = BenchFiles.load(s.smoke ? SMOKE_INPUT : INPUT);
        List<Figure> figures = new ArrayList<>(jmhFigures(input.name(), s.smoke));
        figures.addAll(engineFigures(input.path(), s.smoke));
        Map<String, Object> yaz = yazMarcdump(input);
        // read before anything is written: --write-baseline may name the baseline itself
        boolean found = Files.isRegularFile(s.baseline);
        Map<String, Double> base = found ? readFigures(s.baseline) : Map.of();
        String timestamp = Instant.now().toString();
        Files.createDirectories(s.out.toAbsolutePath().getParent());
        write(s.out, s, input, figures, yaz, timestamp);
        if (s.writeBaseline != null) {
            write(s.writeBaseline, s, input, figures, yaz, timestamp);
        }
        List<String> regressions = found ? compare(base, figures, s.threshold) : List.of();

        System.out.println();
        System.out.printf(Locale.ROOT, "%-66s %8s %10s %10s%n", "figure (ratio: higher is better)", "ratio",
                "baseline", "change");
        for (Figure f : figures) {
            Double b = base.get(f.name());
            System.out.printf(Locale.ROOT, "%-66s %8.2f %10s %10s%n", f.name() + " / " + f.against(), f.ratio(),
                    b == null ? "-" : String.format(Locale.ROOT, "%.2f", b),
                    b == null ? "" : String.format(Locale.ROOT, "%+.0f%%", 100 * (f.ratio() / b - 1)));
        }
        if (yaz.get("available") == Boolean.TRUE) {
            System.out.printf(Locale.ROOT, "reference: yaz-marcdump %s: %.3f s whole process, %,.0f records/s%n",
                    yaz.get("command"), yaz.get("seconds"), yaz.get("recordsPerSecond"));
        } else {
            System.out.println("reference: " + yaz.get("note"));
        }
        System.out.printf(Locale.ROOT, "results: %s (%s mode, %.0f s)%n", s.out, s.smoke ? "smoke" : "full",
                (System.nanoTime() - t0) / 1e9);
        if (!found) {
            System.out.println("no baseline at " + s.baseline + ": nothing compared");
        } else if (regressions.isEmpty()) {
            System.out.println("OK: no figure fell more than " + Math.round(s.threshold * 100) + "% below " + s.baseline);
        } else {
            regressions.forEach(r -> System.out.println((s.smoke ? "below baseline (smoke run, not failing): "
                    : "REGRESSION: ") + r));
        }
        return new Outcome(figures, regressions, found);
    }

    /** The figures that fell more than {@code threshold} below their baseline ratio, or are missing. */
    static List<String> compare(Map<String, Double> baseline, List<Figure> figures, double threshold) {
        Map<String, Double> now = new LinkedHashMap<>();
        figures.forEach(f -> now.put(f.name(), f.ratio()));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Double> b : baseline.entrySet()) {
            Double r = now.get(b.getKey());
            if (r == null) {
                out.add(b.getKey() + ": in the baseline but not measured in this run");
            } else if (r / b.getValue() < 1 - threshold - 1e-9) { // exactly at the threshold passes
                out.add(String.format(Locale.ROOT, "%s: ratio %.2f is %.0f%% below the baseline's %.2f (threshold %.0f%%)",
                        b.getKey(), r, 100 * (1 - r / b.getValue()), b.getValue(), threshold * 100));
            }
        }
        return out;
    }

    private static List<Figure> jmhFigures(String input, boolean smoke) throws RunnerException {
        List<Measurement> ms = new ArrayList<>(run(new OptionsBuilder()
                .include("org\\.marcring\\.perf\\.DecodeBenchmark\\.(marcring|marc4j)(Strict|Permissive)$")
                .include("org\\.marcring\\.perf\\.EncodeBenchmark\\.(marcring|marc4j)$")
                .param("input", input), smoke));
        // the text formats run on a file of the corpus: a run of their own, since JMH gives one parameter
        // the same values in every benchmark of a run
        if (corpusPresent()) {
            ms.addAll(run(new OptionsBuilder()
                    .include("org\\.marcring\\.perf\\.TextFormatBenchmark\\.(marcring|marc4j)(IsoToMarcXml|ReadMarcXml)$")
                    .param("input", smoke ? SMOKE_TEXT_FILE : TEXT_FILE)
                    .jvmArgsAppend("-Dmarcring.corpus=" + BenchFiles.corpusRoot().toAbsolutePath()), smoke));
        } else {
            System.out.println("# the shared corpus is absent: TextFormatBenchmark figures left out");
        }
        ResultTable table = new ResultTable(ms);
        List<Figure> figures = new ArrayList<>();
        for (Measurement m : ms) {
            double ratio = table.ratioToMarc4j(m);
            if (m.isMarcring() && !Double.isNaN(ratio)) {
                figures.add(new Figure(m.name(), ratio, m.marc4jCounterpart(), m.msPerOp(), m.msPerOp() * ratio));
            }
        }
        return figures;
    }

    /** Runs the benchmarks {@code o} selects, short in a smoke run, and returns their measurements. */
    private static List<Measurement> run(ChainedOptionsBuilder o, boolean smoke) throws RunnerException {
        o.mode(Mode.AverageTime).timeUnit(TimeUnit.MILLISECONDS).shouldFailOnError(true);
        if (smoke) {
            // in this JVM, one short iteration: only that everything runs
            o.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue.milliseconds(200));
            // a smoke run measures nothing, so another JMH run on the machine (which holds JMH's lock file)
            // must not stop it
            System.setProperty("jmh.ignoreLock", "true");
            if (corpusPresent()) {
                System.setProperty("marcring.corpus", BenchFiles.corpusRoot().toAbsolutePath().toString());
            }
        } else {
            o.forks(1).warmupIterations(4).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(4).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(o.build()).run();
        return Report.measurements(results);
    }

    private static boolean corpusPresent() {
        try {
            BenchFiles.resolve(TEXT_FILE);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** The engine with 1 and 2 parsers against the sequential loop on the same file, best of interleaved runs. */
    private static List<Figure> engineFigures(Path file, boolean smoke) {
        Map<String, Runnable> cases = new LinkedHashMap<>();
        cases.put("sequential", () -> sequential(file));
        cases.put("Engine.oneParser", () -> engine(file, 1));
        cases.put("Engine.twoParsers", () -> engine(file, 2));
        int warmups = smoke ? 0 : 3;
        int reps = smoke ? 1 : 7;
        for (int i = 0; i < warmups; i++) {
            cases.values().forEach(Runnable::run);
        }
        Map<String, Double> best = new LinkedHashMap<>();
        for (int i = 0; i < reps; i++) {
            for (Map.Entry<String, Runnable> c : cases.entrySet()) {
                long t = System.nanoTime();
                c.getValue().run();
                best.merge(c.getKey(), (System.nanoTime() - t) / 1e6, Math::min);
            }
        }
        double seq = best.get("sequential");
        List<Figure> figures = new ArrayList<>();
        for (String name : List.of("Engine.oneParser", "Engine.twoParsers")) {
            figures.add(new Figure(name, seq / best.get(name), "sequential", best.get(name), seq));
        }
        return figures;
    }

    private static void sequential(Path file) {
        run(() -> SequentialLoop.convert(file, MarcFormat.ISO2709,
                OutputStream.nullOutputStream()));
    }

    private static void engine(Path file, int parsers) {
        try (Pipeline p = Pipeline.builder().source(file).parsers(parsers)
                .sink(OutputStream.nullOutputStream(), MarcFormat.ISO2709).build()) {
            p.run();
        }
    }

    private interface IoWork {
        Object run() throws IOException;
    }

    private static void run(IoWork work) {
        try {
            work.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Times {@code yaz-marcdump} converting the input whole-process, where it is installed. */
    static Map<String, Object> yazMarcdump(BenchInput input) throws IOException, InterruptedException {
        Map<String, Object> m = new LinkedHashMap<>();
        Path yaz = onPath("yaz-marcdump");
        if (yaz == null) {
            m.put("available", false);
            m.put("note", "yaz-marcdump is not installed (not on the PATH): no reference timing");
            return m;
        }
        List<String> cmd = List.of(yaz.toString(), "-i", "marc", "-o", "marc", input.path().toString());
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int status = p.waitFor();
        double seconds = (System.nanoTime() - t) / 1e9;
        m.put("available", true);
        m.put("command", "yaz-marcdump -i marc -o marc " + input.name());
        m.put("exitStatus", status);
        m.put("seconds", seconds);
        m.put("recordsPerSecond", input.records() / seconds);
        return m;
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static void write(Path file, Settings s, BenchInput input, List<Figure> figures, Map<String, Object> yaz,
                              String timestamp) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("suite", "marcring perf regression suite");
            g.writeStringField("timestamp", timestamp);
            g.writeStringField("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            g.writeStringField("machine", s.machine);
            g.writeStringField("mode", s.smoke ? "smoke" : "full");
            g.writeNumberField("threshold", s.threshold);
            g.writeStringField("input", input.describe());
            g.writeStringField("ratio", "higher is better: marc4j time / marcring time, or sequential loop time / "
                    + "engine time, measured in the same run");
            g.writeArrayFieldStart("figures");
            for (Figure f : figures) {
                g.writeStartObject();
                g.writeStringField("name", f.name());
                g.writeStringField("against", f.against());
                g.writeNumberField("ratio", Math.round(f.ratio() * 1000) / 1000.0);
                g.writeNumberField("ms", Math.round(f.millis() * 1000) / 1000.0);
                g.writeNumberField("againstMs", Math.round(f.againstMillis() * 1000) / 1000.0);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("reference");
            g.writeObjectFieldStart("yaz-marcdump");
            for (Map.Entry<String, Object> e : yaz.entrySet()) {
                Object v = e.getValue();
                if (v instanceof Boolean) {
                    g.writeBooleanField(e.getKey(), (Boolean) v);
                } else if (v instanceof Number) {
                    g.writeNumberField(e.getKey(), ((Number) v).doubleValue());
                } else {
                    g.writeStringField(e.getKey(), String.valueOf(v));
                }
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** The figures of a results or baseline file: name to ratio. */
    static Map<String, Double> readFigures(Path file) throws IOException {
        Map<String, Double> figures = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + ": not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (!field.equals("figures")) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    String name = null;
                    Double ratio = null;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String f = p.currentName();
                        p.nextToken();
                        if (f.equals("name")) {
                            name = p.getText();
                        } else if (f.equals("ratio")) {
                            ratio = p.getDoubleValue();
                        } else {
                            p.skipChildren();
                        }
                    }
                    if (name == null || ratio == null) {
                        throw new IOException(file + ": a figure without name or ratio");
                    }
                    figures.put(name, ratio);
                }
            }
        }
        return figures;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
