package org.marcring.perf;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlWriter;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.MarcFormat;
import org.marcring.codec.io.MarcReader;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.engine.Iso2709Source;
import org.marcring.engine.ParallelReader;
import org.marcring.engine.Pipeline;
import org.marcring.engine.PipelineResult;
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
 * The engine with 1..N parser threads, and the parallel reader, over an ISO 2709 file held in memory: each
 * side by side with marc4j doing the same work on one thread (there is no parallel marc4j), and with marcring's
 * own plain sequential loop for the engine's scaling ({@code sequential…} time / {@code marcring…} time).
 *
 * <ul>
 * <li>{@code …Convert}: ISO 2709 → MARCXML into a null stream (marcring: the {@link Pipeline} with
 *     {@code parsers} parser threads; marc4j: {@code MarcStreamReader} + {@code MarcXmlWriter}).</li>
 * <li>{@code …Read}: every record of the file, in order, counted (marcring: {@link ParallelReader} with
 *     {@code parsers} threads decoding ahead; marc4j: {@code MarcStreamReader}).</li>
 * </ul>
 *
 * On a machine with fewer cores than the engine's threads (its I/O and writer threads come on top of the
 * parsers), read the figures for more parsers than cores as what oversubscription costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EngineBenchmark {
    /** The input file, by {@link BenchFiles} name. */
    @Param({"synthetic-4mb.mrc"})
    public String input;

    /** Parser threads of the engine and of the parallel reader. */
    @Param({"1", "2"})
    public int parsers;

    private byte[] bytes;

    /** Loads the input and checks that every way of reading it sees the same number of records. */
    @Setup(Level.Trial)
    public void load() {
        bytes = BenchFiles.load(input).bytes();
        long convert = marcringConvert();
        long read = marcringRead();
        long sequential = sequentialRead();
        long theirs = marc4jRead();
        if (convert != sequential || read != sequential || theirs != sequential) {
            throw new IllegalStateException("records: engine " + convert + ", parallel reader " + read
                    + ", sequential " + sequential + ", marc4j " + theirs);
        }
    }

    /** The engine: ISO 2709 → MARCXML with {@code parsers} parser threads. */
    @Benchmark
    public long marcringConvert() {
        PipelineResult r = Pipeline.builder().source(Iso2709Source.of(bytes, ReadOptions.defaults()))
                .parsers(parsers).sink(OutputStream.nullOutputStream(), MarcFormat.MARCXML).build().run();
        return r.recordsWritten();
    }

    /** The plain sequential codec loop doing the engine's work on one thread (the engine's yardstick). */
    @Benchmark
    public long sequentialConvert() {
        return SequentialLoop.convert(RecordFramer.of(bytes), ReadOptions.defaults(), MarcFormat.MARCXML,
                OutputStream.nullOutputStream());
    }

    /** marc4j: {@code MarcStreamReader} + {@code MarcXmlWriter}, one thread. */
    @Benchmark
    public long marc4jConvert() {
        MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(bytes));
        MarcXmlWriter writer = new MarcXmlWriter(OutputStream.nullOutputStream(), "UTF-8");
        long n = 0;
        while (reader.hasNext()) {
            writer.write(reader.next());
            n++;
        }
        writer.close();
        return n;
    }

    /** The parallel reader: records in file order, decoded ahead by {@code parsers} threads. */
    @Benchmark
    public long marcringRead() {
        return readAll(new ParallelReader(Iso2709Source.of(bytes, ReadOptions.defaults()), parsers, 1024, null));
    }

    /** The sequential reader the parallel one stands in for. */
    @Benchmark
    public long sequentialRead() {
        return readAll(Iso2709Reader.of(bytes, ReadOptions.defaults()));
    }

    /** Reads every record of {@code reader} and closes it; the records with fields, so none is unused. */
    private static long readAll(MarcReader reader) {
        long n = 0;
        try (reader) {
            while (reader.hasNext()) {
                MarcRecord r = reader.next();
                n += r.fields().isEmpty() ? 0 : 1;
            }
        }
        return n;
    }

    /** marc4j's {@code MarcStreamReader}. */
    @Benchmark
    public long marc4jRead() {
        MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(bytes));
        long n = 0;
        while (reader.hasNext()) {
            n += reader.next().getVariableFields().isEmpty() ? 0 : 1;
        }
        return n;
    }
}
