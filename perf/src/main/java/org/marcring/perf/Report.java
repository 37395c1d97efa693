package org.marcring.perf;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a chosen set of benchmarks through JMH and prints them as a table of records/s, MB/s and speed
 * relative to marc4j in the same run; writes the table as JSON ({@code perf/results/latest.json}) and
 * JMH's own results beside it ({@code latest-jmh.json}).
 *
 * <pre>
 * java -cp perf/target/benchmarks.jar org.marcring.perf.Report                # everything
 * java -cp perf/target/benchmarks.jar org.marcring.perf.Report Decode --input realistic.mrc --smoke
 * </pre>
 */
public final class Report {
    /** The parameter every benchmark names its input file by ({@link BenchFiles} names). */
    static final String INPUT = "input";

    private static final String USAGE = String.join("\n",
            "usage: java -cp perf/target/benchmarks.jar org.marcring.perf.Report [options] [benchmark-regex ...]",
            "  benchmark-regex     JMH include pattern(s); default: all of FramingBenchmark, DecodeBenchmark,",
            "                      EncodeBenchmark",
            "  --input NAME        input file (repeatable) instead of the benchmarks' own: realistic.mrc,",
            "                      pride-and-prejudice-fixed.mrc, synthetic-<size>.mrc, or a path",
            "  --warmup N          warmup iterations (default 5)",
            "  --warmup-time T     time per warmup iteration, e.g. 2s",
            "  --iterations N      measurement iterations (default 5)",
            "  --time T            time per measurement iteration, e.g. 2s",
            "  --forks N           forks (default 1)",
            "  --smoke             one warmup and one measurement iteration of one second: checks, not figures",
            "  --out FILE          where the JSON table goes (default perf/results/latest.json)");

    private Report() {
    }

    /** Runs the benchmarks and reports; see the class comment and {@code --help}. */
    public static void main(String[] args) throws RunnerException, IOException {
        List<String> includes = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .mode(Mode.AverageTime)
                .timeUnit(TimeUnit.MILLISECONDS)
                .shouldFailOnError(true);
        Path out = BenchFiles.perfDir().resolve("results").resolve("latest.json");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help": case "-h":
                    System.out.println(USAGE);
                    return;
                case "--input": inputs.add(value(args, ++i, a)); break;
                case "--warmup": options.warmupIterations(Integer.parseInt(value(args, ++i, a))); break;
                case "--warmup-time": options.warmupTime(TimeValue.fromString(value(args, ++i, a))); break;
                case "--iterations": options.measurementIterations(Integer.parseInt(value(args, ++i, a))); break;
                case "--time": options.measurementTime(TimeValue.fromString(value(args, ++i, a))); break;
                case "--forks": options.forks(Integer.parseInt(value(args, ++i, a))); break;
                case "--smoke":
                    options.warmupIterations(1).warmupTime(TimeValue.seconds(1))
                            .measurementIterations(1).measurementTime(TimeValue.seconds(1));
                    break;
                case "--out": out = Path.of(value(args, ++i, a)); break;
                default:
                    if (a.startsWith("-")) {
                        System.err.println("unknown option " + a + "\n" + USAGE);
                        System.exit(2);
                    }
                    includes.add(a);
            }
        }
        if (includes.isEmpty()) {
            includes.add("org\\.marcring\\.perf\\.(Framing|Decode|Encode)Benchmark\\.");
        }
        includes.forEach(options::include);
        if (!inputs.isEmpty()) {
            options.param("input", inputs.toArray(new String[0]));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path jmhJson = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + "-jmh.json");
        options.result(jmhJson.toString()).resultFormat(ResultFormatType.JSON);

        Collection<RunResult> results = new Runner(options.build()).run();

        ResultTable table = new ResultTable(measurements(results));
        System.out.println();
        System.out.print(table.format());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            table.writeJson(w, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    Instant.now().toString());
        }
        System.out.println("results: " + out + " (JMH's own: " + jmhJson + ")");
    }

    static List<Measurement> measurements(Collection<RunResult> results) {
        Map<String, BenchInput> inputs = new HashMap<>();
        List<Measurement> list = new ArrayList<>();
        for (RunResult r : results) {
            String full = r.getParams().getBenchmark();     // org.marcring.perf.DecodeBenchmark.marcringStrict
            int method = full.lastIndexOf('.');
            int type = full.lastIndexOf('.', method - 1);
            Map<String, String> params = new TreeMap<>();
            for (String key : r.getParams().getParamsKeys()) {
                params.put(key, r.getParams().getParam(key));
            }
            String input = params.get(INPUT);
            BenchInput in = input == null ? null : inputs.computeIfAbsent(input, BenchFiles::load);
            list.add(new Measurement(full.substring(type + 1, method), full.substring(method + 1),
                    label(params), r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError(),
                    in == null ? 0 : in.records(), in == null ? 0 : in.size()));
        }
        return list;
    }

    /**
     * What a measurement ran on: the {@value #INPUT} parameter, followed by any other parameter as
     * {@code name=value}. marcring and marc4j rows are paired on it, so only runs on the same input with the
     * same settings are compared.
     */
    static String label(Map<String, String> params) {
        StringBuilder sb = new StringBuilder(params.getOrDefault(INPUT, ""));
        for (Map.Entry<String, String> p : new TreeMap<>(params).entrySet()) {
            if (!p.getKey().equals(INPUT)) {
                sb.append(sb.length() > 0 ? " " : "").append(p.getKey()).append('=').append(p.getValue());
            }
        }
        return sb.toString();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
