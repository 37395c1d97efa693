package org.marcring.perf;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

import org.marcring.codec.io.MarcFormat;
import org.marcring.engine.IdleWaitStrategy;
import org.marcring.engine.Pipeline;
import org.marcring.engine.PipelineBuilder;
import org.marcring.engine.PipelineResult;
import org.marcring.engine.SignalWaitStrategy;

/**
 * ISO 2709 to ISO 2709 through the engine with 1 and 2 parsers against the plain sequential codec loop,
 * and the engine's tuning choices (wait strategy, stripe size), reporting wall time and the process's CPU
 * time for each. A plain main, not JMH: each run is one whole conversion of a large file.
 *
 * <pre>
 * java -cp perf/target/benchmarks.jar org.marcring.perf.EngineThroughput FILE [compare|waits|spins|stripes|rings] [reps] [to] [ring,sizes]
 * </pre>
 *
 * {@code to} is the output format of every mode but {@code waits} (default {@code iso2709};
 * {@code marcxml}, {@code json}, {@code mrk8} … as {@code MarcFormat.of} knows them); {@code ring,sizes} the
 * ring sizes {@code rings} compares (default 256,512,1024). Each case runs once to warm up, then the cases
 * take turns {@code reps} times; the table gives medians, the best run, each case's speedup over the
 * first case's median, and where the CPU went: the seconds of the engine's I/O thread, of the threads doing
 * the work (the parsers, or the loop's own thread), of the engine's writer, and of the rest of the process
 * (garbage collection, compilation), per file.
 *
 * <p>{@code compare} ends with two sequential loops converting the file in two threads at once, timed per
 * file: what two threads of this machine deliver at that moment, the ceiling of any 2-parser speedup. On a
 * shared host it moves a great deal (two loops at once have run 1.3× to 2.2× one loop within minutes), so
 * read the engine's 2-parser speedup beside it.
 *
 * Output goes to a null stream, so that the disk does not enter the figures. FILE should be large (100 MB
 * or more); a file of the corpus can be replicated with {@code --replicate N OUT} first.
 *
 * <p>With {@code --forks N} first, each case runs in JVMs of its own instead: N rounds, in each round every
 * case in a new child JVM with this JVM's options (two warm-ups, then {@code reps} runs), the cases of a round
 * one after the other.
 * In one JVM the cases share the JIT's profiles and compiled code, and how well a hot method happens to be
 * compiled moves a case by 10–30% from one launch to the next; a program runs either the engine or the
 * sequential loop, not both, and its speed is that of a launch like any other. The table then gives the
 * median over all runs of all forks, and beside it each round's speedup over the first case (its median in
 * that round's JVM over this case's), lowest, median and highest, as measured minutes apart.
 *
 * <pre>
 * java -cp perf/target/benchmarks.jar org.marcring.perf.EngineThroughput --forks 5 FILE compare 3 marcxml
 * </pre>
 */
