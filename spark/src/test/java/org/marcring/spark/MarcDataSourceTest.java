package org.marcring.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marcring.codec.DataField;
import org.marcring.codec.Field;
import org.marcring.codec.MarcFormatException;
import org.marcring.codec.MarcRecord;
import org.marcring.codec.iso2709.Iso2709Decoder;
import org.marcring.codec.iso2709.RawRecord;
import org.marcring.codec.iso2709.RecordFramer;
import org.marcring.codec.testing.Corpus;

/**
 * {@code spark.read.format("marc")} against the codec's own sequential read of the same corpus files: the same
 * records (same offsets, leaders, fields and errors, none twice, none lost) at every split size, the read modes
 * on a damaged file, column pruning and gzip.
 */
class MarcDataSourceTest {
    private static final String REALISTIC = "mrrc/tests/data/fixtures/realistic.mrc";
    private static final String DAMAGED = "marc4j/test/resources/pride-and-prejudice-with-many-errors.mrc";

    @ParameterizedTest(name = "{0} in splits of {1} bytes")
    @CsvSource({
        "mrrc/tests/data/fixtures/realistic.mrc, 32768",
        "mrrc/tests/data/fixtures/realistic.mrc, 1000000",
        "solrmarc/test/data/records/uva_001_2000.mrc, 65536",
        "marc4j/test/resources/pride-and-prejudice-fixed.mrc, 32768",
        "marc4j/test/resources/pride-and-prejudice-with-many-errors.mrc, 32768",
        "marc4j/test/resources/bad_too_long_plus_2.mrc, 32768",
    })
    void splitReadsGiveTheCodecsSequentialRecords(String relative, long splitBytes) throws IOException {
        Path file = Corpus.file(relative);
        Dataset<Row> df = TestSpark.session().read().format("marc")
                .option("maxPartitionBytes", splitBytes).load(file.toString());
        long size = Files.size(file);
        if (size > 2 * splitBytes) {
            assertTrue(df.rdd().getNumPartitions() > 1, "partitions: " + df.rdd().getNumPartitions());
        }
        assertEquals(sequential(file), described(df));
    }

    @Test
    void countWithoutColumnsCountsEveryFrame() throws IOException {
        Path file = Corpus.file(DAMAGED);
        long count = TestSpark.session().read().format("marc").option("maxPartitionBytes", 32768)
                .load(file.toString()).count();
        assertEquals(sequential(file).size(), count);
    }

    @Test
    void aQueryOfTheLeaderReadsOnlyTheLeaderColumn() throws IOException {
        Path file = Corpus.file(REALISTIC);
        Dataset<Row> leaders = TestSpark.session().read().format("marc").option("maxPartitionBytes", 1 << 20)
                .load(file.toString()).select("byte_offset", "leader");
        String plan = leaders.queryExecution().optimizedPlan().toString();
        assertTrue(plan.contains("leader#"), plan);
        assertFalse(plan.contains("data_fields") || plan.contains("control_fields") || plan.contains("errors"), plan);
        List<String> got = leaders.collectAsList().stream().sorted(Comparator.comparingLong(r -> r.getLong(0)))
                .map(r -> r.getString(1)).collect(Collectors.toList());
        List<String> want = new ArrayList<>();
        for (MarcRecord r : records(file)) {
            want.add(r.leader().toString());
        }
        assertEquals(want, got);
    }

    @Test
    void permissiveKeepsUnreadableBytesInCorruptRecordAndDamagedRecordsWithTheirErrors() throws IOException {
        Path file = Corpus.file(DAMAGED);
        List<Row> rows = TestSpark.session().read().format("marc").load(file.toString())
                .select("errors", "_corrupt_record", "leader").collectAsList();
        long damaged = rows.stream().filter(r -> !r.getList(0).isEmpty()).count();
        long expectedDamaged = sequential(file).stream().filter(s -> !s.endsWith("|0")).count();
        assertTrue(expectedDamaged > 0, "the damaged file has damaged records");
        assertEquals(expectedDamaged, damaged);
        for (Row r : rows) {
            assertEquals(r.isNullAt(1), !r.isNullAt(2), "a row has either a leader or its corrupt bytes");
        }
    }

    @Test
    void dropMalformedLeavesOutEveryRecordWithErrors() throws IOException {
        Path file = Corpus.file(DAMAGED);
        long clean = sequential(file).stream().filter(s -> s.endsWith("|0")).count();
        Dataset<Row> df = TestSpark.session().read().format("marc").option("mode", "DROPMALFORMED")
                .option("maxPartitionBytes", 65536).load(file.toString());
        assertEquals(clean, df.count());
        assertEquals(0, df.filter("size(errors) > 0").count());
    }

    @Test
    void failFastFailsTheQueryNamingTheFileAndOffset() {
        Path file = Corpus.file(DAMAGED);
        Exception e = assertThrows(Exception.class, () -> TestSpark.session().read().format("marc")
                .option("mode", "FAILFAST").load(file.toString()).count());
        String all = messages(e);
        assertTrue(all.contains("FAILFAST") && all.contains("at byte"), all);
        // a clean file passes in FAILFAST
        assertEquals(2000, TestSpark.session().read().format("marc").option("mode", "FAILFAST")
                .load(Corpus.file(REALISTIC).toString()).count());
    }

