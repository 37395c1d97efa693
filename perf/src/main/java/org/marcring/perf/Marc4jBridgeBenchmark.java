package org.marcring.perf;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;

import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamReader;
import org.marcring.engine.marc4j.ParallelMarcReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What a marc4j program gains by changing the line that creates its reader: iterating
 * {@code org.marc4j.marc.Record}s from the same bytes in memory with marcring's {@link ParallelMarcReader}
 * and with marc4j's {@link MarcStreamReader} ({@code Records}) or {@link MarcPermissiveStreamReader}
 * ({@code PermissiveRecords}), in the same run. Each operation reads the whole input and counts the
 * subfields of every record (a control field counting as one), so both sides build and touch the same
 * marc4j objects. {@code threads} is the number of parser threads (0: one per available processor).
 *
 * <pre>
 * java -cp perf/target/benchmarks.jar org.marcring.perf.Report Marc4jBridge
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class Marc4jBridgeBenchmark {
    /** The input, by {@link BenchFiles} name: real-looking records repeated to 50 MB by default. */
    @Param({"realistic.mrc@50mb"})
    public String input;

    /** Parser threads of the marcring reader; 0 for one per available processor. */
    @Param({"0"})
    public int threads;

    private byte[] bytes;
    private ParallelMarcReader.Options options;

    /** Loads the input and checks that both readers see the same number of subfields. */
    @Setup(Level.Trial)
    public void load(Blackhole bh) {
        BenchInput in = BenchFiles.load(input);
        bytes = in.bytes();
        options = ParallelMarcReader.Options.defaults();
        if (threads > 0) {
            options = options.threads(threads);
        }
        long ours = marcringRecords(bh);
        long theirs = marc4jRecords(bh);
        System.out.println("# input " + in.describe() + "; subfields: marcring " + ours + ", marc4j " + theirs);
        if (ours != theirs) {
            throw new IllegalStateException("the readers disagree: marcring " + ours + " subfields, marc4j " + theirs);
        }
    }

    /** marcring's parallel reader, permissive, MARC-8 converted (its defaults). */
    @Benchmark
    public long marcringRecords(Blackhole bh) {
        try (ParallelMarcReader reader = new ParallelMarcReader(new ByteArrayInputStream(bytes), options)) {
            return read(reader, bh);
        }
    }

    /** marc4j's {@link MarcStreamReader}. */
    @Benchmark
    public long marc4jRecords(Blackhole bh) {
        return read(new MarcStreamReader(new ByteArrayInputStream(bytes)), bh);
    }

    /** marcring's parallel reader as {@code new ParallelMarcReader(in, true, true)}. */
    @Benchmark
    public long marcringPermissiveRecords(Blackhole bh) {
        try (ParallelMarcReader reader = new ParallelMarcReader(new ByteArrayInputStream(bytes),
                options.permissive(true).convertToUtf8(true))) {
            return read(reader, bh);
        }
    }

    /** marc4j's {@code new MarcPermissiveStreamReader(in, true, true)}. */
    @Benchmark
    public long marc4jPermissiveRecords(Blackhole bh) {
        return read(new MarcPermissiveStreamReader(new ByteArrayInputStream(bytes), true, true), bh);
    }

    private static long read(org.marc4j.MarcReader reader, Blackhole bh) {
        long subfields = 0;
        while (reader.hasNext()) {
            org.marc4j.marc.Record r = reader.next();
            subfields += r.getControlFields().size();
            for (org.marc4j.marc.DataField f : r.getDataFields()) {
                subfields += f.getSubfields().size();
            }
            bh.consume(r);
        }
        return subfields;
    }
}
