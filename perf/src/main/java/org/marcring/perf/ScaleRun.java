package org.marcring.perf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;


import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.marcring.codec.io.MarcFormat;
import org.marcring.engine.Pipeline;
import org.marcring.engine.PipelineBuilder;
import org.marcring.engine.PipelineResult;
import org.marcring.engine.ProgressListener;
import org.marcring.engine.generate.Amount;

/**
 * Whether the engine's cost grows linearly with its input and its memory does not: converts generated
 * ISO 2709 files of growing size (default 10 MB, 100 MB, 1 GB) to ISO 2709 through the engine, each in a
 * child JVM with a small heap ({@code -Xmx64m}), and records records/s and the heap. Fails (exit status 1)
 * where the records/s of any size falls more than {@code --tolerance} (default 25%) below the best size's,
 * or where the live heap after a collection at any size exceeds the smallest size's by more than
 * {@code --heap-slack} (default 16 MB), or a child fails (an {@code OutOfMemoryError} among others).
 *
 * <p>Each child warms up on the file for 3 s (as many passes as fit), then converts it whole, repeatedly until
 * {@code --min-seconds} (default 3) have passed; records/s is that of the median pass. Heap figures: "peak
 * used" is the sum of the heap pools' peak usage (an upper bound, mostly garbage: the collector lets the heap
 * fill before it runs); "live" is measured in one more pass, as the most heap in use right after a full
 * collection, taken each time the engine reports progress (every 250 ms and at the end, with the ring still
 * full): what the engine keeps alive, which is what must stay flat when memory does not grow with the input.
 *
 * <pre>
 * java -cp perf/target/benchmarks.jar org.marcring.perf.ScaleRun [--sizes 10mb,100mb,1g] [--xmx 64m]
 *      [--tolerance 0.25] [--heap-slack 16] [--min-seconds 3] [--parsers N]
 * </pre>
 *
 * Inputs are {@code synthetic-<size>.mrc} of {@link BenchFiles}, generated on first use (1 GB takes a few
 * minutes). The table goes to standard output and to {@code perf/results/scale.json}.
 */
public final class ScaleRun {
    private static final String USAGE = String.join("\n",
            "usage: java -cp perf/target/benchmarks.jar org.marcring.perf.ScaleRun [options]",
            "  --sizes LIST       input sizes (default 10mb,100mb,1g), as synthetic-<size>.mrc",
            "  --xmx SIZE         heap of each child JVM (default 64m)",
            "  --tolerance F      largest allowed fall of records/s below the best size (default 0.25)",
            "  --heap-slack MB    largest allowed growth of the live heap over the smallest size (default 16)",
            "  --min-seconds S    measured time per size, in whole passes (default 3)",
            "  --parsers N        parser threads (default: available processors)",
            "  --out FILE         JSON results (default perf/results/scale.json)");
    private static final String RESULT = "SCALE-RESULT ";

