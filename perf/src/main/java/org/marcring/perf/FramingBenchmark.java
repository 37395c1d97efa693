package org.marcring.perf;

import java.util.concurrent.TimeUnit;

import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
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
 * Framing alone: splitting a whole file held in memory into ISO 2709 records with {@link RecordFramer},
 * without decoding them. marc4j has no separate framing step, so this one has no counterpart.
 * One operation is one pass over the file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class FramingBenchmark {
    /** The input file, by {@link BenchFiles} name. */
    @Param({BenchFiles.REALISTIC, BenchFiles.PRIDE, BenchFiles.SYNTHETIC_20MB})
    public String input;

    private byte[] bytes;
    private long records;

    /** Loads the input and prints its record count. */
    @Setup(Level.Trial)
    public void load() {
        BenchInput in = BenchFiles.load(input);
        bytes = in.bytes();
        records = in.records();
        if (records == 0) {
            throw new IllegalStateException("no records in " + in.path());
        }
        System.out.println("# input " + in.describe() + "; bytes framed " + marcring());
    }

    /** Frames every record, summing their lengths. */
    @Benchmark
    public long marcring() {
        RawRecord raw = new RawRecord();
        long total = 0;
        try (RecordFramer framer = RecordFramer.of(bytes)) {
            while (framer.next(raw)) {
                total += raw.length();
            }
        }
        return total;
    }
}
