package org.marcring.perf;

import java.io.ByteArrayInputStream;
import java.util.concurrent.TimeUnit;

import org.marc4j.MarcPermissiveStreamReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.converter.impl.AnselToUnicode;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.marc4j.marc.VariableField;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.io.ReadOptions;
import org.marcring.codec.iso2709.Iso2709Reader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Reading MARC-8 records into Unicode records: marcring's reader (MARC-8 chosen by leader/09) side by
 * side with marc4j's permissive reader converting to UTF-8, and marc4j's plain reader with
 * {@link AnselToUnicode} applied to every value, on the same bytes in memory. The file is the shared
 * corpus's {@code solrmarc/test/data/records/uva_001_2000.mrc} (2,000 MARC-8 records with escape
 * sequences) unless {@code -p input=...} names another ({@link BenchFiles} names or a path). Score:
 * milliseconds per pass over the file. {@code marcringToUnicode} is compared with {@code marc4jToUnicode}
 * ({@code MarcStreamReader} and {@code AnselToUnicode} on every value); the permissive reader is shown for
 * reference.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Marc8DecodeBenchmark {

    /** The input file, by {@link BenchFiles} name. */
    @Param(BenchFiles.UVA)
    public String input;

    private byte[] data;

    @Setup
    public void load() {
        data = BenchFiles.load(input).bytes();
    }

    @Benchmark
    public void marcringToUnicode(Blackhole bh) {
        Iso2709Reader reader = Iso2709Reader.of(data, ReadOptions.defaults());
        while (reader.hasNext()) {
            MarcRecord r = reader.next();
            bh.consume(r);
        }
    }

    @Benchmark
    public void marc4jPermissiveToUnicode(Blackhole bh) {
        MarcPermissiveStreamReader reader = new MarcPermissiveStreamReader(new ByteArrayInputStream(data), true, true);
        while (reader.hasNext()) {
            bh.consume(reader.next());
        }
    }

    @Benchmark
    public void marc4jToUnicode(Blackhole bh) {
        MarcStreamReader reader = new MarcStreamReader(new ByteArrayInputStream(data));
        AnselToUnicode convert = new AnselToUnicode();
        while (reader.hasNext()) {
            Record r = reader.next();
            for (VariableField f : r.getVariableFields()) {
                if (f instanceof DataField) {
                    for (Subfield s : ((DataField) f).getSubfields()) {
                        s.setData(convert.convert(s.getData()));
                    }
                }
            }
            bh.consume(r);
        }
    }
}