    @Test
    void aGzipFileIsOneSplitWithTheSameRecords(@TempDir Path dir) throws IOException {
        Path file = Corpus.file(REALISTIC);
        Path gz = dir.resolve("realistic.mrc.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(file, out);
        }
        Dataset<Row> df = TestSpark.session().read().format("marc").option("maxPartitionBytes", 32768)
                .load(gz.toString());
        assertEquals(1, df.rdd().getNumPartitions());
        assertEquals(sequential(file), described(df));
    }

    @Test
    void aBzip2FileSplitsByCompressedRangeWithTheSameRecords(@TempDir Path dir) throws IOException {
        Path file = Corpus.file(REALISTIC);
        Path bz2 = dir.resolve("realistic.mrc.bz2");
        org.apache.hadoop.io.compress.BZip2Codec codec = new org.apache.hadoop.io.compress.BZip2Codec();
        codec.setConf(new org.apache.hadoop.conf.Configuration());
        try (OutputStream out = codec.createOutputStream(Files.newOutputStream(bz2))) {
            Files.copy(file, out);
        }
        Dataset<Row> df = TestSpark.session().read().format("marc").option("maxPartitionBytes", 32768)
                .load(bz2.toString());
        assertTrue(Files.size(bz2) > 2 * 32768, "the compressed file is larger than two splits");
        assertTrue(df.rdd().getNumPartitions() > 1, "partitions: " + df.rdd().getNumPartitions());
        // a split after the first cannot know its records' offsets in the decompressed stream (-1)
        assertEquals(withoutOffsets(sequential(file)), withoutOffsets(described(df)));
    }

    @Test
    void aDirectoryOfSmallFilesIsPackedIntoFewPartitions() throws IOException {
        Path dir = Corpus.file("pymarc/test/marc.dat").getParent();
        Dataset<Row> df = TestSpark.session().read().format("marc").load(dir.resolve("*.dat").toString());
        assertTrue(df.rdd().getNumPartitions() <= 2, "partitions: " + df.rdd().getNumPartitions());
        long frames = 0;
        try (var files = Files.newDirectoryStream(dir, "*.dat")) {
            for (Path f : files) {
                frames += sequential(f).size();
            }
        }
        assertEquals(frames, df.count());
    }

    // ---------------------------------------------------------------- the codec's view

    /** The described records without their byte offsets, sorted. */
    private static List<String> withoutOffsets(List<String> described) {
        return described.stream().map(d -> d.substring(d.indexOf('|') + 1)).sorted().collect(Collectors.toList());
    }

    /** Every frame of the file, read sequentially by the codec and described as {@link #described} does. */
    static List<String> sequential(Path file) {
        List<String> out = new ArrayList<>();
        Iso2709Decoder decoder = new Iso2709Decoder();
        try (RecordFramer framer = RecordFramer.open(file)) {
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                String head = raw.byteOffset() + "|" + raw.length() + "|";
                try {
                    MarcRecord r = decoder.decode(raw);
                    out.add(head + r.leader() + "|" + fields(r) + "|" + r.errors().size());
                } catch (MarcFormatException e) {
                    out.add(head + "corrupt " + e.getMessage() + "|1");
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    private static List<MarcRecord> records(Path file) {
        List<MarcRecord> out = new ArrayList<>();
        Iso2709Decoder decoder = new Iso2709Decoder();
        try (RecordFramer framer = RecordFramer.open(file)) {
            RawRecord raw = new RawRecord();
            while (framer.next(raw)) {
                out.add(decoder.decode(raw));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    static String fields(MarcRecord r) {
        StringBuilder sb = new StringBuilder();
        for (Field f : r.fields()) {
            if (f.isControl()) {
                sb.append(f.tag()).append('=').append(f.data()).append(';');
            }
        }
        sb.append('/');
        for (Field f : r.fields()) {
            if (!f.isControl()) {
                DataField d = (DataField) f;
                sb.append(d.tag()).append(d.indicator1()).append(d.indicator2());
                for (int i = 0; i < d.subfieldCount(); i++) {
                    sb.append('$').append(d.code(i)).append(d.value(i));
                }
                sb.append(';');
            }
        }
        return sb.toString();
    }

    /** Every row, in file order, described as the codec's records are by {@link #sequential}. */
    static List<String> described(Dataset<Row> df) {
        List<Row> rows = new ArrayList<>(df.select("byte_offset", "record_length", "leader", "control_fields",
                "data_fields", "errors", "_corrupt_record").collectAsList());
        rows.sort(Comparator.comparingLong(r -> r.getLong(0)));
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            String head = r.getLong(0) + "|" + r.getInt(1) + "|";
            if (!r.isNullAt(6)) {
                out.add(head + "corrupt " + r.getList(5).get(0) + "|1");
                continue;
            }
            StringBuilder sb = new StringBuilder();
            for (Row c : r.<Row>getList(3)) {
                sb.append(c.getString(0)).append('=').append(c.getString(1)).append(';');
            }
            sb.append('/');
            for (Row d : r.<Row>getList(4)) {
                sb.append(d.getString(0)).append(d.getString(1)).append(d.getString(2));
                for (Row s : d.<Row>getList(3)) {
                    sb.append('$').append(s.getString(0)).append(s.getString(1));
                }
                sb.append(';');
            }
            out.add(head + r.getString(2) + "|" + sb + "|" + r.getList(5).size());
        }
        return out;
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t).append('\n');
        }
        return sb.toString();
    }
}