    private ScaleRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(Path.of(args[1]), Double.parseDouble(args[2]), Integer.parseInt(args[3]));
            return;
        }
        List<String> sizes = List.of("10mb", "100mb", "1g");
        String xmx = "64m";
        double tolerance = 0.25;
        double heapSlackMb = 16;
        double minSeconds = 3;
        int parsers = Runtime.getRuntime().availableProcessors();
        Path out = BenchFiles.perfDir().resolve("results").resolve("scale.json");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--sizes": sizes = List.of(need(v, a).split(",")); i++; break;
                case "--xmx": xmx = need(v, a); i++; break;
                case "--tolerance": tolerance = Double.parseDouble(need(v, a)); i++; break;
                case "--heap-slack": heapSlackMb = Double.parseDouble(need(v, a)); i++; break;
                case "--min-seconds": minSeconds = Double.parseDouble(need(v, a)); i++; break;
                case "--parsers": parsers = Integer.parseInt(need(v, a)); i++; break;
                case "--out": out = Path.of(need(v, a)); i++; break;
                case "--help": case "-h": System.out.println(USAGE); return;
                default:
                    System.err.println("unknown option " + a + "\n" + USAGE);
                    System.exit(2);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String size : sizes) {
            Amount.parse(size); // fail early on a bad size
            Path file = BenchFiles.resolve("synthetic-" + size + ".mrc");
            rows.add(runChild(size, file, xmx, minSeconds, parsers));
        }
        List<String> failures = check(rows, tolerance, heapSlackMb * 1e6);
        System.out.print(table(rows, xmx, tolerance, heapSlackMb));
        writeJson(out, rows, xmx, tolerance, heapSlackMb, failures);
        System.out.println("results: " + out);
        if (!failures.isEmpty()) {
            failures.forEach(f -> System.out.println("FAIL: " + f));
            System.exit(1);
        }
        System.out.println("OK: records/s flat within " + Math.round(tolerance * 100) + "%, live heap within "
                + heapSlackMb + " MB");
    }

    /**
     * One size's figures.
     *
     * @param failure why the child failed, or {@code null}
     */
    record Row(String size, long bytes, long records, double seconds, double recordsPerSecond, long peakUsed,
               long liveAfterGc, String failure) {
    }

    /** What does not hold: records/s below tolerance of the best, live heap above the smallest's plus slack. */
    static List<String> check(List<Row> rows, double tolerance, double heapSlackBytes) {
        List<String> failures = new ArrayList<>();
        double best = 0;
        for (Row r : rows) {
            if (r.failure() != null) {
                failures.add(r.size() + ": the run failed: " + r.failure());
            } else {
                best = Math.max(best, r.recordsPerSecond());
            }
        }
        Row first = rows.stream().filter(r -> r.failure() == null).findFirst().orElse(null);
        for (Row r : rows) {
            if (r.failure() != null) {
                continue;
            }
            if (r.recordsPerSecond() < best * (1 - tolerance)) {
                failures.add(String.format(Locale.ROOT, "%s: %,.0f records/s is %.0f%% below the best size's %,.0f",
                        r.size(), r.recordsPerSecond(), 100 * (1 - r.recordsPerSecond() / best), best));
            }
            if (r.liveAfterGc() > first.liveAfterGc() + heapSlackBytes) {
                failures.add(String.format(Locale.ROOT, "%s: live heap %.1f MB grew more than %.0f MB over %s's %.1f MB",
                        r.size(), r.liveAfterGc() / 1e6, heapSlackBytes / 1e6, first.size(), first.liveAfterGc() / 1e6));
            }
        }
        return failures;
    }

    static String table(List<Row> rows, String xmx, double tolerance, double heapSlackMb) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "engine ISO 2709 -> ISO 2709, child JVM -Xmx%s; MB = 10^6 bytes%n", xmx));
        sb.append(String.format(Locale.ROOT, "%-8s %14s %12s %9s %12s %8s %14s %14s%n", "size", "bytes", "records",
                "seconds", "records/s", "MB/s", "peak used MB", "live MB"));
        for (Row r : rows) {
            if (r.failure() != null) {
                sb.append(String.format(Locale.ROOT, "%-8s %14d  failed: %s%n", r.size(), r.bytes(), r.failure()));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%-8s %14d %12d %9.2f %12.0f %8.1f %14.1f %14.1f%n", r.size(),
                    r.bytes(), r.records(), r.seconds(), r.recordsPerSecond(),
                    r.bytes() * (r.recordsPerSecond() / r.records()) / 1e6, r.peakUsed() / 1e6, r.liveAfterGc() / 1e6));
        }
        sb.append(String.format(Locale.ROOT, "criteria: records/s within %.0f%% of the best size; live heap within "
                + "%.0f MB of the smallest size's%n", tolerance * 100, heapSlackMb));
        return sb.toString();
    }

    private static Row runChild(String size, Path file, String xmx, double minSeconds, int parsers)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"),
                ScaleRun.class.getName(), "--child", file.toString(), Double.toString(minSeconds),
                Integer.toString(parsers));
        System.out.println("# " + size + ": " + file + " in a child JVM with -Xmx" + xmx);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String result = null;
        StringBuilder tail = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(RESULT)) {
                    result = line.substring(RESULT.length());
                } else {
                    System.out.println("  " + line);
                    tail.setLength(0);
                    tail.append(line);
                }
            }
        }
        int status = p.waitFor();
        long bytes = Files.size(file);
        if (status != 0 || result == null) {
            return new Row(size, bytes, 0, 0, 0, 0, 0, "exit status " + status + (tail.length() > 0 ? ": " + tail : ""));
        }
        String[] f = result.trim().split(" ");
        return new Row(size, bytes, Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), null);
    }

    /**
     * In the child JVM: warm up, convert the file whole until {@code minSeconds} (records/s: the median pass),
     * then once more to measure the live heap, and print the figures.
     */
    private static void child(Path file, double minSeconds, int parsers) throws Exception {
        warmUp(file, parsers);
        System.gc();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap.add(pool);
                pool.resetPeakUsage();
            }
        }
        List<Double> rates = new ArrayList<>();
        long perPass = 0;
        long t0 = System.nanoTime();
        long elapsed;
        do {
            long p0 = System.nanoTime();
            PipelineResult r = convert(file, parsers, null, null);
            perPass = r.recordsRead();
            rates.add(perPass * 1e9 / (System.nanoTime() - p0));
            elapsed = System.nanoTime() - t0;
        } while (elapsed < minSeconds * 1e9);
        long peak = 0;
        for (MemoryPoolMXBean pool : heap) {
            peak += pool.getPeakUsage().getUsed();
        }
        Collections.sort(rates);
        double median = rates.get(rates.size() / 2);
        System.out.println(RESULT + perPass + " " + elapsed / 1e9 + " " + median + " " + peak + " " + liveHeap(file, parsers));
    }

    /**
     * The most heap in use, after a full collection, at the moments the engine reports progress during one more
     * pass (every 250 ms, and at the end of the pass, when the ring is still full of the last records): what the
     * engine keeps alive, without the garbage a collector has not yet reclaimed.
     */
    private static long liveHeap(Path file, int parsers) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong live = new AtomicLong();
        convert(file, parsers, null, progress -> {
            System.gc();
            live.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        });
        return live.get();
    }

    private static PipelineResult convert(Path file, int parsers, Pipeline[] holder, ProgressListener progress) {
        PipelineBuilder b = Pipeline.builder().source(file).parsers(parsers)
                .sink(OutputStream.nullOutputStream(), MarcFormat.ISO2709);
        if (progress != null) {
            b.progress(progress);
        }
        try (Pipeline p = b.build()) {
            if (holder != null) {
                holder[0] = p;
            }
            return p.run();
        }
    }

    /**
     * Converts the file again and again for 3 s (a pass still running then is cancelled), so that the
     * measured passes run compiled code whatever the file's size: a small file needs many passes.
     */
    private static void warmUp(Path file, int parsers) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Pipeline[] holder = new Pipeline[1];
            Thread t = new Thread(() -> {
                try {
                    convert(file, parsers, holder, null);
                } catch (RuntimeException cancelled) {
                    // the warm-up is cut short on purpose
                }
            });
            t.start();
            t.join(Math.max(1, left / 1_000_000));
            if (t.isAlive() && holder[0] != null) {
                holder[0].close();
            }
            t.join();
        }
    }

    private static void writeJson(Path out, List<Row> rows, String xmx, double tolerance, double heapSlackMb,
                                  List<String> failures) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("timestamp", Instant.now().toString());
            g.writeStringField("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            g.writeStringField("xmx", xmx);
            g.writeNumberField("tolerance", tolerance);
            g.writeNumberField("heapSlackMB", heapSlackMb);
            g.writeArrayFieldStart("sizes");
            for (Row r : rows) {
                g.writeStartObject();
                g.writeStringField("size", r.size());
                g.writeNumberField("bytes", r.bytes());
                if (r.failure() != null) {
                    g.writeStringField("failure", r.failure());
                } else {
                    g.writeNumberField("records", r.records());
                    g.writeNumberField("seconds", Math.round(r.seconds() * 1000) / 1000.0);
                    g.writeNumberField("recordsPerSecond", Math.round(r.recordsPerSecond()));
                    g.writeNumberField("peakUsedHeapBytes", r.peakUsed());
                    g.writeNumberField("liveHeapAfterGcBytes", r.liveAfterGc());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("failures");
            for (String f : failures) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeBooleanField("ok", failures.isEmpty());
            g.writeEndObject();
        }
    }

    private static String need(String v, String option) {
        if (v == null) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return v;
    }
}
