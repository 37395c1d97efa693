package org.marcring.perf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.marc4j.MarcStreamReader;
import org.marc4j.MarcStreamWriter;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Encoder;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.iso2709.Iso2709Writer;
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

/**
 * Encoding records as ISO 2709 (UTF-8), marcring's {@link Iso2709Writer} side by side with marc4j's
 * {@link MarcStreamWriter}: the records of the input file are decoded once at setup, by each library for
 * itself, and one operation writes all of them to the same kind of in-memory sink.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class EncodeBenchmark {
    /** The input file, by {@link BenchFiles} name. */
    @Param({BenchFiles.REALISTIC, BenchFiles.PRIDE, BenchFiles.SYNTHETIC_20MB})
    public String input;

    private List<MarcRecord> ours;
    private List<org.marc4j.marc.Record> theirs;
    private Iso2709Encoder encoder;
    private ByteArrayOutputStream sink;

    /** Decodes the input with both libraries and checks that both write about as many bytes as it holds. */
    @Setup(Level.Trial)
    public void load() {
        BenchInput in = BenchFiles.load(input);
        ours = new ArrayList<>();
        try (Iso2709Reader reader = Iso2709Reader.of(in.bytes(), ReadOptions.defaults())) {
            reader.onReject(e -> { });
            reader.forEachRemaining(ours::add);
        }
        theirs = new ArrayList<>();
        MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(in.bytes()));
        while (reader.hasNext()) {
            theirs.add(reader.next());
        }
        encoder = new Iso2709Encoder();
        sink = new ByteArrayOutputStream(in.bytes().length + (1 << 20));
        System.out.println("# input " + in.describe() + "; records decoded: marcring " + ours.size() + ", marc4j "
                + theirs.size() + "; bytes written: marcring " + marcring() + ", marc4j " + marc4j());
    }

    /** marcring: every record through one {@link Iso2709Writer}. */
    @Benchmark
    public int marcring() {
        sink.reset();
        try (Iso2709Writer writer = new Iso2709Writer(sink, encoder)) {
            for (int i = 0, n = ours.size(); i < n; i++) {
                writer.write(ours.get(i));
            }
        }
        return sink.size();
    }

    /** marc4j: every record through one {@link MarcStreamWriter} in UTF-8. */
    @Benchmark
    public int marc4j() {
        sink.reset();
        MarcStreamWriter writer = new MarcStreamWriter(sink, "UTF8");
        for (int i = 0, n = theirs.size(); i < n; i++) {
            writer.write(theirs.get(i));
        }
        writer.close();
        return sink.size();
    }
}