public final class EngineThroughput {
    private static final int DEFAULT_STRIPE = PipelineBuilder.DEFAULT_STRIPE;
    private EngineThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("--replicate")) {
            replicate(Path.of(args[2]), Integer.parseInt(args[1]), Path.of(args[3]));
            return;
        }
        int forks = 0;
        int only = -1;
        if (args.length >= 2 && (args[0].equals("--forks") || args[0].equals(CHILD))) {
            if (args[0].equals(CHILD)) {
                only = Integer.parseInt(args[1]);
            } else {
                forks = Integer.parseInt(args[1]);
            }
            args = java.util.Arrays.copyOfRange(args, 2, args.length);
        }
        if (args.length < 1) {
            System.err.println("usage: EngineThroughput [--forks N] FILE [compare|waits|spins|stripes|rings] [reps] [to]"
                    + " [ring,sizes]\n       EngineThroughput --replicate N IN OUT");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "compare";
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        MarcFormat to = args.length > 3 ? MarcFormat.of(args[3]) : MarcFormat.ISO2709;
        Map<String, Case> cases = cases(file, mode, to, args);
        if (only >= 0) {
            String name = new ArrayList<>(cases.keySet()).get(only);
            runChild(cases.get(name), files(name), reps);
            return;
        }
        System.out.printf("%s: %,d bytes, mode %s, %d reps%s, %d processors%n", file, Files.size(file), mode, reps,
                forks > 0 ? " in each of " + forks + " forks" : "", Runtime.getRuntime().availableProcessors());
        if (forks > 0) {
            forked(forks, new ArrayList<>(cases.keySet()), args, reps, Files.size(file) / 1e6);
            return;
        }
        // one warm-up of each, then interleaved repetitions so that machine noise spreads over all cases
        cases.values().forEach(Case::run);
        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        for (int rep = 0; rep < reps; rep++) {
            for (Map.Entry<String, Case> c : cases.entrySet()) {
                figures.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(timed(c.getValue(), files(c.getKey())));
            }
        }
        double mb = Files.size(file) / 1e6;
        // medians (and the best) of the repetitions; "x first" is the first case's median wall time over this
        // case's: with the sequential loop first, the engine's speedup measured side by side
        System.out.printf("%s %9s%n", HEADER, "x first");
        double first = 0;
        for (Map.Entry<String, List<double[]>> f : figures.entrySet()) {
            double wall = median(f.getValue(), 0);
            if (first == 0) {
                first = wall;
            }
            System.out.printf("%s %9.2f%n", row(f.getKey(), f.getValue(), mb), first / wall);
        }
    }

    private static final String HEADER = String.format("%-38s %9s %9s %9s %9s %9s %7s %7s %7s %7s", "case",
            "wall s", "best s", "cpu s", "MB/s", "cpu/wall", "io", "work", "writer", "other");

    /**
     * The columns of {@link #HEADER} for one case: medians of its runs (wall, process CPU), its best run, MB/s,
     * and the medians of the CPU seconds of its threads: the engine's I/O thread, the threads doing the work
     * (the engine's parsers, or the sequential loop's thread), the engine's writer, and what the process used
     * beyond them (garbage collection, compilation).
     */
    private static String row(String name, List<double[]> runs, double mb) {
        double wall = median(runs, 0);
        double best = runs.stream().mapToDouble(d -> d[0]).min().orElse(0);
        double cpu = median(runs, 1);
        return String.format("%-38s %9.3f %9.3f %9.3f %9.1f %9.2f %7.3f %7.3f %7.3f %7.3f", name, wall, best, cpu,
                mb / wall, cpu / wall, median(runs, 2), median(runs, 3), median(runs, 4), median(runs, 5));
    }

    /**
     * One case: runs its conversion(s) once and returns the CPU nanoseconds of the threads it ran on, as
     * {I/O thread, working threads, writer thread}.
     */
    @FunctionalInterface
    private interface Case {
        long[] run();
    }

    private static final String CHILD = "--child-case";
    private static final String TWO_LOOPS = "2 loops at once, per file";
    private static final String RUN = "RUN ";

    /**
     * One run of {@code work}, per file: wall and process CPU seconds, then the CPU seconds of its I/O,
     * working and writer threads and of the rest of the process.
     */
    private static double[] timed(Case work, int files) {
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        long[] threads = work.run();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        double io = threads[0] / 1e9;
        double working = threads[1] / 1e9;
        double writer = threads[2] / 1e9;
        return new double[] {wall / files, cpu / files, io / files, working / files, writer / files,
                (cpu - io - working - writer) / files};
    }

    /** In a child JVM: two warm-ups of the case, then {@code reps} runs, each reported on a line of its own. */
    private static void runChild(Case work, int files, int reps) {
        work.run();
        work.run();
        for (int rep = 0; rep < reps; rep++) {
            double[] t = timed(work, files);
            StringBuilder line = new StringBuilder(RUN);
            for (double v : t) {
                line.append(v).append(' ');
            }
            System.out.println(line.toString().trim());
        }
    }

    /** Runs every case in {@code forks} child JVMs of its own, round by round, and prints the table. */
    private static void forked(int forks, List<String> names, String[] args, int reps, double mb)
            throws IOException, InterruptedException {
        List<List<double[]>> runs = new ArrayList<>();
        List<double[]> roundMedians = new ArrayList<>();     // [round][case] median wall of that fork
        for (int c = 0; c < names.size(); c++) {
            runs.add(new ArrayList<>());
        }
        for (int round = 0; round < forks; round++) {
            double[] medians = new double[names.size()];
            for (int c = 0; c < names.size(); c++) {
                List<double[]> fork = fork(c, args);
                if (fork.size() != reps) {
                    throw new IllegalStateException("fork of '" + names.get(c) + "' reported " + fork.size()
                            + " runs, not " + reps);
                }
                runs.get(c).addAll(fork);
                medians[c] = median(fork, 0);
                System.out.printf("# round %d, %s: median %.3f s%n", round + 1, names.get(c), medians[c]);
            }
            roundMedians.add(medians);
        }
        System.out.printf("%s %9s %9s %9s%n", HEADER, "x low", "x median", "x high");
        for (int c = 0; c < names.size(); c++) {
            final int k = c;
            double[] ratios = roundMedians.stream().mapToDouble(m -> m[0] / m[k]).sorted().toArray();
            System.out.printf("%s %9.2f %9.2f %9.2f%n", row(names.get(c), runs.get(c), mb), ratios[0], median(ratios),
                    ratios[ratios.length - 1]);
        }
    }

    /**
     * Runs case {@code index} in a new JVM with this one's options and class path; returns its runs (wall,
     * cpu).
     */
    private static List<double[]> fork(int index, String[] args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // the same JVM options (a collector, a heap size), so that a forked case runs as this JVM would
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), EngineThroughput.class.getName(), CHILD,
                Integer.toString(index)));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<double[]> runs = new ArrayList<>();
        StringBuilder other = new StringBuilder();
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(RUN)) {
                    runs.add(java.util.Arrays.stream(line.substring(RUN.length()).split(" "))
                            .mapToDouble(Double::parseDouble).toArray());
                } else {
                    other.append(line).append('\n');
                }
            }
        }
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException("fork of case " + index + " exited with status " + status + ":\n" + other);
        }
        return runs;
    }

    /** The cases of {@code mode}, by name, in the order they run. */
    private static Map<String, Case> cases(Path file, String mode, MarcFormat to, String[] args) {
        Map<String, Case> cases = new LinkedHashMap<>();
        switch (mode) {
            case "compare":
                String arrow = " -> " + to.displayName();
                cases.put("sequential loop" + arrow, () -> sequential(file, to));
                cases.put("engine, 1 parser" + arrow, () -> engine(file, 1, DEFAULT_STRIPE, null, to));
                cases.put("engine, 2 parsers" + arrow, () -> engine(file, 2, DEFAULT_STRIPE, null, to));
                // what two threads of this machine deliver at this moment: the ceiling of any 2-parser speedup
                cases.put(TWO_LOOPS + arrow, () -> twoLoopsAtOnce(file, to));
                break;
            case "spins":
                // the default wait against ones that give the core away sooner or later (MARCXML: 0 spins and
                // 0 yields, parking at once, cost 25-30% of the 2-parser speed; more yields changed nothing
                // beyond the noise, while burning a core with 1 parser)
                cases.put("sequential loop -> " + to.displayName(), () -> sequential(file, to));
                cases.put("signal (default), 2p", () -> engine(file, 2, DEFAULT_STRIPE, SignalWaitStrategy::new, to));
                cases.put("signal (default), 1p", () -> engine(file, 1, DEFAULT_STRIPE, SignalWaitStrategy::new, to));
                cases.put("idle 100 spins 10 yields, 2p", () -> engine(file, 2, 8, IdleWaitStrategy::new, to));
                cases.put("idle 100 spins 200 yields, 2p",
                        () -> engine(file, 2, 8, () -> new IdleWaitStrategy(100, 200, 1_000, 500_000), to));
                cases.put("idle 0 spins 0 yields, 2p",
                        () -> engine(file, 2, 8, () -> new IdleWaitStrategy(0, 0, 1_000, 500_000), to));
                cases.put("idle 100 spins 0 yields, 2p",
                        () -> engine(file, 2, 8, () -> new IdleWaitStrategy(100, 0, 1_000, 500_000), to));
                cases.put("idle 100 spins 10 yields park 50us, 2p",
                        () -> engine(file, 2, 8, () -> new IdleWaitStrategy(100, 10, 50_000, 500_000), to));
                cases.put("idle 100 spins 10 yields, 1p", () -> engine(file, 1, 8, IdleWaitStrategy::new, to));
                cases.put("idle 100 spins 200 yields, 1p",
                        () -> engine(file, 1, 8, () -> new IdleWaitStrategy(100, 200, 1_000, 500_000), to));
                break;
            case "waits":
                for (int parsers : new int[] {1, 2}) {
                    cases.put("idle (default), " + parsers + "p", () -> engine(file, parsers, 8, IdleWaitStrategy::new));
                    cases.put("blocking, " + parsers + "p", () -> engine(file, parsers, 8, BlockingWaitStrategy::new));
                    cases.put("yielding, " + parsers + "p", () -> engine(file, parsers, 8, YieldingWaitStrategy::new));
                    cases.put("sleeping, " + parsers + "p", () -> engine(file, parsers, 8, SleepingWaitStrategy::new));
                }
                break;
            case "rings":
                cases.put("sequential loop -> " + to.displayName(), () -> sequential(file, to));
                int[] rings = args.length > 4 ? java.util.Arrays.stream(args[4].split(",")).mapToInt(Integer::parseInt)
                        .toArray() : new int[] {256, 512, 1024};
                for (int ring : rings) {
                    cases.put("ring " + ring + ", 2p -> " + to.displayName(),
                            () -> engine(file, 2, 8, IdleWaitStrategy::new, to, ring));
                }
                break;
            case "stripes":
                cases.put("sequential loop -> " + to.displayName(), () -> sequential(file, to));
                for (int stripe : new int[] {1, 8, 32, 64}) {
                    cases.put("stripe " + stripe + ", 2p", () -> engine(file, 2, stripe, IdleWaitStrategy::new, to));
                }
                break;
            default:
                throw new IllegalArgumentException("mode: compare, waits, spins, stripes or rings");
        }
        return cases;
    }

    private static double median(List<double[]> runs, int column) {
        return median(runs.stream().mapToDouble(d -> d[column]).sorted().toArray());
    }

    /** The median of values already sorted. */
    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Two sequential loops, each converting the whole file, in two threads at once. */
    private static long[] twoLoopsAtOnce(Path file, MarcFormat to) {
        RuntimeException[] failure = new RuntimeException[1];
        long[] second = new long[3];
        Thread other = new Thread(() -> {
            try {
                System.arraycopy(sequential(file, to), 0, second, 0, 3);
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "second-loop");
        other.start();
        long[] first = sequential(file, to);
        try {
            other.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return new long[] {0, first[1] + second[1], 0};
    }

    /** Files one run of the case converts (two for {@link #TWO_LOOPS}): times are reported per file. */
    private static int files(String name) {
        return name.startsWith(TWO_LOOPS) ? 2 : 1;
    }

    /** The sequential loop, reading, decoding and encoding on the calling thread, which does all the work. */
    private static long[] sequential(Path file, MarcFormat to) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        SequentialLoop.convert(file, to, OutputStream.nullOutputStream());
        return new long[] {0, threads.getCurrentThreadCpuTime() - cpu0, 0};
    }

    private static long[] engine(Path file, int parsers, int stripe, Supplier<WaitStrategy> wait) {
        return engine(file, parsers, stripe, wait, MarcFormat.ISO2709);
    }

    private static long[] engine(Path file, int parsers, int stripe, Supplier<WaitStrategy> wait, MarcFormat to) {
        return engine(file, parsers, stripe, wait, to, PipelineBuilder.DEFAULT_RING_SIZE);
    }

    private static long[] engine(Path file, int parsers, int stripe, Supplier<WaitStrategy> wait, MarcFormat to,
                                 int ring) {
        PipelineBuilder b = Pipeline.builder().source(file).parsers(parsers).stripe(stripe).ringSize(ring);
        if (wait != null) {
            b.waitStrategy(wait.get()); // else the engine's default
        }
        PipelineResult r = b.sink(OutputStream.nullOutputStream(), to).build().run();
        return new long[] {r.cpu().io(), r.cpu().parsers(), r.cpu().writer()};
    }

    private static void replicate(Path in, int copies, Path out) throws IOException {
        byte[] bytes = Files.readAllBytes(in);
        try (OutputStream o = Files.newOutputStream(out)) {
            for (int i = 0; i < copies; i++) {
                o.write(bytes);
            }
        }
    }
}
