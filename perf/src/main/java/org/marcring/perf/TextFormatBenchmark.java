package org.marcring.perf;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.marc4j.MarcJsonWriter;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlWriter;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ByteArrayBuilder;
import org.marcring.codec.io.EncodingWriter;
import org.marcring.codec.io.MarcWriter;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.io.RecordEncoder;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.marcring.codec.json.MarcJsonEncoder;
import org.marcring.codec.xml.MarcXmlEncoder;
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
 * ISO 2709 → MARCXML and ISO 2709 → MARC-in-JSON, one thread, marcring and marc4j 2.9.6 side by side
 * in the same run, on files of the shared corpus read from memory and written to a null stream.
 * One operation converts the whole file; MB/s of input is the file size divided by the time per op.
 * The {@code encodeOnly} benchmarks time marcring's encoders alone, on records decoded beforehand;
 * the {@code Read…} ones read back the compact MARCXML and the newline-delimited MARC-in-JSON of the same records (marc4j's JSON reader
 * takes a sequence of objects, not an array).
 *
 * <pre>
 * java -jar perf/target/benchmarks.jar TextFormatBenchmark -Dmarcring.corpus=../shared/corpus
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TextFormatBenchmark {

    /** The input file, by {@link BenchFiles} name. */
    @Param({BenchFiles.REALISTIC, BenchFiles.PRIDE})
    public String input;

    private byte[] iso;
    private byte[] marcXml;
    private byte[] json;
    private List<MarcRecord> records;
    private final ByteArrayBuilder scratch = new ByteArrayBuilder(1 << 20);

    @Setup(Level.Trial)
    public void load() {
        iso = BenchFiles.load(input).bytes();
        records = new ArrayList<>();
        try (Iso2709Reader r = Iso2709Reader.of(iso, ReadOptions.defaults())) {
            r.forEachRemaining(records::add);
        }
        java.io.ByteArrayOutputStream xml = new java.io.ByteArrayOutputStream();
        try (MarcWriter w = new EncodingWriter(xml, MarcXmlEncoder.compact())) {
            records.forEach(w::write);
        }
        marcXml = xml.toByteArray();
        java.io.ByteArrayOutputStream js = new java.io.ByteArrayOutputStream();
        try (MarcWriter w = new EncodingWriter(js, MarcJsonEncoder.lines())) { // marc4j reads no JSON array
            records.forEach(w::write);
        }
        json = js.toByteArray();
    }

    private long marcring(RecordEncoder encoder) {
        try (Iso2709Reader in = Iso2709Reader.of(iso, ReadOptions.defaults());
             MarcWriter out = new EncodingWriter(OutputStream.nullOutputStream(), encoder)) {
            while (in.hasNext()) {
                out.write(in.next());
            }
            return out.recordsWritten();
        }
    }

    private long encodeOnly(RecordEncoder encoder) {
        long bytes = 0;
        for (MarcRecord r : records) {
            scratch.reset();
            encoder.encode(r, scratch);
            bytes += scratch.length();
        }
        return bytes;
    }

    private long marc4j(org.marc4j.MarcWriter out) {
        MarcStreamReader in = new MarcStreamReader(new ByteArrayInputStream(iso), "UTF-8");
        long n = 0;
        while (in.hasNext()) {
            out.write(in.next());
            n++;
        }
        out.close();
        return n;
    }

    @Benchmark
    public long marcringIsoToMarcXml() {
        return marcring(MarcXmlEncoder.compact());
    }

    @Benchmark
    public long marc4jIsoToMarcXml() {
        return marc4j(new MarcXmlWriter(OutputStream.nullOutputStream(), "UTF-8"));
    }

    @Benchmark
    public long marcringIsoToJson() {
        return marcring(MarcJsonEncoder.array());
    }

    @Benchmark
    public long marc4jIsoToJson() {
        return marc4j(new MarcJsonWriter(OutputStream.nullOutputStream(), MarcJsonWriter.MARC_IN_JSON));
    }

    @Benchmark
    public long marcringReadMarcXml() {
        long n = 0;
        try (org.marcring.codec.xml.MarcXmlReader r = org.marcring.codec.xml.MarcXmlReader.open(
                new ByteArrayInputStream(marcXml), ReadOptions.defaults())) {
            while (r.hasNext()) {
                n += r.next().fields().size();
            }
        }
        return n;
    }

    @Benchmark
    public long marc4jReadMarcXml() {
        long n = 0;
        org.marc4j.MarcXmlReader r = new org.marc4j.MarcXmlReader(new ByteArrayInputStream(marcXml));
        while (r.hasNext()) {
            org.marc4j.marc.Record rec = r.next();
            n += rec.getControlFields().size() + rec.getDataFields().size();
        }
        return n;
    }

    @Benchmark
    public long marcringReadJson() {
        long n = 0;
        try (org.marcring.codec.json.MarcJsonReader r = org.marcring.codec.json.MarcJsonReader.open(
                new ByteArrayInputStream(json), ReadOptions.defaults())) {
            while (r.hasNext()) {
                n += r.next().fields().size();
            }
        }
        return n;
    }

    @Benchmark
    public long marc4jReadJson() {
        long n = 0;
        org.marc4j.MarcJsonReader r = new org.marc4j.MarcJsonReader(new ByteArrayInputStream(json));
        while (r.hasNext()) {
            org.marc4j.marc.Record rec = r.next();
            n += rec.getControlFields().size() + rec.getDataFields().size();
        }
        return n;
    }

    @Benchmark
    public long encodeOnlyMarcXml() {
        return encodeOnly(MarcXmlEncoder.compact());
    }

    @Benchmark
    public long encodeOnlyJson() {
        return encodeOnly(MarcJsonEncoder.array());
    }
}
