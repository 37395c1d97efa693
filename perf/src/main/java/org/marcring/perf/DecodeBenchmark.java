package org.marcring.perf;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamReader;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Reader;
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
 * Decoding ISO 2709 into records, marcring's {@link Iso2709Reader} side by side with marc4j's
 * {@link MarcStreamReader} (strict) and {@link MarcPermissiveStreamReader} (permissive), over the same
 * bytes held in memory. One operation reads the whole file; every record goes to the blackhole and its
 * subfields (a control field counting as one) are counted, so both libraries do the same work.
 * The {@code StrictValues} pair also reads every value as a string, for a reader that uses all it decodes.
 * The {@code floor} pair is the yardstick of {@link DecodeFloor}: a decoder that checks nothing, with and
 * without making the value strings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecodeBenchmark {
    /** The input file, by {@link BenchFiles} name. */
    @Param({BenchFiles.REALISTIC, BenchFiles.PRIDE, BenchFiles.SYNTHETIC_20MB})
    public String input;

    private byte[] bytes;

    /** Loads the input and checks that both libraries read the same number of records and subfields. */
    @Setup(Level.Trial)
    public void load(Blackhole bh) {
        BenchInput in = BenchFiles.load(input);
        bytes = in.bytes();
        long[] rejects = new long[1];
        long strict = readMarcring(ReadOptions.strict(), bh, rejects);
        long permissive = readMarcring(ReadOptions.defaults(), bh, rejects);
        long theirs = marc4jStrict(bh);
        long theirsPermissive = marc4jPermissive(bh);
        long floor = floorStrings(bh);
        System.out.println("# input " + in.describe() + "; subfields: marcring strict " + strict + ", permissive "
                + permissive + ", marc4j " + theirs + ", marc4j permissive " + theirsPermissive
                + ", floor " + floor + "; marcring rejected " + rejects[0] + "; characters in values: marcring "
                + marcringStrictValues(bh) + ", marc4j " + marc4jStrictValues(bh));
        if (rejects[0] == 0 && floor != strict) {
            throw new IllegalStateException("the floor decoder read " + floor + " subfields, marcring " + strict);
        }
    }

    /** marcring, strict: any fault rejects the record. */
    @Benchmark
    public long marcringStrict(Blackhole bh) {
        return readMarcring(ReadOptions.strict(), bh, new long[1]);
    }

    /** marcring, permissive: faults are repaired and listed with the record. */
    @Benchmark
    public long marcringPermissive(Blackhole bh) {
        return readMarcring(ReadOptions.defaults(), bh, new long[1]);
    }

    /**
     * The yardstick: {@link DecodeFloor}, a decoder that checks nothing and makes the same kind of objects
     * (a string per value), over the same bytes. What any decoder into such records pays at the least.
     */
    @Benchmark
    public long floorStrings(Blackhole bh) {
        return new DecodeFloor(true).decode(bytes, bh::consume);
    }

    /** {@link DecodeFloor} without making the value strings: the floor's cost apart from them. */
    @Benchmark
    public long floorNoStrings(Blackhole bh) {
        return new DecodeFloor(false).decode(bytes, bh::consume);
    }

    /** marc4j's {@link MarcStreamReader}. */
    @Benchmark
    public long marc4jStrict(Blackhole bh) {
        return readMarc4j(new MarcStreamReader(new ByteArrayInputStream(bytes)), bh);
    }

    /** marc4j's {@link MarcPermissiveStreamReader}, permissive, converting to UTF-8. */
    @Benchmark
    public long marc4jPermissive(Blackhole bh) {
        return readMarc4j(new MarcPermissiveStreamReader(new ByteArrayInputStream(bytes), true, true), bh);
    }

    /**
     * marcring, strict, then every value read as a string: the whole cost of a reader that uses all it
     * decodes (marcring makes the string of a value from ASCII bytes on first use).
     */
    @Benchmark
    public long marcringStrictValues(Blackhole bh) {
        long chars = 0;
        try (Iso2709Reader reader = Iso2709Reader.of(bytes, ReadOptions.strict())) {
            while (reader.hasNext()) {
                MarcRecord r = reader.next();
                List<Field> fields = r.fields();
                for (int i = 0, n = fields.size(); i < n; i++) {
                    Field f = fields.get(i);
                    if (f instanceof DataField) {
                        DataField df = (DataField) f;
                        for (int k = 0, m = df.subfieldCount(); k < m; k++) {
                            chars += df.value(k).length();
                        }
                    } else {
                        chars += f.data().length();
                    }
                }
                bh.consume(r);
            }
        }
        return chars;
    }

    /** marc4j's {@link MarcStreamReader}, then every value read as a string, as {@link #marcringStrictValues}. */
    @Benchmark
    public long marc4jStrictValues(Blackhole bh) {
        long chars = 0;
        org.marc4j.MarcReader reader = new MarcStreamReader(new ByteArrayInputStream(bytes));
        while (reader.hasNext()) {
            org.marc4j.marc.Record r = reader.next();
            for (org.marc4j.marc.ControlField f : r.getControlFields()) {
                chars += f.getData().length();
            }
            for (org.marc4j.marc.DataField f : r.getDataFields()) {
                for (org.marc4j.marc.Subfield s : f.getSubfields()) {
                    chars += s.getData().length();
                }
            }
            bh.consume(r);
        }
        return chars;
    }

    private long readMarcring(ReadOptions options, Blackhole bh, long[] rejects) {
        long subfields = 0;
        try (Iso2709Reader reader = Iso2709Reader.of(bytes, options)) {
            reader.onReject(e -> rejects[0]++);
            while (reader.hasNext()) {
                MarcRecord r = reader.next();
                List<Field> fields = r.fields();
                for (int i = 0, n = fields.size(); i < n; i++) {
                    Field f = fields.get(i);
                    subfields += f instanceof DataField ? ((DataField) f).subfieldCount() : 1;
                }
                bh.consume(r);
            }
        }
        return subfields;
    }

    private static long readMarc4j(org.marc4j.MarcReader reader, Blackhole bh) {
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
